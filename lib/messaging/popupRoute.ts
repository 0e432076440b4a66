/**
 * Where the popup opens: a route is a value everywhere (card → content script → background → storage.session →
 * popup), checked by `popupRouteSchema` where it arrives. Only the popup's address carries it as text, the part after
 * '#' in popup.html#…: term/<id>, article/<id>, checker, checker/<tool>, search/<text>, page, numbers (本页的数字). parsePopupRoute and
 * formatPopupRoute are that edge. The content script imports the type only (no zod on pages).
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { STORAGE_KEYS, rawKey } from '@/lib/settings/storageKeys';
import { CHECKER_TOOL_IDS, type CheckerToolId } from '@/lib/checker/toolIds';

const ENTRY_ID = /^[a-z0-9-]{1,80}$/;
const SEARCH_MAX_CHARS = 64;

export const popupRouteSchema = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('search'), text: z.string().max(SEARCH_MAX_CHARS) }),
  z.strictObject({ view: z.literal('term'), id: z.string().regex(ENTRY_ID) }),
  z.strictObject({ view: z.literal('article'), id: z.string().regex(ENTRY_ID) }),
  z.strictObject({ view: z.literal('page') }),
  z.strictObject({ view: z.literal('numbers') }),
  z.strictObject({ view: z.literal('checker'), tool: z.enum(CHECKER_TOOL_IDS).nullable() }),
]);
export type PopupRoute = z.infer<typeof popupRouteSchema>;

const POPUP_ROUTE_SESSION_KEY = rawKey(STORAGE_KEYS.popupRoute);
export const POPUP_HOME_ROUTE: PopupRoute = { view: 'search', text: '' };

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses "#term/gerenzhanghu", "term/gerenzhanghu" or "/term/gerenzhanghu"; null for anything else. */
export function parsePopupRoute(raw: string | null | undefined): PopupRoute | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/^#?\/?/, '');
  if (!text) return null;
  const slash = text.indexOf('/');
  const head = slash < 0 ? text : text.slice(0, slash);
  const rest = slash < 0 ? '' : text.slice(slash + 1);
  switch (head) {
    case 'term':
    case 'article': {
      const id = safeDecode(rest);
      return ENTRY_ID.test(id) ? { view: head, id } : null;
    }
    case 'search':
      return { view: 'search', text: safeDecode(rest).slice(0, SEARCH_MAX_CHARS) };
    case 'page':
      return { view: 'page' };
    case 'numbers':
      return { view: 'numbers' };
    case 'checker': {
      const tool = (CHECKER_TOOL_IDS as readonly string[]).includes(rest) ? (rest as CheckerToolId) : null;
      return { view: 'checker', tool };
    }
    default:
      return null;
  }
}

export function formatPopupRoute(route: PopupRoute): string {
  switch (route.view) {
    case 'term':
    case 'article':
      return `${route.view}/${route.id}`;
    case 'search':
      return `search/${encodeURIComponent(route.text)}`;
    case 'page':
      return 'page';
    case 'numbers':
      return 'numbers';
    case 'checker':
      return route.tool ? `checker/${route.tool}` : 'checker';
  }
}

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
