/** Term spotting and hover cards, with the built extension in real Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import {
  cardOf,
  hoverText,
  launchExtensionBrowser,
  markedTexts,
  pointOfText,
  startFixtureServer,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
  openMarkedPage,
} from './harness';
import { htmlPage, articleFiles, articlePageHtml } from '../fixtures/pages';

/** What the service worker's evaluate() callbacks see: Chrome's promise-returning extension API. */
declare const chrome: WxtBrowser;
let server: FixtureServer;
let browser: ExtensionBrowser;
const [seedA, seedB, seedC] = articleFiles();

const observerScript = `<script>
  window.__records = [];
  // Our host is a plain <div>: named apart by its attribute.
  const nameOf = (n) => (n.nodeType === 1 && n.hasAttribute('data-yibao-lens') ? n.nodeName + '[data-yibao-lens]' : n.nodeName);
  const pageObserver = new MutationObserver((list) => { for (const r of list) window.__records.push({ type: r.type, added: [...r.addedNodes].map(nameOf), removed: [...r.removedNodes].map(nameOf), target: r.target.nodeName }); });
  pageObserver.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  // Parsing the page itself is recorded too; only what happens after the page is built counts. Records of the
  // parse may still wait for delivery here: takeRecords drops them too.
  document.addEventListener('DOMContentLoaded', () => { pageObserver.takeRecords(); window.__records.length = 0; });
</script>`;

