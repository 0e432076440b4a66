// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { walkBand, type BandPosition } from './band';

/** Paragraphs whose data-band attribute says where they are (happy-dom has no layout). */
function page(places: BandPosition[]) {
  document.body.innerHTML = places.map((p, i) => `<p data-band="${p}">第${i}段</p>`).join('');
  const locate = (node: Text) => (node.parentElement!.getAttribute('data-band') as BandPosition) ?? 'hidden';
  return { locate, text: (i: number) => document.querySelectorAll('p')[i]!.firstChild as Text };
}

describe('walking the band', () => {
  it('walks both ways from a start node and reports only the text inside the band', () => {
    const places: BandPosition[] = [
      ...Array<BandPosition>(3).fill('above'),
      'in',
      'hidden',
      'in',
      'in',
      ...Array<BandPosition>(3).fill('below'),
    ];
    const { locate, text } = page(places);
    const seen: string[] = [];
    walkBand(document, [text(5)], locate, (node) => seen.push(node.data), { budget: 1000, slack: 1 });
    expect(seen.sort()).toEqual(['第3段', '第5段', '第6段']);
  });

  it('stops a direction after `slack` text nodes outside the band, and never exceeds its budget', () => {
    const { locate, text } = page(['in', ...Array<BandPosition>(50).fill('below'), 'in']);
    const seen: string[] = [];
    walkBand(document, [text(0)], locate, (node) => seen.push(node.data), { budget: 1000, slack: 5 });
    expect(seen).toEqual(['第0段']);
    const visited: string[] = [];
    walkBand(
      document,
      [text(0)],
      () => 'in',
      (node) => visited.push(node.data),
      { budget: 7, slack: 5 },
    );
    expect(visited.length).toBeLessThanOrEqual(7);
  });
});
