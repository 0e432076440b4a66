/**
 * The popup's search index and the suggestions of the empty search box. Imported on demand (SearchPanel), so the
 * popup shows its search box before these are read; the 本页术语 and 计算器 routes never load them.
 */
import searchDocs from '@/generated/search-docs.json';
import searchRanking from '@/generated/search-ranking.json';
import searchWords from '@/generated/search-words.json';
import type { SearchDoc, SearchQueryWords, SearchRanking } from '@/lib/card/records';
import { createPopupSearchIndex } from '@/lib/search/popupSearchIndex';

const docs = searchDocs as SearchDoc[];
const ranking = searchRanking as SearchRanking;

export const popupSearchIndex = createPopupSearchIndex(docs, ranking, searchWords as SearchQueryWords);

const docById = new Map(docs.map((d) => [`${d.kind}:${d.id}`, d]));
const pick = (kind: SearchDoc['kind'], ids: string[]) =>
  ids.map((id) => docById.get(`${kind}:${id}`)).filter((d): d is SearchDoc => d !== undefined);

/** Common terms and questions for the empty search box (chosen at build time). */
export const popupSuggestions = {
  terms: pick('term', ranking.suggestions.terms),
  articles: pick('article', ranking.suggestions.articles),
};
