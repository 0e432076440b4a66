/**
 * The hover card as a reader meets it, with the built extension in real Chromium: a short first view,
 * moving between cards and back, placement that never covers the term, keyboard reading with focus
 * return, the calculator only where it applies, and marks that suit the page's own background.
 * Fixture pages are written here in our own words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  cardOf,
  focusInCard,
  hoverText,
  launchExtensionBrowser,
  markedTexts,
  startFixtureServer,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
  openMarkedPage,
} from './harness';
import { htmlPage } from '../fixtures/pages';

/** The service worker's chrome.tabs, as far as these tests use it. */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  storage: {
    onChanged: {
      addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    };
  };
};

let server: FixtureServer;
let browser: ExtensionBrowser;

const CJK_FONT = `font-family: 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', monospace;`;
const corner = (style: string, text: string) =>
  `<div style="position: fixed; ${style}; font-size: 16px; line-height: 1.4; ${CJK_FONT}">${text}</div>`;

beforeAll(async () => {
  server = await startFixtureServer({
    '/article.html': htmlPage(
      `<p>上个月单位给我交了医保，工资条上写着一笔钱划进了个人账户。</p>
       <p>听说可以通过家庭共济让父母也用上这笔钱。</p>
       <p>住院的大头还是统筹基金来付。</p>`,
    ),
    '/quotes.html': htmlPage('<button id="start">开始</button><p>看病买药要实名就医，用自己的凭证结算。</p>'),
    '/table.html': htmlPage(
      `<table style="margin: 200px auto; border-collapse: collapse; ${CJK_FONT}"><tr>
         <td style="width: 1em; padding: 0; font-size: 16px; line-height: 1.3; word-break: break-all;">个人账户</td>
         <td style="width: 300px;">旁边一格写些别的内容。</td>
       </tr></table>`,
    ),
    '/wrapped.html': htmlPage(
      // 15 characters a line: 统筹 ends the first line, 基金 starts the second.
      `<p style="margin: 300px 0 0 100px; width: 15em; font-size: 20px; line-height: 1.5; word-break: break-all; ${CJK_FONT}">这一段话写得比较长看病的钱统筹基金会出大部分。</p>`,
    ),
    '/pension.html': htmlPage('<p>单位给我交的是养老保险个人账户，不是医保的。</p><p>这里是医保个人账户。</p>'),
    '/split.html': htmlPage(
      // The term is split by markup (统筹<b>基金</b>) and wraps: 统筹 ends the first line, 基金 starts the second.
      `<p style="margin: 300px 0 0 100px; width: 15em; font-size: 20px; line-height: 1.5; word-break: break-all; ${CJK_FONT}">这一段话写得比较长看病的钱统筹<b>基金</b>会出大部分。</p>`,
    ),
    '/edges.html': htmlPage(
      corner('top: 0; left: 0', '个人账户') +
        corner('top: 0; right: 0', '统筹基金') +
        corner('bottom: 0; left: 0', '家庭共济') +
        corner('bottom: 0; right: 0', '起付线'),
    ),
    '/reading.html': htmlPage(
      `<button id="start">先聚焦在这里</button>
       <p>第一段讲个人账户的用途，个人账户里的钱也能给家人用（同一段里第二次出现不标出，按键也跳过它）。</p>
       <div style="height: 1600px"></div>
       <p id="far">很靠后的一段讲起付线是什么。</p>`,
    ),
    '/thrice.html': htmlPage(
      ['第一次提到个人账户。', '第二次提到个人账户。', '第三次提到个人账户。']
        .map((text, i) => `<p id="p${i + 1}">${text}</p><div style="height: 1500px"></div>`)
        .join(''),
    ),
    '/light.html': htmlPage('<p>白底页面上的个人账户。</p>', '<style>body { background: #fff; color: #222; }</style>'),
    '/dark.html': htmlPage(
      '<p>深色页面上的个人账户。</p>',
      '<style>body { background: #121212; color: #eee; }</style>',
    ),
    '/mixed.html': htmlPage(
      '<p>白底段落里的统筹基金。</p><div style="background: rgb(20, 24, 32); color: #ddd"><p>深色卡片里的个人账户。</p></div>',
    ),
  });
  browser = await launchExtensionBrowser([server.origin]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string, minimumMarks = 1) => openMarkedPage(browser, server.url(path), minimumMarks);

async function openCard(page: Page, text: string, label: RegExp) {
  await hoverText(page, text);
  const card = cardOf(page);
  await card.waitFor({ state: 'visible', timeout: 4000 });
  await expect.poll(() => card.getAttribute('aria-label')).toMatch(label);
  return card;
}

async function closeCard(page: Page) {
  await page.keyboard.press('Escape');
  await cardOf(page).waitFor({ state: 'detached', timeout: 4000 });
}

type Box = { left: number; top: number; right: number; bottom: number };

/** Every line box of the first occurrence of `text`. */
async function lineBoxes(page: Page, text: string): Promise<Box[]> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const index = node.data.indexOf(needle);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + needle.length);
      return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    }
    return [];
  }, text);
}

