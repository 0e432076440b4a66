import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultCheckerInputs,
  loadCheckerInputs,
  migrateCheckerInputsFromV1,
  migrateLegacyCheckerInputs,
  normalizeCheckerInputs,
  saveCheckerInputs,
} from './inputs';
import { memoryCheckerInputStore } from './inputStore';

const defaults = defaultCheckerInputs();

describe('defaultCheckerInputs', () => {
  it('is built from the field declarations, with no unsourced regional figure', () => {
    expect(defaults.tool).toBe('account');
    expect(defaults.account.insuredType).toBe('在职职工');
    expect(defaults.account.accountRatioPercent).toBe('2'); // 国办发〔2021〕14号
    expect(defaults.account.retireeMonthlyCredit).toBe(''); // asked for, never guessed
    expect(defaults.inpatient.paramSource).toBe('example');
    expect(defaults.inpatient.deductible).toBe('');
    expect(defaults.waiting.annualIndividualContribution).toBe('');
    expect(defaults.family.sameProvince).toBe(true);
    expect(defaultCheckerInputs('waiting').tool).toBe('waiting');
  });
});

describe('normalizeCheckerInputs', () => {
  it('returns the defaults for nothing stored, without a repair', () => {
    expect(normalizeCheckerInputs(undefined)).toEqual({ inputs: defaults, repaired: false });
    expect(normalizeCheckerInputs(null)).toEqual({ inputs: defaults, repaired: false });
  });

  it('keeps valid stored values and fills missing fields silently', () => {
    const { inputs, repaired } = normalizeCheckerInputs({
      tool: 'inpatient',
      account: { monthlyContributionBase: '８０００' },
    });
    expect(repaired).toBe(false);
    expect(inputs.tool).toBe('inpatient');
    expect(inputs.account.monthlyContributionBase).toBe('８０００');
    expect(inputs.account.insuredType).toBe('在职职工');
    expect(inputs.family).toEqual(defaults.family);
  });

  it.each([
    ['a string', 'oops'],
    ['an array', [1, 2]],
    ['a number', 42],
    ['true', true],
  ])('replaces %s with the defaults and reports a repair', (_, raw) => {
    expect(normalizeCheckerInputs(raw)).toEqual({ inputs: defaults, repaired: true });
  });

  it('repairs field by field: bad choices, non-strings, huge strings, bad flags, a broken group', () => {
    const { inputs, repaired } = normalizeCheckerInputs({
      tool: 'calculator',
      account: {
        insuredType: '学生',
        monthlyContributionBase: 8000,
        currentBalance: '9'.repeat(500),
        monthlySpending: '120',
      },
      family: 'broken',
      waiting: { isNewborn: 'no', lapseYears: '2', reading: 'whatever' },
      inpatient: { scheme: '职工医保', totalBill: { value: 1 }, paramSource: 'local', cap: '30万' },
    });
    expect(repaired).toBe(true);
    expect(inputs.tool).toBe(defaults.tool);
    expect(inputs.account.insuredType).toBe('在职职工');
    expect(inputs.account.monthlyContributionBase).toBe('');
    expect(inputs.account.currentBalance).toBe(defaults.account.currentBalance);
    expect(inputs.account.monthlySpending).toBe('120');
    expect(inputs.family).toEqual(defaults.family);
    expect(inputs.waiting.isNewborn).toBe(false);
    expect(inputs.waiting).not.toHaveProperty('reading'); // no longer a field: dropped
    expect(inputs.waiting.lapseYears).toBe('2');
    expect(inputs.inpatient.totalBill).toBe('');
    expect(inputs.inpatient.paramSource).toBe('local');
    expect(inputs.inpatient.cap).toBe('30万');
  });

  it('keeps a half-typed or wrong number as typed (the form shows the message, nothing is lost)', () => {
    const { inputs, repaired } = normalizeCheckerInputs({ account: { monthlyContributionBase: 'abc' } });
    expect(repaired).toBe(false);
    expect(inputs.account.monthlyContributionBase).toBe('abc');
  });

  it('drops unknown keys', () => {
    const { inputs } = normalizeCheckerInputs({ ...defaults, extra: 1, account: { ...defaults.account, extra: 2 } });
    expect(inputs).toEqual(defaults);
  });
});

