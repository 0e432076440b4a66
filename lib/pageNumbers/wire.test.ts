import { describe, expect, it } from 'vitest';
import {
  describePageNumberScope,
  formatPageNumberValue,
  isPageNumbersAnswer,
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
  it('numbers the items in page order without their places', () => {
    expect(
      toPageNumberItems([
        { param: 'deductible', value: 1, unit: '元', source: 's', place: { block: 0, start: 0, end: 1 } },
      ]),
    ).toEqual([{ param: 'deductible', value: 1, unit: '元', source: 's', index: 0 }]);
  });
});
