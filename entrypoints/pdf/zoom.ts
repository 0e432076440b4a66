/** The reader's zoom steps (a fraction of the page's own size). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3] as const;

export function clampZoom(zoom: number): number {
  return Math.min(ZOOM_STEPS[ZOOM_STEPS.length - 1]!, Math.max(ZOOM_STEPS[0]!, zoom));
}

/** The next step up (direction 1) or down (-1) from `zoom`; the same value at either end. */
export function nextZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > zoom + 1e-6) ?? clampZoom(zoom);
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom - 1e-6) ?? clampZoom(zoom);
}

/** Space kept on each side of a page opened at page width, in CSS pixels. */
export const PAGE_WIDTH_MARGIN = 16;
/** At page width a page never grows past this (a narrow page in a wide window stays readable, not huge). */
const PAGE_WIDTH_MAX_ZOOM = 2;

/**
 * The zoom at which a page of `pageWidth` (CSS pixels at zoom 1) fills `availableWidth` less a margin on each side:
 * what the reader opens at, so text reads at the size the window allows instead of a fixed 100%.
 */
export function pageWidthZoom(pageWidth: number, availableWidth: number): number {
  if (!(pageWidth > 0) || !(availableWidth > 0)) return 1;
  const fit = (availableWidth - 2 * PAGE_WIDTH_MARGIN) / pageWidth;
  return clampZoom(Math.min(PAGE_WIDTH_MAX_ZOOM, Math.floor(fit * 100) / 100));
}
