// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TermMatch } from '@/lib/matcher/matcher';
import { blockOf, inDocumentOrder, planMarks } from './markPlan';

/** Text nodes of the body in document order, with a match per occurrence of 甲 (entry 0) and 乙 (entry 1). */
function setUp(html: string) {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const matchesOf = (node: Text): TermMatch[] =>
    [...node.data.matchAll(/[甲乙]/g)].map((m) => ({ start: m.index, end: m.index + 1, entry: m[0] === '甲' ? 0 : 1 }));
  return { nodes, matchesOf };
}

const marked = (plan: Map<Text, TermMatch[]>) =>
  [...plan].flatMap(([node, matches]) => matches.map((m) => `${node.data}@${m.start}`));

describe('which occurrences are marked', () => {
  it('by default marks the first occurrence of each term in each paragraph, across inline elements', () => {
    const { nodes, matchesOf } = setUp('<p>甲乙甲<b>甲</b>乙</p><p>甲</p><ul><li>乙乙</li></ul>');
    const plan = planMarks(nodes, matchesOf, { amount: 'firstInBlock', isMarkable: () => true });
    expect(marked(plan)).toEqual(['甲乙甲@0', '甲乙甲@1', '甲@0', '乙乙@0']);
  });

  it('全部标出 marks every occurrence; terms the reader knows and switched-off categories are never marked', () => {
    const { nodes, matchesOf } = setUp('<p>甲乙甲</p><p>乙</p>');
    expect(marked(planMarks(nodes, matchesOf, { amount: 'all', isMarkable: () => true }))).toEqual([
      '甲乙甲@0',
      '甲乙甲@1',
      '甲乙甲@2',
      '乙@0',
    ]);
    expect(marked(planMarks(nodes, matchesOf, { amount: 'all', isMarkable: (e) => e !== 0 }))).toEqual([
      '甲乙甲@1',
      '乙@0',
    ]);
  });

  it('finds the paragraph of a node and sorts nodes into document order', () => {
    const { nodes } = setUp('<div><p>一<span>二</span></p>三</div>');
    expect(blockOf(nodes[1]!)?.tagName).toBe('P');
    expect(blockOf(nodes[2]!)?.tagName).toBe('DIV');
    expect(inDocumentOrder([nodes[2]!, nodes[0]!, nodes[1]!]).map((n) => n.data)).toEqual(['一', '二', '三']);
  });

  it('orders many nodes with one walk of the document', () => {
    const { nodes } = setUp(Array.from({ length: 200 }, (_, i) => `<p>第${i}段</p>`).join(''));
    const shuffled = [...nodes].reverse();
    expect(inDocumentOrder(shuffled)).toEqual(nodes);
  });
});
