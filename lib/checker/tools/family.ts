/** 家庭共济 tool, declared once: who may share, for what, and how a cross-province amount splits into 医保钱包 transfers. */
import { type CheckerTool, checkerOptions } from '../fields';
import {
  checkFamilyShare,
  type FamilyShareHolderScheme,
  type FamilyShareRelation,
  type FamilyShareRelativeInsurance,
  planFamilyShareWalletTransfers,
} from '../familyShare';

const RELATIONS: readonly FamilyShareRelation[] = [
  '配偶',
  '父母',
  '子女',
  '兄弟姐妹',
  '祖父母/外祖父母',
  '孙子女/外孙子女',
  '其他',
];

export const familyTool: CheckerTool = {
  id: 'family',
  label: '家庭共济',
  fields: {
    holderScheme: {
      type: 'choice',
      label: '你的参保类型',
      options: checkerOptions(['职工医保', '居民医保']),
      default: '职工医保',
    },
    relation: { type: 'choice', label: '家人和你的关系', options: checkerOptions(RELATIONS), default: '配偶' },
    relativeInsurance: {
      type: 'choice',
      label: '家人的参保情况',
      options: checkerOptions(['职工医保', '居民医保', '未参保']),
      default: '居民医保',
    },
    sameProvince: { type: 'flag', label: '你们在同一个省参保', default: true },
    transferAmount: {
      type: 'number',
      kind: 'amount',
      label: '跨省转账金额',
      unit: '元',
      min: 0,
      max: 1000000,
      default: '',
      optional: true,
      placeholder: '可不填',
      help: '想通过医保钱包转给家人的钱，用来算要分几笔、几天。',
      showWhen: (v) => v.sameProvince !== true,
    },
  },
  compute(values) {
    const sameProvince = values.flag('sameProvince');
    const check = checkFamilyShare({
      relation: values.choice('relation') as FamilyShareRelation,
      holderScheme: values.choice('holderScheme') as FamilyShareHolderScheme,
      relativeInsurance: values.choice('relativeInsurance') as FamilyShareRelativeInsurance,
      sameProvince,
    });
    const amount = values.number('transferAmount');
    const plan = check.allowed && !sameProvince && amount !== null ? planFamilyShareWalletTransfers(amount) : null;
    return {
      verdict: { text: check.verdict, tone: check.allowed ? 'ok' : 'no' },
      figures: plan
        ? [{ name: 'transfers', label: '医保钱包转账', value: `${plan.transfers.length} 笔，${plan.days} 天` }]
        : [],
      steps: plan?.steps ?? [],
      sections: [
        { title: '可以用来付', notes: check.usableFor },
        { title: '怎么办理', notes: check.howTo },
        { title: '限制', notes: check.limits },
        { title: '注意', notes: check.notes },
      ],
    };
  },
};