async function cardBox(page: Page): Promise<Box> {
  const box = (await cardOf(page).boundingBox())!;
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function expectCardClearOf(page: Page, text: string, minimumLines = 1) {
  const lines = await lineBoxes(page, text);
  expect(lines.length, `${text} line boxes`).toBeGreaterThanOrEqual(minimumLines);
  const card = await cardBox(page);
  const viewport = page.viewportSize()!;
  for (const line of lines)
    expect(overlaps(card, line), `${text}: card ${JSON.stringify(card)} over ${JSON.stringify(line)}`).toBe(false);
  expect(card.left).toBeGreaterThanOrEqual(0);
  expect(card.top).toBeGreaterThanOrEqual(0);
  expect(card.right).toBeLessThanOrEqual(viewport.width);
  expect(card.bottom).toBeLessThanOrEqual(viewport.height);
}

const scrollTopOf = (page: Page) => cardOf(page).evaluate((el) => el.scrollTop);

describe('first view', () => {
  it('opens short with term and meaning in view; 展开 shows the rest under a header that stays', async () => {
    const page = await open('/article.html', 3);
    const card = await openCard(page, '个人账户', /^个人账户/);
    const box = await cardBox(page);
    expect(box.bottom - box.top).toBeLessThanOrEqual(520);
    // The whole first view is shown: nothing to scroll inside the card.
    expect(await card.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
    const term = card.locator('h2.yl-term');
    const summary = card.locator('.yl-summary');
    expect(await term.textContent()).toBe('个人账户');
    for (const part of [term, summary]) {
      const b = (await part.boundingBox())!;
      expect(b.y).toBeGreaterThanOrEqual(box.top);
      expect(b.y + b.height).toBeLessThanOrEqual(box.bottom);
    }
    expect(await card.locator('.yl-explanation').count()).toBe(0);
    expect(await card.locator('.yl-facts li').count()).toBeLessThanOrEqual(3);

    await card.locator('.yl-expand').click();
    await card.locator('.yl-explanation').waitFor();
    expect(await card.locator('.yl-sources ol li').count()).toBeGreaterThan(0);
    // A source with an address is a link the reader opens in a new tab.
    const link = card.locator('.yl-sources a.yl-source-link').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await card.innerText()).not.toContain('尚未核实');

    // Scrolled to the end, the header with pin and × is still at the top of the card.
    await card.evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await scrollTopOf(page)).toBeGreaterThan(0);
    const header = (await card.locator('.yl-head').boundingBox())!;
    const after = await cardBox(page);
    expect(Math.abs(header.y - after.top)).toBeLessThanOrEqual(2);
    expect(await card.getByRole('button', { name: '关闭卡片' }).isVisible()).toBe(true);
    await page.close();
  });
});

