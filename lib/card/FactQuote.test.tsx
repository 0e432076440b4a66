// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { FactQuote } from './FactQuote';
import { TermCard } from './TermCard';
import type { CardRecord } from './records';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const quote = {
  text: '参保人员应当持本人医疗保障凭证就医、购药',
  document: '《医疗保障基金使用监督管理条例》',
  where: '第十七条',
};

const record: CardRecord = {
  id: 'shimingjiuyi',
  term: '实名就医',
  aliases: [],
  categoryLabel: '管理',
  summary: '看病用自己的凭证',
  explanation: '解释',
  facts: [
    {
      label: '参保人的义务',
      value: '持本人凭证就医',
      local: false,
      effective: '2021-05-01',
      sourceIndexes: [0],
      quote,
    },
  ],
  myths: [{ myth: '家人可以拿我的卡看病', truth: '不能，卡只能本人用', sourceIndexes: [0], quote }],
  regionalNote: '全国统一',
  hasLocalFacts: false,
  related: [],
  articles: [],
  sources: [
    { title: '医疗保障基金使用监督管理条例', issuer: '国务院', docNumber: '国务院令第735号', date: '2021-01-15' },
  ],
  reviewed: '2026-12-06',
  newestSourceDate: '2021-01-15',
};

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

describe('FactQuote (原文)', () => {
  it('starts closed: one button, aria-expanded false, no quoted words', () => {
    const html = renderToStaticMarkup(<FactQuote quote={quote} />);
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('>原文<');
    expect(html).not.toContain('持本人医疗保障凭证');
  });

  it('opens below the fact with the words, the short name and the article, and closes again', () => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(<FactQuote quote={{ ...quote, url: 'https://www.gov.cn/x.htm' }} />));
    const button = host.querySelector('button')!;
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = host.querySelector(`#${CSS.escape(button.getAttribute('aria-controls')!)}`)!;
    expect(panel.textContent).toContain('参保人员应当持本人医疗保障凭证就医、购药');
    expect(panel.textContent).toContain('《医疗保障基金使用监督管理条例》 · 第十七条');
    expect(panel.querySelector('a')!.getAttribute('href')).toBe('https://www.gov.cn/x.htm');
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(host.textContent).not.toContain('持本人医疗保障凭证');
  });

  it('sits in the fact line of the card; the newest document date shows only in the whole card', () => {
    const short = renderToStaticMarkup(
      <TermCard record={record} onSelectTerm={() => undefined} expanded={false} onExpand={() => undefined} />,
    );
    // The glance's one fact line ends in 原文; the myth's correction carries its own in the whole card.
    expect(short).toMatch(/<p class="yl-lead-fact"[^>]*>[^]*<button[^>]*class="yl-quote-toggle"/);
    expect(short).not.toContain('所引文件最新日期');
    const whole = renderToStaticMarkup(<TermCard record={record} onSelectTerm={() => undefined} />);
    expect(whole).toMatch(/<span class="yl-fact-value">[^]*<button[^>]*class="yl-quote-toggle"/);
    expect(whole).toMatch(/<p class="yl-truth">[^]*<button[^>]*class="yl-quote-toggle"/);
    expect(whole).toContain('所引文件最新日期：2021-01-15');
  });
});
