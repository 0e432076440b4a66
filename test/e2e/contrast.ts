/**
 * Text contrast as a reader meets it: every element with text of its own, visible, against the nearest opaque
 * background up its ancestors (through a shadow root to its host). Runs in the page (or in the card's isolated
 * world) as one self-contained function; WCAG 2 relative luminance.
 */

/** The texts under `root` that read at less than `minimum`:1, described for a failure message. */
export function lowContrastTexts(root: Element, minimum: number): string[] {
  const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const backgroundOf = (start: Element): number[] => {
    let element: Element | null = start;
    while (element) {
      const colour = channels(getComputedStyle(element).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3]! > 0.9)) return colour;
      element = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
    }
    return [255, 255, 255];
  };
  const low: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!ownText || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    const fg = luminance(channels(style.color));
    const bg = luminance(backgroundOf(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < minimum)
      low.push(
        `${element.className || element.tagName} “${element.textContent!.trim().slice(0, 12)}” ${ratio.toFixed(2)}:1`,
      );
  }
  return low;
}
