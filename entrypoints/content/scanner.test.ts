// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { TermMatch } from '@/lib/matcher/matcher';
import { matcherFor } from '@/test/matcherFor';
import type { Band, BandPosition } from './band';
import { createPageScanner, type PageScanner } from './scanner';
import { LENS_HOST_ATTRIBUTE, LENS_TUNABLES } from './tunables';

const matcher = matcherFor({ gerenzhanghu: ['个人账户'], tongchoujijin: ['统筹基金'] });

interface Harness {
  scanner: PageScanner;
  slices: number;
  matched: Map<Text, TermMatch[]>;
  forgotten: Text[];
  settle(): Promise<void>;
}

let active: PageScanner | null = null;
afterEach(() => {
  active?.stop();
  active = null;
  document.body.innerHTML = '';
});

function scan(
  options: {
    clockStep?: number;
    onShadowRootGone?: (root: ShadowRoot) => void;
    locator?: (band: Band) => (node: Text) => BandPosition;
  } = {},
): Harness {
  const queue: (() => void)[] = [];
  let clock = 0;
  const harness: Harness = {
    scanner: null as unknown as PageScanner,
    slices: 0,
    matched: new Map(),
    forgotten: [],
    async settle() {
      // Run slices and mutation batches until nothing is left.
      for (let round = 0; round < 10000; round++) {
        await new Promise((r) => setTimeout(r, 0));
        const work = queue.shift();
        if (work) {
          harness.slices++;
          work();
          continue;
        }
        if (harness.scanner.pendingWork() === 0) return;
        await new Promise((r) => setTimeout(r, LENS_TUNABLES.mutationBatchMs + 5));
      }
      throw new Error('scanner did not settle');
    },
  };
  harness.scanner = createPageScanner(
    document,
    matcher,
    {
      onMatches: (node, matches) => harness.matched.set(node, matches),
      onForget: (node) => {
        harness.matched.delete(node);
        harness.forgotten.push(node);
      },
      onShadowRootGone: options.onShadowRootGone,
    },
    {
      isOwnElement: (element) => element.hasAttribute(LENS_HOST_ATTRIBUTE),
      // happy-dom has no layout: a test places text outside the band with data-band="above|below|hidden".
      locator:
        options.locator ??
        (() => (node) =>
          (node.parentElement?.closest('[data-band]')?.getAttribute('data-band') as BandPosition | null) ?? 'in'),
      scheduleSlice: (work) => queue.push(work),
      now: () => (clock += options.clockStep ?? 0),
    },
  );
  active = harness.scanner;
  return harness;
}

const matchedTexts = (h: Harness) =>
  [...h.matched].flatMap(([node, matches]) => matches.map((m) => node.data.slice(m.start, m.end))).sort();

