/**
 * User settings, stored locally with WXT's versioned storage items. Reading is
 * forgiving: each field that is missing or malformed falls back to its default
 * and the caller learns that something was repaired.
 */
import { storage } from 'wxt/utils/storage';
import { isSiteDisabled } from './sites';

export const MARK_STYLES = ['underline', 'background', 'none'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const HOLD_KEYS = ['none', 'Alt', 'Shift', 'Control'] as const;

export interface LensSettings {
  enabled: boolean;
  disabledSites: string[];
  markStyle: (typeof MARK_STYLES)[number];
  hoverDelayMs: number;
  holdKey: (typeof HOLD_KEYS)[number];
  disabledCategories: string[];
  theme: (typeof THEMES)[number];
}

export const DEFAULT_LENS_SETTINGS: LensSettings = {
  enabled: true,
  disabledSites: [],
  markStyle: 'underline',
  hoverDelayMs: 220,
  holdKey: 'none',
  disabledCategories: [],
  theme: 'system',
};

/** Below this a card pops up while the pointer merely crosses a term; lower stored values read as this. */
export const HOVER_DELAY_MIN_MS = 100;

export interface NormalizedSettings {
  settings: LensSettings;
  repaired: boolean;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

export function normalizeLensSettings(raw: unknown): NormalizedSettings {
  if (raw === null || raw === undefined) return { settings: { ...DEFAULT_LENS_SETTINGS }, repaired: false };
  const value = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  let repaired = value !== raw;
  const pick = <K extends keyof LensSettings>(key: K, valid: (v: unknown) => boolean): LensSettings[K] => {
    if (!(key in value)) return DEFAULT_LENS_SETTINGS[key];
    if (valid(value[key])) return value[key] as LensSettings[K];
    repaired = true;
    return DEFAULT_LENS_SETTINGS[key];
  };
  const settings: LensSettings = {
    enabled: pick('enabled', (v) => typeof v === 'boolean'),
    disabledSites: pick('disabledSites', isStringArray),
    markStyle: pick('markStyle', (v) => oneOf(MARK_STYLES, v)),
    hoverDelayMs: Math.max(
      HOVER_DELAY_MIN_MS,
      pick('hoverDelayMs', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 2000),
    ),
    holdKey: pick('holdKey', (v) => oneOf(HOLD_KEYS, v)),
    disabledCategories: pick('disabledCategories', isStringArray),
    theme: pick('theme', (v) => oneOf(THEMES, v)),
  };
  return { settings, repaired };
}

/**
 * v1 stored only { enabled, disabledSites }; v2 is LensSettings. An object keeps
 * what it had and gains the new fields' defaults. Anything else (a string, an
 * array, a number) is passed through untouched so that normalizeLensSettings
 * sees it, repairs it and leaves a notice, instead of silently resetting it here.
 */
export function migrateLensSettingsToV2(old: unknown): unknown {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return old;
  return { ...DEFAULT_LENS_SETTINGS, ...(old as Record<string, unknown>) };
}

export const LENS_SETTINGS_VERSION = 2;

const LENS_SETTINGS_KEY = 'local:settings';

function defineLensSettingsItem() {
  /** Version history: v1 stored only { enabled, disabledSites }; v2 is LensSettings. */
  return storage.defineItem<unknown>(LENS_SETTINGS_KEY, {
    fallback: DEFAULT_LENS_SETTINGS,
    version: LENS_SETTINGS_VERSION,
    migrations: {
      2: migrateLensSettingsToV2,
    },
  });
}
let lensSettingsItemInstance: ReturnType<typeof defineLensSettingsItem> | null = null;

/**
 * The versioned item. Defining it runs WXT's migrations, which log an error on a corrupted version
 * marker; so only the background and extension pages define it, never the content script.
 */
export function lensSettingsStore() {
  return (lensSettingsItemInstance ??= defineLensSettingsItem());
}

/** Set when stored settings had to be repaired, so the options page can say so once. */
export const lensSettingsNoticeItem = storage.defineItem<string | null>('local:settingsNotice', { fallback: null });

export const LENS_SETTINGS_REPAIRED_NOTICE = '设置数据已损坏，已恢复为默认值（能保留的项目已保留）。';

export async function readLensSettings(): Promise<LensSettings> {
  const { settings, repaired } = normalizeLensSettings(await lensSettingsStore().getValue());
  if (repaired) {
    await lensSettingsNoticeItem.setValue(LENS_SETTINGS_REPAIRED_NOTICE);
    await lensSettingsStore().setValue(settings);
  }
  return settings;
}

/** The content script's reader: the stored value as is (no migrations), repaired when it is malformed. */
export async function readLensSettingsOnPage(): Promise<LensSettings> {
  const stored = await storage.getItem<unknown>(LENS_SETTINGS_KEY);
  const { settings, repaired } = normalizeLensSettings(stored === null ? null : migrateLensSettingsToV2(stored));
  if (repaired) {
    await lensSettingsNoticeItem.setValue(LENS_SETTINGS_REPAIRED_NOTICE);
    await storage.setItem(LENS_SETTINGS_KEY, settings);
  }
  return settings;
}

export async function updateLensSettings(change: Partial<LensSettings>): Promise<LensSettings> {
  const next = { ...(await readLensSettings()), ...change };
  await lensSettingsStore().setValue(next);
  return next;
}

/** Back to the defaults (a fresh copy, so nobody shares the default arrays). */
export async function resetLensSettings(): Promise<LensSettings> {
  const fresh: LensSettings = { ...DEFAULT_LENS_SETTINGS, disabledSites: [], disabledCategories: [] };
  await lensSettingsStore().setValue(fresh);
  return fresh;
}

/**
 * Run by the background at start-up. A stored version marker that is not one this
 * build knows (a downgrade, or garbage) makes WXT skip migrations with an error on
 * every load; reset it to the current version and repair the value through the
 * tolerant reader, which leaves the notice when something had to change.
 */
export async function repairLensSettingsStorage(): Promise<LensSettings> {
  const meta: unknown = await lensSettingsStore().getMeta();
  const version = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  const stored = await lensSettingsStore().getValue();
  const knownVersion = version === undefined || version === 1 || version === LENS_SETTINGS_VERSION;
  if (!knownVersion) {
    await lensSettingsStore().removeMeta();
    await lensSettingsStore().setMeta({ v: LENS_SETTINGS_VERSION });
    const { settings } = normalizeLensSettings(migrateLensSettingsToV2(stored));
    await lensSettingsStore().setValue(settings);
    await lensSettingsNoticeItem.setValue(LENS_SETTINGS_REPAIRED_NOTICE);
    return settings;
  }
  return readLensSettings();
}

/** Watches the stored settings without defining the versioned item (safe in content scripts). */
export function watchLensSettings(callback: (settings: LensSettings) => void): () => void {
  return storage.watch<unknown>(LENS_SETTINGS_KEY, (value) =>
    callback(normalizeLensSettings(value === null ? null : migrateLensSettingsToV2(value)).settings),
  );
}

export function siteKeyOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' || protocol === 'file:' ? hostname || 'file' : null;
  } catch {
    return null;
  }
}

export function isLensActiveOn(settings: LensSettings, siteKey: string | null): boolean {
  return settings.enabled && !isSiteDisabled(settings.disabledSites, siteKey);
}
