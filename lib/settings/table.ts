/**
 * The settings table: every setting's default, validation and choices in one place; the LensSettings
 * type is derived from it. Pure (no storage, no zod), so the content script can use it.
 */
import { LENS_CATEGORY_LABELS } from './categories';

interface SettingSpec<T> {
  default: T;
  /** True when a stored value can be used as it is. */
  valid(value: unknown): value is T;
  /** For settings with a fixed set of values: the values, in the order the UI lists them. */
  choices?: readonly T[];
}

const oneOf = <T extends string>(choices: readonly T[]): SettingSpec<T> & { choices: readonly T[] } => ({
  default: choices[0]!,
  choices,
  valid: (v: unknown): v is T => typeof v === 'string' && (choices as readonly string[]).includes(v),
});
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 1000 && v.every((x) => typeof x === 'string' && x.length <= 300);

export const MARK_STYLES = ['underline', 'background', 'none'] as const;
export const MARK_AMOUNTS = ['firstInBlock', 'all'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const HOLD_KEYS = ['none', 'Alt', 'Shift', 'Control'] as const;
/** 字号 标准 / 大 / 特大 for the card, the popup and the PDF reader. */
export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const;
/** How much each 字号 enlarges the type (标准: card body 16 px). */
export const TEXT_SIZE_SCALE: Record<(typeof TEXT_SIZES)[number], number> = {
  standard: 1,
  large: 1.125,
  xlarge: 1.25,
};
export const HOVER_DELAY_MIN_MS = 100;
export const HOVER_DELAY_MAX_MS = 2000;

export const SETTINGS_TABLE = {
  enabled: { default: true, valid: isBoolean },
  /** Sites where the lens is off: host names, or `*.example.com` for a domain with its subdomains. */
  disabledSites: { default: [] as string[], valid: isStringList },
  /** 下划线 / 底色 / 不划线 (terms still answer a hover). */
  markStyle: oneOf(MARK_STYLES),
  /** 每段首次 (the first occurrence of a term in each paragraph) or 全部标出. */
  markAmount: oneOf(MARK_AMOUNTS),
  hoverDelayMs: {
    default: 220,
    valid: (v: unknown): v is number =>
      typeof v === 'number' && Number.isFinite(v) && v >= HOVER_DELAY_MIN_MS && v <= HOVER_DELAY_MAX_MS,
  },
  holdKey: oneOf(HOLD_KEYS),
  disabledCategories: {
    default: [] as string[],
    valid: (v: unknown): v is string[] => isStringList(v) && v.every((c) => Object.hasOwn(LENS_CATEGORY_LABELS, c)),
  },
  /** Term ids the reader marked 我懂了: no longer underlined anywhere, still answer a hover. */
  knownTerms: { default: [] as string[], valid: isStringList },
  theme: oneOf(THEMES),
  textSize: oneOf(TEXT_SIZES),
} satisfies { [name: string]: SettingSpec<never> | SettingSpec<unknown> };

type Table = typeof SETTINGS_TABLE;
export type SettingName = keyof Table;
export type LensSettings = { [K in SettingName]: Table[K] extends { valid(v: unknown): v is infer T } ? T : never };

export const SETTING_NAMES = Object.keys(SETTINGS_TABLE) as SettingName[];

/** A fresh copy of the defaults (arrays are never shared between callers). */
export function defaultLensSettings(): LensSettings {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const value = SETTINGS_TABLE[name].default;
    out[name] = Array.isArray(value) ? [...value] : value;
  }
  return out as LensSettings;
}

export const DEFAULT_LENS_SETTINGS: Readonly<LensSettings> = Object.freeze(defaultLensSettings());

export interface NormalizedSettings {
  settings: LensSettings;
  /** Names of the fields that were present but unusable and fell back to their default. */
  repaired: SettingName[];
}

/**
 * Reads a stored value forgivingly: a missing field takes its default silently; a malformed one takes its
 * default and is named in `repaired`. A stored value that is not an object at all counts as every field repaired.
 */
export function normalizeLensSettings(raw: unknown): NormalizedSettings {
  const settings = defaultLensSettings() as Record<string, unknown>;
  if (raw === null || raw === undefined) return { settings: settings as LensSettings, repaired: [] };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { settings: settings as LensSettings, repaired: [...SETTING_NAMES] };
  const value = raw as Record<string, unknown>;
  const repaired: SettingName[] = [];
  for (const name of SETTING_NAMES) {
    if (!Object.hasOwn(value, name)) continue;
    const spec = SETTINGS_TABLE[name] as SettingSpec<unknown>;
    if (spec.valid(value[name])) settings[name] = value[name];
    else repaired.push(name);
  }
  return { settings: settings as LensSettings, repaired };
}

/** Checks a change before it is stored; the message names the setting in Chinese terms the UI uses. */
export function validateSettingsChange(change: Partial<Record<string, unknown>>): string | null {
  for (const [name, value] of Object.entries(change)) {
    // Own properties only: `constructor` or `__proto__` is an unknown setting, not something of Object.prototype.
    if (!Object.hasOwn(SETTINGS_TABLE, name)) return `未知的设置项：${name}`;
    const spec = (SETTINGS_TABLE as Record<string, SettingSpec<unknown>>)[name]!;
    if (!spec.valid(value)) {
      if (name === 'hoverDelayMs') return `悬停延迟须在 ${HOVER_DELAY_MIN_MS}–${HOVER_DELAY_MAX_MS} 毫秒之间`;
      if (name === 'textSize') return '字号只能是标准、大或特大';
      return `设置项 ${name} 的值无效`;
    }
  }
  return null;
}

export function siteKeyOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' || protocol === 'file:' ? hostname || 'file' : null;
  } catch {
    return null;
  }
}

/** Whether a rule from disabledSites covers a host: `example.com` only itself, `*.example.com` the domain and its subdomains. */
export function siteRuleCovers(rule: string, host: string): boolean {
  if (rule.startsWith('*.')) {
    const domain = rule.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  }
  return rule === host;
}

export function isLensActiveOn(settings: LensSettings, siteKey: string | null): boolean {
  return (
    settings.enabled && !(siteKey !== null && settings.disabledSites.some((rule) => siteRuleCovers(rule, siteKey)))
  );
}
