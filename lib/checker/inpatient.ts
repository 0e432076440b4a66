/**
 * 住院报销估算 for one hospital stay. Every parameter is local; the result is an estimate.
 * Facts: policy-facts rows 24–26, 30 and §3b.
 */
import { type CheckerNote, formatCheckerPercent, formatCheckerYuan, roundCheckerYuan } from './format';

export type InpatientScheme = '职工医保' | '居民医保';

export interface InpatientEstimateInput {
  scheme: InpatientScheme;
  /** 住院总费用 in 元. */
  totalBill: number;
  /** 全自费: items outside the catalogs, paid entirely by the patient. */
  fullySelfPaid: number;
  /** 乙类 items in the bill. */
  classBAmount: number;
  /** Share of 乙类 the patient pays first (先行自付), 0.1 = 10%. */
  classBSelfPayShare: number;
  /** 起付线 still to be met this year. */
  deductible: number;
  /** Share the pooling fund pays above the 起付线, 0.7 = 70%. */
  reimbursementRatio: number;
  /** 封顶线 still available this year. */
  cap: number;
  /** 居民医保 only: 大病保险 threshold on the remaining eligible self-pay. */
  seriousIllnessThreshold?: number;
  /** 居民医保 only: share 大病保险 pays above its threshold. */
  seriousIllnessRatio?: number;
}

export interface InpatientEstimateResult {
  scheme: InpatientScheme;
  totalBill: number;
  fullySelfPaid: number;
  classBPrePaid: number;
  /** 政策范围内费用 = total − 全自费 − 乙类先行自付. */
  eligibleCost: number;
  /** Part of the eligible cost the patient pays as 起付线. */
  deductiblePaid: number;
  poolPays: number;
  capReached: boolean;
  /** Eligible cost the pool did not pay (起付线, own share, above the cap). */
  eligibleSelfPay: number;
  seriousIllnessPays: number;
  patientPays: number;
  steps: string[];
  notes: CheckerNote[];
}

/** A Chinese message when the amounts do not fit together, else null. */
export function findInpatientInputProblem(input: InpatientEstimateInput): string | null {
  const amounts = [input.totalBill, input.fullySelfPaid, input.classBAmount, input.deductible, input.cap];
  if (amounts.some((x) => !Number.isFinite(x) || x < 0)) return '金额须为不小于 0 的数字';
  const ratios = [input.classBSelfPayShare, input.reimbursementRatio, input.seriousIllnessRatio ?? 0];
  if (ratios.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) return '比例须在 0 到 100% 之间';
  if (input.fullySelfPaid + input.classBAmount > input.totalBill) {
    return '全自费金额与乙类金额之和不能超过住院总费用';
  }
  return null;
}

const yuan = formatCheckerYuan;
const percent = formatCheckerPercent;

