/** Finds the term under the pointer: caret position from the point, then a rect check on the match's range. */
import type { TermMatch } from '@/lib/matcher/matcher';

export interface TermHit {
  node: Text;
  match: TermMatch;
  rect: DOMRect;
}

type CaretDocument = Omit<Document, 'caretPositionFromPoint' | 'caretRangeFromPoint'> & {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): CaretPosition | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

function caretAt(
  doc: CaretDocument,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = shadowRoots.length
      ? doc.caretPositionFromPoint(x, y, { shadowRoots })
      : doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function rectContains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

export function findTermAtPoint(
  doc: Document,
  /** The matches of a text node (the scanner matches the node now if it had not yet). */
  matchesOf: (node: Text) => readonly TermMatch[] | undefined,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
  /**
   * A 《…》 title of a held document at this offset (documentTitle.ts), which may start and end in other text
   * nodes: it answers before the terms inside it.
   */
  documentAt?: (node: Text, offset: number) => { node: Text; match: TermMatch } | null,
): TermHit | null {
  const caret = caretAt(doc as unknown as CaretDocument, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const node = caret.node as Text;
  const title = documentAt?.(node, caret.offset);
  const hit = (title && hitOnRange(title.node, title.match, x, y)) || hitIn(node, matchesOf(node), caret.offset, x, y);
  if (hit) return hit;
  // The pointer may be on the second half of a term that starts in the previous text node (个人<b>账户</b>).
  const walker = doc.createTreeWalker(node.parentNode?.getRootNode() ?? doc, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  const previous = walker.previousNode() as Text | null;
  if (!previous) return null;
  const across = matchesOf(previous)?.filter((m) => m.endNode === node);
  return across?.length ? hitIn(previous, across, previous.length, x, y) : null;
}

function hitIn(
  node: Text,
  matches: readonly TermMatch[] | undefined,
  offset: number,
  x: number,
  y: number,
): TermHit | null {
  for (const match of matches ?? []) {
    if (match.start > offset) break;
    if (!match.endNode && offset > match.end) continue;
    const hit = hitOnRange(node, match, x, y);
    if (hit) return hit;
  }
  return null;
}

function hitOnRange(node: Text, match: TermMatch, x: number, y: number): TermHit | null {
  for (const rect of rangeOfMatch(node, match)?.getClientRects() ?? []) {
    if (rectContains(rect, x, y)) return { node, match, rect };
  }
  return null;
}

/** The current client rect of a match (after scrolling), or null if the node is gone. */
/** The DOM range of a match (it may run on into the next text node), or null when its text changed or left. */
export function rangeOfMatch(node: Text, match: TermMatch): Range | null {
  const endNode = match.endNode ?? node;
  if (!node.isConnected || !endNode.isConnected || node.length < match.start || endNode.length < match.end) return null;
  const range = node.ownerDocument.createRange();
  range.setStart(node, match.start);
  range.setEnd(endNode, match.end);
  return range;
}

export function rectOfMatch(node: Text, match: TermMatch): DOMRect | null {
  return rangeOfMatch(node, match)?.getClientRects()[0] ?? null;
}
