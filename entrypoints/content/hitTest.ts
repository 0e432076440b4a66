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
): TermHit | null {
  const caret = caretAt(doc as unknown as CaretDocument, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const node = caret.node as Text;
  const matches = matchesOf(node);
  if (!matches) return null;
  for (const match of matches) {
    if (match.start > caret.offset) break;
    if (caret.offset > match.end) continue;
    const range = doc.createRange();
    range.setStart(node, match.start);
    range.setEnd(node, match.end);
    for (const rect of range.getClientRects()) {
      if (rectContains(rect, x, y)) return { node, match, rect };
    }
  }
  return null;
}

/** The current client rect of a match (after scrolling), or null if the node is gone. */
export function rectOfMatch(node: Text, match: TermMatch): DOMRect | null {
  if (!node.isConnected || node.length < match.end) return null;
  const range = node.ownerDocument.createRange();
  range.setStart(node, match.start);
  range.setEnd(node, match.end);
  return range.getClientRects()[0] ?? null;
}
