import { describe, expect, it } from 'vitest';
import type { PageNumberItem } from '@/lib/pageNumbers/wire';
import { fillCandidates, fillFromPage, scopeChoices } from './pageNumbersFill';

let index = 0;
const n = (x: Omit<PageNumberItem, 'index' | 'source'> & { source?: string }): PageNumberItem => ({
  index: index++,
  source: x.source ?? '句子',
  ...x,
});

const page: PageNumberItem[] = [
  n({ param: 'deductible', value: 300, unit: '元', scheme: '职工', level: '一级' }),
  n({ param: 'deductible', value: 1000, unit: '元', scheme: '职工', level: '三级' }),
  n({ param: 'reimbursementRate', value: 90, unit: '%', scheme: '职工', level: '一级', group: '在职' }),
  n({ param: 'reimbursementRate', value: 93, unit: '%', scheme: '职工', level: '一级', group: '退休' }),
  n({ param: 'reimbursementRate', value: 85, unit: '%', scheme: '职工', level: '三级', group: '在职' }),
  n({ param: 'annualCap', value: 400000, unit: '元', scheme: '职工' }),
  n({ param: 'seriousIllnessRate', value: 60, unit: '%', group: '15000-100000' }),
  n({ param: 'residentContribution', value: 400, unit: '元', scheme: '居民' }),
];

describe('用本页的数字', () => {
  it('offers a choice only where the page has several scopes', () => {
    const candidates = fillCandidates('inpatient', page);
    expect(candidates.map((c) => c.value)).toEqual([300, 1000, 90, 93, 85, 400000]);
    expect(scopeChoices(candidates)).toEqual({ level: ['一级', '三级'], group: ['在职', '退休'] });
  });

  it('fills the fields of the picked scope, each with its source, and leaves out what stays ambiguous', () => {
    const candidates = fillCandidates('inpatient', page);
    const fill = fillFromPage('inpatient', candidates, { level: '三级', group: '在职' }, { scheme: '居民医保' });
    expect(fill.values).toMatchObject({
      scheme: '职工医保',
      paramSource: 'local',
      deductible: '1000',
      reimbursementPercent: '85',
      cap: '400000',
    });
    expect(fill.filled.map((f) => [f.field, f.item.value])).toEqual([
      ['deductible', 1000],
      ['reimbursementPercent', 85],
      ['cap', 400000],
    ]);
    const unpicked = fillFromPage('inpatient', candidates, { level: '一级' }, {});
    expect(unpicked.values.reimbursementPercent).toBeUndefined();
    expect(unpicked.values.deductible).toBe('300');
  });

  it('fills the account tool by group', () => {
    const account = [
      n({ param: 'accountCredit', value: 2, unit: '%', scheme: '职工', group: '在职' }),
      n({ param: 'accountCredit', value: 95, unit: '元', scheme: '职工', group: '退休' }),
    ];
    const candidates = fillCandidates('account', account);
    expect(scopeChoices(candidates)).toEqual({ group: ['在职', '退休'] });
    expect(fillFromPage('account', candidates, { group: '退休' }, {}).values).toMatchObject({
      insuredType: '退休人员',
      retireeMonthlyCredit: '95',
    });
    expect(fillFromPage('account', candidates, { group: '在职' }, {}).values).toMatchObject({
      insuredType: '在职职工',
      accountRatioPercent: '2',
    });
  });
});
