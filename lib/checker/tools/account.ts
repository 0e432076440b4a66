/**
 * 个人账户 tool, declared once: its fields, how they show, and how the maths
 * (../account.ts) becomes the result frame. No unsourced default: a retiree's
 * monthly credit is asked for (国办发〔2021〕14号 leaves the 元 figure to each area).
 */
import { ACCOUNT_DEFAULT_RATIO, type AccountInsuredType, computeAccountProjection } from '../account';
import { type CheckerFormValues, type CheckerTool, checkerOptions } from '../fields';
import { formatCheckerYuan } from '../format';
import { WHERE_TO_FIND_LOCAL_FIGURES } from './guidance';

const INSURED_TYPES: readonly AccountInsuredType[] = ['在职职工', '退休人员', '灵活就业人员', '城乡居民'];

const isRetiree = (v: CheckerFormValues) => v.insuredType === '退休人员';
const creditsByBase = (v: CheckerFormValues) =>
  v.insuredType === '在职职工' || (v.insuredType === '灵活就业人员' && v.flexibleWorkerHasAccount === true);
const hasAccount = (v: CheckerFormValues) => creditsByBase(v) || isRetiree(v);

export const accountTool: CheckerTool = {
  id: 'account',
  label: '个人账户',
  fields: {
    insuredType: { type: 'choice', label: '参保类型', options: checkerOptions(INSURED_TYPES), default: '在职职工' },
    flexibleWorkerHasAccount: {
      type: 'flag',
      label: '当地给灵活就业人员建个人账户',
      default: false,
      help: '是否建账户各地规定不同（例如浙江规定应当建立），以当地政策为准。',
      showWhen: (v) => v.insuredType === '灵活就业人员',
    },
    monthlyContributionBase: {
      type: 'number',
      kind: 'amount',
      label: '月缴费基数',
      unit: '元',
      min: 0,
      max: 1000000,
      default: '',
      placeholder: '示例：8000',
      help: '一般是上年度月平均工资，在单位或社保查询里能看到。',
      showWhen: creditsByBase,
    },
    accountRatioPercent: {
      type: 'number',
      kind: 'percent',
      label: '个人账户计入比例',
      unit: '%',
      min: 0,
      max: 10,
      default: String(ACCOUNT_DEFAULT_RATIO * 100),
      help: '国办发〔2021〕14号：原则上控制在本人缴费基数的 2%。当地执行的比例不同时请改成当地的数字。',
      showWhen: creditsByBase,
    },
    retireeMonthlyCredit: {
      type: 'number',
      kind: 'amount',
      label: '当地退休人员每月划入额',
      unit: '元',
      min: 0,
      max: 10000,
      default: '',
      placeholder: '填当地的金额',
      help: `国办发〔2021〕14号：退休人员由统筹基金按月定额划入，额度逐步调整到当地实施改革当年基本养老金平均水平的 2% 左右；每月多少元由当地定，没有全国统一的数字。${WHERE_TO_FIND_LOCAL_FIGURES}也可以看自己的账户明细。`,
      showWhen: isRetiree,
    },
    currentBalance: {
      type: 'number',
      kind: 'amount',
      label: '当前余额',
      unit: '元',
      min: 0,
      max: 10000000,
      default: '0',
      showWhen: hasAccount,
    },
    monthlySpending: {
      type: 'number',
      kind: 'amount',
      label: '每月预计支出',
      unit: '元',
      min: 0,
      max: 1000000,
      default: '0',
      help: '包括给家人共济花掉的钱。',
      showWhen: hasAccount,
    },
    currentMonth: {
      type: 'number',
      kind: 'count',
      label: '当前月份',
      unit: '月',
      min: 1,
      max: 12,
      default: '',
      optional: true,
      placeholder: '不填就按本月',
      showWhen: hasAccount,
    },
  },
  compute(values) {
    const ratioPercent = values.number('accountRatioPercent');
    const r = computeAccountProjection({
      insuredType: values.choice('insuredType') as AccountInsuredType,
      flexibleWorkerHasAccount: values.flag('flexibleWorkerHasAccount'),
      monthlyContributionBase: values.number('monthlyContributionBase') ?? 0,
      accountRatio: ratioPercent === null ? undefined : ratioPercent / 100,
      retireeMonthlyCredit: values.number('retireeMonthlyCredit') ?? 0,
      currentBalance: values.number('currentBalance') ?? 0,
      monthlySpending: values.number('monthlySpending') ?? 0,
      currentMonth: values.number('currentMonth') ?? new Date().getMonth() + 1,
    });
    const sections = [{ title: '依据', notes: r.notes }];
    if (!r.hasAccount) {
      return { verdict: { text: r.steps[0] ?? '', tone: 'info' }, figures: [], steps: [], sections };
    }
    const yuan = (amount: number | null) => `${formatCheckerYuan(amount ?? 0)} 元`;
    return {
      figures: [
        { name: 'monthlyCredit', label: '每月划入', value: yuan(r.monthlyCredit), strong: true },
        { name: 'yearEndBalance', label: '年底余额', value: yuan(r.yearEndBalance) },
        { name: 'balanceIn12Months', label: '12 个月后余额', value: yuan(r.balanceIn12Months) },
      ],
      warning: r.runsOut
        ? `余额会在${r.runsOut.isNextYear ? '明年' : '今年'} ${r.runsOut.calendarMonth} 月用完；之后 12 个月内账户付不了、要自己付的约 ${formatCheckerYuan(r.uncoveredSpendingIn12Months)} 元。账户用完不影响住院和门诊统筹报销。`
        : undefined,
      steps: r.steps,
      sections,
    };
  },
};
