/**
 * The popup's only script in popup.html: draws the first view at once without React (./quickShell.ts), then, after
 * the first frame, loads the app (./main.tsx), which takes over from it.
 */
import './popup.css';
import { browser } from 'wxt/browser';
import { formatPopupRoute, parsePopupRoute, POPUP_HOME_ROUTE } from '@/lib/messaging/popupRouteText';
import type { PopupRoute } from '@/lib/messaging/popupRouteSchema';
import { STORAGE_KEYS, rawKey } from '@/lib/settings/storageKeys';
import { applyPopupLook } from './popupLook';
import { mountQuickShell, type QuickShell } from './quickShell';

/** The first view on screen and the route it was drawn for; `settled` once a route stored for this opening is read. */
export interface FirstView {
  shell: QuickShell;
  route: PopupRoute;
  settled: Promise<void>;
}

document.body.classList.add('yl-theme');
const container = document.getElementById('quick')!;
const hashRoute = parsePopupRoute(location.hash);
const firstView: FirstView = {
  shell: mountQuickShell(container, hashRoute ?? POPUP_HOME_ROUTE),
  route: hashRoute ?? POPUP_HOME_ROUTE,
  settled: Promise.resolve(),
};

/** A stored route is another context's value: only what the address form can say is taken (no zod here). */
function routeFrom(value: unknown): PopupRoute | null {
  try {
    return value && typeof value === 'object' ? parsePopupRoute(formatPopupRoute(value as PopupRoute)) : null;
  } catch {
    return null;
  }
}

// Opened by the background at a route (context menu, a card's 在弹窗中查看), the hash names none: the first view
// redraws there, unless the reader has already begun. The app clears the stored route when it takes over.
if (!hashRoute) {
  const key = rawKey(STORAGE_KEYS.popupRoute);
  firstView.settled = browser.storage.session
    .get(key)
    .then((stored) => {
      const route = routeFrom(stored[key]);
      if (!route || firstView.shell.acted()) return;
      firstView.shell.remove();
      firstView.shell = mountQuickShell(container, route);
      firstView.route = route;
    })
    .catch(() => undefined);
}

const settingsKey = rawKey(STORAGE_KEYS.settings);
// The settings' table is shared with the app's chunks: imported beside the read, so the first view never waits on it.
void Promise.all([browser.storage.local.get(settingsKey), import('@/lib/settings/table')])
  .then(([stored, { normalizeLensSettings }]) =>
    applyPopupLook(normalizeLensSettings(stored[settingsKey] ?? null).settings),
  )
  .catch(() => undefined);

// The app's code (React and the panels) is read and run after the first frame, so it never delays it.
requestAnimationFrame(() => setTimeout(() => void import('./main').then((app) => app.takeOver(firstView))));
