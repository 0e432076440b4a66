/**
 * Where the popup opens. A route is the text after '#' in popup.html#…:
 *   term/<id>, article/<id>, checker, checker/<tool>, search/<text>, page.
 * The background stores one in browser.storage.session ('popupRoute') before
 * it opens the toolbar popup; a tab opened at popup.html#… carries it in the hash.
 */
import { browser } from 'wxt/browser';
import { STORAGE_KEYS, rawKey } from '@/lib/settings/storageKeys';
import { CHECKER_TOOL_IDS, type CheckerToolId } from '@/lib/checker/toolIds';

export type PopupRoute =
  | { view: 'search'; text: string }
  | { view: 'term'; id: string }
  | { view: 'article'; id: string }
  | { view: 'page' }
  | { view: 'checker'; tool: CheckerToolId | null };

const POPUP_ROUTE_SESSION_KEY = rawKey(STORAGE_KEYS.popupRoute);
export const POPUP_HOME_ROUTE: PopupRoute = { view: 'search', text: '' };

const ENTRY_ID = /^[a-z0-9-]{1,80}$/;

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
      return { view: 'search', text: safeDecode(rest).slice(0, 64) };
    case 'page':
      return { view: 'page' };
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
    case 'checker':
      return route.tool ? `checker/${route.tool}` : 'checker';
  }
}

/** Reads and clears the route the background stored for this opening (one use only). */
export async function takeStoredPopupRoute(): Promise<unknown> {
  try {
    const stored = await browser.storage.session.get(POPUP_ROUTE_SESSION_KEY);
    if (stored[POPUP_ROUTE_SESSION_KEY] !== undefined) await browser.storage.session.remove(POPUP_ROUTE_SESSION_KEY);
    return stored[POPUP_ROUTE_SESSION_KEY];
  } catch {
    return undefined;
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
