/**
 * The settings owner, run in the background only: the single writer of the stored settings object. It migrates
 * older shapes at start-up, repairs malformed values (from the last value it wrote where there is one, leaving a
 * notice for the options page), and applies every change in arrival order on top of the latest stored value. One
 * queue runs all of it: start-up first, so nothing (a message, the shortcut) acts on an unmigrated value.
 */
import { storage } from 'wxt/utils/storage';
import { STORAGE_KEYS } from './storageKeys';
import { HOVER_DELAY_MIN_MS, SETTINGS_TABLE, normalizeLensSettings, type LensSettings } from './table';
import { applySettingsIntents, type SettingsChangeReply, type SettingsIntent } from './intents';
import { LENS_SETTINGS_REPAIRED_NOTICE, LENS_SETTINGS_RESTORED_NOTICE } from './notice';

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
    { key: STORAGE_KEYS.settingsLastGood, value: settings },
  ]);
}

/**
 * A stored value read for use: malformed fields take the last value the owner wrote (when that one is good), else
 * their default. `repaired` says whether anything was present but unusable, `restored` whether the last good value
 * could fill it.
 */
async function readRepaired(raw: unknown): Promise<{ settings: LensSettings; repaired: boolean; restored: boolean }> {
  const { settings, repaired } = normalizeLensSettings(raw);
  if (repaired.length === 0) return { settings, repaired: false, restored: false };
  const lastGood = await storage.getItem<unknown>(STORAGE_KEYS.settingsLastGood);
  const backup = typeof lastGood === 'object' && lastGood !== null ? (lastGood as Record<string, unknown>) : null;
  let restored = false;
  const out: Record<string, unknown> = { ...settings };
  for (const name of repaired) {
    if (backup && Object.hasOwn(backup, name) && SETTINGS_TABLE[name].valid(backup[name])) {
      out[name] = backup[name];
      restored = true;
    }
  }
  return { settings: out as LensSettings, repaired: true, restored };
}

async function leaveNotice(restored: boolean) {
  await storage.setItem(
    STORAGE_KEYS.settingsNotice,
    restored ? LENS_SETTINGS_RESTORED_NOTICE : LENS_SETTINGS_REPAIRED_NOTICE,
  );
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
  if (stored === null) return normalizeLensSettings(null).settings;
  const version = storedVersion(meta);
  const migrated = migrateLensSettings(stored, version ?? LENS_SETTINGS_VERSION);
  const { settings, repaired, restored } = await readRepaired(migrated);
  if (repaired) await leaveNotice(restored);
  if (repaired || version !== LENS_SETTINGS_VERSION || migrated !== stored) await write(settings);
  return settings;
}

let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const result = queue.then(job, job);
  queue = result.catch(() => undefined);
  return result;
}

/** The background calls this once, first: start-up runs before anything else the queue is given. */
export function startSettingsOwner(): Promise<LensSettings> {
  return enqueue(prepareStoredSettings);
}

/**
 * Applies intents computed from the latest stored value, after every earlier change has been written. Each intent
 * is applied in order; the first one refused stops the lot and nothing is written.
 */
export function applySettingsUpdate(
  compute: (current: LensSettings) => readonly SettingsIntent[],
): Promise<SettingsChangeReply> {
  return enqueue(async () => {
    const {
      settings: current,
      repaired,
      restored,
    } = await readRepaired(await storage.getItem<unknown>(STORAGE_KEYS.settings));
    const intents = compute(current);
    const result = applySettingsIntents(current, intents);
    if ('error' in result) return result;
    if (repaired) await leaveNotice(restored);
    if (result.settings !== current || repaired) await write(result.settings);
    return { settings: result.settings };
  });
}

/** Applies checked intents from a message (see entrypoints/background/settingsGate.ts for the checks). */
export function applySettingsChange(intents: readonly SettingsIntent[]): Promise<SettingsChangeReply> {
  return applySettingsUpdate(() => intents);
}

/**
 * Repairs a malformed value written behind the owner's back (another build, a sync tool, DevTools) as soon
 * as it lands, with the same notice as at start-up. A repaired value reads clean, so this never loops.
 */
export function repairSettingsWhenCorrupted(): () => void {
  return storage.watch<unknown>(STORAGE_KEYS.settings, (value) => {
    if (value === null || normalizeLensSettings(value).repaired.length === 0) return;
    void applySettingsUpdate(() => []);
  });
}
