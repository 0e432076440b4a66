/**
 * The popup's quick search answers before the full index has loaded; for every name it holds it must give the
 * full search's own top results (same entries, order, matched alias, group labels and counts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDoc, SearchQueryWords, SearchRanking } from '@/lib/card/records';
import { groupGlossaryHits } from './glossarySearch';
import { createPopupSearchIndex } from './popupSearchIndex';
import { lookupQuickSearch, QUICK_SEARCH_ROWS, quickSearchQueries, type QuickSearchTable } from './quickSearch';
import { buildQuickSearchTable } from './quickSearchBuild';
import { POPUP_RESULT_LIMITS } from './resultGroups';

const read = <T>(path: string): T => {
  if (!existsSync(path)) throw new Error(`${path} 不存在：先运行 npm run compile-data`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
};

describe('quick search (generated/popup-quick.json)', () => {
  const docs = read<SearchDoc[]>('generated/search-docs.json');
  const ranking = read<SearchRanking>('generated/search-ranking.json');
  const words = read<SearchQueryWords>('generated/search-words.json');
  const table = read<QuickSearchTable>('generated/popup-quick.json');
  const index = createPopupSearchIndex(docs, ranking, words);
  /** What the popup's full search shows for a query: groups, their counts, and the first rows in screen order. */
  const fullTop = (query: string) => {
    let left = QUICK_SEARCH_ROWS;
    return groupGlossaryHits(index.search(query), POPUP_RESULT_LIMITS).map((group) => {
      const hits = group.hits.slice(0, Math.max(0, left)).map((hit) => ({
        kind: hit.doc.kind,
        id: hit.doc.id,
        title: hit.doc.title,
        summary: hit.doc.summary,
        matchedAlias: hit.matchedAlias,
      }));
      left -= hits.length;
      return { kind: group.kind, label: group.label, count: group.hits.length, hits };
    });
  };

  it('holds every title, alias and everyday word, and is current with the data', () => {
    const queries = quickSearchQueries(docs);
    expect(queries.length).toBeGreaterThan(docs.length);
    expect(Object.keys(table.queries).sort()).toEqual(queries);
    expect(table).toEqual(buildQuickSearchTable(index, queries, ranking.suggestions));
  });

  it('gives the full search’s top results for every name it holds, typed as written', () => {
    const names = [...new Set(docs.flatMap((d) => [d.title, ...d.aliases, ...(d.everyday ?? [])]))];
    let compared = 0;
    for (const name of names) {
      const quick = lookupQuickSearch(table, name);
      expect(quick, name).not.toBeNull();
      expect(quick, name).toEqual(fullTop(name));
      compared += 1;
    }
    expect(compared).toBe(names.length);
  });

  it('folds what is typed as the full search does (variants, spaces, punctuation, case)', () => {
    for (const typed of ['個人帳戶', '个人帐户', ' 个人 账户？', '個人賬戶']) {
      expect(lookupQuickSearch(table, typed)).toEqual(fullTop('个人账户'));
    }
    expect(lookupQuickSearch(table, '个人账户')?.[0]?.hits[0]?.title).toBe('个人账户');
  });

  it('leaves what it does not hold (a prefix, pinyin, a typo, a question) to the full search', () => {
    for (const typed of ['个人', 'tongchou', '统愁基金', '医保卡丢了怎么办啊'])
      expect(lookupQuickSearch(table, typed)).toBeNull();
    expect(lookupQuickSearch(table, '')).toBeNull();
  });

  it('keeps the empty search box’s suggestions', () => {
    const titles = (kind: SearchDoc['kind'], ids: string[]) =>
      ids.map((id) => docs.find((d) => d.kind === kind && d.id === id)!.title);
    expect(table.suggestions.terms.map((i) => table.docs[i]![2])).toEqual(titles('term', ranking.suggestions.terms));
    expect(table.suggestions.articles.map((i) => table.docs[i]![2])).toEqual(
      titles('article', ranking.suggestions.articles),
    );
  });
});