describe('migrateCheckerInputsFromV1', () => {
  const v1 = {
    tool: 'inpatient',
    regionId: 'national',
    account: { insuredType: '退休人员', retireeMonthlyCredit: '83', currentBalance: '500' },
    family: { relation: '父母', guangdongInvolved: true },
    waiting: { lapseYears: '2', annualIndividualContribution: '400' },
    inpatient: { totalBill: '8000', deductible: '1000', reimbursementPercent: '80', cap: '300000' },
  };

  it('drops the figures version 1 filled from the fake national region, keeps what the user typed', () => {
    expect(migrateCheckerInputsFromV1(v1)).toEqual({
      tool: 'inpatient',
      account: { insuredType: '退休人员', currentBalance: '500' },
      family: { relation: '父母' },
      waiting: { lapseYears: '2' },
      inpatient: { totalBill: '8000' },
    });
  });

  it('runs when a version 1 value is moved out of storage.local', async () => {
    await fakeBrowser.storage.local.set({ checkerInputs: v1, checkerInputs$: { v: 1 } });
    const { inputs } = await loadCheckerInputs(memoryCheckerInputStore());
    expect(inputs.account.retireeMonthlyCredit).toBe('');
    expect(inputs.account.currentBalance).toBe('500');
    expect(inputs.inpatient.deductible).toBe('');
    expect(inputs.inpatient.totalBill).toBe('8000');
  });
});

describe('checker inputs storage (private to the extension)', () => {
  const changed = {
    ...defaults,
    tool: 'waiting' as const,
    account: { ...defaults.account, monthlyContributionBase: '8000' },
  };

  it('round-trips through the private store and never touches storage.local', async () => {
    const store = memoryCheckerInputStore();
    await saveCheckerInputs(changed, store);
    expect(await loadCheckerInputs(store)).toEqual({ inputs: changed, repaired: false });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('repairs a corrupted stored value and writes the repaired one back', async () => {
    const store = memoryCheckerInputStore({ tool: 7, account: { monthlyContributionBase: '6000' } });
    const { inputs, repaired } = await loadCheckerInputs(store);
    expect(repaired).toBe(true);
    expect(inputs.account.monthlyContributionBase).toBe('6000');
    expect(store.value).toEqual(inputs);
  });

  it('takes no field from the prototype chain', () => {
    const inherited = Object.create({ tool: 'waiting', account: { monthlyContributionBase: '1' } }) as object;
    expect(normalizeCheckerInputs(inherited)).toEqual({ inputs: defaults, repaired: false });
  });
});

describe('moving the inputs out of storage.local, once', () => {
  it('moves today’s value into the private store and deletes it (and its version marker) from storage.local', async () => {
    await fakeBrowser.storage.local.set({
      checkerInputs: changedValue(),
      checkerInputs$: { v: 2 },
      settings: { a: 1 },
    });
    const store = memoryCheckerInputStore();
    expect((await loadCheckerInputs(store)).inputs.account.monthlyContributionBase).toBe('9000');
    expect(store.value).toEqual(changedValue());
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { a: 1 } });
  });

  it('runs once: a later opening finds nothing to move and keeps what the private store has', async () => {
    await fakeBrowser.storage.local.set({ checkerInputs: changedValue() });
    const store = memoryCheckerInputStore();
    await loadCheckerInputs(store);
    await saveCheckerInputs({ ...defaults, tool: 'family' }, store);
    expect((await loadCheckerInputs(store)).inputs.tool).toBe('family');
  });

  it('never overwrites newer private inputs with an old storage.local copy, and still deletes the copy', async () => {
    const store = memoryCheckerInputStore({ ...defaults, tool: 'inpatient' });
    await fakeBrowser.storage.local.set({ checkerInputs: changedValue() });
    await migrateLegacyCheckerInputs(store);
    expect((store.value as { tool: string }).tool).toBe('inpatient');
    expect(await fakeBrowser.storage.local.get('checkerInputs')).toEqual({});
  });

  it('a failed write keeps the storage.local copy for the next opening', async () => {
    await fakeBrowser.storage.local.set({ checkerInputs: changedValue() });
    const failing = { get: async () => undefined, set: async () => Promise.reject(new Error('quota')) };
    await expect(migrateLegacyCheckerInputs(failing)).rejects.toThrow('quota');
    expect(await fakeBrowser.storage.local.get('checkerInputs')).toEqual({ checkerInputs: changedValue() });
  });

  it('a version 1 value (no marker) is migrated on the way', async () => {
    await fakeBrowser.storage.local.set({
      checkerInputs: { tool: 'account', account: { retireeMonthlyCredit: '83' } },
    });
    const store = memoryCheckerInputStore();
    await migrateLegacyCheckerInputs(store);
    expect((store.value as { account: Record<string, unknown> }).account).toEqual({});
  });
});

function changedValue() {
  return { ...defaults, tool: 'waiting' as const, account: { ...defaults.account, monthlyContributionBase: '9000' } };
}
