/**
 * 待遇等待期 under 国办发〔2024〕38号 (居民医保) and the 2021 转移接续 rules (职工医保).
 * Facts: policy-facts rows 15–20 and §3b. Every length is "原则上"; provinces set the details.
 */
import { type CheckerNote, formatCheckerYuan, roundCheckerYuan } from './format';

/**
 * How to read "每多断保1年 增加1个月":
 * - eachYearBeyondFirst: the first lapsed year is covered by the fixed 3 months; each further year adds 1 month (default).
 * - everyLapsedYear: every lapsed year adds 1 month (the reading of some local Q&As).
 */
export type WaitingPeriodReading = 'eachYearBeyondFirst' | 'everyLapsedYear';

export const WAITING_PERIOD_READING_LABELS: Record<WaitingPeriodReading, string> = {
  eachYearBeyondFirst: '断保第 1 年不加，从第 2 年起每年加 1 个月',
  everyLapsedYear: '每断保 1 年都加 1 个月',
};

export const WAITING_PERIOD_FIXED_MONTHS = 3;
/** With a lapse of this many years or more, fixed + variable stays ≥ WAITING_PERIOD_FLOOR_MONTHS after repair. */
export const WAITING_PERIOD_FLOOR_LAPSE_YEARS = 4;
export const WAITING_PERIOD_FLOOR_MONTHS = 6;
/** 职工医保: a gap up to this many months can be back-paid with no wait. */
export const WAITING_PERIOD_EMPLOYEE_BACKPAY_MONTHS = 3;
/** 职工医保: the longest local wait after a longer gap. */
export const WAITING_PERIOD_EMPLOYEE_MAX_WAIT_MONTHS = 6;

export interface WaitingPeriodResidentInput {
  scheme: '居民医保';
  /** Paid during the yearly 集中参保期. */
  enrolledInConcentratedPeriod: boolean;
  /** Whole years without enrolment (0 = continuous). */
  lapseYears: number;
  /** Whole years paid back (缴费修复); at most lapseYears count. */
  repairedYears: number;
  /** 新生儿 (or another exempt group the province names): no waiting period. */
  isNewborn?: boolean;
  reading?: WaitingPeriodReading;
  /** Local yearly 居民医保 individual contribution in 元, the price of one repaired year; null = not given (no cost). */
  annualIndividualContribution: number | null;
}

export interface WaitingPeriodEmployeeInput {
  scheme: '职工医保';
  /** Whole months without contributions. */
  gapMonths: number;
}

export type WaitingPeriodInput = WaitingPeriodResidentInput | WaitingPeriodEmployeeInput;

export interface WaitingPeriodResult {
  scheme: WaitingPeriodInput['scheme'];
  fixedMonths: number;
  variableMonthsBeforeRepair: number;
  variableMonths: number;
  /** The ≥6-month floor for a lapse of ≥4 years raised the total. */
  floorApplied: boolean;
  /** min === max unless the length is left to the region (职工医保 gap > 3 months: 0–6). */
  totalMonths: { min: number; max: number };
  /** Reading used for the variable part; null for 职工医保. */
  reading: WaitingPeriodReading | null;
  repairedYearsCounted: number;
  repairCost: number;
  /** 职工医保 gap ≤ 3 months: back-pay and the gap is covered retroactively. */
  retroactiveCover: boolean;
  steps: string[];
  notes: CheckerNote[];
}

