// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { inHeading, inRunningText, insideDocumentTitle, looksLikeHeadingText } from './readingContext';

const textOf = (selector: string) => document.querySelector(selector)!.firstChild as Text;

describe('document titles in 《》', () => {
  it('finds a term inside one pair of 《》 and not outside or between two titles', () => {
    const text = '根据《基本医疗保险关系转移接续暂行办法》，个人账户随人走，见《甲》和《乙》之间的统筹基金。';
    const at = (word: string) => {
      const start = text.indexOf(word);
      return insideDocumentTitle(text, start, start + word.length);
    };
    expect(at('基本医疗保险')).toBe(true);
    expect(at('转移接续')).toBe(true);
    expect(at('个人账户')).toBe(false);
    expect(at('统筹基金')).toBe(false);
    expect(insideDocumentTitle('《没有结尾的个人账户', 6, 10)).toBe(false);
  });

  it('reads only a short reach around the match: a 《 far back in a long text is no title of it', () => {
    const far = `《${'很长的正文'.repeat(40)}个人账户》`;
    const start = far.indexOf('个人账户');
    expect(insideDocumentTitle(far, start, start + 4)).toBe(false);
  });
});

describe('headings', () => {
  it('tells a short line from a sentence', () => {
    expect(looksLikeHeadingText('第三章 个人账户')).toBe(true);
    expect(looksLikeHeadingText('职工的个人账户由个人缴费计入。')).toBe(false);
    expect(looksLikeHeadingText('个'.repeat(41))).toBe(false);
  });

  it('treats h1–h6, role=heading, a line bold all through and a title class as headings, not running text', () => {
    document.body.innerHTML = `
      <h2>第三章 个人账户</h2>
      <div role="heading" aria-level="3">统筹基金</div>
      <p id="bold"><strong>二、家庭共济</strong></p>
      <div class="article-title">关于个人账户的通知</div>
      <p id="body">职工的个人账户由个人缴费计入。</p>
      <p id="emph">职工的<strong>个人账户</strong>由个人缴费计入。</p>
      <p id="short">个人账户</p>`;
    expect(inHeading(textOf('h2'))).toBe(true);
    expect(inHeading(textOf('[role=heading]'))).toBe(true);
    expect(inHeading(document.querySelector('#bold strong')!.firstChild as Text)).toBe(true);
    expect(inHeading(textOf('.article-title'))).toBe(true);
    expect(inHeading(textOf('#body'))).toBe(false);
    expect(inHeading(document.querySelector('#emph strong')!.firstChild as Text)).toBe(false);
    expect(inHeading(textOf('#short'))).toBe(false);
    expect(inRunningText(textOf('#body'), { start: 3, end: 7, entry: 0 })).toBe(true);
    expect(inRunningText(textOf('h2'), { start: 4, end: 8, entry: 0 })).toBe(false);
  });
});