describe('原文', () => {
  /** The card's content height, measured with the 原文 controls shown or taken out of the layout. */
  const contentHeight = (page: Page, withControls: boolean) =>
    cardOf(page).evaluate((dialog, shown) => {
      const root = dialog.getRootNode() as ShadowRoot;
      let style = root.getElementById('test-hide-quote');
      if (!shown && !style) {
        style = document.createElement('style');
        style.id = 'test-hide-quote';
        style.textContent = '.yl-quote-toggle { display: none !important; }';
        root.append(style);
      }
      if (shown) style?.remove();
      return dialog.scrollHeight;
    }, withControls);

  it('opens a fact’s exact words by keyboard and by click; the first view stays a glance with it', async () => {
    const page = await open('/quotes.html');
    // Keyboard all the way: Alt+J opens the card with the focus inside, Tab reaches 原文, Enter opens it.
    await page.focus('#start');
    await page.keyboard.press('Alt+j');
    const card = cardOf(page);
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^实名就医/);
    // The glance's one fact ends in 原文, in view inside its lines; the first view stays a glance with it.
    const toggles = card.locator('.yl-lead-fact .yl-quote-toggle');
    expect(await toggles.count()).toBe(1);
    expect(await card.locator('.yl-quote').count()).toBe(0);
    const withoutControls = await contentHeight(page, false);
    const withControls = await contentHeight(page, true);
    expect(withControls).toBeLessThanOrEqual(260);
    expect(withControls - withoutControls).toBeLessThanOrEqual(23); // a line at most
    const line = (await card.locator('.yl-lead-fact').boundingBox())!;
    const control = (await toggles.first().boundingBox())!;
    expect(control.y + control.height).toBeLessThanOrEqual(line.y + line.height + 1);

    const focusedClass = () =>
      card.evaluate((dialog) => (dialog.getRootNode() as ShadowRoot).activeElement?.className ?? '');
    for (let i = 0; i < 20 && (await focusedClass()) !== 'yl-quote-toggle'; i++) await page.keyboard.press('Tab');
    expect(await focusedClass()).toBe('yl-quote-toggle');
    const first = toggles.first();
    expect(await first.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => first.getAttribute('aria-expanded')).toBe('true');
    const panel = card.locator(`[id="${await first.getAttribute('aria-controls')}"]`);
    expect(await panel.innerText()).toContain('参保人员应当持本人医疗保障凭证就医、购药');
    expect(await panel.innerText()).toContain('《医疗保障基金使用监督管理条例》 · 第十七条');
    await page.keyboard.press('Enter');
    await expect.poll(() => first.getAttribute('aria-expanded')).toBe('false');
    expect(await card.locator('.yl-quote').count()).toBe(0);

    // Click, after 展开: the second fact's words open below it, with the document's name and article.
    await card.locator('.yl-expand').click();
    const second = card.locator('.yl-facts .yl-quote-toggle').nth(1);
    await second.click();
    await expect.poll(() => second.getAttribute('aria-expanded')).toBe('true');
    const opened = card.locator('.yl-quote');
    expect(await opened.innerText()).toContain('核验参保人员医疗保障凭证');
    expect(await opened.innerText()).toContain('第十五条');
    expect(await card.getAttribute('aria-label')).toMatch(/^实名就医/);
    await page.close();
  });

  it('shows the newest cited document’s date only after 展开', async () => {
    const page = await open('/quotes.html');
    const card = await openCard(page, '实名就医', /^实名就医/);
    expect(await card.innerText()).not.toContain('所引文件最新日期');
    await card.locator('.yl-expand').click();
    await card.locator('.yl-explanation').waitFor();
    expect(await card.locator('.yl-reviewed').innerText()).toMatch(/内容核对日期：\S+ · 所引文件最新日期：\d{4}/);
    await page.close();
  });
});

describe('moving between cards', () => {
  it('a related term opens at its top; back (button, Backspace, Alt+←) returns to the previous card where it was', async () => {
    const page = await open('/article.html', 3);
    const card = await openCard(page, '家庭共济', /^家庭共济/);
    await card.locator('.yl-expand').click();
    // The reader scrolls the card down to its related terms: that place is kept for the way back.
    await card
      .locator('.yl-chip', { hasText: '亲情账户' })
      .evaluate((chip) => chip.scrollIntoView({ block: 'center' }));
    const kept = await scrollTopOf(page);
    expect(kept).toBeGreaterThan(0);
    // The user's own click (the chip is on screen, so nothing scrolls first).
    await card.locator('.yl-chip', { hasText: '亲情账户' }).click();
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^亲情账户/);
    expect(await scrollTopOf(page)).toBe(0);
    const back = card.getByRole('button', { name: '返回“家庭共济”' });
    expect(await back.isVisible()).toBe(true);

    await page.keyboard.press('Backspace');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^家庭共济/);
    await expect.poll(() => scrollTopOf(page)).toBe(kept);
    expect(await card.locator('.yl-explanation').count()).toBe(1);

    await card.locator('.yl-chip', { hasText: '近亲属' }).click();
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^近亲属/);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^家庭共济/);

    await card.locator('.yl-chip', { hasText: '亲情账户' }).click();
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^亲情账户/);
    await card.getByRole('button', { name: '返回“家庭共济”' }).click();
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^家庭共济/);
    expect(await card.getByRole('button', { name: /^返回/ }).count()).toBe(0);
    await page.close();
  });
});

