/** Every message between the extension's parts, in one typed protocol map. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SettingsChangeReply, SettingsChangeRequest } from '@/lib/settings/owner';
import type { PopupRoute } from './popupRoute';
import type { PageQuestionMessages } from './pageQuestions';

/** The page's questions (pageQuestions.ts) are declared there and asked of a web page's top frame here. */
export interface LensProtocol extends PageQuestionMessages {
  /** Content script → background: open the popup (or its page) at a term's detail or the checker. */
  openLensPopup(data: { route: PopupRoute }): void;
  /** Popup, options page → background (the settings owner): change or reset settings, applied in order. */
  changeSettings(data: Exclude<SettingsChangeRequest, { update: unknown }>): SettingsChangeReply;
}

export const { sendMessage: sendLensMessage, onMessage: onLensMessage } = defineExtensionMessaging<LensProtocol>();
