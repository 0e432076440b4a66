/**
 * The settings owner, run in the background only: the single writer of the stored settings object. It
 * migrates older shapes at start-up, repairs malformed values (leaving a notice for the options page), and
 * applies every change request in arrival order on top of the latest stored value.
 */
import { storage } from 'wxt/utils/storage';
import { STORAGE_KEYS } from './storageKeys';
import {
  HOVER_DELAY_MIN_MS,
  defaultLensSettings,
  normalizeLensSettings,
  validateSettingsChange,
  type LensSettings,
} from './table';
import { LENS_SETTINGS_REPAIRED_NOTICE } from './settings';

/** The shape version this build writes. */
export const LENS_SETTINGS_VERSION = 3;

/**
 * How to bring an object of version n-1 to version n. v1 → v2 only added fields (their defaults come from the
 * table on read, so it needs no step). v2 → v3 raised the hover delay's minimum: a faster delay chosen before
 * is kept as fast as now allowed instead of being treated as corrupt.
 */
export const LENS_SETTINGS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  3: (old) =>
    typeof old.hoverDelayMs === 'number' && old.hoverDelayMs >= 0 && old.hoverDelayMs < HOVER_DELAY_MIN_MS
      ? { ...old, hoverDelayMs: HOVER_DELAY_MIN_MS }
      : old,
};

export function migrateLensSettings(value: unknown, fromVersion: number): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  let current = value as Record<string, unknown>;
  for (let version = fromVersion + 1; version <= LENS_SETTINGS_VERSION; version++) {
    current = LENS_SETTINGS_MIGRATIONS[version]?.(current) ?? current;
  }
  return current;
}

function storedVersion(meta: unknown): number | null {
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  if (v === undefined) return 1;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= LENS_SETTINGS_VERSION ? v : null;
}

async function write(settings: LensSettings) {
  await storage.setItems([
    { key: STORAGE_KEYS.settings, value: settings },
    { key: STORAGE_KEYS.settingsMeta, value: { v: LENS_SETTINGS_VERSION } },
  ]);
}

/**
 * Start-up: migrate an older shape, repair a malformed value or version marker, and say so once when
 * something the user had could not be kept. Nothing stored stays nothing stored (defaults apply).
 */
export async function prepareStoredSettings(): Promise<LensSettings> {
  const [stored, meta] = await Promise.all([
    storage.getItem<unknown>(STORAGE_KEYS.settings),
    storage.getItem<unknown>(STORAGE_KEYS.settingsMeta),
  ]);
  if (stored === null) return defaultLensSettings();
  const version = storedVersion(meta);
  const migrated = migrateLensSettings(stored, version ?? LENS_SETTINGS_VERSION);
  const { settings, repaired } = normalizeLensSettings(migrated);
  if (repaired.length > 0) await storage.setItem(STORAGE_KEYS.settingsNotice, LENS_SETTINGS_REPAIRED_NOTICE);
  if (repaired.length > 0 || version !== LENS_SETTINGS_VERSION || migrated !== stored) await write(settings);
  return settings;
}

export type SettingsChangeRequest =
  | { change: Partial<LensSettings> }
  | { reset: true }
  /** Only inside the background (a function cannot travel in a message): a change computed from the latest value. */
  | { update: (current: LensSettings) => Partial<LensSettings> };
export type SettingsChangeReply = { settings: LensSettings } | { error: string };

let queue: Promise<unknown> = Promise.resolve();

/** Applies one change request after every earlier one has been written. */
export function applySettingsChange(request: SettingsChangeRequest): Promise<SettingsChangeReply> {
  const run = async (): Promise<SettingsChangeReply> => {
    if ('reset' in request) {
      const fresh = defaultLensSettings();
      await write(fresh);
      return { settings: fresh };
    }
    const current = normalizeLensSettings(await storage.getItem<unknown>(STORAGE_KEYS.settings)).settings;
    const change = 'update' in request ? request.update(current) : request.change;
    const error = validateSettingsChange(change);
    if (error) return { error };
    const next = { ...current, ...change };
    await write(next);
    return { settings: next };
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Repairs a malformed value written behind the owner's back (another build, a sync tool, DevTools) as soon
 * as it lands, with the same notice as at start-up. A repaired value reads clean, so this never loops.
 */
export function repairSettingsWhenCorrupted(): () => void {
  return storage.watch<unknown>(STORAGE_KEYS.settings, (value) => {
    if (value === null || normalizeLensSettings(value).repaired.length === 0) return;
    void applySettingsChange({ update: () => ({}) }).then(() =>
      storage.setItem(STORAGE_KEYS.settingsNotice, LENS_SETTINGS_REPAIRED_NOTICE),
    );
  });
}
