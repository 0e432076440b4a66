/**
 * 住院报销估算 tool, declared once. There is no national 起付线, 报销比例 or
 * 封顶线: the user either enters their area's figures or starts from example
 * numbers that are no area's standard; the result always says which it used.
 */
import { type CheckerTool, type CheckerValueReader } from '../fields';
import { estimateInpatientCost, type InpatientEstimateInput, type InpatientScheme } from '../inpatient';
import { formatCheckerPercent, formatCheckerYuan } from '../format';
import { WHERE_TO_FIND_LOCAL_FIGURES } from './guidance';

type InpatientParams = Omit<InpatientEstimateInput, 'scheme' | 'totalBill' | 'fullySelfPaid' | 'classBAmount'>;

/** 示例数字：only to try the tool. They are not the standard of any area. */
export const INPATIENT_EXAMPLE_PARAMS: Record<InpatientScheme, InpatientParams> = {
  职工医保: { deductible: 1000, reimbursementRatio: 0.8, cap: 300000, classBSelfPayShare: 0.1 },
  居民医保: {
    deductible: 1000,
    reimbursementRatio: 0.7,
    cap: 150000,
    classBSelfPayShare: 0.1,
    seriousIllnessThreshold: 15000,
    seriousIllnessRatio: 0.6,
  },
};

export const INPATIENT_EXAMPLE_LABEL = '示例数字，不是任何地区的真实标准';

const isLocal = (v: Record<string, string | boolean>) => v.paramSource === 'local';
const yuan = (amount: number) => `${formatCheckerYuan(amount)} 元`;

/** The parameters in words; example numbers each carry （示例）. */
function describeParams(p: InpatientParams, example: boolean): string {
  const tag = example ? '（示例）' : '';
  const parts = [
    `起付线 ${yuan(p.deductible)}${tag}`,
    `报销比例 ${formatCheckerPercent(p.reimbursementRatio)}${tag}`,
    `封顶线 ${yuan(p.cap)}${tag}`,
    `乙类先行自付 ${formatCheckerPercent(p.classBSelfPayShare)}${tag}`,
  ];
  if (p.seriousIllnessThreshold !== undefined && p.seriousIllnessRatio !== undefined) {
    parts.push(
      `大病保险起付标准 ${yuan(p.seriousIllnessThreshold)}${tag}、支付 ${formatCheckerPercent(p.seriousIllnessRatio)}${tag}`,
    );
  }
  return parts.join('，');
}

function localParams(values: CheckerValueReader, scheme: InpatientScheme): InpatientParams {
  const classBPercent = values.number('classBSelfPayPercent');
  if ((values.number('classBAmount') ?? 0) > 0 && classBPercent === null) {
    throw new RangeError('填了乙类项目金额，请再填当地的乙类先行自付比例');
  }
  const params: InpatientParams = {
    deductible: values.number('deductible') ?? 0,
    reimbursementRatio: (values.number('reimbursementPercent') ?? 0) / 100,
    cap: values.number('cap') ?? 0,
    classBSelfPayShare: (classBPercent ?? 0) / 100,
  };
  if (scheme === '居民医保') {
    const threshold = values.number('seriousIllnessThreshold');
    const percent = values.number('seriousIllnessPercent');
    if ((threshold === null) !== (percent === null)) {
      throw new RangeError('大病保险起付标准和支付比例要一起填（都不填就不计算大病保险）');
    }
    if (threshold !== null && percent !== null) {
      params.seriousIllnessThreshold = threshold;
      params.seriousIllnessRatio = percent / 100;
    }
  }
  return params;
}

