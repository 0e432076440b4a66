import { describe, expect, it } from 'vitest';
import { formatCheckerPercent, formatCheckerYuan, roundCheckerYuan } from './format';

describe('checker formatting', () => {
  it('rounds to the fen', () => {
    expect(roundCheckerYuan(164.192)).toBe(164.19);
    expect(roundCheckerYuan(0.1 + 0.2)).toBe(0.3);
  });
  it('groups thousands and shows decimals only when needed', () => {
    expect(formatCheckerYuan(177000)).toBe('177,000');
    expect(formatCheckerYuan(155.5)).toBe('155.50');
    expect(formatCheckerYuan(1234567.891)).toBe('1,234,567.89');
    expect(formatCheckerYuan(0)).toBe('0');
    expect(formatCheckerYuan(-67)).toBe('−67');
  });
  it('shows ratios as percentages', () => {
    expect(formatCheckerPercent(0.02)).toBe('2%');
    expect(formatCheckerPercent(0.025)).toBe('2.5%');
    expect(formatCheckerPercent(0.07)).toBe('7%');
    expect(formatCheckerPercent(0.7)).toBe('70%');
  });
});
