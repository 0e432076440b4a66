/**
 * 「用本页的数字」: which of the page's numbers the 住院报销估算 and 个人账户 tools can use, the scopes the user
 * picks between where the page has several, and the field values they give, each with the sentence it came from.
 */
import type { CheckerFormValues } from '@/lib/checker/fields';
import type { PageNumberParam } from '@/lib/pageNumbers/types';
import type { PageNumberItem } from '@/lib/pageNumbers/wire';

export type FillToolId = 'inpatient' | 'account';
export type ScopeField = 'scheme' | 'level' | 'group';

const TOOL_PARAMS: Record<FillToolId, readonly PageNumberParam[]> = {
  inpatient: ['deductible', 'reimbursementRate', 'annualCap', 'seriousIllnessDeductible', 'seriousIllnessRate'],
  account: ['accountCredit'],
};

/** 大病保险 rates by cost band are not one ratio the tool can take. */
const usable = (n: PageNumberItem) => !(n.param === 'seriousIllnessRate' && n.group !== undefined);

export function fillCandidates(toolId: FillToolId, numbers: readonly PageNumberItem[]): PageNumberItem[] {
  return numbers.filter((n) => TOOL_PARAMS[toolId].includes(n.param) && usable(n));
}

/** For each scope field, the values the page distinguishes (only fields with two or more need a choice). */
export function scopeChoices(candidates: readonly PageNumberItem[]): Partial<Record<ScopeField, string[]>> {
  const out: Partial<Record<ScopeField, string[]>> = {};
  for (const field of ['scheme', 'level', 'group'] as const) {
    const values = [...new Set(candidates.map((n) => n[field]).filter((v): v is string => v !== undefined))];
    if (values.length >= 2) out[field] = values;
  }
  return out;
}

export type ScopePick = Partial<Record<ScopeField, string>>;

/** A number fits the pick when each picked field is the number's own or one the number leaves open. */
const fits = (n: PageNumberItem, pick: ScopePick) =>
  (['scheme', 'level', 'group'] as const).every((f) => pick[f] === undefined || n[f] === undefined || n[f] === pick[f]);

export interface FilledField {
  field: string;
  label: string;
  item: PageNumberItem;
}

export interface Fill {
  values: CheckerFormValues;
  filled: FilledField[];
}

/** The one number of a parameter that fits the pick; none when two different values would. */
function pickOne(candidates: readonly PageNumberItem[], param: PageNumberParam, pick: ScopePick, unit?: string) {
  const matching = candidates.filter((n) => n.param === param && fits(n, pick) && (!unit || n.unit === unit));
  const values = new Set(matching.map((n) => n.value));
  if (values.size !== 1) return undefined;
  // The most specific reading (most scope fields named) is the one shown as the source.
  return matching.sort((a, b) => specificity(b) - specificity(a))[0];
}
const specificity = (n: PageNumberItem) => (['scheme', 'level', 'group'] as const).filter((f) => n[f]).length;

export function fillFromPage(
  toolId: FillToolId,
  candidates: readonly PageNumberItem[],
  pick: ScopePick,
  current: CheckerFormValues,
): Fill {
  const values: CheckerFormValues = { ...current };
  const filled: FilledField[] = [];
  const put = (field: string, label: string, item: PageNumberItem | undefined) => {
    if (!item || typeof item.value !== 'number') return;
    values[field] = String(item.value);
    filled.push({ field, label, item });
  };
  if (toolId === 'inpatient') {
    const scheme = pick.scheme ?? candidates.find((n) => n.scheme)?.scheme;
    if (scheme === '职工' || scheme === '居民') values.scheme = `${scheme}医保`;
    values.paramSource = 'local';
    put('deductible', '起付线', pickOne(candidates, 'deductible', pick));
    put('reimbursementPercent', '统筹报销比例', pickOne(candidates, 'reimbursementRate', pick));
    put('cap', '封顶线', pickOne(candidates, 'annualCap', pick));
    if (values.scheme === '居民医保') {
      put('seriousIllnessThreshold', '大病保险起付标准', pickOne(candidates, 'seriousIllnessDeductible', pick));
      put('seriousIllnessPercent', '大病保险支付比例', pickOne(candidates, 'seriousIllnessRate', pick));
    }
  } else {
    const group = pick.group ?? candidates.find((n) => n.group)?.group;
    const monthly = pickOne(candidates, 'accountCredit', pick, '元');
    const share = pickOne(candidates, 'accountCredit', pick, '%');
    if (group === '退休' && monthly) {
      values.insuredType = '退休人员';
      put('retireeMonthlyCredit', '当地退休人员每月划入额', monthly);
    } else if (group === '在职' && share) {
      values.insuredType = '在职职工';
      put('accountRatioPercent', '个人账户计入比例', share);
    } else if (!group) {
      put('accountRatioPercent', '个人账户计入比例', share);
    }
  }
  return { values, filled };
}
