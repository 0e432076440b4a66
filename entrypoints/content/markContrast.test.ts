import { describe, expect, it } from 'vitest';
import {
  MARK_COLOURS,
  SENSE_MARK_COLOURS,
  composite,
  contrastRatio,
  parseColour,
  toneForBackground,
} from './markContrast';

const colour = (text: string) => parseColour(text)!;

describe('mark colours', () => {
  it.each(['#ffffff', '#f6f7f9', '#fff8e1', '#e8e8e8', '#d0d0d0', '#cfe8ff'])(
    'the light-background mark keeps ≥3:1 on %s and is the one chosen there',
    (background) => {
      expect(contrastRatio(colour(MARK_COLOURS.light), colour(background))).toBeGreaterThanOrEqual(3);
      expect(toneForBackground(colour(background))).toBe('light');
    },
  );

  it.each(['#000000', '#121212', '#1e1e1e', '#202124', '#2b2b2b', '#333333', '#3c3c3c', '#0d1b2a'])(
    'the dark-background mark keeps ≥3:1 on %s and is the one chosen there',
    (background) => {
      expect(contrastRatio(colour(MARK_COLOURS.dark), colour(background))).toBeGreaterThanOrEqual(3);
      expect(toneForBackground(colour(background))).toBe('dark');
    },
  );

  it('picks, on any grey, the mark that stands out more — at least 3:1 outside the mid greys', () => {
    for (let v = 0; v <= 255; v++) {
      const background = { r: v, g: v, b: v, a: 1 };
      const tone = toneForBackground(background);
      const chosen = contrastRatio(colour(MARK_COLOURS[tone]), background);
      const other = contrastRatio(colour(MARK_COLOURS[tone === 'light' ? 'dark' : 'light']), background);
      expect(chosen).toBeGreaterThanOrEqual(other);
      if (v <= 110 || v >= 160) expect(chosen, `grey ${v}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('look-alike sense marks', () => {
  it('are paler than 医保 term marks yet keep 3:1 on plain light and dark backgrounds', () => {
    for (const background of ['#ffffff', '#f6f7f9', '#fff8e1'])
      expect(contrastRatio(colour(SENSE_MARK_COLOURS.light), colour(background))).toBeGreaterThanOrEqual(3);
    for (const background of ['#000000', '#121212', '#202124', '#333333'])
      expect(contrastRatio(colour(SENSE_MARK_COLOURS.dark), colour(background))).toBeGreaterThanOrEqual(3);
    const white = colour('#ffffff');
    const black = colour('#121212');
    expect(contrastRatio(colour(SENSE_MARK_COLOURS.light), white)).toBeLessThan(
      contrastRatio(colour(MARK_COLOURS.light), white),
    );
    expect(contrastRatio(colour(SENSE_MARK_COLOURS.dark), black)).toBeLessThan(
      contrastRatio(colour(MARK_COLOURS.dark), black),
    );
  });
});

describe('parseColour and composite', () => {
  it('reads computed-style colours', () => {
    expect(parseColour('rgb(30, 34, 42)')).toEqual({ r: 30, g: 34, b: 42, a: 1 });
    expect(parseColour('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColour('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColour('color(srgb 1 0 0)')).toBeNull();
  });

  it('paints a translucent background over what lies beneath', () => {
    const half = composite({ r: 0, g: 0, b: 0, a: 0.5 }, { r: 255, g: 255, b: 255, a: 1 });
    expect(half).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    expect(toneForBackground(composite(colour('rgba(0, 0, 0, 0.9)'), colour('#ffffff')))).toBe('dark');
  });
});
