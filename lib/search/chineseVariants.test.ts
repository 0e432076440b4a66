import { describe, expect, it } from 'vitest';
import { CHINESE_VARIANTS, foldChineseVariants } from './chineseVariants';

describe('foldChineseVariants', () => {
  it('maps the traditional and variant forms people type to our simplified ones', () => {
    expect(foldChineseVariants('帳賬戶戸醫療險職統籌個費繳門診藥報銷')).toBe('账账户户医疗险职统筹个费缴门诊药报销');
  });

  it('leaves simplified text, Latin letters and digits alone', () => {
    const text = '职工医保个人账户 grzh 2026';
    expect(foldChineseVariants(text)).toBe(text);
  });

  it('is a table of single characters to different single characters, never chained', () => {
    for (const [from, to] of CHINESE_VARIANTS) {
      expect([...from]).toHaveLength(1);
      expect([...to]).toHaveLength(1);
      expect(from).not.toBe(to);
      expect(CHINESE_VARIANTS.has(to), `${from}→${to}`).toBe(false);
    }
    expect(CHINESE_VARIANTS.size).toBeGreaterThan(200);
  });
});
