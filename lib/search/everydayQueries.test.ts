/**
 * The everyday queries of test/fixtures/search-queries.json (written before the search was tuned for them, and
 * frozen): colloquial names, sound-alike slips, whole questions, phrases selected on a page and short generic
 * words. Each passes when a fitting entry or article is among the first three results; at least 90% must pass.
 * The misses are printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchDoc, SearchQueryWords, SearchRanking } from '@/lib/card/records';
import { createGlossarySearch } from './glossarySearch';

interface EverydayQuery {
  query: string;
  kind: string;
  accept: string[];
}

const read = <T>(path: string): T => {
  if (!existsSync(path)) throw new Error(`${path} 不存在：先运行 npm run compile-data`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
};

describe('everyday queries (test/fixtures/search-queries.json)', () => {
  const docs = read<SearchDoc[]>('generated/search-docs.json');
  const words = read<SearchQueryWords>('generated/search-words.json');
  const ranking = read<SearchRanking>('generated/search-ranking.json');
  const { queries } = read<{ queries: EverydayQuery[] }>('test/fixtures/search-queries.json');
  // As the popup builds it (entrypoints/popup/searchData.ts).
  const index = createGlossarySearch(docs, { popularity: new Map(Object.entries(ranking.popularity)), words });
  const ids = new Set(docs.map((d) => d.id));

  it('lists at least 60 queries, each accepting only entries and articles that exist', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const q of queries) for (const id of q.accept) expect(ids, `${q.query} → ${id}`).toContain(id);
  });

  it('finds a fitting result in the first three for at least 90% of them', () => {
    const misses: string[] = [];
    const byKind = new Map<string, { hits: number; total: number }>();
    for (const q of queries) {
      const top = index.search(q.query, 3);
      const hit = top.some((h) => q.accept.includes(h.doc.id));
      const tally = byKind.get(q.kind) ?? { hits: 0, total: 0 };
      tally.total += 1;
      if (hit) tally.hits += 1;
      else misses.push(`  ${q.query}（${q.kind}）→ ${top.map((h) => h.doc.title).join(' | ') || '（无结果）'}`);
      byKind.set(q.kind, tally);
    }
    const hits = queries.length - misses.length;
    console.log(
      `everyday queries: ${hits}/${queries.length} with a fitting result in the first three (` +
        [...byKind].map(([kind, t]) => `${kind} ${t.hits}/${t.total}`).join(', ') +
        ')' +
        (misses.length ? `\nmisses:\n${misses.join('\n')}` : ''),
    );
    expect(hits / queries.length).toBeGreaterThanOrEqual(0.9);
  });
});
