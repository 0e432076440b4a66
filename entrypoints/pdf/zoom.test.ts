import { describe, expect, it } from 'vitest';
import { clampZoom, nextZoom, ZOOM_STEPS } from './zoom';

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
