// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLooksChinese, whenChineseText } from './chineseText';

afterEach(() => {
  vi.useRealTimers();
  document.documentElement.lang = '';
  document.title = '';
  document.body.innerHTML = '';
});

describe('does this page have Chinese text (the loader’s only question)', () => {
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
