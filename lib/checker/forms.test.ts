import { describe, expect, it } from 'vitest';
import type { Region } from '@/data/schema';
import regions from '@/data/regions.json';
import { defaultCheckerInputs } from './inputs';
import {
  ACCOUNT_FIELD_SPECS,
  INPATIENT_FIELD_SPECS,
  WAITING_FIELD_SPECS,
  accountFieldsFor,
  evaluateAccountChecker,
  evaluateFamilyShareChecker,
  evaluateInpatientChecker,
  evaluateWaitingChecker,
  inpatientFieldsFor,
  waitingFieldsFor,
} from './forms';

const defaults = defaultCheckerInputs((regions as Region[])[0]!, new Date(2025, 5, 1));

describe('evaluateAccountChecker', () => {
  it('worked example: 在职职工, 月缴费基数 ８０００ (full-width) → 每月划入 160 元', () => {
    const evaluation = evaluateAccountChecker({
      ...defaults.account,
      monthlyContributionBase: '８０００',
      accountRatioPercent: '2',
    });
    expect(evaluation.errors).toEqual({});
    expect(evaluation.result?.monthlyCredit).toBe(160);
    expect(evaluation.result?.steps[0]).toContain('8,000 × 计入比例 2% = 160 元');
  });

  it('an empty required field is missing, not an error, and gives no result', () => {
    const evaluation = evaluateAccountChecker(defaults.account);
    expect(evaluation.errors).toEqual({});
    expect(evaluation.missing).toEqual(['月缴费基数']);
    expect(evaluation.result).toBeNull();
  });

  it.each([
    ['-5', '月缴费基数须为 0 到 100000 之间的数字'],
    ['abc', '月缴费基数须为 0 到 100000 之间的数字'],
    ['9'.repeat(30), '月缴费基数须为 0 到 100000 之间的数字'],
    ['1e9', '月缴费基数须为 0 到 100000 之间的数字'],
  ])('rejects %j with a Chinese message on the field', (raw, message) => {
    const evaluation = evaluateAccountChecker({ ...defaults.account, monthlyContributionBase: raw });
    expect(evaluation.errors).toEqual({ monthlyContributionBase: message });
    expect(evaluation.result).toBeNull();
  });

  it('checks the month as a whole number from 1 to 12', () => {
    expect(
      evaluateAccountChecker({ ...defaults.account, monthlyContributionBase: '8000', currentMonth: '13' }).errors
        .currentMonth,
    ).toBe('当前月份须为 1 到 12 之间的数字');
    expect(
      evaluateAccountChecker({ ...defaults.account, monthlyContributionBase: '8000', currentMonth: '6.5' }).errors
        .currentMonth,
    ).toBe('当前月份须为整数');
  });

  it('uses only the fields of the chosen 参保类型', () => {
    expect(accountFieldsFor({ insuredType: '退休人员', flexibleWorkerHasAccount: false })).not.toContain(
      'monthlyContributionBase',
    );
    expect(accountFieldsFor({ insuredType: '城乡居民', flexibleWorkerHasAccount: false })).toEqual([]);
    // a wrong value in a hidden field does not block the result
    const retiree = evaluateAccountChecker({
      ...defaults.account,
      insuredType: '退休人员',
      monthlyContributionBase: 'abc',
      retireeMonthlyCredit: '83',
    });
    expect(retiree.errors).toEqual({});
    expect(retiree.result?.monthlyCredit).toBe(83);
    const resident = evaluateAccountChecker({ ...defaults.account, insuredType: '城乡居民' });
    expect(resident.result?.hasAccount).toBe(false);
  });

  it('every spec has a label, a unit and a sane range', () => {
    for (const spec of [
      ...Object.values(ACCOUNT_FIELD_SPECS),
      ...Object.values(WAITING_FIELD_SPECS),
      ...Object.values(INPATIENT_FIELD_SPECS),
    ]) {
      expect(spec.label.length).toBeGreaterThan(1);
      expect(spec.unit.length).toBeGreaterThan(0);
      expect(spec.max).toBeGreaterThan(spec.min);
    }
  });
});

