/**
 * Matching one text node, apart from the scanner's bookkeeping: the terms in its text (long text in chunks), and the
 * neighbouring text of the same block, where a term split by inline markup (个人<b>账户</b>) runs on.
 */
import type { TermMatch, TermMatcher } from '@/lib/matcher/matcher';
import { hasHan } from './chineseText';
import { blockOf } from './readingOrder';
import { isInsideSkippedElement } from './skippedElements';
import { LENS_TUNABLES } from './tunables';

/** Characters each chunk reaches into the next, longer than any term, so no term is cut at a chunk's edge. */
const CHUNK_OVERLAP = 32;

/** Terms in the text of one node; text without a Han character is not looked at (a DRG in English text is not ours). */
export function matchesInText(matcher: TermMatcher, text: string): TermMatch[] {
  if (text.length < 2 || !hasHan(text)) return [];
  const chunk = LENS_TUNABLES.textChunkChars;
  if (text.length <= chunk) return matcher.findTermMatches(text);
  const matches: TermMatch[] = [];
  for (let from = 0; from < text.length; from += chunk) {
    for (const m of matcher.findTermMatches(text.slice(from, from + chunk + CHUNK_OVERLAP))) {
      if (m.start < chunk) matches.push({ start: m.start + from, end: m.end + from, entry: m.entry });
    }
  }
  return matches;
}

/** The text node before or after `node` in the same block, unless it lies in something never scanned. */
export function neighbourInBlock(
  doc: Document,
  node: Text,
  step: 'nextNode' | 'previousNode',
  isOwnElement: (element: Element) => boolean,
): Text | null {
  const block = blockOf(node);
  if (!block) return null;
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  const neighbour = walker[step]() as Text | null;
  if (!neighbour || blockOf(neighbour) !== block || isInsideSkippedElement(neighbour, isOwnElement)) return null;
  return neighbour;
}
