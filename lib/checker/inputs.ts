/**
 * What the user typed into the popup's checker, kept locally between popup
 * openings. Numbers are stored as the text the user typed (so a half-typed
 * value survives); they are parsed by utils/checkerForms.ts. Reading is
 * forgiving: anything missing or malformed falls back to its default.
 */
import { storage } from 'wxt/utils/storage';
import type { Region, RegionParams } from '@/data/schema';
import type { AccountInsuredType } from './account';
import type { FamilyShareHolderScheme, FamilyShareRelation, FamilyShareRelativeInsurance } from './familyShare';
import type { InpatientScheme } from './inpatient';
import type { WaitingPeriodReading } from './waitingPeriod';
import { CHECKER_TOOL_IDS, type CheckerToolId } from './toolIds';

export { CHECKER_TOOL_IDS, CHECKER_TOOL_LABELS, type CheckerToolId } from './toolIds';

export const ACCOUNT_CHECKER_INSURED_TYPES: readonly AccountInsuredType[] = [
  '在职职工',
  '退休人员',
  '灵活就业人员',
  '城乡居民',
];
export const FAMILY_SHARE_RELATIONS: readonly FamilyShareRelation[] = [
  '配偶',
  '父母',
  '子女',
  '兄弟姐妹',
  '祖父母/外祖父母',
  '孙子女/外孙子女',
  '其他',
];
export const FAMILY_SHARE_HOLDER_SCHEMES: readonly FamilyShareHolderScheme[] = ['职工医保', '居民医保'];
export const FAMILY_SHARE_RELATIVE_INSURANCES: readonly FamilyShareRelativeInsurance[] = [
  '职工医保',
  '居民医保',
  '未参保',
];
export const WAITING_CHECKER_SCHEMES = ['居民医保', '职工医保'] as const;
export const WAITING_CHECKER_READINGS: readonly WaitingPeriodReading[] = ['eachYearBeyondFirst', 'everyLapsedYear'];
export const INPATIENT_CHECKER_SCHEMES: readonly InpatientScheme[] = ['职工医保', '居民医保'];

export interface AccountCheckerFields {
  insuredType: AccountInsuredType;
  monthlyContributionBase: string;
  /** In percent: "2" means 2%. */
  accountRatioPercent: string;
  retireeMonthlyCredit: string;
  currentBalance: string;
  monthlySpending: string;
  currentMonth: string;
  flexibleWorkerHasAccount: boolean;
}

export interface FamilyShareCheckerFields {
  relation: FamilyShareRelation;
  holderScheme: FamilyShareHolderScheme;
  relativeInsurance: FamilyShareRelativeInsurance;
  sameProvince: boolean;
  guangdongInvolved: boolean;
  /** Optional: an amount to move across provinces through 医保钱包. */
  transferAmount: string;
}

export interface WaitingCheckerFields {
  scheme: (typeof WAITING_CHECKER_SCHEMES)[number];
  enrolledInConcentratedPeriod: boolean;
  lapseYears: string;
  repairedYears: string;
  isNewborn: boolean;
  reading: WaitingPeriodReading;
  annualIndividualContribution: string;
  gapMonths: string;
}

export interface InpatientCheckerFields {
  scheme: InpatientScheme;
  totalBill: string;
  fullySelfPaid: string;
  classBAmount: string;
  classBSelfPayPercent: string;
  deductible: string;
  reimbursementPercent: string;
  cap: string;
  seriousIllnessThreshold: string;
  seriousIllnessPercent: string;
}

export interface CheckerInputs {
  tool: CheckerToolId;
  regionId: string;
  account: AccountCheckerFields;
  family: FamilyShareCheckerFields;
  waiting: WaitingCheckerFields;
  inpatient: InpatientCheckerFields;
}

/** 0.02 → "2", 0.8 → "80", 0.125 → "12.5". */
export function checkerRatioToPercentText(ratio: number): string {
  return String(Number((ratio * 100).toFixed(4)));
}