beforeAll(async () => {
  server = await startFixtureServer({
    '/seed-a.html': articlePageHtml(seedA!, observerScript),
    '/seed-b.html': articlePageHtml(seedB!),
    '/seed-c.html': articlePageHtml(seedC!),
    '/fields.html': htmlPage(
      '<p>正文里的统筹基金。</p><textarea id="ta">文本框里的个人账户</textarea><div id="ed" contenteditable="true">编辑器里的家庭共济</div><input id="in" value="输入框里的起付线">',
    ),
    '/split.html': htmlPage(
      '<p>这里说的是职工医保里个人<b>账户</b>的钱，和<a href="#x">统筹</a>基金不同。</p><p>个人</p><p>账户在下一段，不算一个词。</p>',
    ),
    '/regulation.html': htmlPage(
      '<h2>第三章 个人账户</h2><p>职工的个人账户由个人缴费计入。个人账户可以支付门诊费用，个人账户也可以家庭共济，个人账户余额可以结转。</p>' +
        '<p>参保人的个人账户不得提取现金。</p>',
    ),
    '/traps.html': htmlPage(
      '<p>大家同舟共济，统筹兼顾，统筹推进，统筹安排。</p><p>养老保险个人账户与银行个人账户。</p><p>这里是医保个人账户。</p>',
    ),
    '/dynamic.html': htmlPage(
      '<p>一开始没有术语。</p><script>setTimeout(() => { const p = document.createElement("p"); p.id = "late"; p.textContent = "后来加载的内容提到了待遇等待期。"; document.body.append(p); }, 800);</script>',
    ),
    '/frame-inner.html': htmlPage('<p>框架里也有统筹基金和亲情账户。</p>'),
    '/frame.html': htmlPage(
      '<p>外层页面。</p><iframe id="f" src="/frame-inner.html" style="width:600px;height:200px"></iframe>',
    ),
    '/hostile-css.html': htmlPage(
      '<p>这里讲个人账户。</p>',
      '<style>* { all: unset !important; } html { font-size: 48px !important; } p { display: block !important; font-size: 48px !important; color: red !important; } div, article, section, h2, h3, ul, li, button { font-size: 60px !important; background: lime !important; }</style>',
    ),
    '/many.html': htmlPage('<p>个人账户、统筹基金、家庭共济、起付线、封顶线、报销比例、亲情账户、医保钱包</p>'),
    // Frames whose own address names no site: about:blank (written by the page), srcdoc, blob: and data:.
    '/frames-off.html': htmlPage(
      `<p>外层页面的统筹基金。</p>
<iframe name="blank"></iframe>
<iframe name="srcdoc" srcdoc="<meta charset=utf-8><p>srcdoc 框架里的个人账户。</p>"></iframe>
<iframe name="blob"></iframe>
<iframe name="data" src="data:text/html;charset=utf-8,${encodeURIComponent('<p>data 框架里的封顶线。</p>')}"></iframe>
<script>
  document.querySelector('iframe[name=blank]').contentDocument.body.innerHTML = '<p>空白框架里的家庭共济。</p>';
  document.querySelector('iframe[name=blob]').src = URL.createObjectURL(
    new Blob(['<meta charset="utf-8"><p>blob 框架里的起付线。</p>'], { type: 'text/html' }),
  );
</script>`,
    ),
  });
  browser = await launchExtensionBrowser([server.origin]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string, minimumMarks = 1) => openMarkedPage(browser, server.url(path), minimumMarks);

async function cardLabel(page: Page, timeout = 4000): Promise<string | null> {
  const card = cardOf(page);
  try {
    await card.waitFor({ state: 'visible', timeout });
  } catch {
    return null;
  }
  return card.getAttribute('aria-label');
}

async function noCardWithin(page: Page, ms = 900): Promise<boolean> {
  await page.waitForTimeout(ms);
  return (await cardOf(page).count()) === 0 || !(await cardOf(page).isVisible());
}

describe('seed pages', () => {
  it('marks the 医保 terms of every article page without changing the page', async () => {
    for (const path of ['/seed-a.html', '/seed-b.html', '/seed-c.html']) {
      const page = await browser.newPage();
      await page.goto(server.url(path));
      const before = await page.evaluate(() => document.documentElement.outerHTML);
      const marks = await waitForMarks(page, 3);
      expect(marks.length, path).toBeGreaterThan(3);
      await hoverText(page, '个人账户');
      expect(await cardLabel(page)).toMatch(/^个人账户/);
      const after = await page.evaluate(() => {
        const clone = document.documentElement.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[data-yibao-lens]').forEach((host) => host.remove());
        return clone.outerHTML;
      });
      expect(after, 'the page DOM apart from our host').toBe(before);
      await page.close();
    }
  });

  it('hovering different terms shows each one its own card, with sources and date', async () => {
    const page = await open('/seed-a.html', 3);
    const cases: [string, RegExp][] = [
      ['家庭共济', /^家庭共济/],
      ['统筹账户', /^统筹基金/],
      ['城乡居民医保', /^城乡居民基本医疗保险/],
    ];
    for (const [text, label] of cases) {
      await page.mouse.move(5, 5);
      await page.waitForTimeout(400);
      await hoverText(page, text);
      expect(await cardLabel(page), text).toMatch(label);
      // Sources and the date the content was checked are behind 展开.
      await cardOf(page).getByRole('button', { name: '展开' }).click();
      const body = await cardOf(page).innerText();
      expect(body).toContain('来源');
      expect(body).toMatch(/内容核对日期：\d{4}-\d{2}(-\d{2})?/);
    }
    await page.close();
  });

  it('a card of a regional number carries 以当地政策为准', async () => {
    const page = await open('/seed-c.html', 3);
    await hoverText(page, '起付线');
    expect(await cardLabel(page)).toMatch(/^起付线/);
    expect(await cardOf(page).innerText()).toContain('以当地政策为准');
    await page.close();
  });

  it('the page’s own MutationObserver sees nothing of ours but the host', async () => {
    const page = await open('/seed-a.html', 3);
    await hoverText(page, '个人账户');
    expect(await cardLabel(page)).toMatch(/^个人账户/);
    await page.keyboard.press('Escape');
    await hoverText(page, '家庭共济');
    await cardLabel(page);
    const records = await page.evaluate(
      () =>
        (window as unknown as { __records: { type: string; added: string[]; removed: string[]; target: string }[] })
          .__records,
    );
    expect(records).toEqual([{ type: 'childList', added: ['DIV[data-yibao-lens]'], removed: [], target: 'HTML' }]);
    await page.close();
  });
});

describe('hover behaviour', () => {
  it('shows no card over a non-term, and none during quick passes over terms', async () => {
    const page = await open('/many.html', 8);
    const first = await pointOfText(page, '个人账户');
    const last = await pointOfText(page, '医保钱包');
    await page.mouse.move(first!.x, first!.y + 120);
    expect(await noCardWithin(page, 600)).toBe(true);
    // Sweep across eight terms in about 100 ms.
    await page.mouse.move(first!.x, first!.y);
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(first!.x + ((last!.x - first!.x) * i) / 10, first!.y);
      await page.waitForTimeout(10);
    }
    await page.mouse.move(last!.x, last!.y + 150);
    expect(await noCardWithin(page, 700)).toBe(true);
    await page.close();
  });

  it('keeps the card open while the pointer moves into it, switches on related terms, closes on Esc', async () => {
    const page = await open('/many.html', 8);
    const point = await hoverText(page, '家庭共济');
    expect(await cardLabel(page)).toMatch(/^家庭共济/);
    const box = (await cardOf(page).boundingBox())!;
    await page.mouse.move(point.x, box.y + 20, { steps: 6 });
    await page.waitForTimeout(500);
    expect(await cardOf(page).isVisible()).toBe(true);
    // Related terms are in the expanded card.
    await cardOf(page).locator('.yl-expand').click();
    await cardOf(page).locator('.yl-chip', { hasText: '亲情账户' }).first().click();
    expect(await cardLabel(page)).toMatch(/^亲情账户/);
    await page.keyboard.press('Escape');
    expect(await noCardWithin(page, 300)).toBe(true);
    await page.close();
  });

  it('stays inside the viewport', async () => {
    const page = await open('/many.html', 8);
    await page.setViewportSize({ width: 500, height: 400 });
    await hoverText(page, '医保钱包');
    expect(await cardLabel(page)).toMatch(/^医保钱包/);
    const box = (await cardOf(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(500);
    expect(box.y + box.height).toBeLessThanOrEqual(400);
    await page.close();
  });

  it('follows the system dark mode', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url('/many.html'));
    await waitForMarks(page, 8);
    await hoverText(page, '起付线');
    expect(await cardLabel(page)).toMatch(/^起付线/);
    const background = await cardOf(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(30, 34, 42)');
    await page.close();
  });
});

describe('what is not a term', () => {
  it('leaves textarea, input and contenteditable alone', async () => {
    const page = await open('/fields.html', 1);
    expect(await markedTexts(page)).toEqual(['统筹基金']);
    await page.locator('#ed').hover();
    const point = await pointOfText(page, '家庭共济');
    await page.mouse.move(point!.x, point!.y);
    expect(await noCardWithin(page)).toBe(true);
    await page.close();
  });

  it('marks a term once per paragraph by default; later occurrences still open its card; 全部标出 marks all', async () => {
    const page = await open('/regulation.html', 3);
    const count = (marks: string[], term: string) => marks.filter((m) => m === term).length;
    // The first paragraph and the second each mark 个人账户 once (the heading is read whole, not marked word by
    // word): 2 of its 6 occurrences.
    expect(count(await markedTexts(page), '个人账户')).toBe(2);
    await hoverText(page, '个人账户', 3);
    expect(await cardLabel(page)).toMatch(/^个人账户/);
    await page.keyboard.press('Escape');
    await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { markAmount: 'all' } }));
    await page.waitForFunction(() => (CSS.highlights.get('yibao-lens-term')?.size ?? 0) >= 5 + 2, undefined, {
      timeout: 5000,
    });
    expect(count(await markedTexts(page), '个人账户')).toBe(5);
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });

  it('我懂了，不再标出 stops marking a term everywhere; it still opens its card', async () => {
    const page = await open('/regulation.html', 3);
    expect(await markedTexts(page)).toContain('家庭共济');
    await hoverText(page, '家庭共济');
    expect(await cardLabel(page)).toMatch(/^家庭共济/);
    await cardOf(page).getByRole('button', { name: '我懂了，不再标出' }).click();
    await page.waitForFunction(() => {
      const marks = [...(CSS.highlights.get('yibao-lens-term') ?? [])].map((r) =>
        (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
      );
      return marks.length > 0 && !marks.includes('家庭共济');
    });
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { knownTerms?: string[] }).knownTerms).toEqual(['jiatinggongji']);
    await page.mouse.move(5, 5);
    await hoverText(page, '家庭共济');
    expect(await cardLabel(page)).toMatch(/^家庭共济/);
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });

  it('finds a term split by inline markup, marks it as one and opens its card from either half', async () => {
    const page = await open('/split.html', 2);
    const before = await page.evaluate(() => document.body.innerHTML);
    const marks = await markedTexts(page);
    expect(marks).toEqual(expect.arrayContaining(['个人账户', '统筹基金']));
    expect(marks.filter((m) => m === '个人账户')).toHaveLength(1);
    await hoverText(page, '账户');
    expect(await cardLabel(page)).toMatch(/^个人账户/);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await hoverText(page, '基金');
    expect(await cardLabel(page)).toMatch(/^统筹基金/);
    expect(await page.evaluate(() => document.body.innerHTML.replace(/<div data-yibao-lens[^]*$/, ''))).toBe(before);
    await page.close();
  });

  it('keeps the precision traps unmarked; a pension account gets its own card, a bank account none', async () => {
    const page = await open('/traps.html', 1);
    // 同舟共济 and 统筹兼顾 are not terms; 养老保险个人账户 is the pension look-alike; 银行个人账户 is nothing of ours.
    expect((await markedTexts(page)).sort()).toEqual(['个人账户', '医保个人账户']);
    await hoverText(page, '个人账户', 0);
    expect(await cardLabel(page)).toMatch(/^养老保险个人账户/);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await hoverText(page, '个人账户', 1);
    expect(await noCardWithin(page)).toBe(true);
    await page.close();
  });
});