describe('evaluateFamilyShareChecker', () => {
  it('answers without any number in the same province', () => {
    const evaluation = evaluateFamilyShareChecker(defaults.family);
    expect(evaluation.result?.check.allowed).toBe(true);
    expect(evaluation.result?.plan).toBeNull();
  });

  it('plans wallet transfers across provinces when an amount is given', () => {
    const evaluation = evaluateFamilyShareChecker({
      ...defaults.family,
      sameProvince: false,
      transferAmount: '５０００',
    });
    expect(evaluation.result?.plan?.transfers).toEqual([2000, 2000, 1000]);
  });

  it('leaves the amount optional and validates it when typed', () => {
    expect(evaluateFamilyShareChecker({ ...defaults.family, sameProvince: false }).result?.plan).toBeNull();
    const wrong = evaluateFamilyShareChecker({ ...defaults.family, sameProvince: false, transferAmount: '很多' });
    expect(wrong.errors.transferAmount).toBe('跨省转账金额须为 0 到 1000000 之间的数字');
    // the answer still shows; only the transfer plan waits for a valid amount
    expect(wrong.result?.check.allowed).toBe(true);
    expect(wrong.result?.plan).toBeNull();
  });

  it('refuses relatives outside 近亲属', () => {
    expect(evaluateFamilyShareChecker({ ...defaults.family, relation: '其他' }).result?.check.allowed).toBe(false);
  });
});

describe('evaluateWaitingChecker', () => {
  it('居民医保, 断保 2 年: 3 + 1 = 4 months', () => {
    const evaluation = evaluateWaitingChecker({ ...defaults.waiting, lapseYears: '2' });
    expect(evaluation.result?.totalMonths).toEqual({ min: 4, max: 4 });
  });

  it('whole years only', () => {
    expect(evaluateWaitingChecker({ ...defaults.waiting, lapseYears: '1.5' }).errors.lapseYears).toBe(
      '断保年数须为整数',
    );
  });

  it('职工医保 only needs the gap in months', () => {
    expect(waitingFieldsFor({ scheme: '职工医保', isNewborn: false })).toEqual(['gapMonths']);
    expect(
      evaluateWaitingChecker({ ...defaults.waiting, scheme: '职工医保', gapMonths: '5', lapseYears: 'x' }).result
        ?.totalMonths,
    ).toEqual({ min: 0, max: 6 });
  });
});

describe('evaluateInpatientChecker', () => {
  it('职工医保, 8000 bill with the national example parameters: pool pays 5600', () => {
    const evaluation = evaluateInpatientChecker({ ...defaults.inpatient, totalBill: '8000' });
    expect(evaluation.result?.poolPays).toBe(5600);
    expect(evaluation.result?.patientPays).toBe(2400);
  });

  it('居民医保 adds the 大病保险 fields', () => {
    expect(inpatientFieldsFor({ scheme: '居民医保' })).toContain('seriousIllnessThreshold');
    expect(inpatientFieldsFor({ scheme: '职工医保' })).not.toContain('seriousIllnessThreshold');
  });

  it('reports parts larger than the total as a problem, not a crash', () => {
    const evaluation = evaluateInpatientChecker({
      ...defaults.inpatient,
      totalBill: '1000',
      fullySelfPaid: '800',
      classBAmount: '500',
    });
    expect(evaluation.result).toBeNull();
    expect(evaluation.problem).toBe('全自费金额与乙类金额之和不能超过住院总费用');
  });

  it('rejects a ratio above 100%', () => {
    expect(
      evaluateInpatientChecker({ ...defaults.inpatient, totalBill: '1000', reimbursementPercent: '120' }).errors
        .reimbursementPercent,
    ).toBe('统筹报销比例须为 0 到 100 之间的数字');
  });
});
