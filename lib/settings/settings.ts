/**
 * Reading and changing the user's settings from any context. The stored object is written by one owner only,
 * the background (./owner.ts), which applies changes one after another; so a change made in the options page
 * and another made in the popup at the same moment both survive. Readers never write: a malformed field is
 * read as its default, and the owner repairs storage (with a notice) at start-up.
 */
import { browser } from 'wxt/browser';
import { sendLensMessage } from '@/lib/messaging/protocol';
import { STORAGE_KEYS, rawKey } from './storageKeys';
import { normalizeLensSettings, type LensSettings } from './table';
import type { SettingsIntent } from './intents';

export * from './table';

// Read with chrome.storage directly: every page with Chinese text reads the settings at start, and WXT's storage
// wrapper costs that page more (its setup and lock) than the read itself.
const SETTINGS_KEY = rawKey(STORAGE_KEYS.settings);

/**
 * The stored settings as they are now, repaired in memory where malformed. Safe in every context. `prefetched`: the
 * answer of a storage.local.get of the settings key asked for earlier (the loader asks while the engine loads).
 */
export async function readLensSettings(prefetched?: Promise<Record<string, unknown>>): Promise<LensSettings> {
  const stored = await (prefetched ?? browser.storage.local.get(SETTINGS_KEY));
  return normalizeLensSettings(stored[SETTINGS_KEY] ?? null).settings;
}

/** Calls back with the normalised settings on every stored change. Safe in every context. */
export function watchLensSettings(callback: (settings: LensSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes)
      callback(normalizeLensSettings(changes[SETTINGS_KEY]!.newValue ?? null).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Asks the owner to apply intents (knowTerm, setSiteRule, set…), in order and together; resolves with the settings
 * after the change. The owner applies each message on top of the latest stored value, so concurrent edits, of the
 * same list too, never lose each other. Rejects with a Chinese message when a value is not allowed.
 */
export async function changeLensSettings(...intents: SettingsIntent[]): Promise<LensSettings> {
  const reply = await sendLensMessage('changeSettings', { intents });
  if (!reply || typeof reply !== 'object' || 'error' in reply) throw new Error(reply?.error ?? '设置未能保存');
  return reply.settings;
}

/** Asks the owner to restore every default. */
export function resetLensSettings(): Promise<LensSettings> {
  return changeLensSettings({ op: 'reset' });
}
