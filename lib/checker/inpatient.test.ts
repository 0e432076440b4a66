import { describe, expect, it } from 'vitest';
import { estimateInpatientCost, findInpatientInputProblem, type InpatientEstimateInput } from './inpatient';

const resident: InpatientEstimateInput = {
  scheme: '居民医保',
  totalBill: 50000,
  fullySelfPaid: 5000,
  classBAmount: 10000,
  classBSelfPayShare: 0.1,
  deductible: 1000,
  reimbursementRatio: 0.7,
  cap: 150000,
  seriousIllnessThreshold: 15000,
  seriousIllnessRatio: 0.6,
};

describe('estimateInpatientCost', () => {
  it('resident, 50000 bill: pool pays 30100, below the 大病 threshold', () => {
    const result = estimateInpatientCost(resident);
    expect(result.classBPrePaid).toBe(1000); // 10000 × 10%
    expect(result.eligibleCost).toBe(44000); // 50000 − 5000 − 1000
    expect(result.deductiblePaid).toBe(1000);
    expect(result.poolPays).toBe(30100); // (44000 − 1000) × 70%
    expect(result.capReached).toBe(false);
    expect(result.eligibleSelfPay).toBe(13900); // 44000 − 30100, below 15000
    expect(result.seriousIllnessPays).toBe(0);
    expect(result.patientPays).toBe(19900); // 50000 − 30100
    expect(result.steps).toContain('政策范围内费用 = 50,000 − 5,000 − 1,000 = 44,000 元。');
  });

  it('resident, 200000 bill: cap reached, then 大病保险 pays', () => {
    const result = estimateInpatientCost({
      ...resident,
      totalBill: 200000,
      fullySelfPaid: 20000,
      classBAmount: 30000,
      cap: 100000,
    });
    expect(result.classBPrePaid).toBe(3000); // 30000 × 10%
    expect(result.eligibleCost).toBe(177000); // 200000 − 20000 − 3000
    // (177000 − 1000) × 70% = 123200 > cap 100000
    expect(result.capReached).toBe(true);
    expect(result.poolPays).toBe(100000);
    expect(result.eligibleSelfPay).toBe(77000); // 177000 − 100000
    expect(result.seriousIllnessPays).toBe(37200); // (77000 − 15000) × 60%
    expect(result.patientPays).toBe(62800); // 200000 − 100000 − 37200
    expect(result.steps).toContain('超过了封顶线 100,000 元，统筹基金最多付 100,000 元。');
  });

  it('employee, 8000 bill: (8000 − 1000) × 80% = 5600, no 大病 step', () => {
    const result = estimateInpatientCost({
      scheme: '职工医保',
      totalBill: 8000,
      fullySelfPaid: 0,
      classBAmount: 0,
      classBSelfPayShare: 0.1,
      deductible: 1000,
      reimbursementRatio: 0.8,
      cap: 300000,
      seriousIllnessThreshold: 15000,
      seriousIllnessRatio: 0.6,
    });
    expect(result.poolPays).toBe(5600);
    expect(result.seriousIllnessPays).toBe(0);
    expect(result.patientPays).toBe(2400);
    expect(result.steps.at(-1)).toBe('合计：统筹基金付 5,600 元，自己付 8,000 − 5,600 = 2,400 元。');
  });

  it('bill below the 起付线: the patient pays it all', () => {
    const result = estimateInpatientCost({ ...resident, totalBill: 800, fullySelfPaid: 0, classBAmount: 0 });
    expect(result.eligibleCost).toBe(800);
    expect(result.deductiblePaid).toBe(800);
    expect(result.poolPays).toBe(0);
    expect(result.patientPays).toBe(800);
    expect(result.steps).toContain('政策范围内费用没有超过起付线 1,000 元，统筹基金不支付，这部分自己付。');
  });

  it('zero bill: everything is 0', () => {
    const result = estimateInpatientCost({ ...resident, totalBill: 0, fullySelfPaid: 0, classBAmount: 0 });
    expect(result.eligibleCost).toBe(0);
    expect(result.poolPays).toBe(0);
    expect(result.seriousIllnessPays).toBe(0);
    expect(result.patientPays).toBe(0);
    expect(result.steps).toContain('没有政策范围内费用，统筹基金不支付。');
  });

  it('rounds to the fen: (1234.56 − 1000) × 70% = 164.19', () => {
    const result = estimateInpatientCost({ ...resident, totalBill: 1234.56, fullySelfPaid: 0, classBAmount: 0 });
    expect(result.poolPays).toBe(164.19); // 234.56 × 0.7 = 164.192
    expect(result.patientPays).toBe(1070.37);
  });

  it('rejects amounts that do not fit together', () => {
    const bad = { ...resident, fullySelfPaid: 30000, classBAmount: 30000 };
    expect(findInpatientInputProblem(bad)).toBe('全自费金额与乙类金额之和不能超过住院总费用');
    expect(() => estimateInpatientCost(bad)).toThrow('全自费金额与乙类金额之和不能超过住院总费用');
    expect(findInpatientInputProblem({ ...resident, reimbursementRatio: 70 })).toBe('比例须在 0 到 100% 之间');
    expect(findInpatientInputProblem({ ...resident, totalBill: -1 })).toBe('金额须为不小于 0 的数字');
    expect(findInpatientInputProblem(resident)).toBeNull();
  });
});
