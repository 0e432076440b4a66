/** The popup's full search index, built the same way in the popup (on demand) and at build time (the quick table). */
import type { SearchDoc, SearchQueryWords, SearchRanking } from '@/lib/card/records';
import { createGlossarySearch, type GlossarySearchIndex } from './glossarySearch';

export function createPopupSearchIndex(
  docs: readonly SearchDoc[],
  ranking: SearchRanking,
  words: SearchQueryWords,
): GlossarySearchIndex {
  return createGlossarySearch(docs, { popularity: new Map(Object.entries(ranking.popularity)), words });
}
