import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CARD_KEY_HINT, TermCard } from './TermCard';
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
  const hover = { onExpand: () => undefined, onCollapse: () => undefined, onOpenInPopup: () => undefined };

  it('opens on a glance in the hover card: meaning, one fact, the top myth on one line, 展开', () => {
    const html = render({ ...hover, expanded: false });
    expect(html).toContain('一句话的意思');
    expect(html).toContain('数字一：</span>值一');
    // 数字一 is a local number: the caveat goes with it.
    expect(html).toContain('（以当地政策为准）');
    expect(html).not.toContain('值二');
    expect(html).toContain('第一个误区');
    expect(html).toContain('第一个真相');
    expect(html).not.toContain('第二个误区');
    expect(html).not.toContain('较长的解释文字');
    expect(html).not.toContain('一篇问答');
    expect(html).not.toContain('条来源');
    expect(html).not.toContain(CARD_KEY_HINT);
    expect(html).not.toContain('line-through');
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>展开<\/button>/);
  });

  it('says the page’s word, a newer rule on an older page and which occurrence it is', () => {
    const html = render({
      ...hover,
      expanded: false,
      page: { word: '个账', published: { year: 2021, month: 3 } },
      occurrence: { index: 3, count: 9 },
    });
    expect(html).toContain('页面上的“个账”，正式叫法是“个人账户”。');
    expect(html).toContain('本页发布于2021年；2025年1月起全国规定如上。');
    expect(html).toContain('数字二：</span>值二');
    expect(html).toContain('>第 3 / 9 处</span>');
    expect(render({ ...hover, expanded: false, page: { word: '个人账户' } })).not.toContain('页面上的');
  });

  it('keeps the glance when expanded and adds the rest, every fact with its date, and the keys, with 收起', () => {
    const html = render({ ...hover, expanded: true });
    expect(html).toContain('较长的解释文字');
    expect(html).toContain('值四');
    expect(html).toContain('2025-01-01 · 地方规定，以当地政策为准');
    expect(html).toContain('第二个误区');
    expect(html).toContain('一篇问答');
    expect(html).toContain(`键盘：${CARD_KEY_HINT}`);
    expect(html).toContain('也叫：个账');
    expect(html).toMatch(/<button[^>]*aria-expanded="true"[^>]*>收起<\/button>/);
  });

  it('shows the whole entry in the popup (no toggle, no glance lines)', () => {
    const html = render();
    expect(html).toContain('较长的解释文字');
    expect(html).toContain('值四');
    expect(html).toContain('第二个误区');
    expect(html).not.toContain('展开');
    expect(html).not.toContain('收起');
    expect(html).not.toContain('yl-lead-fact');
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