export function estimateInpatientCost(input: InpatientEstimateInput): InpatientEstimateResult {
  const problem = findInpatientInputProblem(input);
  if (problem) throw new RangeError(problem);
  const isResident = input.scheme === '居民医保';
  const steps: string[] = [];

  const { totalBill, fullySelfPaid, classBAmount } = input;
  const classBPrePaid = roundCheckerYuan(classBAmount * input.classBSelfPayShare);
  const eligibleCost = roundCheckerYuan(Math.max(0, totalBill - fullySelfPaid - classBPrePaid));
  steps.push(`住院总费用 ${yuan(totalBill)} 元，其中全自费项目 ${yuan(fullySelfPaid)} 元不在医保目录内，全部自己付。`);
  if (classBAmount > 0) {
    steps.push(
      `乙类项目 ${yuan(classBAmount)} 元先自付 ${percent(input.classBSelfPayShare)}：${yuan(classBAmount)} × ${percent(input.classBSelfPayShare)} = ${yuan(classBPrePaid)} 元。`,
    );
  }
  steps.push(
    `政策范围内费用 = ${yuan(totalBill)} − ${yuan(fullySelfPaid)} − ${yuan(classBPrePaid)} = ${yuan(eligibleCost)} 元。`,
  );

  const deductiblePaid = roundCheckerYuan(Math.min(eligibleCost, input.deductible));
  const aboveDeductible = roundCheckerYuan(eligibleCost - deductiblePaid);
  const poolBeforeCap = roundCheckerYuan(aboveDeductible * input.reimbursementRatio);
  const capReached = poolBeforeCap > input.cap;
  const poolPays = capReached ? roundCheckerYuan(input.cap) : poolBeforeCap;
  if (eligibleCost === 0) {
    steps.push('没有政策范围内费用，统筹基金不支付。');
  } else if (aboveDeductible === 0) {
    steps.push(`政策范围内费用没有超过起付线 ${yuan(input.deductible)} 元，统筹基金不支付，这部分自己付。`);
  } else {
    steps.push(
      `起付线 ${yuan(input.deductible)} 元以内自己付，超过起付线的部分 = ${yuan(eligibleCost)} − ${yuan(deductiblePaid)} = ${yuan(aboveDeductible)} 元。`,
    );
    steps.push(
      `统筹基金按 ${percent(input.reimbursementRatio)} 支付：${yuan(aboveDeductible)} × ${percent(input.reimbursementRatio)} = ${yuan(poolBeforeCap)} 元。`,
    );
    if (capReached) {
      steps.push(`超过了封顶线 ${yuan(input.cap)} 元，统筹基金最多付 ${yuan(poolPays)} 元。`);
    }
  }

  const eligibleSelfPay = roundCheckerYuan(eligibleCost - poolPays);
  let seriousIllnessPays = 0;
  if (isResident && input.seriousIllnessThreshold !== undefined && input.seriousIllnessRatio !== undefined) {
    const threshold = input.seriousIllnessThreshold;
    const above = roundCheckerYuan(Math.max(0, eligibleSelfPay - threshold));
    seriousIllnessPays = roundCheckerYuan(above * input.seriousIllnessRatio);
    steps.push(
      `统筹报销后，政策范围内还要自己付 ${yuan(eligibleCost)} − ${yuan(poolPays)} = ${yuan(eligibleSelfPay)} 元。`,
    );
    steps.push(
      above > 0
        ? `大病保险：超过起付标准 ${yuan(threshold)} 元的 ${yuan(above)} 元按 ${percent(input.seriousIllnessRatio)} 支付 = ${yuan(seriousIllnessPays)} 元。`
        : `这部分没有超过大病保险起付标准 ${yuan(threshold)} 元，大病保险不支付。`,
    );
  }

  const patientPays = roundCheckerYuan(totalBill - poolPays - seriousIllnessPays);
  steps.push(
    isResident
      ? `合计：统筹基金付 ${yuan(poolPays)} 元，大病保险付 ${yuan(seriousIllnessPays)} 元，自己付 ${yuan(totalBill)} − ${yuan(poolPays)} − ${yuan(seriousIllnessPays)} = ${yuan(patientPays)} 元。`
      : `合计：统筹基金付 ${yuan(poolPays)} 元，自己付 ${yuan(totalBill)} − ${yuan(poolPays)} = ${yuan(patientPays)} 元。`,
  );

  return {
    scheme: input.scheme,
    totalBill,
    fullySelfPaid,
    classBPrePaid,
    eligibleCost,
    deductiblePaid,
    poolPays,
    capReached,
    eligibleSelfPay,
    seriousIllnessPays,
    patientPays,
    steps,
    notes: notesFor(input.scheme),
  };
}

function notesFor(scheme: InpatientScheme): CheckerNote[] {
  const notes: CheckerNote[] = [
    {
      text: '起付线、报销比例（按医院等级不同）、封顶线和乙类先行自付比例都由当地规定，这里只是估算，以当地政策为准。',
      sources: ['gf-1998-44', 'reform-2009', 'nhsa-ling-1', 'catalog-qa-2024'],
    },
    {
      text: '起付线按次还是按年度累计由当地规定（封顶线一般按年度计算）：今年已经住过院的，请按当地规定填还没用掉的起付线和封顶额度。',
      sources: ['zj-reg', 'gf-1998-44'],
    },
    {
      text: '跨省异地就医要先备案；跨省临时外出就医的报销比例可以低于参保地：转诊转院或急诊抢救的降幅不超过 10 个百分点，其他情况不超过 20 个百分点。',
      sources: ['ybf-2022-22'],
    },
  ];
  if (scheme === '居民医保') {
    notes.push({
      text: '大病保险：起付标准原则上不高于当地上年居民人均可支配收入的 50%，支付比例不低于 60%；低保、特困等人员起付标准减半、比例提高 5 个百分点、不设封顶。大病保险自己的封顶线这里没有计算，起付标准也按全年累计。',
      sources: ['dbx-2024'],
    });
  } else {
    notes.push({
      text: '职工医保超过封顶线的费用，很多地方还有职工大额医疗费用补助，这里没有计算。',
      sources: ['sh-reg'],
    });
  }
  return notes;
}