describe('page scanner', () => {
  it('matches what is on screen in the task that starts it, and the rest of the band in the next task', async () => {
    document.body.innerHTML = `<p>屏幕上的个人账户</p><p data-offscreen>下一屏的统筹基金</p>`;
    // Text marked data-offscreen lies just below the screen: inside a band that reaches past the viewport only.
    const h = scan({
      locator: (band) => (node) =>
        node.parentElement?.hasAttribute('data-offscreen') && band.bottom <= window.innerHeight ? 'below' : 'in',
    });
    h.scanner.start();
    expect(matchedTexts(h)).toEqual(['个人账户']);
    await new Promise((r) => setTimeout(r, 0));
    expect(matchedTexts(h)).toEqual(['个人账户', '统筹基金']);
  });

  it('finds terms in ordinary text and skips scripts, styles, form fields, editors, hidden and templates', async () => {
    document.body.innerHTML = `
      <p>职工的个人账户</p>
      <div><span>统筹基金</span> 支付</div>
      <script>var a = "个人账户";</script>
      <style>.x::after { content: "统筹基金"; }</style>
      <noscript>个人账户</noscript>
      <template><p>个人账户</p></template>
      <textarea>个人账户</textarea>
      <input value="个人账户">
      <div contenteditable="true"><p>统筹基金在编辑器里</p></div>
      <div contenteditable="false"><p>个人账户只读</p></div>
      <div hidden>统筹基金藏起来</div>
      <div data-yibao-lens><p>个人账户在我们自己的界面里</p></div>`;
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(matchedTexts(h)).toEqual(['个人账户', '个人账户', '统筹基金']);
  });

  it('enters open shadow roots', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>影子里的统筹基金</p>';
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(matchedTexts(h)).toEqual(['统筹基金']);
  });

  it('works in slices: a tight clock splits the walk into many slices with the same result', async () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p data-band="below">第${i}段：个人账户</p>`).join(
      '',
    );
    const h = scan({ clockStep: LENS_TUNABLES.scanSliceMs });
    h.scanner.start();
    const done = h.scanner.scanAll();
    await h.settle();
    await done;
    expect(h.matched.size).toBe(300);
    expect(h.slices).toBeGreaterThanOrEqual(4);

    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p data-band="below">第${i}段：个人账户</p>`).join(
      '',
    );
    const fast = scan({ clockStep: 0 });
    fast.scanner.start();
    const fastDone = fast.scanner.scanAll();
    await fast.settle();
    await fastDone;
    expect(fast.matched.size).toBe(300);
    expect(fast.slices).toBe(1); // the band pass runs at start; the whole walk takes one slice
  });

  it('ignores pages without Chinese text at almost no cost', async () => {
    document.body.innerHTML = '<p>Only English here about personal accounts.</p>'.repeat(50);
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(h.matched.size).toBe(0);
  });

  it('follows added nodes, changed text and removed nodes', async () => {
    document.body.innerHTML = '<p id="a">个人账户</p><div id="box"><p>统筹基金</p></div>';
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(matchedTexts(h)).toEqual(['个人账户', '统筹基金']);

    const added = document.createElement('p');
    added.textContent = '后来加入的统筹基金';
    document.body.append(added);
    const text = document.getElementById('a')!.firstChild as Text;
    text.data = '改成了没有术语的文字';
    await h.settle();
    expect(matchedTexts(h)).toEqual(['统筹基金', '统筹基金']);
    expect(h.forgotten).toContain(text);

    document.getElementById('box')!.remove();
    await h.settle();
    expect(matchedTexts(h)).toEqual(['统筹基金']);
    expect(h.scanner.tracked.size).toBe(1);
  });

  it('ignores changes inside our own host', async () => {
    document.body.innerHTML = '<div data-yibao-lens id="own"></div>';
    const h = scan();
    h.scanner.start();
    await h.settle();
    const own = document.getElementById('own')!;
    const p = document.createElement('p');
    p.textContent = '个人账户';
    own.append(p);
    await h.settle();
    expect(h.matched.size).toBe(0);
  });

  it('scans very long text nodes in chunks without losing matches at chunk edges', async () => {
    const filler = '文'.repeat(LENS_TUNABLES.textChunkChars - 2);
    document.body.innerHTML = `<pre>${filler}个人账户${filler}统筹基金</pre>`;
    const h = scan();
    h.scanner.start();
    await h.settle();
    const [node, matches] = [...h.matched][0]!;
    expect(matches.map((m) => node.data.slice(m.start, m.end))).toEqual(['个人账户', '统筹基金']);
    expect(matches[0]!.start).toBe(filler.length);
  });

  it('stop() forgets everything and stops following changes', async () => {
    document.body.innerHTML = '<p>个人账户</p>';
    const h = scan();
    h.scanner.start();
    await h.settle();
    h.scanner.stop();
    expect(h.matched.size).toBe(0);
    document.body.append(Object.assign(document.createElement('p'), { textContent: '统筹基金' }));
    await new Promise((r) => setTimeout(r, LENS_TUNABLES.mutationBatchMs + 20));
    expect(h.matched.size).toBe(0);
  });
});

describe('terms split by inline markup', () => {
  const spanned = (h: Harness) =>
    [...h.matched].flatMap(([node, matches]) =>
      matches.map((m) => {
        const range = document.createRange();
        range.setStart(node, m.start);
        range.setEnd(m.endNode ?? node, m.end);
        return range.toString();
      }),
    );

  it('finds a term across adjacent inline text nodes of one paragraph, once', async () => {
    document.body.innerHTML =
      '<p>职工的个人<b>账户</b>可以共济</p><p>统筹<a href="#">基金支付</a></p><p>个人</p><p>账户在下一段</p>';
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(spanned(h).sort()).toEqual(['个人账户', '统筹基金']);
    const [first] = [...h.matched].find(([node]) => node.data === '职工的个人')!;
    expect(h.matched.get(first)![0]!.endNode?.data).toBe('账户');
  });

  it('drops the term when the second half changes, and finds it again when it comes back', async () => {
    document.body.innerHTML = '<p>职工的个人<b id="b">账户</b></p>';
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(spanned(h)).toEqual(['个人账户']);
    const second = document.getElementById('b')!.firstChild as Text;
    second.data = '信息';
    window.dispatchEvent(new Event('scroll'));
    await h.settle();
    expect(spanned(h)).toEqual([]);
    second.data = '账户';
    window.dispatchEvent(new Event('scroll'));
    await h.settle();
    expect(spanned(h)).toEqual(['个人账户']);
  });
});

