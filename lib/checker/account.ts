/**
 * 个人账户 projection: monthly credit and how the balance moves over the next 12 months.
 * Facts: policy-facts §0b (rows 1, 2 settled by 国办发〔2021〕14号), rows 4, 9, 20 and §3b. No interest is modelled (no source gives a rule).
 */
import { type CheckerNote, formatCheckerPercent, formatCheckerYuan, roundCheckerYuan } from './format';

export type AccountInsuredType = '在职职工' | '退休人员' | '灵活就业人员' | '城乡居民';

/** 国办发〔2021〕14号: an in-service employee's credit is 原则上 2% of 缴费基数 (used when the user gives none). */
export const ACCOUNT_DEFAULT_RATIO = 0.02;

export interface AccountCheckerInput {
  insuredType: AccountInsuredType;
  /** 月缴费基数 in 元 (在职职工, and 灵活就业人员 with an account). */
  monthlyContributionBase: number;
  /** 个人账户计入比例 (0.02 = 2%); defaults to ACCOUNT_DEFAULT_RATIO. */
  accountRatio?: number;
  /** 退休人员 fixed monthly credit in 元, as the user's area sets it (no national figure exists). */
  retireeMonthlyCredit: number;
  /** Balance now, after this month's credit and spending. */
  currentBalance: number;
  /** Expected monthly spending from the account, 家庭共济 included. */
  monthlySpending: number;
  /** Current calendar month, 1–12. */
  currentMonth: number;
  /** 灵活就业人员 only: whether the region opens them an account (the user's choice). */
  flexibleWorkerHasAccount?: boolean;
}

export interface AccountRunOut {
  /** 1 = next month. */
  monthsFromNow: number;
  /** Calendar month 1–12 in which the balance reaches 0. */
  calendarMonth: number;
  isNextYear: boolean;
}

export interface AccountProjection {
  hasAccount: boolean;
  monthlyCredit: number;
  /** Balance on 31 December; null without an account. */
  yearEndBalance: number | null;
  balanceIn12Months: number | null;
  /** When the balance reaches 0 within the next 12 months; null if it does not. */
  runsOut: AccountRunOut | null;
  /** Spending the account cannot cover in the next 12 months (paid out of pocket). */
  uncoveredSpendingIn12Months: number;
  steps: string[];
  notes: CheckerNote[];
}

const NO_INTEREST_NOTE: CheckerNote = {
  text: '估算不计利息：个人账户是否计息、怎样计息由各地规定，以当地政策为准。',
  sources: ['gf-1998-44'],
};
const EMPTY_ACCOUNT_NOTE: CheckerNote = {
  text: '账户余额用完不影响报销：住院、门诊统筹由统筹基金按规定支付，个人账户只管自己负担的那部分。',
  sources: ['sil', 'zj-reg'],
  quote:
    '符合基本医疗保险药品目录、诊疗项目、医疗服务设施标准以及急诊、抢救的医疗费用，按照国家规定从基本医疗保险基金中支付',
  where: '第二十八条',
  quoteOf: 'sil',
};
const CARRY_OVER_NOTE: CheckerNote = {
  text: '余额年底不清零，可以结转使用；年初重新计算的是起付线、封顶线等年度额度。',
  sources: ['gf-1998-44'],
};

function hasAccountFor(input: AccountCheckerInput): boolean {
  if (input.insuredType === '城乡居民') return false;
  if (input.insuredType === '灵活就业人员') return input.flexibleWorkerHasAccount === true;
  return true;
}

function creditStep(input: AccountCheckerInput, ratio: number, credit: number): string {
  if (input.insuredType === '退休人员') {
    return `退休人员由统筹基金按月定额划入：按你填写的当地金额，每月 ${formatCheckerYuan(credit)} 元。`;
  }
  const who = input.insuredType === '在职职工' ? '在职职工' : '灵活就业人员（按在职职工办法估算）';
  return `${who}每月计入 = 月缴费基数 ${formatCheckerYuan(input.monthlyContributionBase)} × 计入比例 ${formatCheckerPercent(ratio)} = ${formatCheckerYuan(credit)} 元。`;
}

