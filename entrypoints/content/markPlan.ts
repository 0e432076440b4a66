/**
 * Which occurrences get a visible mark. Every occurrence still answers a hover; marking is kept sparing:
 * by default only the first occurrence of a term in each paragraph (block) is marked, terms the reader said
 * they know (我懂了) are never marked, and categories switched off are neither marked nor explained.
 */
import type { TermMatch } from '@/lib/matcher/matcher';

export type MarkAmount = 'firstInBlock' | 'all';

export interface MarkRules {
  amount: MarkAmount;
  /** False for entries that must not be marked (a category switched off, a term marked 我懂了). */
  isMarkable(entry: number): boolean;
}

const BLOCK_SELECTOR =
  'p, li, dd, dt, td, th, caption, figcaption, blockquote, pre, h1, h2, h3, h4, h5, h6, section, article, aside, header, footer, div, body';

/** The paragraph-like element a text node belongs to (its nearest block-level ancestor by tag). */
export function blockOf(node: Text): Element | null {
  return node.parentElement?.closest(BLOCK_SELECTOR) ?? node.parentElement;
}

/** Sorts text nodes into document order (shadow-tree nodes keep their relative order at the end). */
export function inDocumentOrder(nodes: Iterable<Text>): Text[] {
  return [...nodes].sort((a, b) => {
    const relation = a.compareDocumentPosition(b);
    if (relation & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (relation & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  });
}

/**
 * The matches to mark in each node, given the nodes in document order. With `firstInBlock`, an entry already
 * marked earlier in the same block is not marked again.
 */
export function planMarks(
  nodesInOrder: readonly Text[],
  matchesOf: (node: Text) => readonly TermMatch[] | undefined,
  rules: MarkRules,
): Map<Text, TermMatch[]> {
  const plan = new Map<Text, TermMatch[]>();
  const seenByBlock = new Map<Element | null, Set<number>>();
  for (const node of nodesInOrder) {
    const block = rules.amount === 'firstInBlock' ? blockOf(node) : null;
    let seen = seenByBlock.get(block);
    if (!seen) seenByBlock.set(block, (seen = new Set()));
    const marked: TermMatch[] = [];
    for (const match of matchesOf(node) ?? []) {
      if (!rules.isMarkable(match.entry)) continue;
      if (rules.amount === 'firstInBlock') {
        if (seen.has(match.entry)) continue;
        seen.add(match.entry);
      }
      marked.push(match);
    }
    plan.set(node, marked);
  }
  return plan;
}