describe('changing pages and frames', () => {
  it('marks content added after load', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/dynamic.html'));
    await page.waitForSelector('#late');
    const marks = await waitForMarks(page, 1);
    expect(marks).toEqual(['待遇等待期']);
    await hoverText(page, '待遇等待期');
    expect(await cardLabel(page)).toMatch(/^待遇等待期/);
    await page.close();
  });

  it('marks and explains terms inside an iframe', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/frame.html'));
    const frame = page.frame({ url: /frame-inner/ })!;
    await frame.waitForLoadState();
    expect(await waitForMarks(frame, 2)).toEqual(['统筹基金', '亲情账户']);
    const inner = (await pointOfText(frame, '亲情账户'))!;
    const offset = (await page.locator('#f').boundingBox())!;
    await page.mouse.move(offset.x + inner.x, offset.y + inner.y + 30);
    await page.mouse.move(offset.x + inner.x, offset.y + inner.y, { steps: 3 });
    const card = cardOf(frame);
    await card.waitFor({ state: 'visible', timeout: 4000 });
    expect(await card.getAttribute('aria-label')).toMatch(/^亲情账户/);
    await page.close();
  });

  it('keeps its look on a page with aggressive CSS', async () => {
    const page = await open('/hostile-css.html', 1);
    await hoverText(page, '个人账户');
    expect(await cardLabel(page)).toMatch(/^个人账户/);
    const look = await cardOf(page).evaluate((el) => {
      const style = getComputedStyle(el);
      const heading = el.querySelector('h2')!;
      return {
        fontSize: style.fontSize,
        width: el.getBoundingClientRect().width,
        position: style.position,
        headingSize: getComputedStyle(heading).fontSize,
        background: style.backgroundColor,
      };
    });
    // The page's 48 px type is display type, not reading text: the card keeps its own 16 px.
    expect(look).toEqual({
      fontSize: '16px',
      width: 380,
      position: 'fixed',
      headingSize: '18px',
      background: 'rgb(255, 255, 255)',
    });
    await page.close();
  });
});