function notesFor(type: AccountInsuredType, hasAccount: boolean): CheckerNote[] {
  switch (type) {
    case '在职职工':
      return [
        {
          text: '国办发〔2021〕14号：在职职工的个人账户由本人缴纳的医保费计入，计入标准原则上控制在本人参保缴费基数的 2%；单位缴纳的部分全部进入统筹基金。当地实际执行的比例以当地政策为准。',
          sources: ['gbf-2021-14'],
        },
        NO_INTEREST_NOTE,
        CARRY_OVER_NOTE,
        EMPTY_ACCOUNT_NOTE,
      ];
    case '退休人员':
      return [
        {
          text: `国办发〔2021〕14号：退休人员的个人账户原则上由统筹基金按定额划入，划入额度逐步调整到统筹地区实施改革当年基本养老金平均水平的 2% 左右。每月划多少元由当地确定，这里用的是你填写的当地金额。`,
          sources: ['gbf-2021-14'],
        },
        NO_INTEREST_NOTE,
        CARRY_OVER_NOTE,
        EMPTY_ACCOUNT_NOTE,
      ];
    case '灵活就业人员':
      return [
        {
          text: hasAccount
            ? '灵活就业人员参加职工医保后是否建个人账户、怎么计入，各地规定不同（浙江规定应当设立）；这里按在职职工的办法估算，以当地政策为准。'
            : '你选择了当地不给灵活就业人员建个人账户，所以没有每月计入；是否建账户各地不同（浙江规定应当设立），以当地政策为准。',
          sources: ['zj-reg', 'sil'],
          quote:
            '无雇工的个体工商户、未在用人单位参加职工基本医疗保险的非全日制从业人员以及其他灵活就业人员可以参加职工基本医疗保险，由个人按照国家规定缴纳基本医疗保险费',
          where: '第二十三条',
          quoteOf: 'sil',
        },
        ...(hasAccount ? [NO_INTEREST_NOTE, CARRY_OVER_NOTE] : []),
        EMPTY_ACCOUNT_NOTE,
      ];
    case '城乡居民':
      return [
        {
          text: '城乡居民医保没有个人账户：个人缴费和财政补助都进入统筹基金。',
          sources: ['xh-2024-10-share'],
        },
        {
          text: '看病时由统筹基金报销：住院和普通门诊统筹按当地的起付线、报销比例和封顶线支付，大额费用还有大病保险。',
          sources: ['sil', 'dbx-2024'],
          quote:
            '符合基本医疗保险药品目录、诊疗项目、医疗服务设施标准以及急诊、抢救的医疗费用，按照国家规定从基本医疗保险基金中支付',
          where: '第二十八条',
          quoteOf: 'sil',
        },
        {
          text: '家里有职工医保的近亲属，可以通过家庭共济用他的个人账户帮你缴居民医保个人缴费，或支付你在定点医药机构自己负担的费用。',
          sources: ['gbf-2021-14', 'gbf-2024-38'],
        },
      ];
  }
}

function describeMonth(run: AccountRunOut): string {
  return `${run.isNextYear ? '明年' : '今年'} ${run.calendarMonth} 月`;
}

