/**
 * Waking a page's loader from the popup. The loader (entrypoints/content/loader.ts) registers no message listener
 * on a page where it saw no Chinese text, so that such pages pay nothing; it leaves a wake function in the
 * extension's isolated world instead. Before it asks a page anything, the popup, which holds activeTab for the tab it
 * was opened on, calls that function with scripting.executeScript (same isolated world), first injecting the loader
 * into a page opened before the extension was installed or updated.
 */
import { browser } from 'wxt/browser';
import { LENS_WAKE_GLOBAL } from './loaderNames';
import { LENS_LOADER_SCRIPT, LENS_MARK_STYLESHEET } from '@/lib/package/builtFiles';

/** Runs in the page's isolated world: self-contained, as executeScript serialises it. */
function callWake(name: string): Promise<boolean> | null {
  // Our own property of the isolated world only: an element with that id is a named property of the window too.
  const wake = Object.hasOwn(globalThis, name) ? (globalThis as Record<string, unknown>)[name] : undefined;
  return typeof wake === 'function' ? (wake as () => Promise<boolean>)() : null;
}

/** True when the top frame of `tabId` now runs the engine. False without access to the tab (no activeTab grant). */
export async function wakePageLoader(tabId: number): Promise<boolean> {
  const target = { tabId, frameIds: [0] };
  try {
    const call = () => browser.scripting.executeScript({ target, func: callWake, args: [LENS_WAKE_GLOBAL] });
    let [answer] = await call();
    if (answer?.result === null) {
      // What the manifest would have given the page: the marks' stylesheet and the loader.
      await browser.scripting.insertCSS({ target, files: [LENS_MARK_STYLESHEET] });
      await browser.scripting.executeScript({ target, files: [LENS_LOADER_SCRIPT] });
      [answer] = await call();
    }
    return answer?.result === true;
  } catch {
    return false;
  }
}

/**
 * Wakes the page's loader, then asks. Waking first (a no-op where the engine already runs) spares the popup a
 * failed message and the console error Chrome logs for it on every page without Chinese text.
 */
export async function askAwake<T>(tabId: number, ask: () => Promise<T>): Promise<T> {
  await wakePageLoader(tabId);
  return ask();
}
