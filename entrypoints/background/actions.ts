/**
 * The pure half of the background's context menu and keyboard commands, kept
 * apart from the browser APIs so it can be unit-tested.
 */
import { siteKeyOf } from '@/lib/settings/settings';
import { isSiteDisabled, rulesCovering } from '@/lib/settings/sites';
import type { PopupRoute } from '@/lib/messaging/popupRoute';
import type { SettingsIntent } from '@/lib/settings/intents';

export const LENS_SEARCH_MENU_ID = 'yibao-lens-search';
export const LENS_TOGGLE_SITE_COMMAND = 'toggle-site';
/** Longer selections are cut: the glossary search wants a term, not a paragraph. */
export const LENS_SEARCH_MAX_CHARS = 40;

/** The selection as a search query: whitespace collapsed, trimmed, at most LENS_SEARCH_MAX_CHARS characters. */
export function lensSearchQueryOf(selection: string | undefined | null): string {
  const text = (selection ?? '').replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length > LENS_SEARCH_MAX_CHARS ? chars.slice(0, LENS_SEARCH_MAX_CHARS).join('').trim() : text;
}

/** The popup route for a search of the selection; null when there is nothing to search. */
export function lensSearchRouteFor(selection: string | undefined | null): PopupRoute | null {
  const query = lensSearchQueryOf(selection);
  return query ? { view: 'search', text: query } : null;
}

export interface LensMenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

/** Where a context-menu click should open the popup, or null when the click is not ours or has nothing to search. */
export function lensRouteForMenuClick(info: LensMenuClick): PopupRoute | null {
  return info.menuItemId === LENS_SEARCH_MENU_ID ? lensSearchRouteFor(info.selectionText) : null;
}

export interface LensSiteToggle {
  site: string;
  /** True when the lens is now off on the site. */
  nowOff: boolean;
  /** What the owner applies: add the site's rule, or remove every rule that covers it. */
  intents: SettingsIntent[];
}

/** Flips a page's site in the off list; null for pages the lens never runs on (chrome://, the Web Store…). */
export function toggleLensSiteFor(url: string | undefined, disabledSites: readonly string[]): LensSiteToggle | null {
  const site = url ? siteKeyOf(url) : null;
  if (!site) return null;
  // Off by any rule (a whole-domain one too) counts as off; turning on removes every rule that covers the site.
  const nowOff = !isSiteDisabled(disabledSites, site);
  const covering = rulesCovering(disabledSites, site);
  return {
    site,
    nowOff,
    intents: nowOff
      ? [{ op: 'setSiteRule', rule: site }]
      : covering.map((rule): SettingsIntent => ({ op: 'removeSiteRule', rule })),
  };
}

/** The short badge the toolbar icon shows for a moment after the shortcut. */
export function lensSiteToggleBadge(toggle: LensSiteToggle): { text: string; title: string } {
  return toggle.nowOff
    ? { text: '关', title: `懂医保已在 ${toggle.site} 上关闭` }
    : { text: '开', title: `懂医保已在 ${toggle.site} 上开启` };
}
