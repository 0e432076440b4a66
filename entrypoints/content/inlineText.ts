/**
 * The text around a point, read across the inline text nodes of one block: a 《…》 title is often split by
 * markup (《<a>关于…的通知</a>》, <strong>, a 《 in its own node). Bounded: at most `reach` characters and
 * INLINE_NODES text nodes on each side, never past the block; nothing else on the page is read.
 */
import { blockOf } from './readingOrder';

/** Text nodes visited at most on each side (empty and whitespace-only nodes count too). */
const INLINE_NODES = 16;

/** A piece of a text node, placed at `from` in the joined text. */
interface Piece {
  node: Text;
  /** Offset in the node where the piece starts. */
  offset: number;
  from: number;
  length: number;
}

export interface InlineText {
  /** The text before, the span itself, the text after. */
  text: string;
  /** Where the span given starts and ends in `text`. */
  start: number;
  end: number;
  /** The text node and the offset in it of a position in `text`; `asEnd`: the end of the character before. */
  positionAt(index: number, asEnd?: boolean): { node: Text; offset: number };
}

/** Text nodes next to `node` in its block, nearest first, `forward` or back; stops at a nested block. */
function* inlineNeighbours(node: Text, forward: boolean): Generator<Text> {
  const block = blockOf(node);
  const root = block ?? node.parentNode;
  if (!root) return;
  const walker = node.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  for (let steps = 0; steps < INLINE_NODES; steps++) {
    const next = (forward ? walker.nextNode() : walker.previousNode()) as Text | null;
    if (!next || blockOf(next) !== block) return;
    yield next;
  }
}

/**
 * The text from `reach` characters before (node, start) to `reach` characters after (endNode, end), joined
 * across inline text nodes of the same block. `endNode` is `node` or a text node after it in the block.
 */
export function inlineTextAround(
  node: Text,
  start: number,
  end: number,
  reach: number,
  endNode: Text = node,
): InlineText {
  const before: Omit<Piece, 'from'>[] = [];
  const take = Math.min(start, reach);
  before.push({ node, offset: start - take, length: take });
  let need = reach - take;
  if (need > 0) {
    for (const previous of inlineNeighbours(node, false)) {
      const length = Math.min(previous.length, need);
      before.unshift({ node: previous, offset: previous.length - length, length });
      need -= length;
      if (need <= 0) break;
    }
  }
  const middle: Omit<Piece, 'from'>[] =
    endNode === node
      ? [{ node, offset: start, length: end - start }]
      : [
          { node, offset: start, length: node.length - start },
          { node: endNode, offset: 0, length: end },
        ];
  const after: Omit<Piece, 'from'>[] = [];
  const afterTake = Math.min(endNode.length - end, reach);
  after.push({ node: endNode, offset: end, length: afterTake });
  need = reach - afterTake;
  if (need > 0) {
    for (const next of inlineNeighbours(endNode, true)) {
      const length = Math.min(next.length, need);
      after.push({ node: next, offset: 0, length });
      need -= length;
      if (need <= 0) break;
    }
  }
  const pieces: Piece[] = [];
  let text = '';
  let spanStart = 0;
  let spanEnd = 0;
  for (const [i, piece] of [...before, ...middle, ...after].entries()) {
    if (i === before.length) spanStart = text.length;
    pieces.push({ ...piece, from: text.length });
    text += piece.node.data.slice(piece.offset, piece.offset + piece.length);
    if (i === before.length + middle.length - 1) spanEnd = text.length;
  }
  return {
    text,
    start: spanStart,
    end: spanEnd,
    positionAt(index, asEnd = false) {
      // A position on the seam of two pieces belongs to the piece before when it ends a span, else to the next.
      const at = Math.max(0, Math.min(index, text.length));
      const found =
        pieces.find((p) => (asEnd ? at > p.from && at <= p.from + p.length : at >= p.from && at < p.from + p.length)) ??
        pieces[asEnd ? 0 : pieces.length - 1]!;
      return { node: found.node, offset: found.offset + Math.max(0, Math.min(at - found.from, found.length)) };
    },
  };
}
