/**
 * Whether this copy of the engine still belongs to a live extension. After the extension is reloaded, updated or
 * removed, a page keeps the old copy running, but chrome.runtime.id is gone: the first read that sees it gone runs
 * the onInvalidated callbacks once, so the old copy removes its marks, card and listeners and goes quiet.
 */
import { browser } from 'wxt/browser';
import type { LensContentContext } from './engineContract';

export function createExtensionContext(isAlive: () => boolean = () => !!browser.runtime?.id): LensContentContext {
  const callbacks: (() => void)[] = [];
  let invalid = false;
  return {
    get isInvalid() {
      if (!invalid && !isAlive()) {
        invalid = true;
        for (const callback of callbacks.splice(0)) {
          try {
            callback();
          } catch {
            // One failing teardown step must not keep the others from running.
          }
        }
      }
      return invalid;
    },
    onInvalidated(callback) {
      if (invalid) callback();
      else callbacks.push(callback);
    },
  };
}
