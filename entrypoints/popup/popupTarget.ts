/** Which tab the popup is about: the active tab, or `?targetTab=<id>` when the popup page runs in a tab of its own. */
import { browser } from 'wxt/browser';
import { siteKeyOf } from '@/lib/settings/settings';
import { readPopupTargetTab } from '@/lib/messaging/popupRoute';

export interface PopupTarget {
  tabId: number;
  /** Known when the browser lets us read it (activeTab after a toolbar click, or a page our content script may run on). */
  url?: string;
}

export interface PopupContext {
  target: PopupTarget | null;
  /** The popup page is open in a tab (tests, a route opened by the background where openPopup is refused). */
  inTab: boolean;
}

/** http, https and file pages; everything else (chrome://, edge://, extension pages, about:) runs no content script. */
export function isScriptablePageUrl(url: string): boolean {
  return siteKeyOf(url) !== null;
}

export async function resolvePopupContext(search: string): Promise<PopupContext> {
  const current = await browser.tabs.getCurrent().catch(() => undefined);
  const inTab = current !== undefined;
  const requested = readPopupTargetTab(search);
  if (requested !== null) {
    const tab = await browser.tabs.get(requested).catch(() => undefined);
    return { target: tab ? { tabId: requested, ...(tab.url ? { url: tab.url } : {}) } : null, inTab };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  // Opened as a page without ?targetTab, the active tab is this page itself: there is no web page to look at.
  if (!active?.id || active.id < 0 || active.id === current?.id) return { target: null, inTab };
  return { target: { tabId: active.id, ...(active.url ? { url: active.url } : {}) }, inTab };
}