describe('look-alike senses', () => {
  it('from a look-alike card, the 医保 term opens at its top and back returns to the look-alike card', async () => {
    const page = await open('/pension.html', 1);
    const card = await openCard(page, '个人账户', /^养老保险个人账户/);
    await card.getByRole('button', { name: /查看医保的「个人账户」/ }).click();
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^个人账户/);
    expect(await scrollTopOf(page)).toBe(0);
    await page.keyboard.press('Backspace');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^养老保险个人账户/);
    await page.close();
  });
});

describe('placement', () => {
  it('never covers a term wrapped in a narrow table cell', async () => {
    const page = await open('/table.html');
    await openCard(page, '个人账户', /^个人账户/);
    await expectCardClearOf(page, '个人账户', 2);
    await page.close();
  });

  it('never covers a term wrapped over two lines', async () => {
    const page = await open('/wrapped.html');
    expect((await lineBoxes(page, '统筹基金')).length).toBe(2);
    await openCard(page, '统筹基金', /^统筹基金/);
    await expectCardClearOf(page, '统筹基金', 2);
    await page.close();
  });

  it('never covers a term split by markup and wrapped over two lines', async () => {
    const page = await open('/split.html');
    const lines = await page.evaluate(() => {
      const p = document.querySelector('p')!;
      const range = document.createRange();
      range.setStart(p.firstChild!, p.firstChild!.textContent!.indexOf('统筹'));
      range.setEnd(p.querySelector('b')!.firstChild!, 2);
      return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    });
    expect(lines.length).toBe(2);
    await openCard(page, '统筹', /^统筹基金/);
    const card = await cardBox(page);
    for (const line of lines) expect(overlaps(card, line), JSON.stringify({ card, line })).toBe(false);
    await page.close();
  });

  it('never covers a term at any corner of the viewport', async () => {
    const page = await open('/edges.html', 4);
    const cases: [string, RegExp][] = [
      ['个人账户', /^个人账户/],
      ['统筹基金', /^统筹基金/],
      ['家庭共济', /^家庭共济/],
      ['起付线', /^起付线/],
    ];
    for (const [text, label] of cases) {
      await openCard(page, text, label);
      await expectCardClearOf(page, text);
      await closeCard(page);
    }
    // And on a small viewport, where the card cannot fit whole above or below.
    await page.setViewportSize({ width: 700, height: 360 });
    for (const [text, label] of cases) {
      await openCard(page, text, label);
      await expectCardClearOf(page, text);
      await closeCard(page);
    }
    await page.close();
  });
});

describe('keyboard', () => {
  it('Alt+J / Alt+K move between marked terms with focus in the card; Esc gives the focus back', async () => {
    const page = await open('/reading.html', 1);
    await page.focus('#start');
    const card = cardOf(page);
    const inCard = () => focusInCard(page);

    await page.keyboard.press('Alt+j');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^个人账户/);
    await expect.poll(inCard).toBe(true);

    await page.keyboard.press('Alt+j');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^起付线/);
    await expect.poll(inCard).toBe(true);
    const far = (await lineBoxes(page, '起付线'))[0]!;
    expect(far.top).toBeGreaterThanOrEqual(0);
    expect(far.bottom).toBeLessThanOrEqual(page.viewportSize()!.height);
    await expectCardClearOf(page, '起付线');

    await page.keyboard.press('Alt+k');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^个人账户/);

    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 4000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    await page.close();
  });

  it('without an open card it starts from the viewport, and wraps round the page', async () => {
    const page = await open('/reading.html', 1);
    const card = cardOf(page);
    await page.locator('#far').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.keyboard.press('Alt+j');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^起付线/);
    await page.keyboard.press('Alt+j');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^个人账户/);
    const first = (await lineBoxes(page, '个人账户'))[0]!;
    expect(first.top).toBeGreaterThanOrEqual(0);
    await closeCard(page);
    await page.keyboard.press('Alt+k');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^个人账户/);
    await page.keyboard.press('Alt+k');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^起付线/);
    await page.close();
  });

  it('with nothing focused, Esc leaves the focus where it was', async () => {
    const page = await open('/reading.html', 1);
    await page.keyboard.press('Alt+j');
    await expect.poll(() => cardOf(page).getAttribute('aria-label')).toMatch(/^个人账户/);
    await page.keyboard.press('Escape');
    await cardOf(page).waitFor({ state: 'detached', timeout: 4000 });
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.close();
  });
});

