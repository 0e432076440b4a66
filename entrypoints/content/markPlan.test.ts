// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TermMatch } from '@/lib/matcher/matcher';
import { isFirstInBlock, planMarks } from './markPlan';

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
  it('leaves terms in headings and in 《…》 titles unmarked; the paragraph after still gets its first mark', () => {
    const { nodes, matchesOf } = setUp('<h2>甲乙</h2><p>见《甲的办法》，甲乙。</p>');
    const plan = planMarks(nodes, matchesOf, { amount: 'firstInBlock', isMarkable: () => true });
    expect(marked(plan)).toEqual(['见《甲的办法》，甲乙。@8', '见《甲的办法》，甲乙。@9']);
  });

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
});

describe('isFirstInBlock', () => {
  it('is true only for the first occurrence of an entry in its paragraph, as the marks are drawn', () => {
    document.body.innerHTML = '<div><p id="a">甲<b>乙</b>甲</p><p id="b">甲</p>丙</div>';
    const a = document.getElementById('a')!;
    const [first, bold, last] = [a.firstChild as Text, a.querySelector('b')!.firstChild as Text, a.lastChild as Text];
    const other = document.getElementById('b')!.firstChild as Text;
    const loose = document.querySelector('div')!.lastChild as Text;
    const entryOf: Record<string, number> = { 甲: 1, 乙: 2, 丙: 3 };
    const matchesOf = (node: Text) => [{ start: 0, end: 1, entry: entryOf[node.data]! }];
    expect(isFirstInBlock(first, matchesOf(first)[0]!, matchesOf)).toBe(true);
    expect(isFirstInBlock(bold, matchesOf(bold)[0]!, matchesOf)).toBe(true);
    expect(isFirstInBlock(last, matchesOf(last)[0]!, matchesOf)).toBe(false);
    expect(isFirstInBlock(other, matchesOf(other)[0]!, matchesOf)).toBe(true);
    expect(isFirstInBlock(loose, matchesOf(loose)[0]!, matchesOf)).toBe(true);
    const twice = [
      { start: 0, end: 1, entry: 1 },
      { start: 3, end: 4, entry: 1 },
    ];
    expect(isFirstInBlock(first, twice[1]!, () => twice)).toBe(false);
  });
});
