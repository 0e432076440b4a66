/**
 * The popup's only script in popup.html: draws the first view at once without React (./quickShell.ts), then, after
 * the first frame, loads the app (./main.tsx), which takes over from it.
 */
import '@/lib/card/termCard.css';
import './popup.css';
import { browser } from 'wxt/browser';
import { parsePopupRoute, POPUP_HOME_ROUTE } from '@/lib/messaging/popupRouteText';
import { STORAGE_KEYS, rawKey } from '@/lib/settings/storageKeys';
import { normalizeLensSettings } from '@/lib/settings/table';
import { applyPopupLook } from './popupLook';
import { mountQuickShell } from './quickShell';

document.body.classList.add('yl-theme');
const route = parsePopupRoute(location.hash) ?? POPUP_HOME_ROUTE;
const shell = mountQuickShell(document.getElementById('quick')!, route);

const settingsKey = rawKey(STORAGE_KEYS.settings);
void browser.storage.local
  .get(settingsKey)
  .then((stored) => applyPopupLook(normalizeLensSettings(stored[settingsKey] ?? null).settings))
  .catch(() => undefined);

// The app's code (React and the panels) is read and run after the first frame, so it never delays it.
requestAnimationFrame(() => setTimeout(() => void import('./main').then((app) => app.takeOver(shell, route))));
