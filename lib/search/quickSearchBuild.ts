/** Build time: the quick search table (./quickSearch.ts) from the full search's own answers. */
import type { SearchDoc } from '@/lib/card/records';
import { groupGlossaryHits, type GlossarySearchIndex } from './glossarySearch';
import {
  QUICK_SEARCH_KINDS,
  QUICK_SEARCH_ROWS,
  type QuickGroup,
  type QuickRow,
  type QuickSearchTable,
} from './quickSearch';
import { POPUP_RESULT_LIMITS } from './resultGroups';

/** Runs the full search for every quick query (at build time) and keeps its first rows. */
export function buildQuickSearchTable(
  index: GlossarySearchIndex,
  queries: readonly string[],
  suggestions: { terms: readonly string[]; articles: readonly string[] },
): QuickSearchTable {
  const docs: QuickSearchTable['docs'] = [];
  const docIndex = new Map<SearchDoc, number>();
  const indexOf = (doc: SearchDoc) => {
    let i = docIndex.get(doc);
    if (i === undefined) {
      i = docs.push([QUICK_SEARCH_KINDS.indexOf(doc.kind), doc.id, doc.title, doc.summary]) - 1;
      docIndex.set(doc, i);
    }
    return i;
  };
  const out: QuickSearchTable['queries'] = {};
  for (const query of queries) {
    let left = QUICK_SEARCH_ROWS;
    out[query] = groupGlossaryHits(index.search(query), POPUP_RESULT_LIMITS).map((group): QuickGroup => {
      const rows = group.hits.slice(0, Math.max(0, left)).map((hit): QuickRow => {
        const doc = indexOf(hit.doc);
        return hit.matchedAlias ? [doc, hit.matchedAlias] : [doc];
      });
      left -= rows.length;
      return [QUICK_SEARCH_KINDS.indexOf(group.kind), group.hits.length, rows];
    });
  }
  const byId = (kind: SearchDoc['kind'], id: string) => {
    const doc = index.docs.find((d) => d.kind === kind && d.id === id);
    return doc ? [indexOf(doc)] : [];
  };
  return {
    docs,
    queries: out,
    suggestions: {
      terms: suggestions.terms.flatMap((id) => byId('term', id)),
      articles: suggestions.articles.flatMap((id) => byId('article', id)),
    },
  };
}