export function computeAccountProjection(input: AccountCheckerInput): AccountProjection {
  const { currentMonth } = input;
  if (!Number.isInteger(currentMonth) || currentMonth < 1 || currentMonth > 12) {
    throw new RangeError('当前月份须为 1 到 12 之间的整数');
  }
  const hasAccount = hasAccountFor(input);
  const notes = notesFor(input.insuredType, hasAccount);
  if (!hasAccount) {
    const reason =
      input.insuredType === '城乡居民'
        ? '城乡居民医保没有个人账户，没有每月计入，也没有余额可估算。'
        : '当地不给灵活就业人员建个人账户，没有每月计入，也没有余额可估算。';
    return {
      hasAccount,
      monthlyCredit: 0,
      yearEndBalance: null,
      balanceIn12Months: null,
      runsOut: null,
      uncoveredSpendingIn12Months: 0,
      steps: [reason],
      notes,
    };
  }

  const ratio = input.accountRatio ?? ACCOUNT_DEFAULT_RATIO;
  const monthlyCredit = roundCheckerYuan(
    input.insuredType === '退休人员' ? input.retireeMonthlyCredit : input.monthlyContributionBase * ratio,
  );
  const spending = input.monthlySpending;
  const netChange = roundCheckerYuan(monthlyCredit - spending);
  const monthsToYearEnd = 12 - currentMonth;

  // Month by month: credit arrives, then spending; the balance never goes below 0.
  let balance = roundCheckerYuan(input.currentBalance);
  let yearEndBalance = monthsToYearEnd === 0 ? balance : 0;
  let runsOut: AccountRunOut | null = null;
  let uncovered = 0;
  for (let month = 1; month <= 12; month += 1) {
    const available = roundCheckerYuan(balance + monthlyCredit);
    balance = roundCheckerYuan(Math.max(0, available - spending));
    uncovered = roundCheckerYuan(uncovered + Math.max(0, spending - available));
    if (balance === 0 && spending > 0 && runsOut === null) {
      const calendar = currentMonth + month;
      runsOut = { monthsFromNow: month, calendarMonth: ((calendar - 1) % 12) + 1, isNextYear: calendar > 12 };
    }
    if (month === monthsToYearEnd) yearEndBalance = balance;
  }

  const sign = netChange >= 0 ? '+' : '−';
  const steps = [
    creditStep(input, ratio, monthlyCredit),
    `每月净变化 = 计入 ${formatCheckerYuan(monthlyCredit)} − 支出 ${formatCheckerYuan(spending)} = ${sign}${formatCheckerYuan(Math.abs(netChange))} 元（假定本月的计入和支出已算在当前余额 ${formatCheckerYuan(input.currentBalance)} 元里，从下个月开始算）。`,
  ];
  const linear = (months: number) =>
    `${formatCheckerYuan(input.currentBalance)} ${sign} ${months} × ${formatCheckerYuan(Math.abs(netChange))}`;
  const runsOutBy = (months: number) => runsOut !== null && runsOut.monthsFromNow <= months;

  if (monthsToYearEnd === 0) {
    steps.push(`现在是 12 月，年底余额就是当前余额 ${formatCheckerYuan(yearEndBalance)} 元。`);
  } else if (runsOutBy(monthsToYearEnd)) {
    steps.push(`到年底还有 ${monthsToYearEnd} 个月，余额会在年底前用完，年底余额为 0 元。`);
  } else {
    steps.push(
      `到年底还有 ${monthsToYearEnd} 个月：${linear(monthsToYearEnd)} = ${formatCheckerYuan(yearEndBalance)} 元。`,
    );
  }
  if (runsOut) {
    steps.push(
      `第 ${runsOut.monthsFromNow} 个月（${describeMonth(runsOut)}）余额降到 0；之后每月计入的钱当月就花完，12 个月里账户付不了、要自己付的支出共 ${formatCheckerYuan(uncovered)} 元。`,
    );
    steps.push('12 个月后余额为 0 元。');
  } else {
    steps.push(`12 个月后：${linear(12)} = ${formatCheckerYuan(balance)} 元，期间余额不会用完。`);
  }

  return {
    hasAccount,
    monthlyCredit,
    yearEndBalance,
    balanceIn12Months: balance,
    runsOut,
    uncoveredSpendingIn12Months: uncovered,
    steps,
    notes,
  };
}
