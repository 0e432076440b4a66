/**
 * Every key the extension keeps in browser storage, one constant each. Values are WXT storage keys
 * (`local:` / `session:` areas); `rawKey` gives the name chrome.storage itself uses.
 */
export const STORAGE_KEYS = {
  /** The user's settings, one object; written only by the background (lib/settings/owner.ts). */
  settings: 'local:settings',
  /** Version marker of the settings object (WXT's `<key>$` meta convention, kept for older installs). */
  settingsMeta: 'local:settings$',
  /** A copy of the settings as last written by the owner: what a corrupted value is repaired from. */
  settingsLastGood: 'local:settingsLastGood',
  /** A one-time notice for the options page after stored settings had to be repaired. */
  settingsNotice: 'local:settingsNotice',
  /**
   * Where earlier builds kept the checker's inputs. Content scripts can read storage.local, so they now live in
   * the extension's IndexedDB (lib/checker/inputStore.ts); this key is only read once to move them, then deleted.
   */
  legacyCheckerInputs: 'local:checkerInputs',
  /** Where the toolbar popup should open next (set by the background just before it opens the popup). */
  popupRoute: 'session:popupRoute',
} as const;

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/** `local:settings` → `settings`: the key as chrome.storage sees it. */
export function rawKey(key: StorageKey): string {
  return key.slice(key.indexOf(':') + 1);
}
