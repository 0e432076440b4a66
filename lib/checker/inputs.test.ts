import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Region } from '@/data/schema';
import regions from '@/data/regions.json';
import {
  applyRegionToCheckerInputs,
  checkerInputsItem,
  clearCheckerInputs,
  defaultCheckerInputs,
  loadCheckerInputs,
  normalizeCheckerInputs,
  checkerRatioToPercentText,
  saveCheckerInputs,
} from './inputs';

const region = (regions as Region[])[0]!;
const JUNE = new Date(2025, 5, 15);
const defaults = defaultCheckerInputs(region, JUNE);

describe('defaultCheckerInputs', () => {
  it('fills the regional fields from the region and the month from the date', () => {
    expect(defaults.tool).toBe('account');
    expect(defaults.account.accountRatioPercent).toBe(checkerRatioToPercentText(region.params.accountRatio));
    expect(defaults.account.retireeMonthlyCredit).toBe(String(region.params.retireeMonthlyCredit));
    expect(defaults.account.currentMonth).toBe('6');
    expect(defaults.account.monthlyContributionBase).toBe('');
    expect(defaults.inpatient.deductible).toBe(String(region.params.employeeDeductible));
    expect(defaults.inpatient.reimbursementPercent).toBe(checkerRatioToPercentText(region.params.employeeRatio));
    expect(defaults.waiting.annualIndividualContribution).toBe(String(region.params.residentAnnualContribution));
  });

  it('switches the inpatient parameters with the scheme', () => {
    const resident = applyRegionToCheckerInputs(
      { ...defaults, inpatient: { ...defaults.inpatient, scheme: '居民医保' } },
      region,
    );
    expect(resident.inpatient.reimbursementPercent).toBe(checkerRatioToPercentText(region.params.residentRatio));
    expect(resident.inpatient.cap).toBe(String(region.params.residentCap));
  });
});

describe('checkerRatioToPercentText', () => {
  it.each([
    [0.02, '2'],
    [0.8, '80'],
    [0.125, '12.5'],
    [0.07, '7'],
    [0, '0'],
  ])('%d → %s', (ratio, text) => expect(checkerRatioToPercentText(ratio)).toBe(text));
});

describe('normalizeCheckerInputs', () => {
  it('returns the defaults for nothing stored, without a repair', () => {
    expect(normalizeCheckerInputs(undefined, defaults)).toEqual({ inputs: defaults, repaired: false });
    expect(normalizeCheckerInputs(null, defaults)).toEqual({ inputs: defaults, repaired: false });
  });

  it('keeps valid stored values and fills missing fields silently', () => {
    const { inputs, repaired } = normalizeCheckerInputs(
      { tool: 'inpatient', account: { monthlyContributionBase: '８０００' } },
      defaults,
    );
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
    expect(normalizeCheckerInputs(raw, defaults)).toEqual({ inputs: defaults, repaired: true });
  });

  it('repairs field by field: bad enums, non-strings, huge strings, bad groups, unknown region', () => {
    const { inputs, repaired } = normalizeCheckerInputs(
      {
        tool: 'calculator',
        regionId: 'atlantis',
        account: {
          insuredType: '学生',
          monthlyContributionBase: 8000,
          currentBalance: '9'.repeat(500),
          monthlySpending: '120',
        },
        family: 'broken',
        waiting: { sameProvince: 'yes', isNewborn: 'no', lapseYears: '2' },
        inpatient: { scheme: '职工医保', totalBill: { value: 1 } },
      },
      defaults,
    );
    expect(repaired).toBe(true);
    expect(inputs.tool).toBe(defaults.tool);
    expect(inputs.regionId).toBe(defaults.regionId);
    expect(inputs.account.insuredType).toBe('在职职工');
    expect(inputs.account.monthlyContributionBase).toBe('');
    expect(inputs.account.currentBalance).toBe(defaults.account.currentBalance);
    expect(inputs.account.monthlySpending).toBe('120');
    expect(inputs.family).toEqual(defaults.family);
    expect(inputs.waiting.isNewborn).toBe(false);
    expect(inputs.waiting.lapseYears).toBe('2');
    expect(inputs.inpatient.totalBill).toBe('');
  });

  it('ignores unknown extra keys', () => {
    const { inputs } = normalizeCheckerInputs(
      { ...defaults, extra: 1, account: { ...defaults.account, extra: 2 } },
      defaults,
    );
    expect(inputs).toEqual(defaults);
  });
});

describe('checker inputs storage', () => {
  it('round-trips through local storage', async () => {
    const changed = {
      ...defaults,
      tool: 'waiting' as const,
      account: { ...defaults.account, monthlyContributionBase: '8000' },
    };
    await saveCheckerInputs(changed);
    expect(await fakeBrowser.storage.local.get('checkerInputs')).toEqual({ checkerInputs: changed });
    expect(await loadCheckerInputs(defaults)).toEqual({ inputs: changed, repaired: false });
  });

  it('repairs a corrupted stored value and writes the repaired one back', async () => {
    await fakeBrowser.storage.local.set({ checkerInputs: { tool: 7, account: { monthlyContributionBase: '6000' } } });
    const { inputs, repaired } = await loadCheckerInputs(defaults);
    expect(repaired).toBe(true);
    expect(inputs.account.monthlyContributionBase).toBe('6000');
    expect(await checkerInputsItem.getValue()).toEqual(inputs);
  });

  it('is emptied by a reset', async () => {
    await saveCheckerInputs({ ...defaults, tool: 'family' });
    await clearCheckerInputs();
    expect(await loadCheckerInputs(defaults)).toEqual({ inputs: defaults, repaired: false });
  });
});
