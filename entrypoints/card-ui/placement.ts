/**
 * Where to put a card next to a term: inside the viewport and over none of the
 * term's line boxes (a term wrapped over two lines, or squeezed into a narrow
 * table cell, has several). Pure: line rects + viewport + card size in, a
 * position out.
 *
 * Order of preference: below the last line, above the first, right of the
 * lines, left of them — the first where the whole card fits. If none fits, the
 * side with the most room, with the card shrunk to that room.
 */
import type { RectLike } from '@/lib/card/contract';

export type { RectLike };

export type CardSide = 'below' | 'above' | 'right' | 'left';

export interface CardPlacement {
  left: number;
  top: number;
  width: number;
  maxHeight: number;
  side: CardSide;
}

/** Narrower than this, a card beside the term is not worth reading. */
const MIN_SIDE_WIDTH = 220;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));

export function placeCard(
  lines: readonly RectLike[],
  viewport: { width: number; height: number },
  card: { width: number; height: number },
  gap: number,
): CardPlacement {
  const boxes = lines.length ? lines : [{ left: 0, top: 0, right: 0, bottom: 0 }];
  const first = boxes[0]!;
  const last = boxes[boxes.length - 1]!;
  const top = Math.min(...boxes.map((r) => r.top));
  const bottom = Math.max(...boxes.map((r) => r.bottom));
  const left = Math.min(...boxes.map((r) => r.left));
  const right = Math.max(...boxes.map((r) => r.right));

  const width = Math.min(card.width, viewport.width - 2 * gap);
  const fullHeight = Math.min(card.height, viewport.height - 2 * gap);
  const room: Record<CardSide, number> = {
    below: viewport.height - bottom - 2 * gap,
    above: top - 2 * gap,
    right: viewport.width - right - 2 * gap,
    left: left - 2 * gap,
  };

  const place = (side: CardSide, size: { width: number; height: number }): CardPlacement => {
    const h = Math.max(0, size.height);
    const w = Math.max(0, size.width);
    switch (side) {
      case 'below':
        return {
          side,
          width: w,
          maxHeight: h,
          top: bottom + gap,
          left: clamp(last.left, gap, viewport.width - w - gap),
        };
      case 'above':
        return {
          side,
          width: w,
          maxHeight: h,
          top: top - gap - h,
          left: clamp(first.left, gap, viewport.width - w - gap),
        };
      case 'right':
        return {
          side,
          width: w,
          maxHeight: h,
          left: right + gap,
          top: clamp(first.top, gap, viewport.height - h - gap),
        };
      case 'left':
        return {
          side,
          width: w,
          maxHeight: h,
          left: left - gap - w,
          top: clamp(first.top, gap, viewport.height - h - gap),
        };
    }
  };

  if (room.below >= fullHeight) return place('below', { width, height: fullHeight });
  if (room.above >= fullHeight) return place('above', { width, height: fullHeight });
  if (room.right >= width) return place('right', { width, height: fullHeight });
  if (room.left >= width) return place('left', { width, height: fullHeight });

  // Nothing fits whole: the most readable area wins; beside the term only if wide enough to read.
  const options: { side: CardSide; width: number; height: number }[] = [
    { side: 'below', width, height: room.below },
    { side: 'above', width, height: room.above },
    { side: 'right', width: room.right, height: fullHeight },
    { side: 'left', width: room.left, height: fullHeight },
  ];
  const area = (o: { side: CardSide; width: number; height: number }) =>
    (o.side === 'right' || o.side === 'left') && o.width < MIN_SIDE_WIDTH
      ? -1
      : Math.max(0, o.width) * Math.max(0, o.height);
  const best = options.reduce((a, b) => (area(b) > area(a) ? b : a));
  return place(best.side, best);
}

/** True if two rects share any area (touching edges do not count). */
export function rectsOverlap(a: RectLike, b: RectLike): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