/** The inpatient fields that come from a region's parameters for one scheme. */
export function inpatientRegionFields(
  params: RegionParams,
  scheme: InpatientScheme,
): Omit<InpatientCheckerFields, 'scheme' | 'totalBill' | 'fullySelfPaid' | 'classBAmount'> {
  const employee = scheme === '职工医保';
  return {
    classBSelfPayPercent: checkerRatioToPercentText(params.classBSelfPayShare),
    deductible: String(employee ? params.employeeDeductible : params.residentDeductible),
    reimbursementPercent: checkerRatioToPercentText(employee ? params.employeeRatio : params.residentRatio),
    cap: String(employee ? params.employeeCap : params.residentCap),
    seriousIllnessThreshold: String(params.seriousIllnessThreshold),
    seriousIllnessPercent: checkerRatioToPercentText(params.seriousIllnessRatio),
  };
}

/** Every field that comes from a region's parameters, set to that region's values. */
export function applyRegionToCheckerInputs(inputs: CheckerInputs, region: Region): CheckerInputs {
  const { params } = region;
  return {
    ...inputs,
    regionId: region.id,
    account: {
      ...inputs.account,
      accountRatioPercent: checkerRatioToPercentText(params.accountRatio),
      retireeMonthlyCredit: String(params.retireeMonthlyCredit),
    },
    waiting: { ...inputs.waiting, annualIndividualContribution: String(params.residentAnnualContribution) },
    inpatient: { ...inputs.inpatient, ...inpatientRegionFields(params, inputs.inpatient.scheme) },
  };
}

export function defaultCheckerInputs(region: Region, now: Date = new Date()): CheckerInputs {
  const blank: CheckerInputs = {
    tool: 'account',
    regionId: region.id,
    account: {
      insuredType: '在职职工',
      monthlyContributionBase: '',
      accountRatioPercent: '',
      retireeMonthlyCredit: '',
      currentBalance: '0',
      monthlySpending: '0',
      currentMonth: String(now.getMonth() + 1),
      flexibleWorkerHasAccount: false,
    },
    family: {
      relation: '配偶',
      holderScheme: '职工医保',
      relativeInsurance: '居民医保',
      sameProvince: true,
      guangdongInvolved: false,
      transferAmount: '',
    },
    waiting: {
      scheme: '居民医保',
      enrolledInConcentratedPeriod: true,
      lapseYears: '0',
      repairedYears: '0',
      isNewborn: false,
      reading: 'eachYearBeyondFirst',
      annualIndividualContribution: '',
      gapMonths: '0',
    },
    inpatient: {
      scheme: '职工医保',
      totalBill: '',
      fullySelfPaid: '0',
      classBAmount: '0',
      classBSelfPayPercent: '',
      deductible: '',
      reimbursementPercent: '',
      cap: '',
      seriousIllnessThreshold: '',
      seriousIllnessPercent: '',
    },
  };
  return applyRegionToCheckerInputs(blank, region);
}

/** Longest text kept for one field; longer stored values count as corrupted. */
export const CHECKER_FIELD_MAX_CHARS = 40;

export interface NormalizedCheckerInputs {
  inputs: CheckerInputs;
  repaired: boolean;
}

