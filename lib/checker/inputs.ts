/**
 * What the user typed into the popup's checker, kept on this device between popup
 * openings, where no content script can read it (./inputStore.ts). The shape, the
 * defaults and the repair all come from the tool declarations in registry.ts.
 * Number fields are kept as the text typed (a half-typed value survives); reading
 * is forgiving: a stored field that is malformed falls back to its own default,
 * the others are kept.
 */
import { browser } from 'wxt/browser';
import { STORAGE_KEYS, rawKey } from '@/lib/settings/storageKeys';
import { indexedDbCheckerInputStore, type CheckerInputStore } from './inputStore';
import { type CheckerFormValues, defaultCheckerValues, isCheckerFieldValueWellFormed } from './fields';
import { CHECKER_TOOLS } from './registry';
import { CHECKER_TOOL_IDS, type CheckerToolId } from './toolIds';

export type CheckerInputs = { tool: CheckerToolId } & Record<CheckerToolId, CheckerFormValues>;

export function defaultCheckerInputs(tool: CheckerToolId = 'account'): CheckerInputs {
  const groups = Object.fromEntries(CHECKER_TOOL_IDS.map((id) => [id, defaultCheckerValues(CHECKER_TOOLS[id])]));
  return { tool, ...groups } as CheckerInputs;
}

export interface NormalizedCheckerInputs {
  inputs: CheckerInputs;
  repaired: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Repairs whatever was stored, field by field: a missing field takes its
 * default silently; a present but malformed one takes its default and marks
 * the result repaired. Unknown fields are dropped.
 */
export function normalizeCheckerInputs(raw: unknown): NormalizedCheckerInputs {
  const defaults = defaultCheckerInputs();
  if (raw === null || raw === undefined) return { inputs: defaults, repaired: false };
  if (!isRecord(raw)) return { inputs: defaults, repaired: true };
  let repaired = false;
  const inputs = { ...defaults };
  if (Object.hasOwn(raw, 'tool')) {
    if ((CHECKER_TOOL_IDS as readonly unknown[]).includes(raw.tool)) inputs.tool = raw.tool as CheckerToolId;
    else repaired = true;
  }
  for (const id of CHECKER_TOOL_IDS) {
    if (!Object.hasOwn(raw, id)) continue;
    const stored = raw[id];
    if (!isRecord(stored)) {
      repaired = true;
      continue;
    }
    const values = { ...defaults[id] };
    for (const [key, spec] of Object.entries(CHECKER_TOOLS[id].fields)) {
      if (!Object.hasOwn(stored, key)) continue;
      if (isCheckerFieldValueWellFormed(spec, stored[key])) values[key] = stored[key] as string | boolean;
      else repaired = true;
    }
    inputs[id] = values;
  }
  return { inputs, repaired };
}

/**
 * Version 1 prefilled the account, waiting and inpatient figures from a
 * "national" region whose numbers were mostly examples or unsourced (83 元/月
 * for retirees). Those values are dropped so that no unsourced figure lives on.
 */
export function migrateCheckerInputsFromV1(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const drop = (group: string, keys: string[]) => {
    const stored = old[group];
    if (!isRecord(stored)) return stored;
    return Object.fromEntries(Object.entries(stored).filter(([key]) => !keys.includes(key)));
  };
  return {
    tool: old.tool,
    account: drop('account', ['retireeMonthlyCredit']),
    family: drop('family', ['guangdongInvolved']),
    waiting: drop('waiting', ['annualIndividualContribution']),
    inpatient: drop('inpatient', [
      'deductible',
      'reimbursementPercent',
      'cap',
      'classBSelfPayPercent',
      'seriousIllnessThreshold',
      'seriousIllnessPercent',
    ]),
  };
}

/** Where earlier versions kept the inputs (storage.local, readable by content scripts), and its version marker. */
const LEGACY_KEY = rawKey(STORAGE_KEYS.legacyCheckerInputs);
const LEGACY_META_KEY = `${LEGACY_KEY}$`;

/**
 * Moves inputs an earlier version left in storage.local into the private store (unless that already holds some),
 * then deletes them from storage.local. Written first, deleted after: a failure in between loses nothing, and the
 * next opening finishes the move.
 */
export async function migrateLegacyCheckerInputs(store: CheckerInputStore): Promise<void> {
  const legacy = await browser.storage.local.get([LEGACY_KEY, LEGACY_META_KEY]);
  const hasValue = Object.hasOwn(legacy, LEGACY_KEY);
  if (!hasValue && !Object.hasOwn(legacy, LEGACY_META_KEY)) return;
  if (hasValue && (await store.get()) === undefined) {
    const meta = legacy[LEGACY_META_KEY] as { v?: unknown } | undefined;
    const version = typeof meta?.v === 'number' ? meta.v : 1;
    await store.set(version < 2 ? migrateCheckerInputsFromV1(legacy[LEGACY_KEY]) : legacy[LEGACY_KEY]);
  }
  await browser.storage.local.remove([LEGACY_KEY, LEGACY_META_KEY]);
}

/** Reads the stored inputs; a corrupted value is repaired and written back. */
export async function loadCheckerInputs(
  store: CheckerInputStore = indexedDbCheckerInputStore,
): Promise<NormalizedCheckerInputs> {
  let raw: unknown;
  try {
    await migrateLegacyCheckerInputs(store);
    raw = await store.get();
  } catch {
    raw = { corrupted: true };
  }
  const result = normalizeCheckerInputs(raw);
  if (result.repaired) await store.set(result.inputs);
  return result;
}

export async function saveCheckerInputs(
  inputs: CheckerInputs,
  store: CheckerInputStore = indexedDbCheckerInputStore,
): Promise<void> {
  await store.set(inputs);
}
