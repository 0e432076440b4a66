/** Every message between the extension's parts, in one typed protocol map. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SettingsChange, SettingsChangeReply } from '@/lib/settings/intents';
import type { PopupRoute } from './popupRoute';
import type { PageQuestionMessages } from './pageQuestions';

/** The page's questions (pageQuestions.ts) are declared there and asked of a web page's top frame here. */
export interface LensProtocol extends PageQuestionMessages {
  /**
   * Card (content script or reader) → background: open the popup (or its page) at a term's detail, an article or the
   * checker. The route is a value here; only the popup's address carries it as text. Checked by sender and shape.
   */
  openLensPopup(data: { route: PopupRoute }): { opened: 'popup' | 'tab' } | { error: string };
  /**
   * Popup, options page, card → background (the settings owner): intents (lib/settings/intents.ts) applied in order
   * on the latest stored value. Checked by sender and shape; a refused message writes nothing.
   */
  changeSettings(data: SettingsChange): SettingsChangeReply;
}

export const { sendMessage: sendLensMessage, onMessage: onLensMessage } = defineExtensionMessaging<LensProtocol>();