type Validator = (value: unknown) => boolean;
const isText: Validator = (v) => typeof v === 'string' && v.length <= CHECKER_FIELD_MAX_CHARS;
const isFlag: Validator = (v) => typeof v === 'boolean';
const isOneOf =
  (list: readonly string[]): Validator =>
  (v) =>
    typeof v === 'string' && list.includes(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const GROUP_RULES = {
  account: {
    insuredType: isOneOf(ACCOUNT_CHECKER_INSURED_TYPES),
    monthlyContributionBase: isText,
    accountRatioPercent: isText,
    retireeMonthlyCredit: isText,
    currentBalance: isText,
    monthlySpending: isText,
    currentMonth: isText,
    flexibleWorkerHasAccount: isFlag,
  },
  family: {
    relation: isOneOf(FAMILY_SHARE_RELATIONS),
    holderScheme: isOneOf(FAMILY_SHARE_HOLDER_SCHEMES),
    relativeInsurance: isOneOf(FAMILY_SHARE_RELATIVE_INSURANCES),
    sameProvince: isFlag,
    guangdongInvolved: isFlag,
    transferAmount: isText,
  },
  waiting: {
    scheme: isOneOf(WAITING_CHECKER_SCHEMES),
    enrolledInConcentratedPeriod: isFlag,
    lapseYears: isText,
    repairedYears: isText,
    isNewborn: isFlag,
    reading: isOneOf(WAITING_CHECKER_READINGS),
    annualIndividualContribution: isText,
    gapMonths: isText,
  },
  inpatient: {
    scheme: isOneOf(INPATIENT_CHECKER_SCHEMES),
    totalBill: isText,
    fullySelfPaid: isText,
    classBAmount: isText,
    classBSelfPayPercent: isText,
    deductible: isText,
    reimbursementPercent: isText,
    cap: isText,
    seriousIllnessThreshold: isText,
    seriousIllnessPercent: isText,
  },
} satisfies { [G in keyof Omit<CheckerInputs, 'tool' | 'regionId'>]: Record<keyof CheckerInputs[G], Validator> };

/**
 * Repairs whatever was stored: each field that is missing keeps its default
 * silently; each field that is present but malformed falls back to its default
 * and marks the result as repaired. An unknown region resets to the default region.
 */
export function normalizeCheckerInputs(
  raw: unknown,
  defaults: CheckerInputs,
  knownRegionIds: readonly string[] = [defaults.regionId],
): NormalizedCheckerInputs {
  if (raw === null || raw === undefined) return { inputs: defaults, repaired: false };
  if (!isRecord(raw)) return { inputs: defaults, repaired: true };
  let repaired = false;
  const pick = <T>(value: unknown, valid: Validator, fallback: T, present: boolean): T => {
    if (!present) return fallback;
    if (valid(value)) return value as T;
    repaired = true;
    return fallback;
  };
  const group = <G extends keyof typeof GROUP_RULES>(name: G): CheckerInputs[G] => {
    const fallback = defaults[name];
    if (!(name in raw)) return fallback;
    const stored = raw[name];
    if (!isRecord(stored)) {
      repaired = true;
      return fallback;
    }
    const rules = GROUP_RULES[name] as Record<string, Validator>;
    const out: Record<string, unknown> = {};
    for (const [key, valid] of Object.entries(rules)) {
      out[key] = pick(stored[key], valid, (fallback as unknown as Record<string, unknown>)[key], key in stored);
    }
    return out as unknown as CheckerInputs[G];
  };
  const inputs: CheckerInputs = {
    tool: pick(raw.tool, isOneOf(CHECKER_TOOL_IDS), defaults.tool, 'tool' in raw),
    regionId: pick(raw.regionId, isOneOf(knownRegionIds), defaults.regionId, 'regionId' in raw),
    account: group('account'),
    family: group('family'),
    waiting: group('waiting'),
    inpatient: group('inpatient'),
  };
  return { inputs, repaired };
}

export const checkerInputsItem = storage.defineItem<unknown>('local:checkerInputs', { fallback: null, version: 1 });

/** Reads the stored inputs; a corrupted value is repaired and written back. */
export async function loadCheckerInputs(
  defaults: CheckerInputs,
  knownRegionIds?: readonly string[],
): Promise<NormalizedCheckerInputs> {
  let raw: unknown;
  try {
    raw = await checkerInputsItem.getValue();
  } catch {
    raw = { corrupted: true };
  }
  const result = normalizeCheckerInputs(raw, defaults, knownRegionIds);
  if (result.repaired) await checkerInputsItem.setValue(result.inputs);
  return result;
}

export async function saveCheckerInputs(inputs: CheckerInputs): Promise<void> {
  await checkerInputsItem.setValue(inputs);
}

export async function clearCheckerInputs(): Promise<void> {
  await checkerInputsItem.removeValue();
}
