import { describe, expect, it } from 'vitest';
import { isOlderThanTwoYears, readPageDate } from './pageDate';

describe('readPageDate', () => {
  it('prefers the PubDate meta tag', () => {
    expect(readPageDate([['PubDate', '2024-08-23 10:00']], '发布时间：2020-01-01')).toBe('2024-08-23');
  });
  it('reads a labelled date in the text, in Chinese or ISO form', () => {
    expect(readPageDate([], '首页 > 政策解读 发布日期：2025年3月18日 浏览次数：12')).toBe('2025-03-18');
    expect(readPageDate([['keywords', '医保']], '更新时间：2024-11-05 医保服务')).toBe('2024-11-05');
  });
  it('falls back to a bare date near the top, and gives null without one', () => {
    expect(readPageDate([], '记者 王敏　2025-10-12 07:45 记者从市医保局获悉')).toBe('2025-10-12');
    expect(readPageDate([], '没有日期的页面')).toBeNull();
    expect(readPageDate([], '发布时间：2025-13-40')).toBeNull();
  });
});

describe('isOlderThanTwoYears', () => {
  const now = new Date(2026, 11, 6);
  it('is true only past two years', () => {
    expect(isOlderThanTwoYears('2024-12-05', now)).toBe(true);
    expect(isOlderThanTwoYears('2024-12-07', now)).toBe(false);
    expect(isOlderThanTwoYears('2026-01-01', now)).toBe(false);
  });
});
