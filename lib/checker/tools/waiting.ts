/**
 * 待遇等待期 tool, declared once. 居民医保 follows 国办发〔2024〕38号; how
 * "每多断保1年" counts the first lapsed year is read two ways locally. The form
 * asks nothing about it (only a clerk could answer): the result uses the
 * default reading and shows what the other one gives beside it.
 */
import { type CheckerTool, checkerOptions } from '../fields';
import { formatCheckerYuan } from '../format';
import {
  computeWaitingPeriod,
  WAITING_PERIOD_READING_LABELS,
  type WaitingPeriodReading,
  type WaitingPeriodResult,
} from '../waitingPeriod';
import { WHERE_TO_FIND_LOCAL_FIGURES } from './guidance';

const READINGS: readonly WaitingPeriodReading[] = ['eachYearBeyondFirst', 'everyLapsedYear'];
/** The reading the result leads with: the first lapsed year is covered by the fixed 3 months. */
export const DEFAULT_WAITING_READING: WaitingPeriodReading = 'eachYearBeyondFirst';
const isResident = (v: Record<string, string | boolean>) => v.scheme === '居民医保';
const residentNotNewborn = (v: Record<string, string | boolean>) => isResident(v) && v.isNewborn !== true;

function describeMonths(result: WaitingPeriodResult): string {
  const { min, max } = result.totalMonths;
  if (min !== max) return `${min}–${max} 个月`;
  // 职工医保: back-pay without a wait is the national rule only for a gap before a transfer (2021 暂行办法).
  if (min === 0 && result.retroactiveCover) return '转移接续中断的：没有等待期（其他断缴按当地规定）';
  return min === 0 ? '没有等待期' : `${min} 个月`;
}

export const waitingTool: CheckerTool = {
  id: 'waiting',
  label: '待遇等待期',
  fields: {
    scheme: {
      type: 'choice',
      label: '参保类型',
      options: checkerOptions(['居民医保', '职工医保']),
      default: '居民医保',
    },
    isNewborn: { type: 'flag', label: '新生儿（在当地规定的时限内参保）', default: false, showWhen: isResident },
    enrolledInConcentratedPeriod: {
      type: 'flag',
      label: '在集中参保期内缴费',
      default: true,
      help: '一般是每年 9 月到 12 月，为下一年缴费；具体时间以当地通知为准。',
      showWhen: residentNotNewborn,
    },
    lapseYears: {
      type: 'number',
      kind: 'count',
      label: '断保年数',
      unit: '年',
      min: 0,
      max: 50,
      default: '0',
      help: '连续没有参保的整年数，一直参保填 0。',
      showWhen: residentNotNewborn,
    },
    repairedYears: {
      type: 'number',
      kind: 'count',
      label: '补缴年数',
      unit: '年',
      min: 0,
      max: 50,
      default: '0',
      help: '缴费修复：补缴了断保期间几年的费用，每补 1 年减少 1 个月变动等待期。',
      showWhen: residentNotNewborn,
    },
    annualIndividualContribution: {
      type: 'number',
      kind: 'amount',
      label: '当地居民医保每年个人缴费',
      unit: '元',
      min: 0,
      max: 10000,
      default: '',
      optional: true,
      placeholder: '可不填',
      help: `用来估算补缴费用，不填就不算。各地标准不同。${WHERE_TO_FIND_LOCAL_FIGURES}`,
      showWhen: residentNotNewborn,
    },
    gapMonths: {
      type: 'number',
      kind: 'count',
      label: '断缴月数',
      unit: '个月',
      min: 0,
      max: 600,
      default: '0',
      showWhen: (v) => v.scheme === '职工医保',
    },
  },
  compute(values) {
    if (values.choice('scheme') === '职工医保') {
      const r = computeWaitingPeriod({ scheme: '职工医保', gapMonths: values.number('gapMonths') ?? 0 });
      return {
        figures: [{ name: 'waitingMonths', label: '待遇等待期', value: describeMonths(r), strong: true }],
        steps: r.steps,
        sections: [{ title: '说明', notes: r.notes }],
      };
    }
    const reading = DEFAULT_WAITING_READING;
    const input = {
      scheme: '居民医保' as const,
      enrolledInConcentratedPeriod: values.flag('enrolledInConcentratedPeriod'),
      lapseYears: values.number('lapseYears') ?? 0,
      repairedYears: values.number('repairedYears') ?? 0,
      isNewborn: values.flag('isNewborn'),
      annualIndividualContribution: values.number('annualIndividualContribution'),
    };
    const r = computeWaitingPeriod({ ...input, reading });
    const otherReading = READINGS.find((x) => x !== reading)!;
    const other = computeWaitingPeriod({ ...input, reading: otherReading });
    const figures = [{ name: 'waitingMonths', label: '待遇等待期', value: describeMonths(r), strong: true }];
    if (input.lapseYears > 0 && !input.isNewborn) {
      figures.push({
        name: 'otherReading',
        label: '有的地方算法不同，会是',
        value: describeMonths(other),
        strong: false,
      });
    }
    if (r.repairCost > 0) {
      figures.push({
        name: 'repairCost',
        label: '补缴费用',
        value: `${formatCheckerYuan(r.repairCost)} 元`,
        strong: false,
      });
    }
    const steps = [...r.steps];
    if (input.lapseYears > 0 && !input.isNewborn) {
      steps.push(
        `上面按“${WAITING_PERIOD_READING_LABELS[reading]}”计算。国办发〔2024〕38号规定每多断保 1 年原则上增加 1 个月；断保的第 1 年算不算，各地做法不同：按“${WAITING_PERIOD_READING_LABELS[otherReading]}”是 ${describeMonths(other)}。以当地医保部门的说法为准。`,
      );
    }
    return { figures, steps, sections: [{ title: '说明', notes: r.notes }] };
  },
};
