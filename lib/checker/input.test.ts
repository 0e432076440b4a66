import { describe, expect, it } from 'vitest';
import { checkerRangeMessage, readCheckerNumber, type CheckerNumberRule } from './input';

const base: CheckerNumberRule = { kind: 'amount', label: '月缴费基数', min: 0, max: 1000000 };
const percent: CheckerNumberRule = { kind: 'percent', label: '统筹报销比例', min: 0, max: 100 };
const years: CheckerNumberRule = { kind: 'count', label: '断保年数', unit: '年', min: 0, max: 50 };

describe('readCheckerNumber: amounts', () => {
  it.each([
    ['8000', 8000],
    ['8,000', 8000],
    ['８０００', 8000],
    ['８，０００元', 8000],
    ['1,234.5', 1234.5],
    [' 8 000 ', 8000],
    ['¥100', 100],
    ['８０００。', 8000],
    ['.5', 0.5],
    ['1.2万', 12000],
    ['12万', 120000],
    ['１２万', 120000],
    ['12万元', 120000],
    ['0.35万', 3500],
  ])('reads %j as %d', (raw, value) => {
    expect(readCheckerNumber(raw, base)).toEqual({ status: 'ok', value });
  });

  it('says "empty" for nothing or spaces, which is not an error', () => {
    expect(readCheckerNumber('', base)).toEqual({ status: 'empty' });
    expect(readCheckerNumber('  ', base)).toEqual({ status: 'empty' });
  });

  it.each(['abc', '五千', '1e5', '8,00', '1.2.3', '万', '-5', '－５'])(
    'refuses %j naming the field and its range',
    (raw) => {
      expect(readCheckerNumber(raw, base)).toEqual({
        status: 'error',
        message: '月缴费基数须在 0 到 100 万元之间（请填数字，例如 8000 或 1.2万）',
      });
    },
  );

  it('refuses an amount out of range with the range in 万元', () => {
    expect(readCheckerNumber('101万', base)).toEqual({ status: 'error', message: '月缴费基数须在 0 到 100 万元之间' });
    expect(readCheckerNumber('99999999999999999999', base)).toEqual({
      status: 'error',
      message: '月缴费基数须在 0 到 100 万元之间',
    });
  });
});

describe('readCheckerNumber: 千 and 万, as typed', () => {
  it.each([
    ['8千', 8000],
    ['８千', 8000],
    ['8千元', 8000],
    ['1.5千', 1500],
    ['1.2万', 12000],
    ['１．２万', 12000],
    ['12万元', 120000],
    ['0.8万', 8000],
  ])('reads %j as %d', (raw, value) => {
    expect(readCheckerNumber(raw, base)).toEqual({ status: 'ok', value });
  });

  it('8千 and 0.8万 and 8000 are the same number', () => {
    const values = ['8千', '0.8万', '8000', '８０００', '8,000'].map((raw) => readCheckerNumber(raw, base));
    expect(new Set(values.map((v) => JSON.stringify(v))).size).toBe(1);
  });

  it('千 and 万 are amounts only: a percent or a count with them is refused', () => {
    expect(readCheckerNumber('7千', percent).status).toBe('error');
    expect(readCheckerNumber('2万', years).status).toBe('error');
  });
});

describe('readCheckerNumber: messages agree with the range', () => {
  const smallRatio = { kind: 'percent', label: '个人账户计入比例', min: 0, max: 10 } as const;
  const monthlyCredit = { kind: 'amount', label: '每月划入', min: 0, max: 2000 } as const;

  it('a 0–10% field never suggests 70: 0.7 there is 0.7%, and its example is in range', () => {
    expect(readCheckerNumber('0.7', smallRatio)).toEqual({ status: 'ok', value: 0.7 });
    const refused = readCheckerNumber('abc', smallRatio);
    expect(refused).toEqual({ status: 'error', message: '个人账户计入比例须在 0 到 10% 之间（请填数字，例如 5）' });
  });

  it('a small amount field gives an example it would accept', () => {
    const refused = readCheckerNumber('abc', monthlyCredit);
    expect(refused).toEqual({ status: 'error', message: '每月划入须在 0 到 2000 元之间（请填数字，例如 1000）' });
    expect(readCheckerNumber('1000', monthlyCredit).status).toBe('ok');
  });

  it('every example in a message is accepted by its own field', () => {
    const rules = [
      base,
      percent,
      years,
      smallRatio,
      monthlyCredit,
      { kind: 'amount', label: '全年', min: 0, max: 10000 } as const,
      { kind: 'count', label: '当前月份', unit: '月', min: 1, max: 12 } as const,
    ];
    for (const rule of rules) {
      const refused = readCheckerNumber('？', rule);
      const examples = refused.status === 'error' ? [...refused.message.matchAll(/例如 (\S+?)(?: 或 (\S+?))?）/g)] : [];
      expect(examples.length, rule.label).toBe(1);
      for (const example of examples[0]!.slice(1).filter(Boolean))
        expect(readCheckerNumber(example!, rule), `${rule.label}: ${example}`).toMatchObject({ status: 'ok' });
    }
  });
});

describe('readCheckerNumber: percents', () => {
  it.each([
    ['70', 70],
    ['70%', 70],
    ['７０％', 70],
    ['0', 0],
    ['1', 1],
    ['100', 100],
    ['0.7%', 0.7],
    ['12.5', 12.5],
  ])('reads %j as %d percent', (raw, value) => {
    expect(readCheckerNumber(raw, percent)).toEqual({ status: 'ok', value });
  });

  it.each([
    ['0.7', '70'],
    ['.85', '85'],
    ['０．０２', '2'],
    ['0.125', '12.5'],
  ])('does not guess %j: asks whether %s% was meant', (raw, suggestion) => {
    expect(readCheckerNumber(raw, percent)).toEqual({
      status: 'confirm',
      question: `是 ${suggestion}% 吗？`,
      suggestion,
    });
  });

  it('refuses a percent above the range', () => {
    expect(readCheckerNumber('170', percent)).toEqual({ status: 'error', message: '统筹报销比例须在 0 到 100% 之间' });
  });
});

describe('readCheckerNumber: counts', () => {
  it('reads whole numbers, full width included', () => {
    expect(readCheckerNumber('４', years)).toEqual({ status: 'ok', value: 4 });
  });

  it.each(['1.5', '51', '-1'])('refuses %j as not a whole number in range', (raw) => {
    const reading = readCheckerNumber(raw, years);
    expect(reading.status).toBe('error');
    expect(reading.status === 'error' && reading.message).toMatch(/^断保年数须为 0 到 50 年之间的整数/);
  });
});

describe('checkerRangeMessage', () => {
  it('writes small amounts in 元 and whole ten-thousands in 万元', () => {
    expect(checkerRangeMessage({ kind: 'amount', label: '每月划入', min: 0, max: 2000 })).toBe(
      '每月划入须在 0 到 2000 元之间',
    );
    expect(checkerRangeMessage({ kind: 'amount', label: '住院总费用', min: 0, max: 10000000 })).toBe(
      '住院总费用须在 0 到 1000 万元之间',
    );
    expect(checkerRangeMessage({ kind: 'count', label: '当前月份', unit: '月', min: 1, max: 12 })).toBe(
      '当前月份须为 1 到 12 月之间的整数',
    );
  });
});
