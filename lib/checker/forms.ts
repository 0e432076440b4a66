/**
 * The popup checker's forms: the rule of every number field and, from the
 * text the user typed, either the result of the tool or Chinese messages per
 * field. Pure; the maths lives in utils/checker.
 */
import { type AccountProjection, computeAccountProjection } from './account';
import {
  checkFamilyShare,
  type FamilyShareCheckResult,
  type FamilyShareWalletPlan,
  planFamilyShareWalletTransfers,
} from './familyShare';
import { estimateInpatientCost, findInpatientInputProblem, type InpatientEstimateResult } from './inpatient';
import { type CheckerNumberRule, parseCheckerNumber } from './input';
import { computeWaitingPeriod, type WaitingPeriodResult } from './waitingPeriod';
import type {
  AccountCheckerFields,
  FamilyShareCheckerFields,
  InpatientCheckerFields,
  WaitingCheckerFields,
} from './inputs';

export interface CheckerFieldSpec extends CheckerNumberRule {
  /** What the field expects, shown after the label: 元, %, 年, 个月. */
  unit: string;
  /** The default comes from the region's parameters (shown with 以当地政策为准). */
  regional?: boolean;
  placeholder?: string;
  /** A short plain-language hint under the field. */
  hint?: string;
}

export const ACCOUNT_FIELD_SPECS = {
  monthlyContributionBase: {
    label: '月缴费基数',
    unit: '元',
    min: 0,
    max: 100000,
    placeholder: '例如 8000',
    hint: '一般是上年度月平均工资，在单位或社保查询里能看到。',
  },
  accountRatioPercent: { label: '个人账户计入比例', unit: '%', min: 0, max: 10, regional: true },
  retireeMonthlyCredit: { label: '退休人员每月划入', unit: '元', min: 0, max: 2000, regional: true },
  currentBalance: { label: '当前余额', unit: '元', min: 0, max: 10000000 },
  monthlySpending: { label: '每月预计支出', unit: '元', min: 0, max: 100000, hint: '包括给家人共济花掉的钱。' },
  currentMonth: { label: '当前月份', unit: '月', min: 1, max: 12, integer: true },
} satisfies Partial<Record<keyof AccountCheckerFields, CheckerFieldSpec>>;

export const FAMILY_FIELD_SPECS = {
  transferAmount: {
    label: '跨省转账金额',
    unit: '元',
    min: 0,
    max: 1000000,
    allowEmpty: true,
    placeholder: '可不填',
    hint: '想通过医保钱包转给家人的钱，用来算要分几笔、几天。',
  },
} satisfies Partial<Record<keyof FamilyShareCheckerFields, CheckerFieldSpec>>;

export const WAITING_FIELD_SPECS = {
  lapseYears: {
    label: '断保年数',
    unit: '年',
    min: 0,
    max: 50,
    integer: true,
    hint: '连续没有参保的整年数，一直参保填 0。',
  },
  repairedYears: {
    label: '补缴年数',
    unit: '年',
    min: 0,
    max: 50,
    integer: true,
    hint: '缴费修复：补缴了断保期间几年的费用。',
  },
  annualIndividualContribution: { label: '居民医保每年个人缴费', unit: '元', min: 0, max: 10000, regional: true },
  gapMonths: { label: '断缴月数', unit: '个月', min: 0, max: 600, integer: true },
} satisfies Partial<Record<keyof WaitingCheckerFields, CheckerFieldSpec>>;

export const INPATIENT_FIELD_SPECS = {
  totalBill: { label: '住院总费用', unit: '元', min: 0, max: 10000000, placeholder: '例如 50000' },
  fullySelfPaid: { label: '全自费金额', unit: '元', min: 0, max: 10000000, hint: '医保目录外、要全部自己付的项目。' },
  classBAmount: { label: '乙类项目金额', unit: '元', min: 0, max: 10000000, hint: '乙类药品和项目要先自付一部分。' },
  classBSelfPayPercent: { label: '乙类先行自付比例', unit: '%', min: 0, max: 100, regional: true },
  deductible: { label: '起付线', unit: '元', min: 0, max: 100000, regional: true, hint: '今年还没用掉的起付线。' },
  reimbursementPercent: { label: '统筹报销比例', unit: '%', min: 0, max: 100, regional: true },
  cap: { label: '封顶线', unit: '元', min: 0, max: 10000000, regional: true, hint: '今年还能用的统筹基金最高支付额。' },
  seriousIllnessThreshold: { label: '大病保险起付标准', unit: '元', min: 0, max: 1000000, regional: true },
  seriousIllnessPercent: { label: '大病保险支付比例', unit: '%', min: 0, max: 100, regional: true },
} satisfies Partial<Record<keyof InpatientCheckerFields, CheckerFieldSpec>>;

