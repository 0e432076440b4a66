/**
 * Reading and changing the user's settings from any context. The stored object is written by one owner only,
 * the background (./owner.ts), which applies changes one after another; so a change made in the options page
 * and another made in the popup at the same moment both survive. Readers never write: a malformed field is
 * read as its default, and the owner repairs storage (with a notice) at start-up.
 */
import { storage } from 'wxt/utils/storage';
import { sendLensMessage } from '@/lib/messaging/protocol';
import { STORAGE_KEYS } from './storageKeys';
import { normalizeLensSettings, type LensSettings } from './table';

export * from './table';

export const LENS_SETTINGS_REPAIRED_NOTICE = '设置数据已损坏，已恢复为默认值（能保留的项目已保留）。';

/** The stored settings as they are now, repaired in memory where malformed. Safe in every context. */
export async function readLensSettings(): Promise<LensSettings> {
  return normalizeLensSettings(await storage.getItem<unknown>(STORAGE_KEYS.settings)).settings;
}

/** Calls back with the normalised settings on every stored change. Safe in every context. */
export function watchLensSettings(callback: (settings: LensSettings) => void): () => void {
  return storage.watch<unknown>(STORAGE_KEYS.settings, (value) => callback(normalizeLensSettings(value).settings));
}

/**
 * Asks the owner to change some settings; resolves with the settings after the change. Changes are applied in
 * the order the owner receives them, each on top of the latest stored value, so concurrent changes to different
 * settings never lose each other. Rejects with a Chinese message when a value is not allowed.
 */
export async function updateLensSettings(change: Partial<LensSettings>): Promise<LensSettings> {
  const reply = await sendLensMessage('changeSettings', { change });
  if ('error' in reply) throw new Error(reply.error);
  return reply.settings;
}

/** Asks the owner to restore every default. */
export async function resetLensSettings(): Promise<LensSettings> {
  const reply = await sendLensMessage('changeSettings', { reset: true });
  if ('error' in reply) throw new Error(reply.error);
  return reply.settings;
}

/** The one-time notice left after a repair; the options page shows it and clears it. */
export const lensSettingsNoticeItem = storage.defineItem<string | null>(STORAGE_KEYS.settingsNotice, {
  fallback: null,
});