describe('controls and promises', () => {
  const setSites = (sites: string[]) =>
    browser.serviceWorker.evaluate(async (list) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } })
        .chrome;
      await api.storage.local.set({
        settings: {
          enabled: true,
          disabledSites: list,
          markStyle: 'underline',
          hoverDelayMs: 220,
          holdKey: 'none',
          disabledCategories: [],
          theme: 'system',
        },
      });
    }, sites);

  it('turns off for a site live, and back on', async () => {
    const page = await open('/many.html', 8);
    await setSites(['127.0.0.1']);
    await expect.poll(() => markedTexts(page), { timeout: 4000 }).toEqual([]);
    await hoverText(page, '起付线');
    expect(await noCardWithin(page)).toBe(true);
    await setSites([]);
    expect((await waitForMarks(page, 8)).length).toBe(8);
    await page.close();
  });

  it('a site switched off has no marks in its about:blank, srcdoc, blob: and data: frames either', async () => {
    const termOf = { blank: '家庭共济', srcdoc: '个人账户', blob: '起付线', data: '封顶线' };
    const frameNamed = (page: Page, name: string) => page.frame({ name })!;
    const page = await open('/frames-off.html', 1);
    // With the site on, every kind of frame is read and marked: the content script runs in each.
    for (const [name, term] of Object.entries(termOf))
      expect(await waitForMarks(frameNamed(page, name), 1), name).toEqual([term]);

    await setSites(['127.0.0.1']);
    await expect.poll(() => markedTexts(page), { timeout: 4000 }).toEqual([]);
    for (const name of Object.keys(termOf))
      await expect.poll(() => markedTexts(frameNamed(page, name)), { timeout: 4000 }).toEqual([]);
    // A page opened while its site is off: nothing in it is marked, in any frame.
    const fresh = await browser.newPage();
    await fresh.goto(server.url('/frames-off.html'));
    await fresh.waitForTimeout(1500);
    expect(await markedTexts(fresh)).toEqual([]);
    for (const name of Object.keys(termOf)) expect(await markedTexts(frameNamed(fresh, name)), name).toEqual([]);

    await setSites([]);
    expect(await waitForMarks(frameNamed(fresh, 'blob'), 1)).toEqual(['起付线']);
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
    await fresh.close();
  });

  it('made no network request and caused no console error', () => {
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