export interface CheckerEvaluation<R> {
  /** Field key → Chinese message, for values that were typed but are wrong. */
  errors: Record<string, string>;
  /** Labels of required fields that are still empty. */
  missing: string[];
  /** A message about the inputs taken together (e.g. parts larger than the total). */
  problem: string | null;
  result: R | null;
}

/** Parses the listed fields; a field left empty is "missing", not an error, so nothing shouts before the user types. */
function parseFields<K extends string>(
  values: Record<K, string>,
  specs: Record<K, CheckerFieldSpec>,
  keys: readonly K[],
) {
  const errors: Record<string, string> = {};
  const missing: string[] = [];
  const numbers = {} as Record<K, number | null>;
  for (const key of keys) {
    const spec = specs[key];
    const raw = values[key] ?? '';
    const parsed = parseCheckerNumber(raw, { ...spec, allowEmpty: true });
    if (!parsed.ok) errors[key] = parsed.message;
    else if (parsed.value === null && !spec.allowEmpty) missing.push(spec.label);
    numbers[key] = parsed.ok ? parsed.value : null;
  }
  return { errors, missing, numbers, complete: Object.keys(errors).length === 0 && missing.length === 0 };
}

function attempt<R>(base: Omit<CheckerEvaluation<R>, 'result' | 'problem'>, run: () => R): CheckerEvaluation<R> {
  try {
    return { ...base, problem: null, result: run() };
  } catch (error) {
    return {
      ...base,
      problem: error instanceof RangeError ? error.message : '无法计算，请检查填写的数字',
      result: null,
    };
  }
}

const incomplete = <R>(errors: Record<string, string>, missing: string[]): CheckerEvaluation<R> => ({
  errors,
  missing,
  problem: null,
  result: null,
});

/** Which account fields apply to the chosen 参保类型. */
export function accountFieldsFor(
  values: Pick<AccountCheckerFields, 'insuredType' | 'flexibleWorkerHasAccount'>,
): (keyof typeof ACCOUNT_FIELD_SPECS)[] {
  switch (values.insuredType) {
    case '在职职工':
      return ['monthlyContributionBase', 'accountRatioPercent', 'currentBalance', 'monthlySpending', 'currentMonth'];
    case '退休人员':
      return ['retireeMonthlyCredit', 'currentBalance', 'monthlySpending', 'currentMonth'];
    case '灵活就业人员':
      return values.flexibleWorkerHasAccount
        ? ['monthlyContributionBase', 'accountRatioPercent', 'currentBalance', 'monthlySpending', 'currentMonth']
        : [];
    case '城乡居民':
      return [];
  }
}

export function evaluateAccountChecker(values: AccountCheckerFields): CheckerEvaluation<AccountProjection> {
  const keys = accountFieldsFor(values);
  const { errors, missing, numbers: n, complete } = parseFields(values, ACCOUNT_FIELD_SPECS, keys);
  if (!complete) return incomplete(errors, missing);
  return attempt({ errors, missing }, () =>
    computeAccountProjection({
      insuredType: values.insuredType,
      monthlyContributionBase: n.monthlyContributionBase ?? 0,
      accountRatio:
        n.accountRatioPercent === null || n.accountRatioPercent === undefined ? undefined : n.accountRatioPercent / 100,
      retireeMonthlyCredit: n.retireeMonthlyCredit ?? 0,
      currentBalance: n.currentBalance ?? 0,
      monthlySpending: n.monthlySpending ?? 0,
      currentMonth: n.currentMonth ?? new Date().getMonth() + 1,
      flexibleWorkerHasAccount: values.flexibleWorkerHasAccount,
    }),
  );
}

export interface FamilyShareEvaluation {
  check: FamilyShareCheckResult;
  /** Only across provinces, when an amount was given. */
  plan: FamilyShareWalletPlan | null;
}

