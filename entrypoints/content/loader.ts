/**
 * The loader: the only script Chromium injects into every page (entrypoints/content-loader.ts). On a page without
 * Chinese text it watches for Chinese text arriving later and does nothing else: no chrome.* API is touched (the
 * first touch builds the API's bindings in the page's renderer, a cost of milliseconds). Once Chinese text is seen,
 * or the popup asks (through the wake function), it reads the settings and meanwhile imports the engine
 * (content-engine.js, a module of the extension package, so Chromium can cache its compiled code) and starts it.
 */
import type { browser as Browser } from 'wxt/browser';
import { whenChineseText } from './chineseText';
import { LENS_WAKE_GLOBAL } from '@/lib/messaging/loaderNames';
import { STORAGE_KEYS, rawKey } from '@/lib/settings/storageKeys';
import { LENS_ENGINE_SCRIPT } from '@/lib/package/builtFiles';
import { LENS_ENGINE_GLOBAL, type LensWorldGlobals } from './engineContract';

type ExtensionApi = Pick<typeof Browser, 'runtime' | 'storage'>;

export function startLoader(): void {
  const world = globalThis as LensWorldGlobals;
  let engine: Promise<boolean> | null = null;
  // Replaced by the watch's stop function once it is set up (a Chinese page wakes the engine before that).
  let stopWatching = () => {};
  const wake = () => {
    stopWatching();
    return (engine ??= startEngine(world).catch(() => false));
  };
  world[LENS_WAKE_GLOBAL] = wake;
  stopWatching = whenChineseText(document, () => void wake());
}

/**
 * The engine module, if it registered itself: an own property of the isolated world's global. An element with
 * id="__yibaoLensEngine" is a named property of the window in every world, found through the prototype chain.
 */
const ownEngine = (world: LensWorldGlobals) =>
  Object.hasOwn(world, LENS_ENGINE_GLOBAL) ? world[LENS_ENGINE_GLOBAL] : undefined;

async function startEngine(world: LensWorldGlobals): Promise<boolean> {
  const api = (globalThis as { chrome?: Partial<ExtensionApi> }).chrome;
  // After the extension is reloaded, updated or removed, an old copy has no runtime id and stays quiet.
  if (!api?.runtime?.id || !api.storage) return false;
  // The settings are read while the engine loads: two waits in parallel, not one after the other.
  const storedSettings = api.storage.local.get(rawKey(STORAGE_KEYS.settings));
  storedSettings.catch(() => undefined);
  if (!ownEngine(world)) await import(/* @vite-ignore */ api.runtime.getURL(LENS_ENGINE_SCRIPT));
  const module = ownEngine(world);
  if (!module) return false;
  module.start(storedSettings);
  return true;
}