function requireWholeNumber(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${label}须为不小于 0 的整数`);
}

const LOCAL_DETAILS_NOTE: CheckerNote = {
  text: '等待期的具体标准（长短、哪些人免等待、补缴价格）由各省份确定，以当地政策为准。',
  sources: ['gbf-2024-38', 'qa-38-waiting'],
};

function computeResidentWaiting(input: WaitingPeriodResidentInput): WaitingPeriodResult {
  const { lapseYears, repairedYears } = input;
  requireWholeNumber(lapseYears, '断保年数');
  requireWholeNumber(repairedYears, '补缴年数');
  const reading = input.reading ?? 'eachYearBeyondFirst';
  const notes: CheckerNote[] = [
    {
      text: `“每多断保1年”各地有两种算法，这里采用：${WAITING_PERIOD_READING_LABELS[reading]}。`,
      sources: reading === 'eachYearBeyondFirst' ? ['gbf-2024-38', 'qa-38-waiting'] : ['zhq-2025'],
    },
    LOCAL_DETAILS_NOTE,
  ];
  const base = {
    scheme: input.scheme,
    reading,
    retroactiveCover: false,
  };

  if (input.isNewborn) {
    return {
      ...base,
      fixedMonths: 0,
      variableMonthsBeforeRepair: 0,
      variableMonths: 0,
      floorApplied: false,
      totalMonths: { min: 0, max: 0 },
      repairedYearsCounted: 0,
      repairCost: 0,
      steps: ['新生儿等特殊群体不设待遇等待期：等待期 0 个月（具体参保时限以当地规定为准）。'],
      notes: [LOCAL_DETAILS_NOTE],
    };
  }

  const steps: string[] = [];
  const late = !input.enrolledInConcentratedPeriod || lapseYears > 0;
  const fixedMonths = late ? WAITING_PERIOD_FIXED_MONTHS : 0;
  if (!late) {
    steps.push('在集中参保期内参保且连续参保：没有等待期，从新的待遇年度开始享受。');
  } else {
    const why = lapseYears > 0 ? `断保过 ${lapseYears} 年` : '没有在集中参保期内参保';
    steps.push(`${why}：固定等待期 ${fixedMonths} 个月。`);
  }

  const variableMonthsBeforeRepair = reading === 'eachYearBeyondFirst' ? Math.max(0, lapseYears - 1) : lapseYears;
  if (lapseYears > 0) {
    const formula =
      reading === 'eachYearBeyondFirst' ? `${lapseYears} − 1 = ${variableMonthsBeforeRepair}` : `${lapseYears}`;
    steps.push(`变动等待期（${WAITING_PERIOD_READING_LABELS[reading]}）：${formula} 个月。`);
  }

  const repairedYearsCounted = Math.min(repairedYears, lapseYears);
  const variableMonths = Math.max(0, variableMonthsBeforeRepair - repairedYearsCounted);
  const price = input.annualIndividualContribution;
  const repairCost = price === null ? 0 : roundCheckerYuan(repairedYearsCounted * price);
  if (repairedYears > lapseYears) {
    steps.push(`补缴最多只能补断保的 ${lapseYears} 年，按 ${repairedYearsCounted} 年计算。`);
  }
  if (repairedYearsCounted > 0) {
    steps.push(
      `缴费修复：每补缴 1 年减少 1 个月，变动等待期 = ${variableMonthsBeforeRepair} − ${repairedYearsCounted}，最低为 0，得 ${variableMonths} 个月。`,
    );
    steps.push(
      price === null
        ? '没有填当地每年个人缴费标准，补缴费用没有计算。'
        : `补缴费用 = ${repairedYearsCounted} 年 × 当地个人缴费 ${formatCheckerYuan(price)} 元 = ${formatCheckerYuan(repairCost)} 元。`,
    );
    if (repairedYearsCounted > variableMonthsBeforeRepair) {
      notes.push({
        text: '补缴年数多于变动等待期的月数，多补的部分不会再缩短等待期（固定等待期不能用补缴抵消）。',
        sources: ['gbf-2024-38', 'qa-38-waiting'],
      });
    }
  }

  const sum = fixedMonths + variableMonths;
  const floorApplied = lapseYears >= WAITING_PERIOD_FLOOR_LAPSE_YEARS && sum < WAITING_PERIOD_FLOOR_MONTHS;
  const total = floorApplied ? WAITING_PERIOD_FLOOR_MONTHS : sum;
  if (late) steps.push(`合计：${fixedMonths} + ${variableMonths} = ${sum} 个月。`);
  if (floorApplied) {
    steps.push(
      `连续断保 ${WAITING_PERIOD_FLOOR_LAPSE_YEARS} 年及以上，修复后等待期原则上仍不少于 ${WAITING_PERIOD_FLOOR_MONTHS} 个月：按 ${total} 个月计。`,
    );
  }
  if (lapseYears > 0) {
    notes.push({
      text: '断保后连续参保年数重新计算，再参保还可能降低大病保险的最高支付限额。',
      sources: ['gbf-2024-38', 'qa-38-waiting', 'incentive-2024'],
    });
  }
  notes.push({
    text: '国家规定里能缩短变动等待期的办法是缴费修复：每多缴纳 1 年可减少 1 个月；具体怎么办理以当地政策为准。',
    sources: ['gbf-2024-38', 'qa-38-waiting'],
    quote: '每多缴纳1年可减少1个月变动待遇等待期',
    quoteOf: 'gbf-2024-38',
  });

  return {
    ...base,
    fixedMonths,
    variableMonthsBeforeRepair,
    variableMonths,
    floorApplied,
    totalMonths: { min: total, max: total },
    repairedYearsCounted,
    repairCost,
    steps,
    notes,
  };
}

function computeEmployeeWaiting(input: WaitingPeriodEmployeeInput): WaitingPeriodResult {
  requireWholeNumber(input.gapMonths, '断缴月数');
  const { gapMonths } = input;
  const withinBackPay = gapMonths <= WAITING_PERIOD_EMPLOYEE_BACKPAY_MONTHS;
  const max = withinBackPay ? 0 : WAITING_PERIOD_EMPLOYEE_MAX_WAIT_MONTHS;
  let steps: string[];
  if (gapMonths === 0) {
    steps = ['没有断缴：不存在等待期。'];
  } else if (withinBackPay) {
    steps = [
      `断缴 ${gapMonths} 个月，不超过 ${WAITING_PERIOD_EMPLOYEE_BACKPAY_MONTHS} 个月：换工作、跨地区转移医保关系时中断的，可以按转入地规定补缴，补缴后不设等待期，中断期间的待遇可以追溯享受。其他原因的断缴能否补缴由当地规定。`,
    ];
  } else {
    steps = [
      `断缴 ${gapMonths} 个月，超过 ${WAITING_PERIOD_EMPLOYEE_BACKPAY_MONTHS} 个月：统筹地区可以设置不超过 ${max} 个月的等待期，能否补缴、等多久由当地规定，所以这里给出 0–${max} 个月的范围。`,
    ];
  }
  const notes: CheckerNote[] = [
    {
      text: '按 2021 年的转移接续暂行办法，转移接续前中断不超过 3 个月的可以补缴；已连续参保 2 年以上、在职工医保和居民医保之间转换的也一样。其他情况的断缴按当地规定。',
      sources: ['ybf-2021-43', 'transfer-2021'],
    },
  ];
  if (!withinBackPay) {
    notes.push({
      text: '各地差别较大：例如江苏把中断超过 3 个月后的等待期降为原则上不超过 3 个月；以当地政策为准。',
      sources: ['js-2022'],
    });
  }
  notes.push({
    text: '灵活就业人员参加职工医保的等待期由各地规定，例如浙江：首次参保从登记的第二个自然月起享受，中断后恢复缴费从缴费月起第三个自然月起享受。',
    sources: ['zj-reg'],
  });
  return {
    scheme: input.scheme,
    fixedMonths: 0,
    variableMonthsBeforeRepair: 0,
    variableMonths: 0,
    floorApplied: false,
    totalMonths: { min: 0, max },
    reading: null,
    repairedYearsCounted: 0,
    repairCost: 0,
    retroactiveCover: gapMonths > 0 && withinBackPay,
    steps,
    notes,
  };
}

export function computeWaitingPeriod(input: WaitingPeriodInput): WaitingPeriodResult {
  return input.scheme === '居民医保' ? computeResidentWaiting(input) : computeEmployeeWaiting(input);
}
