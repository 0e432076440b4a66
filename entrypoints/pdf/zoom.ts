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
