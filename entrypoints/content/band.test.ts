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
    const seen = walkBand(document, [text(5)], locate, { budget: 1000, slack: 1 }).map((node) => node.data);
    // In document order, although the walk went forwards first and backwards after.
    expect(seen).toEqual(['第3段', '第5段', '第6段']);
  });

  it('returns the runs found from several starts in document order, each node once', () => {
    const { locate, text } = page(['in', 'in', 'in', 'in', 'in', 'in']);
    const seen = walkBand(document, [text(4), text(1), text(2)], locate, { budget: 1000, slack: 1 });
    expect(seen.map((node) => node.data)).toEqual(['第0段', '第1段', '第2段', '第3段', '第4段', '第5段']);
  });

  it('stops a direction after `slack` text nodes outside the band, and never exceeds its budget', () => {
    const { locate, text } = page(['in', ...Array<BandPosition>(50).fill('below'), 'in']);
    const seen = walkBand(document, [text(0)], locate, { budget: 1000, slack: 5 }).map((node) => node.data);
    expect(seen).toEqual(['第0段']);
    const visited = walkBand(document, [text(0)], () => 'in', { budget: 7, slack: 5 });
    expect(visited.length).toBeLessThanOrEqual(7);
  });
});
