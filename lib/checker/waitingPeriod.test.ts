import { describe, expect, it } from 'vitest';
import { computeWaitingPeriod, type WaitingPeriodResidentInput } from './waitingPeriod';

const resident: WaitingPeriodResidentInput = {
  scheme: '居民医保',
  enrolledInConcentratedPeriod: false,
  lapseYears: 0,
  repairedYears: 0,
  annualIndividualContribution: 400,
};

describe('computeWaitingPeriod — 居民医保', () => {
  it('continuous and in the concentrated period: no wait', () => {
    const result = computeWaitingPeriod({ ...resident, enrolledInConcentratedPeriod: true });
    expect(result.fixedMonths).toBe(0);
    expect(result.totalMonths).toEqual({ min: 0, max: 0 });
  });

  it('outside the concentrated period, no lapse: 3 months fixed', () => {
    const result = computeWaitingPeriod(resident);
    expect(result.fixedMonths).toBe(3);
    expect(result.variableMonths).toBe(0);
    expect(result.totalMonths).toEqual({ min: 3, max: 3 });
  });

  it('lapse 2 years, default reading: 3 + (2 − 1) = 4 months', () => {
    const result = computeWaitingPeriod({ ...resident, lapseYears: 2 });
    expect(result.reading).toBe('eachYearBeyondFirst');
    expect(result.fixedMonths).toBe(3);
    expect(result.variableMonths).toBe(1);
    expect(result.totalMonths).toEqual({ min: 4, max: 4 });
    expect(result.steps).toContain('合计：3 + 1 = 4 个月。');
  });

  it('lapse 2 years, every-year reading: 3 + 2 = 5 months', () => {
    const result = computeWaitingPeriod({ ...resident, lapseYears: 2, reading: 'everyLapsedYear' });
    expect(result.reading).toBe('everyLapsedYear');
    expect(result.variableMonths).toBe(2);
    expect(result.totalMonths).toEqual({ min: 5, max: 5 });
  });

  it('a lapse counts as not continuous even inside the concentrated period', () => {
    const result = computeWaitingPeriod({ ...resident, enrolledInConcentratedPeriod: true, lapseYears: 1 });
    // 3 + (1 − 1) = 3
    expect(result.totalMonths).toEqual({ min: 3, max: 3 });
  });

  it('lapse 3 years, 1 repaired: 3 + (2 − 1) = 4 months, repair costs 1 × 400 = 400 元', () => {
    const result = computeWaitingPeriod({ ...resident, lapseYears: 3, repairedYears: 1 });
    expect(result.variableMonthsBeforeRepair).toBe(2);
    expect(result.variableMonths).toBe(1);
    expect(result.totalMonths).toEqual({ min: 4, max: 4 });
    expect(result.repairCost).toBe(400);
  });

  it('variable part cannot go below 0: lapse 2, repaired 2 → 3 months, cost 2 × 380 = 760', () => {
    const result = computeWaitingPeriod({
      ...resident,
      lapseYears: 2,
      repairedYears: 2,
      annualIndividualContribution: 380,
    });
    expect(result.variableMonths).toBe(0); // max(0, 1 − 2)
    expect(result.totalMonths).toEqual({ min: 3, max: 3 });
    expect(result.repairCost).toBe(760);
    expect(result.notes.some((n) => n.text.includes('多补的部分不会再缩短等待期'))).toBe(true);
  });

  it('lapse 4 years without repair: 3 + 3 = 6 (default) or 3 + 4 = 7 (every year)', () => {
    expect(computeWaitingPeriod({ ...resident, lapseYears: 4 }).totalMonths).toEqual({ min: 6, max: 6 });
    expect(computeWaitingPeriod({ ...resident, lapseYears: 4, reading: 'everyLapsedYear' }).totalMonths).toEqual({
      min: 7,
      max: 7,
    });
  });

  it('lapse 4 years with 4 years repaired: 3 + 0 = 3, raised to the 6-month floor', () => {
    const result = computeWaitingPeriod({ ...resident, lapseYears: 4, repairedYears: 4 });
    expect(result.variableMonths).toBe(0);
    expect(result.floorApplied).toBe(true);
    expect(result.totalMonths).toEqual({ min: 6, max: 6 });
    expect(result.repairCost).toBe(1600); // 4 × 400
  });

  it('lapse 6 years with 2 repaired: 3 + (5 − 2) = 6, floor not needed', () => {
    const result = computeWaitingPeriod({ ...resident, lapseYears: 6, repairedYears: 2 });
    expect(result.variableMonths).toBe(3);
    expect(result.floorApplied).toBe(false);
    expect(result.totalMonths).toEqual({ min: 6, max: 6 });
  });

  it('repairs beyond the lapse are not counted or charged', () => {
    const result = computeWaitingPeriod({ ...resident, lapseYears: 1, repairedYears: 3 });
    expect(result.repairedYearsCounted).toBe(1);
    expect(result.repairCost).toBe(400);
  });

  it('newborn: 0 months', () => {
    const result = computeWaitingPeriod({ ...resident, lapseYears: 0, isNewborn: true });
    expect(result.fixedMonths).toBe(0);
    expect(result.totalMonths).toEqual({ min: 0, max: 0 });
  });

  it('rejects fractional years', () => {
    expect(() => computeWaitingPeriod({ ...resident, lapseYears: 1.5 })).toThrow('断保年数须为不小于 0 的整数');
  });
});

describe('computeWaitingPeriod — 职工医保', () => {
  it('gap of 2 months: back-pay, no wait, covered retroactively', () => {
    const result = computeWaitingPeriod({ scheme: '职工医保', gapMonths: 2 });
    expect(result.totalMonths).toEqual({ min: 0, max: 0 });
    expect(result.retroactiveCover).toBe(true);
    expect(result.reading).toBeNull();
  });

  it('gap of exactly 3 months is still within back-pay', () => {
    expect(computeWaitingPeriod({ scheme: '职工医保', gapMonths: 3 }).totalMonths).toEqual({ min: 0, max: 0 });
  });

  it('gap of 5 months: local wait of 0–6 months', () => {
    const result = computeWaitingPeriod({ scheme: '职工医保', gapMonths: 5 });
    expect(result.totalMonths).toEqual({ min: 0, max: 6 });
    expect(result.retroactiveCover).toBe(false);
    expect(result.steps[0]).toContain('当地规定');
  });

  it('no gap: no wait and nothing to cover', () => {
    const result = computeWaitingPeriod({ scheme: '职工医保', gapMonths: 0 });
    expect(result.totalMonths).toEqual({ min: 0, max: 0 });
    expect(result.retroactiveCover).toBe(false);
  });
});
