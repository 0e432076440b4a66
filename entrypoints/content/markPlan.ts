/**
 * Which occurrences get a visible mark. Every occurrence still answers a hover; marking is kept sparing:
 * by default only the first occurrence of a term in each paragraph (block) is marked, terms the reader said
 * they know (我懂了) are never marked, terms in headings and 《…》 titles are not marked one by one
 * (./readingContext.ts), and categories switched off are neither marked nor explained.
 */
import type { TermMatch } from '@/lib/matcher/matcher';
import type { LensSettings } from '@/lib/settings/table';
import { blockOf } from './readingOrder';
import { forgetTitleBlocks, inRunningText } from './readingContext';

export interface MarkRules {
  amount: LensSettings['markAmount'];
  /** False for entries that must not be marked (a category switched off, a term marked 我懂了). */
  isMarkable(entry: number): boolean;
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
  forgetTitleBlocks();
  const plan = new Map<Text, TermMatch[]>();
  const seenByBlock = new Map<Element | null, Set<number>>();
  for (const node of nodesInOrder) {
    const block = rules.amount === 'firstInBlock' ? blockOf(node) : null;
    let seen = seenByBlock.get(block);
    if (!seen) seenByBlock.set(block, (seen = new Set()));
    const marked: TermMatch[] = [];
    for (const match of matchesOf(node) ?? []) {
      // Cheapest test first: most repeats in a block stop at the set lookup.
      if (rules.amount === 'firstInBlock' && seen.has(match.entry)) continue;
      if (!rules.isMarkable(match.entry) || !inRunningText(node, match)) continue;
      if (rules.amount === 'firstInBlock') seen.add(match.entry);
      marked.push(match);
    }
    plan.set(node, marked);
  }
  return plan;
}

/**
 * True if `match` is the first occurrence of its entry in its block, the one planMarks marks by default. Looks
 * only at the text of that block (the keys use it to stop on marked terms only).
 */
export function isFirstInBlock(
  node: Text,
  match: TermMatch,
  matchesOf: (node: Text) => readonly TermMatch[] | undefined,
): boolean {
  const sameEntry = (m: TermMatch) => m.entry === match.entry;
  if ((matchesOf(node) ?? []).some((m) => sameEntry(m) && m.start < match.start)) return false;
  const block = blockOf(node);
  if (!block) return true;
  const walker = node.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (
    let other = walker.nextNode() as Text | null;
    other && other !== node;
    other = walker.nextNode() as Text | null
  ) {
    if (other.data.trim() !== '' && blockOf(other) === block && (matchesOf(other) ?? []).some(sameEntry)) return false;
  }
  return true;
}
