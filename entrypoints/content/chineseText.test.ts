// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasHan, looksChinese, pageLooksChinese, whenChineseText } from './chineseText';

afterEach(() => {
  vi.useRealTimers();
  document.documentElement.lang = '';
  document.title = '';
  document.body.innerHTML = '';
});

describe('does this page have Chinese text (the loader’s only question)', () => {
  it('a title: any Han character; kana, Hangul and CJK punctuation alone are not Chinese', () => {
    expect(hasHan('医保')).toBe(true);
    expect(hasHan('The account (账户) is yours')).toBe(true);
    expect(hasHan('龥')).toBe(true);
    expect(hasHan('')).toBe(false);
    expect(hasHan('Plain English, café, naïve')).toBe(false);
    expect(hasHan('ひらがな カタカナ 한국어 。「」')).toBe(false);
  });

  it('a long sample: any sentence or two of Chinese reads as Chinese, English and other scripts do not', () => {
    // Sentences of our own fixture articles and corpus, each on its own.
    for (const sentence of [
      '参保人住院以后，费用先由统筹基金按比例支付。',
      '职工医保个人账户的钱可以给家人用。',
      '断缴超过三个月，再次参保要等一段时间才能报销。',
      '办事指南：异地就医备案',
    ])
      expect(looksChinese(sentence)).toBe(true);
    expect(looksChinese('Plain English about deductibles and waiting periods. '.repeat(100))).toBe(false);
    expect(looksChinese('ひらがな カタカナ 한국어 。「」')).toBe(false);
  });

  it('answers from the title or the first text nodes', () => {
    document.body.innerHTML = '<p>Only English about personal accounts.</p>';
    expect(pageLooksChinese(document)).toBe(false);
    document.title = '医保新闻';
    expect(pageLooksChinese(document)).toBe(true);
    document.title = 'News';
    document.body.innerHTML = '<p>Intro</p><p>职工医保</p>';
    expect(pageLooksChinese(document)).toBe(true);
  });

  it('looks at a bounded sample: a long inline script cannot hide the text after it, a long English page is not read to the end', () => {
    document.title = 'News';
    document.body.innerHTML = `<script>${'var x = 1;'.repeat(5000)}</script><p>职工医保</p>`;
    expect(pageLooksChinese(document)).toBe(true);
    const english = Array.from(
      { length: 300 },
      (_, i) => `<p>Paragraph ${i} about deductibles and waiting periods.</p>`,
    );
    document.body.innerHTML = english.join('') + '<p>职工医保</p>';
    expect(pageLooksChinese(document)).toBe(false);
  });

  it('on a page without Chinese, waits; Chinese text added later starts the engine once, then it stops watching', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>Loading…</p>';
    const found = vi.fn();
    whenChineseText(document, found);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'More English' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(found).not.toHaveBeenCalled();
    document.body.append(Object.assign(document.createElement('p'), { textContent: '个人账户的钱' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(found).toHaveBeenCalledTimes(1);
    document.body.append(Object.assign(document.createElement('p'), { textContent: '统筹基金' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('calls at once on a Chinese page, and never after it was told to stop', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>统筹基金</p>';
    const now = vi.fn();
    whenChineseText(document, now);
    expect(now).toHaveBeenCalledTimes(1);

    document.body.innerHTML = '<p>English</p>';
    const later = vi.fn();
    const stop = whenChineseText(document, later);
    stop();
    document.body.append(Object.assign(document.createElement('p'), { textContent: '家庭共济' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(later).not.toHaveBeenCalled();
  });
});
