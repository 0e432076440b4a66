/**
 * The popup's quick search: what the full search (./glossarySearch.ts) answers for every name a reader is likely to
 * type whole (each entry's title, aliases and everyday words), worked out at build time into a compact table. The
 * popup's first script looks a typed query up here and shows the top rows at once, before React and the full index
 * have loaded; a query the table does not hold waits for the full search. Pure: no DOM, no fuse.js.
 */
import type { SearchDoc } from '@/lib/card/records';
import { normalizeGlossaryQuery } from './queryFold';
import { RESULT_GROUP_LABELS } from './resultGroups';

/** Rows the quick table keeps per query: a popup's first screen of results. */
export const QUICK_SEARCH_ROWS = 8;
export const QUICK_SEARCH_KINDS: SearchDoc['kind'][] = ['term', 'article'];

/** One result row: index into `docs`, and the alias that matched when it is not the title (0 = none). */
export type QuickRow = [doc: number, alias?: string];
/** One group: kind (index into KINDS), how many hits the full search lists in it, its first rows. */
export type QuickGroup = [kind: number, count: number, rows: QuickRow[]];

export interface QuickSearchTable {
  /** [kind index, id, title, summary] of every document a row names. */
  docs: [number, string, string, string][];
  /** Normalised query → its groups, in the order the popup shows them. */
  queries: Record<string, QuickGroup[]>;
  /** The empty search box's common terms and questions (indexes into `docs`). */
  suggestions: { terms: number[]; articles: number[] };
}

export interface QuickSearchHit {
  kind: SearchDoc['kind'];
  id: string;
  title: string;
  summary: string;
  matchedAlias: string | null;
}

export interface QuickSearchGroup {
  kind: SearchDoc['kind'];
  /** 术语 or 文章, as the full results label them. */
  label: string;
  /** Hits the full search lists in this group (the quick rows may be fewer). */
  count: number;
  hits: QuickSearchHit[];
}

/** The names a reader types whole: titles, aliases and everyday words, normalised as the search does. */
export function quickSearchQueries(docs: readonly SearchDoc[]): string[] {
  const names = docs.flatMap((d) => [d.title, ...d.aliases, ...(d.everyday ?? [])]);
  return [...new Set(names.map(normalizeGlossaryQuery).filter(Boolean))].sort();
}

/**
 * The quick answer for typed text: its groups (empty when the full search finds nothing), or null when the table
 * does not hold the query (the full search must answer it).
 */
export function lookupQuickSearch(table: QuickSearchTable, raw: string): QuickSearchGroup[] | null {
  const groups = table.queries[normalizeGlossaryQuery(raw)];
  if (!groups) return null;
  return groups.map(([kind, count, rows]) => ({
    kind: QUICK_SEARCH_KINDS[kind]!,
    label: RESULT_GROUP_LABELS[QUICK_SEARCH_KINDS[kind]!],
    count,
    hits: rows.map(([doc, alias]) => {
      const [k, id, title, summary] = table.docs[doc]!;
      return { kind: QUICK_SEARCH_KINDS[k]!, id, title, summary, matchedAlias: alias ?? null };
    }),
  }));
}
