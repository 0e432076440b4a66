import { describe, expect, it } from 'vitest';
import { normalizeCheckerNumberText, parseCheckerNumber } from './input';

const base = { label: '月缴费基数', min: 0, max: 100000 };
const rangeMessage = '月缴费基数须为 0 到 100000 之间的数字';

describe('parseCheckerNumber', () => {
  it.each([
    ['8000', 8000],
    ['８０００', 8000],
    ['０．５', 0.5],
    ['８，０００元', 8000],
    ['1,234.5', 1234.5],
    [' 8 000 ', 8000],
    ['３　０００', 3000],
    ['2%', 2],
    ['２％', 2],
    ['¥100', 100],
    ['８０００。', 8000],
    ['.5', 0.5],
  ])('reads %j as %d', (raw, value) => {
    expect(parseCheckerNumber(raw, base)).toEqual({ ok: true, value });
  });

  it('asks for a value when the field is empty', () => {
    expect(parseCheckerNumber('', base)).toEqual({ ok: false, message: '请填写月缴费基数' });
    expect(parseCheckerNumber('   ', base)).toEqual({ ok: false, message: '请填写月缴费基数' });
  });

  it('gives null for an empty optional field', () => {
    expect(parseCheckerNumber('', { ...base, allowEmpty: true })).toEqual({ ok: true, value: null });
  });

  it.each([
    '-5',
    '－５',
    'abc',
    '1e12',
    '1000000000000',
    '100001',
    '12,34',
    'NaN',
    'Infinity',
    '8000元元',
    '9'.repeat(400),
  ])('rejects %j with a message naming the field', (raw) => {
    expect(parseCheckerNumber(raw, base)).toEqual({ ok: false, message: rangeMessage });
  });

  it('accepts the bounds themselves', () => {
    expect(parseCheckerNumber('0', base)).toEqual({ ok: true, value: 0 });
    expect(parseCheckerNumber('100000', base)).toEqual({ ok: true, value: 100000 });
  });

  it('rejects fractions where whole numbers are required', () => {
    const years = { label: '断保年数', min: 0, max: 30, integer: true };
    expect(parseCheckerNumber('1.5', years)).toEqual({ ok: false, message: '断保年数须为整数' });
    expect(parseCheckerNumber('３', years)).toEqual({ ok: true, value: 3 });
  });

  it('uses the rule minimum in the message', () => {
    expect(parseCheckerNumber('0', { label: '当前月份', min: 1, max: 12 })).toEqual({
      ok: false,
      message: '当前月份须为 1 到 12 之间的数字',
    });
  });
});

describe('normalizeCheckerNumberText', () => {
  it('turns full-width text into plain digits', () => {
    expect(normalizeCheckerNumberText(' １２，３４５．６７ 元')).toBe('12345.67');
  });
  it('keeps badly placed commas so the number is rejected', () => {
    expect(normalizeCheckerNumberText('12,34')).toBe('12,34');
  });
});
