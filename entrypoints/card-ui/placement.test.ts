import { describe, expect, it } from 'vitest';
import { placeCard, rectsOverlap, type CardSide, type RectLike } from './placement';

const GAP = 8;
const desktop = { width: 1000, height: 800 };
const card = { width: 360, height: 400 };
const line = (left: number, top: number, right: number, bottom: number): RectLike => ({ left, top, right, bottom });
const cardRect = (p: ReturnType<typeof placeCard>): RectLike => ({
  left: p.left,
  top: p.top,
  right: p.left + p.width,
  bottom: p.top + p.maxHeight,
});

interface Case {
  name: string;
  lines: RectLike[];
  viewport?: { width: number; height: number };
  size?: { width: number; height: number };
  side: CardSide;
}

const cases: Case[] = [
  { name: 'one line with room below', lines: [line(100, 100, 160, 120)], side: 'below' },
  { name: 'near the bottom edge', lines: [line(100, 700, 160, 720)], side: 'above' },
  { name: 'at the top edge', lines: [line(100, 0, 160, 20)], side: 'below' },
  { name: 'at the left edge', lines: [line(0, 300, 50, 320)], side: 'below' },
  { name: 'at the right edge', lines: [line(950, 300, 1000, 320)], side: 'below' },
  { name: 'bottom-right corner', lines: [line(940, 778, 1000, 800)], side: 'above' },
  {
    name: 'wrapped over two lines (end of one line, start of the next)',
    lines: [line(900, 200, 1000, 220), line(0, 224, 60, 244)],
    side: 'below',
  },
  {
    name: 'wrapped over two lines near the bottom',
    lines: [line(900, 680, 1000, 700), line(0, 704, 60, 724)],
    side: 'above',
  },
  {
    name: 'narrow table cell in the middle of a short viewport: one character a line',
    lines: [line(480, 80, 496, 100), line(480, 100, 496, 120), line(480, 120, 496, 140), line(480, 140, 496, 160)],
    viewport: { width: 1000, height: 240 },
    side: 'right',
  },
  {
    name: 'narrow cell at the right edge of a short viewport',
    lines: [line(960, 60, 976, 80), line(960, 80, 976, 100), line(960, 100, 976, 120)],
    viewport: { width: 1000, height: 200 },
    side: 'left',
  },
  {
    name: 'tall term filling the middle of a small viewport: the biggest side, shrunk',
    lines: [line(100, 100, 260, 120), line(100, 120, 260, 140)],
    viewport: { width: 300, height: 320 },
    side: 'below',
  },
];

describe('placeCard', () => {
  it.each(cases)(
    '$name → $side, inside the viewport, over no line',
    ({ lines, viewport = desktop, size = card, side }) => {
      const p = placeCard(lines, viewport, size, GAP);
      expect(p.side).toBe(side);
      const r = cardRect(p);
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.top).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(viewport.width);
      expect(r.bottom).toBeLessThanOrEqual(viewport.height);
      for (const l of lines) expect(rectsOverlap(r, l), JSON.stringify(l)).toBe(false);
      expect(p.maxHeight).toBeGreaterThan(0);
    },
  );

  it('keeps the full size below a one-line term with room', () => {
    expect(placeCard([line(100, 100, 160, 120)], desktop, card, GAP)).toEqual({
      left: 100,
      top: 128,
      width: 360,
      maxHeight: 400,
      side: 'below',
    });
  });

  it('aligns with the last line when below and with the first line when above', () => {
    const below = placeCard([line(600, 100, 700, 120), line(20, 124, 80, 144)], desktop, card, GAP);
    expect(below).toMatchObject({ side: 'below', left: 20, top: 152 });
    const above = placeCard([line(600, 700, 700, 720), line(20, 724, 80, 744)], desktop, card, GAP);
    expect(above).toMatchObject({ side: 'above', left: 600 - 0, top: 700 - 8 - 400 });
  });

  it('keeps the card inside the right edge', () => {
    expect(placeCard([line(950, 100, 990, 120)], desktop, card, GAP).left).toBe(1000 - 360 - 8);
  });

  it('narrows the card on a narrow viewport', () => {
    const p = placeCard([line(10, 50, 50, 70)], { width: 300, height: 800 }, card, GAP);
    expect(p.width).toBe(284);
    expect(p.left).toBe(8);
  });

  it('copes with no line at all', () => {
    const p = placeCard([], desktop, card, GAP);
    expect(p.top).toBeGreaterThanOrEqual(0);
  });
});

describe('rectsOverlap', () => {
  it.each([
    [line(0, 0, 10, 10), line(5, 5, 15, 15), true],
    [line(0, 0, 10, 10), line(10, 0, 20, 10), false],
    [line(0, 0, 10, 10), line(0, 10, 10, 20), false],
    [line(0, 0, 10, 10), line(20, 20, 30, 30), false],
  ])('%o and %o → %s', (a, b, expected) => {
    expect(rectsOverlap(a, b)).toBe(expected);
  });
});
