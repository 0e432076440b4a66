import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import {
  LENS_SEARCH_MENU_ID,
  LENS_TOGGLE_SITE_COMMAND,
  lensRouteForMenuClick,
  lensSiteToggleBadge,
  toggleLensSiteFor,
} from './actions';
import { checkPopupRequest, checkSettingsChange, senderKindOf, type KnownEntries } from './messageGate';
import { onLensMessage } from '@/lib/messaging/protocol';
import { lensReaderUrlFor, looksLikePdfUrl } from '@/lib/messaging/readerChannel';
import {
  applySettingsChange,
  applySettingsUpdate,
  prepareStoredSettings,
  repairSettingsWhenCorrupted,
  startSettingsOwner,
} from '@/lib/settings/owner';
import { formatPopupRoute, storePopupRoute, type PopupRoute } from '@/lib/messaging/popupRoute';
import entryIds from '@/generated/entry-ids.json';
import { LENS_POPUP_PAGE } from '@/lib/package/builtFiles';

const KNOWN_ENTRIES: KnownEntries = { terms: new Set(entryIds.terms), articles: new Set(entryIds.articles) };

export default defineBackground(() => {
  // The one writer of the settings: start-up (migration, repair) runs first in its queue, then every change, in order.
  void startSettingsOwner().catch(reportBackgroundError);
  repairSettingsWhenCorrupted();
  const extension = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };

  onLensMessage('openLensPopup', async ({ data, sender }) => {
    const checked = checkPopupRequest(data, senderKindOf(sender, extension), KNOWN_ENTRIES);
    if ('error' in checked) return checked;
    return { opened: await openLensPopupAt(checked.route) };
  });
  onLensMessage('changeSettings', ({ data, sender }) => {
    const checked = checkSettingsChange(data, senderKindOf(sender, extension), KNOWN_ENTRIES);
    if ('error' in checked) return checked;
    return applySettingsChange(checked.intents);
  });

  // Menus survive service-worker restarts; they are (re)made on install, update and browser update.
  browser.runtime.onInstalled.addListener(() => void registerLensMenus().catch(reportBackgroundError));
  browser.contextMenus.onClicked.addListener(
    (info, tab) => void onLensMenuClicked(info, tab).catch(reportBackgroundError),
  );
  browser.commands.onCommand.addListener(
    (command, tab) => void onLensCommand(command, tab).catch(reportBackgroundError),
  );

  // The listeners above call these same functions. End-to-end tests reach them here, since a
  // native context menu or a browser shortcut cannot be triggered in headless Chromium. Only the
  // extension's own pages and DevTools can see the service worker's global scope.
  Object.assign(globalThis, { yibaoLensBackground: { onLensMenuClicked, onLensCommand, prepareStoredSettings } });
});

function reportBackgroundError(error: unknown) {
  console.warn('懂医保：', error);
}

/** Opens the toolbar popup at a route; where the browser refuses, opens the same page in a tab. Says which it did. */
async function openLensPopupAt(route: PopupRoute): Promise<'popup' | 'tab'> {
  await storePopupRoute(route);
  try {
    await browser.action.openPopup();
    return 'popup';
  } catch {
    // The address is the one place a route is text.
    await browser.tabs.create({ url: browser.runtime.getURL(`${LENS_POPUP_PAGE}#${formatPopupRoute(route)}`) });
    return 'tab';
  }
}

async function registerLensMenus() {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: LENS_SEARCH_MENU_ID,
    // “用懂医保查询“%s”” / 'Look up “%s” in Yibao Lens'; the browser puts the selection in place of %s.
    title: browser.i18n.getMessage('menuSearchSelection') || '用懂医保查询“%s”',
    contexts: ['selection'],
  });
  // PDF reader: on links to a .pdf, and on a .pdf page itself (where the browser shows extension menus there).
  const pdfPatterns = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', '*://*/*.PDF?*'];
  browser.contextMenus.create({
    id: LENS_PDF_LINK_MENU_ID,
    title: '用懂医保阅读器打开',
    contexts: ['link'],
    targetUrlPatterns: pdfPatterns,
  });
  browser.contextMenus.create({
    id: LENS_PDF_PAGE_MENU_ID,
    title: '用懂医保阅读器打开',
    contexts: ['page'],
    documentUrlPatterns: pdfPatterns,
  });
}

const LENS_PDF_LINK_MENU_ID = 'yibao-open-pdf-link';
const LENS_PDF_PAGE_MENU_ID = 'yibao-open-pdf-page';

/** Opens the one PDF the menu was used on in our reader, next to the tab it came from. Null if it was another menu. */
async function openPdfFromMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) {
  const pdfUrl =
    info.menuItemId === LENS_PDF_LINK_MENU_ID
      ? info.linkUrl
      : info.menuItemId === LENS_PDF_PAGE_MENU_ID
        ? (info.frameUrl ?? info.pageUrl)
        : undefined;
  if (!pdfUrl || !looksLikePdfUrl(pdfUrl)) return null;
  const opened = await browser.tabs.create({
    url: lensReaderUrlFor(pdfUrl),
    ...(tab?.index !== undefined && tab.index >= 0 ? { index: tab.index + 1 } : {}),
  });
  return { readerTab: opened.id ?? null };
}

async function onLensMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) {
  const pdf = await openPdfFromMenu(info, tab);
  if (pdf) return pdf;
  const route = lensRouteForMenuClick(info);
  return route ? { route, openedIn: await openLensPopupAt(route) } : null;
}

async function onLensCommand(command: string, tab?: Browser.tabs.Tab) {
  if (command !== LENS_TOGGLE_SITE_COMMAND) return null;
  // A shortcut grants activeTab, so the active tab's address is readable here.
  const target = tab?.url ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  let toggle: ReturnType<typeof toggleLensSiteFor> = null;
  // Computed inside the owner's queue (after start-up's migration) from the latest list, so a change made elsewhere
  // a moment ago is kept.
  await applySettingsUpdate((current) => {
    toggle = toggleLensSiteFor(target?.url, current.disabledSites);
    return toggle?.intents ?? [];
  });
  if (!toggle) return null;
  if (target?.id !== undefined && target.id >= 0) await flashSiteBadge(target.id, lensSiteToggleBadge(toggle));
  return toggle;
}

/** Shows 关/开 on the toolbar icon for a moment, so the shortcut has visible feedback even on a page without terms. */
async function flashSiteBadge(tabId: number, badge: { text: string; title: string }) {
  try {
    const defaultTitle = await browser.action.getTitle({});
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#1f6fd1' });
    await browser.action.setBadgeText({ tabId, text: badge.text });
    await browser.action.setTitle({ tabId, title: badge.title });
    setTimeout(() => {
      void browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
      void browser.action.setTitle({ tabId, title: defaultTitle }).catch(() => undefined);
    }, 2500);
  } catch {
    // The tab may have closed in the meantime.
  }
}
