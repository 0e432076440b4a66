import { describe, expect, it } from 'vitest';
import { type AccountCheckerInput, computeAccountProjection } from './account';

const employee: AccountCheckerInput = {
  insuredType: '在职职工',
  monthlyContributionBase: 8000,
  retireeMonthlyCredit: 0,
  currentBalance: 1000,
  monthlySpending: 100,
  currentMonth: 6,
};

describe('computeAccountProjection', () => {
  it('in-service employee: 8000 × 2% = 160 a month, balance grows by 60', () => {
    const result = computeAccountProjection(employee);
    expect(result.hasAccount).toBe(true);
    expect(result.monthlyCredit).toBe(160); // 8000 × 0.02
    // June → 6 months left: 1000 + 6 × (160 − 100) = 1360
    expect(result.yearEndBalance).toBe(1360);
    // 1000 + 12 × 60 = 1720
    expect(result.balanceIn12Months).toBe(1720);
    expect(result.runsOut).toBeNull();
    expect(result.uncoveredSpendingIn12Months).toBe(0);
    expect(result.steps[0]).toBe('在职职工每月计入 = 月缴费基数 8,000 × 计入比例 2% = 160 元。');
    expect(result.steps).toContain('到年底还有 6 个月：1,000 + 6 × 60 = 1,360 元。');
    // The 2% rests on 国办发〔2021〕14号 itself, not on the 2020 draft or a city Q&A.
    expect(result.notes[0]).toEqual({
      text: expect.stringContaining('原则上控制在本人参保缴费基数的 2%'),
      sources: ['gbf-2021-14'],
    });
  });

  it('uses a local ratio when given: 6000 × 1.5% = 90', () => {
    const result = computeAccountProjection({ ...employee, monthlyContributionBase: 6000, accountRatio: 0.015 });
    expect(result.monthlyCredit).toBe(90);
  });

  it('rounds the credit to the fen: 7777 × 2% = 155.54', () => {
    const result = computeAccountProjection({
      ...employee,
      monthlyContributionBase: 7777,
      monthlySpending: 0,
      currentMonth: 12,
    });
    expect(result.monthlyCredit).toBe(155.54);
    expect(result.yearEndBalance).toBe(1000); // December: year end is now
    expect(result.balanceIn12Months).toBe(2866.48); // 1000 + 12 × 155.54
  });

  it('retiree whose area credits 83 元 a month (the figure the user typed) runs out in the 8th month', () => {
    const result = computeAccountProjection({
      insuredType: '退休人员',
      monthlyContributionBase: 0,
      retireeMonthlyCredit: 83,
      currentBalance: 500,
      monthlySpending: 150,
      currentMonth: 10,
    });
    expect(result.monthlyCredit).toBe(83);
    // net −67 a month; Nov, Dec: 500 − 2 × 67 = 366
    expect(result.yearEndBalance).toBe(366);
    // month 7: 500 − 7 × 67 = 31; month 8: 31 + 83 − 150 < 0 → 0 (next June)
    expect(result.runsOut).toEqual({ monthsFromNow: 8, calendarMonth: 6, isNextYear: true });
    expect(result.balanceIn12Months).toBe(0);
    // short 36 in month 8, then 67 in each of months 9–12: 36 + 4 × 67 = 304 = 12 × 150 − (500 + 12 × 83)
    expect(result.uncoveredSpendingIn12Months).toBe(304);
    expect(result.steps[0]).toBe('退休人员由统筹基金按月定额划入：按你填写的当地金额，每月 83 元。');
    expect(result.notes[0]).toEqual({
      text: expect.stringContaining('基本养老金平均水平的 2% 左右'),
      sources: ['gbf-2021-14'],
    });
  });

  it('balance running out before year end gives 0 at year end', () => {
    const result = computeAccountProjection({
      ...employee,
      currentBalance: 100,
      monthlySpending: 260,
      currentMonth: 9,
    });
    // net −100: month 1 → 0 (October)
    expect(result.runsOut).toEqual({ monthsFromNow: 1, calendarMonth: 10, isNextYear: false });
    expect(result.yearEndBalance).toBe(0);
    expect(result.balanceIn12Months).toBe(0);
    // 12 × 260 − (100 + 12 × 160) = 3120 − 2020 = 1100
    expect(result.uncoveredSpendingIn12Months).toBe(1100);
  });

  it('城乡居民 have no account and are told what they have instead', () => {
    const result = computeAccountProjection({ ...employee, insuredType: '城乡居民' });
    expect(result.hasAccount).toBe(false);
    expect(result.monthlyCredit).toBe(0);
    expect(result.yearEndBalance).toBeNull();
    expect(result.balanceIn12Months).toBeNull();
    const text = result.notes.map((n) => n.text).join('');
    expect(text).toContain('没有个人账户');
    expect(text).toContain('门诊统筹');
    expect(text).toContain('家庭共济');
  });

  it('灵活就业人员 follow the user’s choice about the account', () => {
    const without = computeAccountProjection({ ...employee, insuredType: '灵活就业人员' });
    expect(without.hasAccount).toBe(false);
    expect(without.balanceIn12Months).toBeNull();
    const withAccount = computeAccountProjection({
      ...employee,
      insuredType: '灵活就业人员',
      flexibleWorkerHasAccount: true,
    });
    expect(withAccount.hasAccount).toBe(true);
    expect(withAccount.monthlyCredit).toBe(160);
    expect(withAccount.notes[0]?.text).toContain('以当地政策为准');
  });

  it('says that no interest is modelled', () => {
    const result = computeAccountProjection(employee);
    expect(result.notes.some((n) => n.text.includes('不计利息'))).toBe(true);
  });

  it('rejects a month outside 1–12', () => {
    expect(() => computeAccountProjection({ ...employee, currentMonth: 13 })).toThrow(
      '当前月份须为 1 到 12 之间的整数',
    );
  });
});