describe('cost follows the screen', () => {
  const page = (before: number, after: number) =>
    [
      ...Array.from({ length: before }, (_, i) => `<p data-band="above">上方第${i}段的个人账户</p>`),
      '<p id="in">屏幕上的统筹基金</p>',
      ...Array.from({ length: after }, (_, i) => `<p data-band="below">下方第${i}段的个人账户</p>`),
    ].join('');

  it('matches only the text in the band; the whole page only when every term is asked for', async () => {
    document.body.innerHTML = page(0, LENS_TUNABLES.bandWalkSlack * 3);
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(matchedTexts(h)).toEqual(['统筹基金']);
    const all = h.scanner.scanAll();
    await h.settle();
    await all;
    expect(h.matched.size).toBe(1 + LENS_TUNABLES.bandWalkSlack * 3);
  });

  it('text that changes away from the screen waits until it comes near; then it is matched', async () => {
    document.body.innerHTML = page(0, 5);
    const h = scan();
    h.scanner.start();
    await h.settle();
    const far = document.querySelector('p[data-band="below"]') as HTMLElement;
    (far.firstChild as Text).data = '改写后的统筹基金';
    await h.settle();
    expect(matchedTexts(h)).toEqual(['统筹基金']);
    // The reader scrolls: the paragraph is near now.
    far.removeAttribute('data-band');
    window.dispatchEvent(new Event('scroll'));
    await h.settle();
    expect(matchedTexts(h)).toEqual(['统筹基金', '统筹基金']);
  });

  it('a node under the pointer is matched on demand, once', async () => {
    document.body.innerHTML = page(0, 1);
    const h = scan();
    h.scanner.start();
    await h.settle();
    const far = document.querySelector('p[data-band="below"]')!.firstChild as Text;
    expect(h.scanner.tracked.has(far)).toBe(false);
    expect(h.scanner.matchesOf(far)?.map((m) => far.data.slice(m.start, m.end))).toEqual(['个人账户']);
    expect(h.scanner.matchesOf(far)).toBe(h.scanner.tracked.get(far));
  });
});

describe('page scanner on hostile pages', () => {
  it('lets go of shadow roots whose host left the page, and takes them back when it returns', async () => {
    document.body.innerHTML = '<div id="host"></div><p>正文</p>';
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>影子里的统筹基金</p>';
    const gone: ShadowRoot[] = [];
    const h = scan({ onShadowRootGone: (root) => gone.push(root) });
    h.scanner.start();
    await h.settle();
    expect(h.scanner.stats().observedRoots).toBe(2);
    expect(matchedTexts(h)).toEqual(['统筹基金']);

    host.remove();
    document.body.append(Object.assign(document.createElement('p'), { textContent: '别的变化' }));
    await h.settle();
    expect(gone).toEqual([host.shadowRoot]);
    expect(h.scanner.stats().observedRoots).toBe(1);
    expect(h.scanner.tracked.size).toBe(0);

    document.body.append(host);
    await h.settle();
    expect(h.scanner.stats().observedRoots).toBe(2);
    expect(matchedTexts(h)).toEqual(['统筹基金']);
  });

  it('leaves SVG text alone but reads HTML inside foreignObject', async () => {
    document.body.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg"><text>图表里的个人账户</text><title>统筹基金</title>
      <foreignObject><p xmlns="http://www.w3.org/1999/xhtml">嵌入的统筹基金</p></foreignObject></svg>`;
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(matchedTexts(h)).toEqual(['统筹基金']);
    expect([...h.matched.keys()][0]!.data).toBe('嵌入的统筹基金');
  });

  it('finds the shadow root of a custom element defined after the scan (no mutation announces it)', async () => {
    document.body.innerHTML = '<late-widget></late-widget>';
    const h = scan();
    h.scanner.start();
    await h.settle();
    expect(h.matched.size).toBe(0);
    customElements.define(
      'late-widget',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>组件里的个人账户</p>';
        }
      },
    );
    await new Promise((r) => setTimeout(r, LENS_TUNABLES.customElementRecheckMs[0] + 50));
    await h.settle();
    expect(matchedTexts(h)).toEqual(['个人账户']);
  });
});
