/**
 * Where the popup opens: a route is a value everywhere (card → content script → background → storage.session →
 * popup), checked by `popupRouteSchema` where it arrives. Only the popup's address carries it as text, the part after
 * '#' in popup.html#…: term/<id>, article/<id>, checker, checker/<tool>, search/<text>, page, numbers (本页的数字). parsePopupRoute and
 * formatPopupRoute are that edge. The content script imports the type only (no zod on pages).
 */
import { browser } from 'wxt/browser';
import { STORAGE_KEYS, rawKey } from '@/lib/settings/storageKeys';
import { popupRouteSchema, type PopupRoute } from './popupRouteSchema';

export { popupRouteSchema, type PopupRoute };
export { formatPopupRoute, parsePopupRoute, POPUP_HOME_ROUTE } from './popupRouteText';

const POPUP_ROUTE_SESSION_KEY = rawKey(STORAGE_KEYS.popupRoute);

/** The background, before it opens the popup: where the popup should open (read once by the popup). */
export async function storePopupRoute(route: PopupRoute): Promise<void> {
  await browser.storage.session.set({ [POPUP_ROUTE_SESSION_KEY]: route });
}

/** Reads and clears the route the background stored for this opening (one use only); null when none or malformed. */
export async function takeStoredPopupRoute(): Promise<PopupRoute | null> {
  try {
    const stored = await browser.storage.session.get(POPUP_ROUTE_SESSION_KEY);
    if (stored[POPUP_ROUTE_SESSION_KEY] !== undefined) await browser.storage.session.remove(POPUP_ROUTE_SESSION_KEY);
    const parsed = popupRouteSchema.safeParse(stored[POPUP_ROUTE_SESSION_KEY]);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The tab whose terms the popup lists. Opened as the toolbar popup it is the
 * active tab; opened as a page (tests, or a second window) `?targetTab=<id>`
 * names it.
 */
export function readPopupTargetTab(search: string): number | null {
  const value = new URLSearchParams(search).get('targetTab');
  if (value === null || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
