/**
 * Every note the checker tools can show, collected by running each tool over its main branches.
 * Used by the tests (sources, quotes); not shipped.
 */
import { type AccountInsuredType, computeAccountProjection } from './account';
import { checkFamilyShare, type FamilyShareRelation, type FamilyShareRelativeInsurance } from './familyShare';
import { estimateInpatientCost } from './inpatient';
import type { CheckerNote } from './format';
import { computeWaitingPeriod } from './waitingPeriod';

/** Runs every tool over its main branches and collects the notes it can show. */
export function collectCheckerNotes(): CheckerNote[] {
  const notes: CheckerNote[] = [];
  const types: AccountInsuredType[] = ['在职职工', '退休人员', '灵活就业人员', '城乡居民'];
  for (const insuredType of types) {
    for (const flexibleWorkerHasAccount of [true, false]) {
      const account = computeAccountProjection({
        insuredType,
        flexibleWorkerHasAccount,
        monthlyContributionBase: 8000,
        retireeMonthlyCredit: 83,
        currentBalance: 100,
        monthlySpending: 300,
        currentMonth: 3,
      });
      notes.push(...account.notes);
    }
  }
  const relations: FamilyShareRelation[] = ['配偶', '兄弟姐妹', '其他'];
  const insurances: FamilyShareRelativeInsurance[] = ['职工医保', '居民医保', '未参保'];
  for (const relation of relations) {
    for (const relativeInsurance of insurances) {
      for (const sameProvince of [true, false]) {
        for (const holderScheme of ['职工医保', '居民医保'] as const) {
          const share = checkFamilyShare({
            relation,
            relativeInsurance,
            sameProvince,
            holderScheme,
          });
          notes.push(...share.usableFor, ...share.howTo, ...share.limits, ...share.notes);
        }
      }
    }
  }
  for (const reading of ['eachYearBeyondFirst', 'everyLapsedYear'] as const) {
    const waiting = computeWaitingPeriod({
      scheme: '居民医保',
      enrolledInConcentratedPeriod: false,
      lapseYears: 4,
      repairedYears: 5,
      reading,
      annualIndividualContribution: 400,
    });
    notes.push(...waiting.notes);
  }
  for (const gapMonths of [2, 5]) notes.push(...computeWaitingPeriod({ scheme: '职工医保', gapMonths }).notes);
  for (const scheme of ['职工医保', '居民医保'] as const) {
    const inpatient = estimateInpatientCost({
      scheme,
      totalBill: 1000,
      fullySelfPaid: 0,
      classBAmount: 0,
      classBSelfPayShare: 0.1,
      deductible: 100,
      reimbursementRatio: 0.7,
      cap: 1000,
    });
    notes.push(...inpatient.notes);
  }
  return notes;
}
