/**
 * Marks that stay readable on any page: a term's underline must stand out (at
 * least 3:1) from the background actually behind the text, whatever the system
 * theme says — a dark-themed system often shows light pages and the other way
 * round. Each text node gets the light-background or dark-background mark,
 * chosen from the effective background colour of its nearest painted ancestor.
 */

/** Fixed mark colours (also in style.css); tests hold them to ≥3:1 against their backgrounds. */
export const MARK_COLOURS = { light: '#174ea6', dark: '#9ecbff' } as const;
// No pair of colours reaches 3:1 on every mid grey (it would need 9:1 between the two marks); this pair
// leaves the narrowest gap, greys from about #6f6f6f to #9f9f9f, where the better of the two is used.

/** Look-alike senses are marked paler and thinner (style.css); they still stand out 3:1 on plain backgrounds. */
export const SENSE_MARK_COLOURS = { light: '#5b7bb5', dark: '#7b9fcc' } as const;

/** Which kind of background a text sits on. */
export type BackgroundTone = keyof typeof MARK_COLOURS;

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const CANVAS_DARK: Rgba = { r: 18, g: 18, b: 18, a: 1 };

/** Parses the computed-style forms rgb(…) / rgba(…) (and #rrggbb); null for anything else. */
export function parseColour(text: string): Rgba | null {
  // What nearly every element computes to: no RegExp needed.
  if (text === 'rgba(0, 0, 0, 0)') return TRANSPARENT;
  if (text === 'rgb(255, 255, 255)') return WHITE;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  if (hex) return { r: parseInt(hex[1]!, 16), g: parseInt(hex[2]!, 16), b: parseInt(hex[3]!, 16), a: 1 };
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/i.exec(text.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : Number(match[4]) / (match[5] ? 100 : 1);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a: alpha };
}

/** `top` painted over an opaque `bottom`. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (x: number, y: number) => x * top.a + y * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG relative luminance. */
export function luminance({ r, g, b }: Rgba): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

let markRgba: Record<BackgroundTone, Rgba> | null = null;

/** The mark whose colour stands out more from an opaque background. */
export function toneForBackground(background: Rgba): BackgroundTone {
  markRgba ??= { light: parseColour(MARK_COLOURS.light)!, dark: parseColour(MARK_COLOURS.dark)! };
  const light = contrastRatio(markRgba.light, background);
  const dark = contrastRatio(markRgba.dark, background);
  return light >= dark ? 'light' : 'dark';
}

/**
 * Finds the background tone behind an element, caching per element (ancestors share the work).
 * Translucent backgrounds are painted over what lies beneath; background images are not looked at.
 * Call `clear()` when the page may have changed its colours (each band update).
 */
export function createToneFinder(win: Window) {
  const cache = new Map<Element, Rgba>();
  const tones = new Map<Rgba, BackgroundTone>();
  let canvasColour: Rgba | null = null;
  /** The page canvas: white unless the page opts into a dark colour scheme the system uses. */
  function canvas(): Rgba {
    if (canvasColour) return canvasColour;
    const scheme = win.getComputedStyle(win.document.documentElement).colorScheme;
    const darkScheme = scheme.includes('dark');
    const systemDark = darkScheme && (win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
    canvasColour = darkScheme && (systemDark || !scheme.includes('light')) ? CANVAS_DARK : WHITE;
    return canvasColour;
  }
  function backgroundOf(element: Element | null): Rgba {
    if (!element) return canvas();
    const known = cache.get(element);
    if (known) return known;
    const own = parseColour(win.getComputedStyle(element).backgroundColor);
    const parent = element.parentElement ?? (element.parentNode instanceof ShadowRoot ? element.parentNode.host : null);
    const result =
      own && own.a >= 1 ? own : own && own.a > 0 ? composite(own, backgroundOf(parent)) : backgroundOf(parent);
    cache.set(element, result);
    return result;
  }
  return {
    toneOf(element: Element | null): BackgroundTone {
      // Elements share a handful of backgrounds: the tone is computed once per colour.
      const background = backgroundOf(element);
      let tone = tones.get(background);
      if (!tone) tones.set(background, (tone = toneForBackground(background)));
      return tone;
    },
    clear() {
      cache.clear();
      tones.clear();
      canvasColour = null;
    },
  };
}
