/** The one-time notice the owner leaves after repairing stored settings; the options page shows it and clears it. */
import { storage } from 'wxt/utils/storage';
import { STORAGE_KEYS } from './storageKeys';

/** Nothing good to go back to: what could be kept was kept, the rest are defaults. */
export const LENS_SETTINGS_REPAIRED_NOTICE = '设置数据已损坏，已恢复为默认值（能保留的项目已保留）。';
/** The damaged items were put back as they were last saved. */
export const LENS_SETTINGS_RESTORED_NOTICE = '设置数据已损坏，已恢复为上次保存的设置（能保留的项目已保留）。';

export const lensSettingsNoticeItem = storage.defineItem<string | null>(STORAGE_KEYS.settingsNotice, {
  fallback: null,
});
