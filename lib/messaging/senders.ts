/** Who sent a runtime message: one of our own pages, a content script, or nobody we answer. Pure. */
import type { SenderKind } from '@/lib/settings/intents';

/** The parts of runtime.MessageSender the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface ExtensionIdentity {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL('/'): `chrome-extension://<id>/` */
  baseUrl: string;
}

/**
 * Our own pages (popup, options, PDF reader) have an address on the extension's origin; a content script's sender
 * carries the page's address and its tab. Anything else (another extension, a sender without a tab) is nobody we answer.
 */
export function senderKindOf(sender: SenderLike | undefined, extension: ExtensionIdentity): SenderKind | null {
  if (!sender || sender.id !== extension.id || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(extension.baseUrl)) return 'extensionPage';
  const tabId = sender.tab?.id;
  return typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0 ? 'contentScript' : null;
}
