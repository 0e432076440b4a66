/**
 * Imports one of our package's scripts (the engine, the card) into the current page's content-script world.
 * On web pages the address comes from runtime.getURL (for use_dynamic_url resources a per-session one); our own
 * extension pages (the PDF reader) may import only from the extension's own origin (CSP 'self').
 */
import { browser } from 'wxt/browser';

export async function importPackageScript(path: '/content-engine.js' | '/card-ui.js'): Promise<void> {
  const ownPage = location.host === browser.runtime.id;
  await import(/* @vite-ignore */ ownPage ? path : browser.runtime.getURL(path));
}
