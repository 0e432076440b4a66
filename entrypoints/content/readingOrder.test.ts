// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TermMatch } from '@/lib/matcher/matcher';
import { blockOf, inDocumentOrder, occurrencesInOrder } from './readingOrder';

/** Text nodes of the body in document order (light DOM only). */
function setUp(html: string) {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return { nodes };
}

describe('occurrencesInOrder', () => {
  it('orders the scanner map by document position (it is filled in scan order), then by offset', () => {
    document.body.innerHTML = '<p id="a">甲</p><div><p id="b">乙</p></div><p id="c">丙</p>';
    const text = (id: string) => document.getElementById(id)!.firstChild as Text;
    const m = (start: number, entry = 1): TermMatch => ({ start, end: start + 1, entry });
    const tracked = new Map<Text, TermMatch[]>([
      [text('c'), [m(0)]],
      [text('a'), [m(0), m(3, 2), m(5)]],
      [text('b'), [m(0)]],
    ]);
    const order = occurrencesInOrder(tracked, (match) => match.entry !== 2).map(
      (o) => `${o.node.parentElement!.id}${o.match.start}`,
    );
    expect(order).toEqual(['a0', 'a5', 'b0', 'c0']);
  });
});

describe('occurrencesInOrder on many nodes', () => {
  it('walks the text once and still puts nodes in shadow trees where their host is', () => {
    const count = 120;
    document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">段${i}</p>`).join('');
    const host = document.createElement('div');
    document.getElementById('p60')!.after(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>影子里</span>';
    const inShadow = shadow.querySelector('span')!.firstChild as Text;
    const texts = Array.from({ length: count }, (_, i) => document.getElementById(`p${i}`)!.firstChild as Text);
    // Scan order: the middle first (priority roots), the shadow node last.
    const scanOrder = [...texts.slice(50), ...texts.slice(0, 50), inShadow];
    const tracked = new Map(scanOrder.map((node) => [node, [{ start: 0, end: 1, entry: 1 }]]));
    const order = occurrencesInOrder(tracked, () => true).map((o) => o.node);
    expect(order).toEqual([...texts.slice(0, 61), inShadow, ...texts.slice(61)]);
  });
});

describe('blocks and document order', () => {
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

  it('one definition of a block: lists, tables and forms are blocks for the marks and the senses alike', () => {
    const { nodes } = setUp('<ul>松散<li>项</li></ul><table><tbody><tr><td>格</td></tr></tbody></table><nav>导</nav>');
    expect(nodes.map((n) => blockOf(n)?.tagName)).toEqual(['UL', 'LI', 'TD', 'NAV']);
  });

  it.each([3, 100])(
    'puts text inside shadow trees where its host is, for few nodes and for many (%i paragraphs)',
    (count) => {
      document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">段${i}</p>`).join('');
      const host = document.createElement('div');
      document.getElementById('p1')!.after(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<span>影一</span><span>影二</span>';
      const [first, second] = [...shadow.querySelectorAll('span')].map((s) => s.firstChild as Text);
      const texts = Array.from({ length: count }, (_, i) => document.getElementById(`p${i}`)!.firstChild as Text);
      const order = inDocumentOrder([second!, ...[...texts].reverse(), first!]);
      expect(order).toEqual([texts[0], texts[1], first, second, ...texts.slice(2)]);
    },
  );
});
