import { describe, expect, it } from 'vitest';
import { placeCard } from './placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 400 };

describe('placeCard', () => {
  it('puts the card below the term when there is room', () => {
    expect(placeCard({ left: 100, top: 100, right: 160, bottom: 120 }, viewport, card, 8)).toEqual({
      left: 100,
      top: 128,
      maxHeight: 400,
      side: 'below',
    });
  });

  it('flips above when the term is near the bottom', () => {
    const p = placeCard({ left: 100, top: 700, right: 160, bottom: 720 }, viewport, card, 8);
    expect(p.side).toBe('above');
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(700 - 8);
  });

  it('keeps the card inside the right edge', () => {
    const p = placeCard({ left: 950, top: 100, right: 990, bottom: 120 }, viewport, card, 8);
    expect(p.left).toBe(1000 - 360 - 8);
  });

  it('shrinks the card on a small viewport and never leaves it', () => {
    const p = placeCard({ left: 10, top: 150, right: 50, bottom: 170 }, { width: 300, height: 320 }, card, 8);
    expect(p.left).toBe(8);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(320);
  });
});