export const inpatientTool: CheckerTool = {
  id: 'inpatient',
  label: '住院报销估算',
  fields: {
    scheme: {
      type: 'choice',
      label: '参保类型',
      options: [
        { value: '职工医保', label: '职工医保' },
        { value: '居民医保', label: '居民医保' },
      ],
      default: '职工医保',
    },
    totalBill: {
      type: 'number',
      kind: 'amount',
      label: '住院总费用',
      unit: '元',
      min: 0,
      max: 10000000,
      default: '',
      placeholder: '示例：50000 或 5万',
    },
    fullySelfPaid: {
      type: 'number',
      kind: 'amount',
      label: '全自费金额',
      unit: '元',
      min: 0,
      max: 10000000,
      default: '',
      optional: true,
      placeholder: '不清楚可不填',
      help: '医保完全不报、要全部自己付的药和项目，收费清单上常标“自费”。不清楚就不填，按 0 算，估出来自己付的钱会偏少。',
    },
    classBAmount: {
      type: 'number',
      kind: 'amount',
      label: '乙类项目金额',
      unit: '元',
      min: 0,
      max: 10000000,
      default: '',
      optional: true,
      placeholder: '不清楚可不填',
      help: '医保能报、但要先自己付一小部分的药和项目，收费清单上常标“乙类”。不清楚就不填，按 0 算。',
    },
    paramSource: {
      type: 'choice',
      label: '起付线、报销比例和封顶线',
      options: [
        { value: 'example', label: `先用${INPATIENT_EXAMPLE_LABEL}` },
        { value: 'local', label: '填写我所在地区的标准' },
      ],
      default: 'example',
      help: `这些数字各地不同，还按医院等级不同。${WHERE_TO_FIND_LOCAL_FIGURES}`,
    },
    deductible: {
      type: 'number',
      kind: 'amount',
      label: '起付线',
      unit: '元',
      min: 0,
      max: 100000,
      default: '',
      help: '今年还没用掉的起付线。',
      showWhen: isLocal,
    },
    reimbursementPercent: {
      type: 'number',
      kind: 'percent',
      label: '统筹报销比例',
      unit: '%',
      min: 0,
      max: 100,
      default: '',
      showWhen: isLocal,
    },
    cap: {
      type: 'number',
      kind: 'amount',
      label: '封顶线',
      unit: '元',
      min: 0,
      max: 10000000,
      default: '',
      help: '今年还能用的统筹基金最高支付额。',
      showWhen: isLocal,
    },
    classBSelfPayPercent: {
      type: 'number',
      kind: 'percent',
      label: '乙类先行自付比例',
      unit: '%',
      min: 0,
      max: 100,
      default: '',
      optional: true,
      placeholder: '没有乙类项目可不填',
      showWhen: isLocal,
    },
    seriousIllnessThreshold: {
      type: 'number',
      kind: 'amount',
      label: '大病保险起付标准',
      unit: '元',
      min: 0,
      max: 1000000,
      default: '',
      optional: true,
      placeholder: '可不填',
      showWhen: (v) => isLocal(v) && v.scheme === '居民医保',
    },
    seriousIllnessPercent: {
      type: 'number',
      kind: 'percent',
      label: '大病保险支付比例',
      unit: '%',
      min: 0,
      max: 100,
      default: '',
      optional: true,
      placeholder: '可不填',
      help: '不填就不计算大病保险。',
      showWhen: (v) => isLocal(v) && v.scheme === '居民医保',
    },
  },
  compute(values) {
    const scheme = values.choice('scheme') as InpatientScheme;
    const example = values.choice('paramSource') !== 'local';
    const params = example ? INPATIENT_EXAMPLE_PARAMS[scheme] : localParams(values, scheme);
    const r = estimateInpatientCost({
      scheme,
      totalBill: values.number('totalBill') ?? 0,
      fullySelfPaid: values.number('fullySelfPaid') ?? 0,
      classBAmount: values.number('classBAmount') ?? 0,
      ...params,
    });
    const figures = [
      { name: 'eligibleCost', label: '政策范围内费用', value: yuan(r.eligibleCost), example },
      { name: 'poolPays', label: '统筹基金支付', value: yuan(r.poolPays), strong: true, example },
    ];
    if (scheme === '居民医保' && params.seriousIllnessRatio !== undefined) {
      figures.push({ name: 'seriousIllnessPays', label: '大病保险支付', value: yuan(r.seriousIllnessPays), example });
    }
    figures.push({ name: 'patientPays', label: '自己支付', value: yuan(r.patientPays), strong: true, example });
    const basis = example
      ? `按${INPATIENT_EXAMPLE_LABEL}计算：${describeParams(params, true)}。`
      : `按你填写的当地标准计算：${describeParams(params, false)}。`;
    const steps = [...r.steps];
    const unknown = [
      values.number('fullySelfPaid') === null ? '全自费金额' : null,
      values.number('classBAmount') === null ? '乙类项目金额' : null,
    ].filter(Boolean);
    if (unknown.length > 0) steps.push(`没有填${unknown.join('和')}，按 0 计算；实际自己付的钱可能更多。`);
    if (scheme === '居民医保' && params.seriousIllnessRatio === undefined)
      steps.push('没有填大病保险的起付标准和支付比例，大病保险没有计算。');
    return { figures, basis, usesExamples: example, steps, sections: [{ title: '说明', notes: r.notes }] };
  },
};
