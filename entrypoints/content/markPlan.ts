/**
 * Which occurrences get a visible mark. Every occurrence still answers a hover; marking is kept sparing:
 * by default only the first occurrence of a term in each paragraph (block) is marked, terms the reader said
 * they know (我懂了) are never marked, and categories switched off are neither marked nor explained.
 */
import type { TermMatch } from '@/lib/matcher/matcher';
import type { LensSettings } from '@/lib/settings/table';

export interface MarkRules {
  amount: LensSettings['markAmount'];
  /** False for entries that must not be marked (a category switched off, a term marked 我懂了). */
  isMarkable(entry: number): boolean;
}

const BLOCK_SELECTOR =
  'p, li, dd, dt, td, th, caption, figcaption, blockquote, pre, h1, h2, h3, h4, h5, h6, section, article, aside, header, footer, div, body';

/** The paragraph-like element a text node belongs to (its nearest block-level ancestor by tag). */
export function blockOf(node: Text): Element | null {
  return node.parentElement?.closest(BLOCK_SELECTOR) ?? node.parentElement;
}

/**
 * Text nodes in document order. A few are sorted by comparing positions; many (本页术语 on a long page) are
 * picked up by one walk of the document instead, since sorting with compareDocumentPosition grows far worse
 * than linearly there. Nodes the walk cannot reach (inside shadow trees) keep their relative order at the end.
 */
export function inDocumentOrder(nodes: Iterable<Text>): Text[] {
  const list = [...nodes];
  if (list.length <= 64) {
    return list.sort((a, b) => {
      const relation = a.compareDocumentPosition(b);
      if (relation & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
      if (relation & Node.DOCUMENT_POSITION_PRECEDING) return 1;
      return 0;
    });
  }
  const doc = list[0]!.ownerDocument;
  const wanted = new Set(list);
  const ordered: Text[] = [];
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && ordered.length < wanted.size; node = walker.nextNode()) {
    if (wanted.has(node as Text)) ordered.push(node as Text);
  }
  const found = new Set(ordered);
  for (const node of list) if (!found.has(node)) ordered.push(node);
  return ordered;
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
