import { describe, expect, it } from 'vitest';
import {
  describePageNumberScope,
  formatPageNumberValue,
  isPageNumbersAnswer,
  linksForTerm,
  parseRevealNumberRequest,
  toPageNumberItems,
} from './wire';

describe('wire', () => {
  const item = {
    index: 0,
    param: 'deductible',
    value: 900,
    unit: '元',
    scheme: '居民',
    level: '三级',
    source: '起付线900元',
  };
  it('accepts a well-formed answer and rejects malformed ones', () => {
    expect(isPageNumbersAnswer({ title: 't', url: 'https://a/', date: '2025-01-02', numbers: [item] })).toBe(true);
    expect(isPageNumbersAnswer({ title: 't', url: 'u', date: null, numbers: [] })).toBe(true);
    expect(isPageNumbersAnswer({ title: 't', url: 'u', date: '2025', numbers: [] })).toBe(false);
    expect(isPageNumbersAnswer({ title: 't', url: 'u', date: null, numbers: [{ ...item, param: 'salary' }] })).toBe(
      false,
    );
    expect(isPageNumbersAnswer({ title: 't', url: 'u', date: null, numbers: [{ ...item, scheme: '养老' }] })).toBe(
      false,
    );
    expect(isPageNumbersAnswer({ title: 't', url: 'u', date: null, numbers: [{ ...item, value: Infinity }] })).toBe(
      false,
    );
    expect(isPageNumbersAnswer(null)).toBe(false);
  });
  it('reads a reveal request', () => {
    expect(parseRevealNumberRequest({ index: 3 })).toEqual({ index: 3 });
    expect(parseRevealNumberRequest({ index: -1 })).toBeNull();
    expect(parseRevealNumberRequest({ index: '3' })).toBeNull();
  });
  it('formats values and scopes in plain words', () => {
    expect(formatPageNumberValue({ param: 'deductible', value: 900, unit: '元' })).toBe('900 元');
    expect(formatPageNumberValue({ param: 'annualCap', value: 200000, unit: '元' })).toBe('20 万元');
    expect(formatPageNumberValue({ param: 'reimbursementRate', value: 85, unit: '%' })).toBe('85%');
    expect(formatPageNumberValue({ param: 'enrollmentPeriod', value: '09-01~12-31', unit: 'date' })).toBe(
      '9月1日至12月31日',
    );
    expect(describePageNumberScope({ scheme: '职工', level: '三级', group: '退休', year: 2025, area: '异地' })).toBe(
      '职工医保 · 三级 · 退休 · 2025年 · 异地',
    );
    expect(describePageNumberScope({ group: '15000-100000' })).toBe('1.5万–10万元部分');
    expect(describePageNumberScope({ group: '100000+' })).toBe('10万元以上部分');
    expect(describePageNumberScope({})).toBe('');
  });
  it('says a scope every reading shares once, on the first link of the card line', () => {
    const answer = {
      title: 't',
      url: 'u',
      date: null,
      numbers: [
        {
          index: 0,
          param: 'deductible' as const,
          value: 100,
          unit: '元' as const,
          scheme: '居民' as const,
          level: '社区',
          source: 's',
        },
        {
          index: 1,
          param: 'annualCap' as const,
          value: 150000,
          unit: '元' as const,
          scheme: '居民' as const,
          source: 's',
        },
        {
          index: 2,
          param: 'deductible' as const,
          value: 600,
          unit: '元' as const,
          scheme: '居民' as const,
          level: '三级',
          source: 's',
        },
      ],
    };
    expect(linksForTerm(answer, 'qifuxian')).toEqual([
      { index: 0, text: '居民医保 社区 100元' },
      { index: 2, text: '三级 600元' },
    ]);
    expect(linksForTerm(answer, 'fengdingxian')).toEqual([{ index: 1, text: '居民医保 15万元' }]);
    expect(linksForTerm(answer, 'gerenzhanghu')).toEqual([]);
    expect(linksForTerm(answer, 'tongchoujijin')).toEqual([]);
  });

  it('numbers the items in page order without their places', () => {
    expect(
      toPageNumberItems([
        { param: 'deductible', value: 1, unit: '元', source: 's', place: { block: 0, start: 0, end: 1 } },
      ]),
    ).toEqual([{ param: 'deductible', value: 1, unit: '元', source: 's', index: 0 }]);
  });
});
