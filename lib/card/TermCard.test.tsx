import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TermCard, firstViewFacts } from './TermCard';
import type { CardRecord } from './records';
import { buildCardRecords, loadProjectData } from '../../scripts/compile/pipeline';

const record: CardRecord = {
  id: 'gerenzhanghu',
  term: '个人账户',
  aliases: ['个账'],
  categoryLabel: '账户',
  summary: '一句话的意思',
  explanation: '较长的解释文字',
  facts: ['一', '二', '三', '四'].map((n) => ({
    label: `数字${n}`,
    value: `值${n}`,
    local: n === '一',
    effective: '2025-01-01',
    sourceIndexes: [0],
  })),
  myths: [
    { myth: '第一个误区', truth: '第一个真相', sourceIndexes: [0] },
    { myth: '第二个误区', truth: '第二个真相', sourceIndexes: [1] },
  ],
  regionalNote: '各地不同，以当地政策为准',
  hasLocalFacts: true,
  related: [{ id: 'jiatinggongji', term: '家庭共济' }],
  articles: [{ id: 'a1', title: '一篇问答', answer: '答' }],
  sources: [
    {
      title: '某通知',
      issuer: '国家医保局',
      docNumber: '医保发〔2025〕1号',
      date: '2025-01-02',
      url: 'https://example.org/x',
    },
    { title: '某条例', issuer: '某人大', date: '2024-12-31' },
  ],
  reviewed: '2026-01-01',
  newestSourceDate: '2025-01-02',
};

const render = (props: Partial<Parameters<typeof TermCard>[0]> = {}) =>
  renderToStaticMarkup(<TermCard record={record} onSelectTerm={() => undefined} {...props} />);

describe('TermCard', () => {
  it('opens short in the hover card: meaning, three facts, the top myth, a 展开 button', () => {
    const html = render({ expanded: false, onExpand: () => undefined, onOpenInPopup: () => undefined });
    expect(html).toContain('一句话的意思');
    expect(html).toContain('值三');
    expect(html).not.toContain('值四');
    expect(html).toContain('地方规定，以当地政策为准');
    expect(html).toContain('第一个误区');
    expect(html).not.toContain('第二个误区');
    expect(html).not.toContain('较长的解释文字');
    expect(html).not.toContain('一篇问答');
    expect(html).toContain('展开全部');
    expect(html).toContain('2 条来源 · 内容核对日期：2026-01-01');
  });

  it('shows everything when expanded, and always in the popup (no expand control)', () => {
    for (const html of [render({ expanded: true, onExpand: () => undefined }), render()]) {
      expect(html).toContain('较长的解释文字');
      expect(html).toContain('值四');
      expect(html).toContain('第二个误区');
      expect(html).toContain('一篇问答');
      expect(html).not.toContain('展开全部');
    }
  });

  it('lists issuer, document number and date, and links a source that has an address to a new tab', () => {
    const html = render();
    expect(html).toContain('国家医保局 · 医保发〔2025〕1号 · 2025-01-02');
    expect(html).toContain(
      '<a class="yl-source-link" href="https://example.org/x" target="_blank" rel="noopener noreferrer">《某通知》</a>',
    );
    expect(html).toContain('<span class="yl-source-title">《某条例》</span>');
  });

  it('offers 打开计算器 only for a term a checker tool applies to, opening that tool', () => {
    const withTool = render({ onOpenInPopup: () => undefined });
    expect(withTool).toContain('data-checker-tool="account"');
    const without = renderToStaticMarkup(
      <TermCard
        record={{ ...record, id: 'tongchoujijin' }}
        onSelectTerm={() => undefined}
        onOpenInPopup={() => undefined}
      />,
    );
    expect(without).not.toContain('打开计算器');
  });

  it('shows a back control naming the previous term', () => {
    expect(render({ back: { term: '家庭共济', onBack: () => undefined } })).toContain('返回“家庭共济”');
  });
});

describe('firstViewFacts', () => {
  const fact = (length: number) => ({ value: '字'.repeat(length) });
  it.each([
    [[10, 10, 10, 10], 3],
    [[40, 30, 20], 2],
    [[80, 80, 10], 2],
    [[5], 1],
    [[], 0],
  ])('%o → %i facts', (lengths, count) => {
    expect(firstViewFacts(lengths.map(fact))).toHaveLength(count);
  });
});

describe('card records', () => {
  it('carry no working notes for readers', () => {
    const cards = buildCardRecords(loadProjectData('data'));
    expect(cards.length).toBeGreaterThan(100);
    for (const card of cards) {
      expect(Object.keys(card)).not.toContain('unverified');
      expect(Object.keys(card)).not.toContain('reviewNotes');
    }
  });
});
