// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  forgetTitleBlocks,
  inHeading,
  inRunningText,
  insideDocumentTitle,
  looksLikeHeadingText,
} from './readingContext';

const textOf = (selector: string) => document.querySelector(selector)!.firstChild as Text;
const firstTextOf = textOf;

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

describe('document titles split by markup', () => {
  const matchOf = (node: Text, word: string) => {
    const start = node.data.indexOf(word);
    return { start, end: start + word.length, entry: 0 };
  };

  it('leaves a term in a linked, bold or split title out of running text, and the term after it in', () => {
    document.body.innerHTML = `
      <p id="a">按《<a href="#">基本医疗保险关系转移接续暂行办法</a>》，个人账户随人走。</p>
      <p id="b">见<strong>《个人账户管理办法》</strong>第三条，统筹基金另计。</p>
      <p id="c">见<span>《</span>关于<b>个人账户</b>的通知<span>》</span>。</p>`;
    const link = firstTextOf('#a a');
    expect(inRunningText(link, matchOf(link, '基本医疗保险'))).toBe(false);
    const tail = document.querySelector('#a')!.lastChild as Text;
    expect(inRunningText(tail, matchOf(tail, '个人账户'))).toBe(true);
    const bold = firstTextOf('#b strong');
    expect(inRunningText(bold, matchOf(bold, '个人账户'))).toBe(false);
    const after = document.querySelector('#b')!.lastChild as Text;
    expect(inRunningText(after, matchOf(after, '统筹基金'))).toBe(true);
    const split = firstTextOf('#c b');
    expect(inRunningText(split, matchOf(split, '个人账户'))).toBe(false);
  });

  it('reads a block once per marking pass: a title added to it counts from the next pass on', () => {
    document.body.innerHTML = `<p id="late">见<b>个人账户</b>的通知。</p>`;
    forgetTitleBlocks();
    const term = firstTextOf('#late b');
    expect(inRunningText(term, matchOf(term, '个人账户'))).toBe(true);
    const paragraph = document.querySelector('#late')!;
    paragraph.firstChild!.textContent = '见《关于';
    paragraph.lastChild!.textContent = '的通知》。';
    expect(inRunningText(term, matchOf(term, '个人账户'))).toBe(true);
    forgetTitleBlocks();
    expect(inRunningText(term, matchOf(term, '个人账户'))).toBe(false);
  });

  it('does not pair a 《 and 》 in different paragraphs, nor across a closed title', () => {
    document.body.innerHTML = `
      <p>《上一段的书名</p><p id="mid"><b>个人账户</b>在中间</p><p>下一段》</p>
      <p id="two">《甲》<b>统筹基金</b>《乙》</p>`;
    const mid = firstTextOf('#mid b');
    expect(inRunningText(mid, matchOf(mid, '个人账户'))).toBe(true);
    const two = firstTextOf('#two b');
    expect(inRunningText(two, matchOf(two, '统筹基金'))).toBe(true);
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
