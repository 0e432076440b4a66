/** Where the popup gets 本页的数字: the target tab's engine (woken if needed) or the PDF reader in that tab. */
import { askAwake } from '@/lib/messaging/pageWake';
import { askPageNumbers, askRevealPageNumber, isLensReaderUrl } from '@/lib/messaging/readerChannel';
import { isPageNumbersAnswer } from '@/lib/pageNumbers/wire';
import type { PageNumbersSource } from './PageNumbersPanel';
import { isScriptablePageUrl, type PopupTarget } from './popupTarget';

export function pageNumbersSourceFor(target: PopupTarget | null): PageNumbersSource | null {
  if (!target) return null;
  if (target.url !== undefined && !isScriptablePageUrl(target.url) && !isLensReaderUrl(target.url)) return null;
  return {
    tabId: target.tabId,
    async load() {
      try {
        const answer: unknown = await askAwake(target.tabId, () => askPageNumbers(target));
        return isPageNumbersAnswer(answer) ? answer : null;
      } catch {
        return null;
      }
    },
    async reveal(index) {
      try {
        return (await askAwake(target.tabId, () => askRevealPageNumber(target, { index }))) === true;
      } catch {
        return false;
      }
    },
  };
}