describe('actions that fit the term', () => {
  it('offers 打开计算器 only on a card whose term has a checker tool', async () => {
    const page = await open('/article.html', 3);
    const account = await openCard(page, '个人账户', /^个人账户/);
    const calculator = account.getByRole('button', { name: '打开计算器' });
    expect(await calculator.getAttribute('data-checker-tool')).toBe('account');
    // It asks the background to open the popup at that tool (headless Chromium may show it as a
    // popup the test cannot see, so the route handed to the popup is what is checked).
    await browser.serviceWorker.evaluate(() => {
      const worker = globalThis as unknown as { __routes: unknown[] };
      worker.__routes = [];
      chrome.storage.onChanged.addListener((changes, area) => {
        const route = changes.popupRoute?.newValue;
        if (area === 'session' && route !== undefined) worker.__routes.push(route);
      });
    });
    await calculator.click();
    await expect
      .poll(() => browser.serviceWorker.evaluate(() => (globalThis as unknown as { __routes: unknown[] }).__routes))
      .toEqual([{ view: 'checker', tool: 'account' }]);
    await page.bringToFront();
    await closeCard(page);
    const pool = await openCard(page, '统筹基金', /^统筹基金/);
    await pool.getByRole('button', { name: '展开' }).click();
    expect(await pool.getByRole('button', { name: '在弹窗中查看' }).count()).toBe(1);
    expect(await pool.getByRole('button', { name: '打开计算器' }).count()).toBe(0);
    await page.close();
  });
});

describe('popup 本页术语', () => {
  it('下一处 goes on to the next occurrence of the term, wrapping at the end', async () => {
    const page = await open('/thrice.html', 1);
    await page.bringToFront();
    const tabId = await browser.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?targetTab=${tabId}#page`);
    const next = popup.getByRole('button', { name: '个人账户的下一处' });
    await next.waitFor();
    const onScreen = () =>
      page.evaluate(() =>
        ['p1', 'p2', 'p3'].filter((id) => {
          const r = document.getElementById(id)!.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        }),
      );
    await popup.locator('.page-term[data-term-id="gerenzhanghu"]').click();
    await expect.poll(onScreen).toEqual(['p1']);
    for (const expected of ['p2', 'p3', 'p1']) {
      await next.click();
      await expect.poll(onScreen).toEqual([expected]);
      await expect.poll(() => cardOf(page).getAttribute('aria-label')).toMatch(/^个人账户/);
    }
    await popup.close();
    await page.close();
  });
});

describe('marks on light and dark pages', () => {
  it('a white page under a dark system theme gets the light-background mark', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url('/light.html'));
    expect(await waitForMarks(page, 1)).toEqual(['个人账户']);
    expect(await markedTexts(page, 'yibao-lens-term-dark')).toEqual([]);
    await page.close();
  });

  it('a dark page under a light system theme gets the dark-background mark', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.url('/dark.html'));
    await expect.poll(() => markedTexts(page, 'yibao-lens-term-dark'), { timeout: 8000 }).toEqual(['个人账户']);
    expect(await markedTexts(page, 'yibao-lens-term')).toEqual([]);
    await page.close();
  });

  it('a page with a dark block gets each mark by the background behind it', async () => {
    const page = await open('/mixed.html', 1);
    await expect.poll(() => markedTexts(page, 'yibao-lens-term-dark'), { timeout: 8000 }).toEqual(['个人账户']);
    expect(await markedTexts(page, 'yibao-lens-term')).toEqual(['统筹基金']);
    await page.close();
  });
});

describe('promises', () => {
  it('made no network request and caused no console error', () => {
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
