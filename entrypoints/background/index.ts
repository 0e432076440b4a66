import { onLensMessage } from '@/utils/lensMessaging';

export default defineBackground(() => {
  onLensMessage('openLensPopup', async ({ data }) => {
    await openLensPopupAt(data.route);
  });
});

/** Opens the toolbar popup at a route; where the browser refuses, opens the same page in a tab. */
async function openLensPopupAt(route: string) {
  await browser.storage.session.set({ popupRoute: route });
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html#${route}`) });
  }
}
