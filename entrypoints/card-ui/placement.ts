/** Where to put a card next to a term so it stays inside the viewport. Pure. */
export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardPlacement {
  left: number;
  top: number;
  maxHeight: number;
  side: 'below' | 'above';
}

export function placeCard(
  anchor: RectLike,
  viewport: { width: number; height: number },
  card: { width: number; height: number },
  gap: number,
): CardPlacement {
  const width = Math.min(card.width, viewport.width - 2 * gap);
  const left = Math.max(gap, Math.min(anchor.left, viewport.width - width - gap));
  const spaceBelow = viewport.height - anchor.bottom - 2 * gap;
  const spaceAbove = anchor.top - 2 * gap;
  const below = spaceBelow >= card.height || spaceBelow >= spaceAbove;
  const room = Math.max(120, below ? spaceBelow : spaceAbove);
  const height = Math.min(card.height, room);
  const top = below ? anchor.bottom + gap : Math.max(gap, anchor.top - gap - height);
  return {
    left,
    top: Math.min(top, Math.max(gap, viewport.height - height - gap)),
    maxHeight: height,
    side: below ? 'below' : 'above',
  };
}
