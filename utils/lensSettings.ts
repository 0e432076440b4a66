/**
 * User settings, stored locally with WXT's versioned storage items. Reading is
 * forgiving: each field that is missing or malformed falls back to its default
 * and the caller learns that something was repaired.
 */
import { storage } from 'wxt/utils/storage';

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

export interface NormalizedSettings {
  settings: LensSettings;
  repaired: boolean;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

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
    hoverDelayMs: pick('hoverDelayMs', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 2000),
    holdKey: pick('holdKey', (v) => oneOf(HOLD_KEYS, v)),
    disabledCategories: pick('disabledCategories', isStringArray),
    theme: pick('theme', (v) => oneOf(THEMES, v)),
  };
  return { settings, repaired };
}

/** Version history: v1 stored only { enabled, disabledSites }; v2 is LensSettings. */
export const lensSettingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_LENS_SETTINGS,
  version: 2,
  migrations: {
    2: (old: unknown) => ({ ...DEFAULT_LENS_SETTINGS, ...(typeof old === 'object' && old ? old : {}) }),
  },
});

/** Set when stored settings had to be repaired, so the options page can say so once. */
export const lensSettingsNoticeItem = storage.defineItem<string | null>('local:settingsNotice', { fallback: null });

export async function readLensSettings(): Promise<LensSettings> {
  const { settings, repaired } = normalizeLensSettings(await lensSettingsItem.getValue());
  if (repaired) {
    await lensSettingsNoticeItem.setValue('设置数据已损坏，已恢复为默认值（能保留的项目已保留）。');
    await lensSettingsItem.setValue(settings);
  }
  return settings;
}

export async function updateLensSettings(change: Partial<LensSettings>): Promise<LensSettings> {
  const next = { ...(await readLensSettings()), ...change };
  await lensSettingsItem.setValue(next);
  return next;
}

export function watchLensSettings(callback: (settings: LensSettings) => void): () => void {
  return lensSettingsItem.watch((value) => callback(normalizeLensSettings(value).settings));
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
  return settings.enabled && !(siteKey !== null && settings.disabledSites.includes(siteKey));
}
