/** Every message between the extension's parts, in one typed protocol map. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SettingsChangeReply, SettingsChangeRequest } from '@/lib/settings/owner';
import type { PopupRoute } from './popupRoute';

export interface PageTermCount {
  id: string;
  /** The glossary term, or for a look-alike sense its own name (养老保险个人账户). */
  term: string;
  count: number;
  /** Set when these occurrences mean a look-alike sense, not the 医保 term; listed apart. */
  sense?: { id: string; name: string };
}

export interface LensProtocol {
  /** Popup → content script (top frame): the glossary terms found on this page. */
  listPageTerms(): PageTermCount[];
  /**
   * Popup → content script: scroll to an occurrence of a term (in a look-alike `sense`, if given) and open its
   * card (focus inside). `occurrence`: its index in reading order (default 0, the first shown), or 'next' for
   * the one after the open card (or, with no card of it open, the first from the viewport down).
   */
  revealPageTerm(data: { id: string; sense?: string; occurrence?: number | 'next' }): boolean;
  /** Content script → background: open the popup (or its page) at a term's detail or the checker. */
  openLensPopup(data: { route: PopupRoute }): void;
  /** Popup, options page → background (the settings owner): change or reset settings, applied in order. */
  changeSettings(data: Exclude<SettingsChangeRequest, { update: unknown }>): SettingsChangeReply;
}

export const { sendMessage: sendLensMessage, onMessage: onLensMessage } = defineExtensionMessaging<LensProtocol>();
