import { describe, expect, it } from 'vitest';
import { normalizeDigits, parseChineseNumeral } from './numerals';

describe('parseChineseNumeral', () => {
  it.each([
    ['一百', 100],
    ['一千二百', 1200],
    ['二十万', 200_000],
    ['三十五万', 350_000],
    ['十五', 15],
    ['八十五', 85],
    ['两千', 2000],
    ['一万五千', 15_000],
    ['八点五', 8.5],
    ['二〇二四', 2024],
  ])('%s → %d', (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it('is null for what is not a numeral', () => {
    expect(parseChineseNumeral('起付')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('三点')).toBeNull();
  });
});

it('normalizeDigits keeps one character for one', () => {
  const text = '起付线１２００元，比例８５％';
  expect(normalizeDigits(text)).toBe('起付线1200元，比例85%');
  expect(normalizeDigits(text)).toHaveLength(text.length);
});
