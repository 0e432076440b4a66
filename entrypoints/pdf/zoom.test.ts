import { describe, expect, it } from 'vitest';
import { clampZoom, nextZoom, PAGE_WIDTH_MARGIN, pageWidthZoom, ZOOM_STEPS } from './zoom';

describe('reader zoom steps', () => {
  it('steps up and down through the fixed steps', () => {
    expect(nextZoom(1, 1)).toBe(1.25);
    expect(nextZoom(1, -1)).toBe(0.75);
    expect(nextZoom(1.1, 1)).toBe(1.25);
    expect(nextZoom(1.1, -1)).toBe(1);
  });

  it('stays at either end', () => {
    expect(nextZoom(ZOOM_STEPS[ZOOM_STEPS.length - 1]!, 1)).toBe(3);
    expect(nextZoom(0.5, -1)).toBe(0.5);
    expect(clampZoom(10)).toBe(3);
    expect(clampZoom(0.1)).toBe(0.5);
  });
});

describe('pageWidthZoom', () => {
  it('fills the window width less a margin on each side: an A4 page (595 pt = 793.7 px) in 1280 px', () => {
    const zoom = pageWidthZoom(793.7, 1280);
    expect(zoom).toBeCloseTo(1.57, 2);
    expect(793.7 * zoom).toBeLessThanOrEqual(1280 - 2 * PAGE_WIDTH_MARGIN);
  });
  it('stays within the zoom range, and at most 2× for a narrow page', () => {
    expect(pageWidthZoom(200, 1280)).toBe(2);
    expect(pageWidthZoom(3000, 800)).toBe(0.5);
  });
  it('falls back to 100% without sizes', () => {
    expect(pageWidthZoom(0, 1280)).toBe(1);
    expect(pageWidthZoom(600, 0)).toBe(1);
  });
});