/** The answer does not depend on the amount: a wrong amount only holds back the transfer plan. */
export function evaluateFamilyShareChecker(values: FamilyShareCheckerFields): CheckerEvaluation<FamilyShareEvaluation> {
  const keys: (keyof typeof FAMILY_FIELD_SPECS)[] = values.sameProvince ? [] : ['transferAmount'];
  const { errors, missing, numbers } = parseFields(values, FAMILY_FIELD_SPECS, keys);
  return attempt({ errors, missing }, () => {
    const check = checkFamilyShare({
      relation: values.relation,
      holderScheme: values.holderScheme,
      relativeInsurance: values.relativeInsurance,
      sameProvince: values.sameProvince,
      guangdongInvolved: !values.sameProvince && values.guangdongInvolved,
    });
    const amount = numbers.transferAmount;
    const plan =
      check.allowed && !values.sameProvince && amount !== null && amount !== undefined
        ? planFamilyShareWalletTransfers(amount)
        : null;
    return { check, plan };
  });
}

export function waitingFieldsFor(
  values: Pick<WaitingCheckerFields, 'scheme' | 'isNewborn'>,
): (keyof typeof WAITING_FIELD_SPECS)[] {
  if (values.scheme === '职工医保') return ['gapMonths'];
  return values.isNewborn ? [] : ['lapseYears', 'repairedYears', 'annualIndividualContribution'];
}

export function evaluateWaitingChecker(values: WaitingCheckerFields): CheckerEvaluation<WaitingPeriodResult> {
  const { errors, missing, numbers: n, complete } = parseFields(values, WAITING_FIELD_SPECS, waitingFieldsFor(values));
  if (!complete) return incomplete(errors, missing);
  return attempt({ errors, missing }, () =>
    values.scheme === '职工医保'
      ? computeWaitingPeriod({ scheme: '职工医保', gapMonths: n.gapMonths ?? 0 })
      : computeWaitingPeriod({
          scheme: '居民医保',
          enrolledInConcentratedPeriod: values.enrolledInConcentratedPeriod,
          lapseYears: n.lapseYears ?? 0,
          repairedYears: n.repairedYears ?? 0,
          isNewborn: values.isNewborn,
          reading: values.reading,
          annualIndividualContribution: n.annualIndividualContribution ?? 0,
        }),
  );
}

export function inpatientFieldsFor(
  values: Pick<InpatientCheckerFields, 'scheme'>,
): (keyof typeof INPATIENT_FIELD_SPECS)[] {
  const common: (keyof typeof INPATIENT_FIELD_SPECS)[] = [
    'totalBill',
    'fullySelfPaid',
    'classBAmount',
    'classBSelfPayPercent',
    'deductible',
    'reimbursementPercent',
    'cap',
  ];
  return values.scheme === '居民医保' ? [...common, 'seriousIllnessThreshold', 'seriousIllnessPercent'] : common;
}

export function evaluateInpatientChecker(values: InpatientCheckerFields): CheckerEvaluation<InpatientEstimateResult> {
  const {
    errors,
    missing,
    numbers: n,
    complete,
  } = parseFields(values, INPATIENT_FIELD_SPECS, inpatientFieldsFor(values));
  if (!complete) return incomplete(errors, missing);
  const resident = values.scheme === '居民医保';
  const input = {
    scheme: values.scheme,
    totalBill: n.totalBill ?? 0,
    fullySelfPaid: n.fullySelfPaid ?? 0,
    classBAmount: n.classBAmount ?? 0,
    classBSelfPayShare: (n.classBSelfPayPercent ?? 0) / 100,
    deductible: n.deductible ?? 0,
    reimbursementRatio: (n.reimbursementPercent ?? 0) / 100,
    cap: n.cap ?? 0,
    ...(resident
      ? {
          seriousIllnessThreshold: n.seriousIllnessThreshold ?? 0,
          seriousIllnessRatio: (n.seriousIllnessPercent ?? 0) / 100,
        }
      : {}),
  };
  const problem = findInpatientInputProblem(input);
  if (problem) return { errors, missing, problem, result: null };
  return attempt({ errors, missing }, () => estimateInpatientCost(input));
}
