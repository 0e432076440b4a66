/** The one-time notice the owner leaves after repairing stored settings; the options page shows it and clears it. */
import { storage } from 'wxt/utils/storage';
import { STORAGE_KEYS } from './storageKeys';

export const lensSettingsNoticeItem = storage.defineItem<string | null>(STORAGE_KEYS.settingsNotice, {
  fallback: null,
});
