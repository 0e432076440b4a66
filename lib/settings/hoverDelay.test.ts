import { describe, expect, it } from 'vitest';
import { DEFAULT_LENS_SETTINGS, HOVER_DELAY_MIN_MS, normalizeLensSettings } from './settings';

describe('hover delay minimum', () => {
  it('reads a stored delay below the minimum as the minimum, without calling the settings broken', () => {
    expect(HOVER_DELAY_MIN_MS).toBe(100);
    for (const stored of [0, 20, 99]) {
      const { settings, repaired } = normalizeLensSettings({ ...DEFAULT_LENS_SETTINGS, hoverDelayMs: stored });
      expect(settings.hoverDelayMs).toBe(HOVER_DELAY_MIN_MS);
      expect(repaired).toBe(false);
    }
    expect(normalizeLensSettings({ ...DEFAULT_LENS_SETTINGS, hoverDelayMs: 100 }).settings.hoverDelayMs).toBe(100);
    expect(normalizeLensSettings({ ...DEFAULT_LENS_SETTINGS, hoverDelayMs: 640 }).settings.hoverDelayMs).toBe(640);
  });

  it('the default is above the minimum', () => {
    expect(DEFAULT_LENS_SETTINGS.hoverDelayMs).toBeGreaterThanOrEqual(HOVER_DELAY_MIN_MS);
  });
});
