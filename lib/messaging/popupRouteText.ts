/**
 * A popup route as the text of the popup's address (popup.html#term/<id>, #checker/account…): parse and format.
 * No zod and no browser API, so the popup's first script (entrypoints/popup/quick.ts) reads its route cheaply.
 */
import { CHECKER_TOOL_IDS, type CheckerToolId } from '@/lib/checker/toolIds';
import { ENTRY_ID_PATTERN, SEARCH_ROUTE_MAX_CHARS } from './popupRouteLimits';
import type { PopupRoute } from './popupRouteSchema';

const ENTRY_ID = ENTRY_ID_PATTERN;
const SEARCH_MAX_CHARS = SEARCH_ROUTE_MAX_CHARS;

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
