/**
 * Whether this copy of the engine still belongs to a live extension. After the extension is reloaded, updated or
 * removed, a page keeps the old copy running, but chrome.runtime.id is gone: the first read that sees it gone aborts
 * the context's signal once, so the old copy removes its marks, card and listeners (all registered with that
 * signal) and goes quiet.
 */
import { browser } from 'wxt/browser';
import type { LensContentContext } from './engineContract';

export function createExtensionContext(isAlive: () => boolean = () => !!browser.runtime?.id): LensContentContext {
  const teardown = new AbortController();
  return {
    get isInvalid() {
      if (!teardown.signal.aborted && !isAlive()) teardown.abort();
      return teardown.signal.aborted;
    },
    signal: teardown.signal,
  };
}
