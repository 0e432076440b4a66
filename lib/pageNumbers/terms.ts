/** Which glossary entries' cards show 「本页写的是」, and the parameters each shows. Small: the engine carries it. */
import type { PageNumberParam } from './types';

/** Glossary entries whose card shows 「本页写的是」 and the parameters it shows. */
export const PAGE_NUMBER_TERMS: Record<string, readonly PageNumberParam[]> = {
  qifuxian: ['deductible', 'outpatientDeductible', 'seriousIllnessDeductible'],
  baoxiaobili: ['reimbursementRate', 'outpatientRate', 'seriousIllnessRate'],
  fengdingxian: ['annualCap', 'outpatientCap'],
  zhuyuantongchou: ['deductible', 'reimbursementRate', 'annualCap'],
  putongmenzhentongchou: ['outpatientDeductible', 'outpatientRate', 'outpatientCap'],
  dabingbaoxian: ['seriousIllnessDeductible', 'seriousIllnessRate'],
  dabingbaoxianqifuxian: ['seriousIllnessDeductible'],
  gerenjiaofei: ['residentContribution'],
  caizhengbuzhu: ['fiscalSubsidy'],
  gerenzhanghujiru: ['accountCredit'],
  dingehuaru: ['accountCredit'],
  gerenzhanghu: ['accountCredit'],
  jizhongcanbaoqi: ['enrollmentPeriod'],
};
