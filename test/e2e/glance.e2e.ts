/**
 * The hover card's first view is a glance: every glossary card, opened from a page at 1280×800 with the
 * 标准 字号, fits in 380 × 260 px with 16 px body text, in the worst case too (the page uses another word
 * for the term and is older than a rule in the card). Also: 展开 / 收起 keep the focus on the toggle, the
 * open card's occurrence has its own highlight and the card says which one it is, no card while the mouse
 * button is held, 我懂了 leaves a 撤销, look-alike senses are marked lighter, and 字号 applies live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import cards from '../../generated/cards.json';
import {
  evaluateIn,
  extensionWorldId,
  hoverText,
  markedTexts,
  launchExtensionBrowser,
  openMarkedPage,
  startFixtureServer,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { cardOf, focusInCard, noteOf } from './cardLocator';
import { lowContrastTexts } from './contrast';
import { htmlPage } from '../fixtures/pages';
import { readFileSync } from 'node:fs';
import documentCards from '../../generated/document-cards.json';
import type { DocumentCardRecord } from '../../lib/card/documentTitles';

declare const chrome: {
  storage: {
    local: {
      set(items: object): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
  };
};

interface Card {
  id: string;
  term: string;
  aliases: string[];
}

const ALL = cards as Card[];
const GLANCE_MAX_HEIGHT = 260;
const GLANCE_MAX_WIDTH = 380;
/** An old page: every national rule in the data that started after it gets the newer-rule line. */
const OLD_PAGE_HEAD = '<meta property="article:published_time" content="2015-06-01T08:00:00+08:00">';

let server: FixtureServer;
let browser: ExtensionBrowser;

/** One paragraph per card, naming it by the word given (an alias where the entry has one: the bridged case). */
const walkPage = (words: string[], yibaoContext = true) =>
  htmlPage(
    (yibaoContext ? '<h1>基本医疗保险术语说明</h1>' : '') +
      words
        .map((word, i) =>
          yibaoContext
            ? `<p id="t${i}" style="font-size: 16px; margin: 0 0 120px">医保政策里说的${word}是什么意思。</p>`
            : `<p id="t${i}" style="font-size: 16px; margin: 0 0 120px">关于${word}的说明。</p>`,
        )
        .join(''),
    OLD_PAGE_HEAD,
  );

const wordFor = (card: Card, useAlias: boolean) => (useAlias && card.aliases[0]) || card.term;

beforeAll(async () => {
  server = await startFixtureServer({
    '/aliases.html': walkPage(ALL.map((c) => wordFor(c, true))),
    '/titles.html': walkPage(ALL.map((c) => wordFor(c, false))),
    // A term about another scheme (商保创新药目录) is not the 医保 card inside a 医保 passage.
    '/neutral.html': walkPage(
      ALL.map((c) => wordFor(c, false)),
      false,
    ),
    '/worst.html': htmlPage(
      `<h1>关于居民医保的通知</h1><p>发布日期：2019-03-02</p>
       <p id="worst">参加居民医保的人，中断缴费以后再参保，要注意待遇等待期。</p>`,
    ),
    '/occurrences.html': htmlPage(
      ['一', '二', '三', '四'].map((n) => `<p>第${n}段说到个人账户。</p><div style="height: 900px"></div>`).join(''),
    ),
    '/senses.html': htmlPage(
      '<p>单位给我交的是养老保险，养老保险个人账户的钱退休后按月领取。</p><p>职工医保的个人账户可以给家人用。</p>',
    ),
    '/reading.html': htmlPage('<h2>第三章 个人账户</h2><p>按《个人账户管理办法》执行：个人账户统筹基金分开记账。</p>'),
    '/document-titles.html': readFileSync('test/fixtures/document-titles.html', 'utf8'),
    '/focus-return.html': htmlPage(
      '<p><a id="before" href="#top">返回目录</a></p><p>职工的个人账户由个人缴费计入，统筹基金另计。</p>',
    ),
    '/plain.html': htmlPage(
      '<p style="font-size: 16px">上个月单位给我交了医保，工资条上写着一笔钱划进了个人账户。</p><p>住院的大头还是统筹基金来付。</p>',
    ),
  });
  browser = await launchExtensionBrowser([server.origin]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Measure {
  label: string;
  width: number;
  height: number;
  bodyPx: number;
  overflow: number;
  text: string;
}

/** Hovers paragraph #t<i>'s word and measures the card that opens; null if no card for `term` opened. */
async function measureAt(page: Page, index: number, word: string, term: string): Promise<Measure | null> {
  const point = await page.evaluate(
    ([i, needle]) => {
      const p = document.getElementById(`t${i}`)!;
      p.scrollIntoView({ block: 'center' });
      const node = p.firstChild as Text;
      const start = node.data.indexOf(needle);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + needle.length);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [index, word] as const,
  );
  await page.mouse.move(point.x, point.y);
  const card = cardOf(page);
  try {
    await card.waitFor({ state: 'visible', timeout: 3000 });
    await expect.poll(() => card.getAttribute('aria-label'), { timeout: 2000 }).toMatch(new RegExp(`^${term}：`));
  } catch {
    return null;
  }
  const measure = await card.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const summary = element.querySelector('.yl-summary');
    return {
      label: element.getAttribute('aria-label') ?? '',
      width: box.width,
      height: box.height,
      bodyPx: summary ? parseFloat(getComputedStyle(summary).fontSize) : 0,
      overflow: element.scrollHeight - element.clientHeight,
      text: (element as HTMLElement).innerText,
    };
  });
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached', timeout: 3000 });
  await page.mouse.move(1270, 5);
  return measure;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

describe('a glance for every card', () => {
  it('every glossary card opens within 380 × 260 px at 1280×800 with 16 px body text, named by an alias on an old page', async () => {
    const measured = new Map<string, Measure & { bridged: boolean }>();
    for (const [path, useAlias] of [
      ['/aliases.html', true],
      ['/titles.html', false],
      ['/neutral.html', false],
    ] as const) {
      const page = await openMarkedPage(browser, server.url(path), 5);
      for (const [i, card] of ALL.entries()) {
        if (measured.has(card.id)) continue;
        const word = wordFor(card, useAlias);
        const m = await measureAt(page, i, word, card.term);
        if (m) measured.set(card.id, { ...m, bridged: word !== card.term });
      }
      await page.close();
    }
    // A card no page sentence opens (an entry about another scheme, 商保创新药目录, is not explained inside or
    // outside a 医保 passage) is measured through the same card module, mounted on the walk page.
    const unreachable = ALL.filter((c) => !measured.has(c.id));
    if (unreachable.length > 0) {
      const page = await openMarkedPage(browser, server.url('/aliases.html'), 5);
      await measureAt(page, 0, wordFor(ALL[0]!, true), ALL[0]!.term); // loads the card module
      const session = await page.context().newCDPSession(page);
      const world = await extensionWorldId(session, browser.extensionId);
      await evaluateIn(
        session,
        world,
        `(() => {
          const host = document.createElement('div');
          host.id = 'glance-host';
          document.documentElement.append(host);
          const handlers = { onClose() {}, onPinChange() {}, onOpenPopup() {}, onPointerInside() {}, onKnowTerm() {} };
          globalThis.__glanceView = globalThis.__yibaoLensCard.mount(host.attachShadow({ mode: 'open' }), handlers);
        })()`,
      );
      for (const card of unreachable) {
        const word = wordFor(card, true);
        const request = { termId: card.id, pageWord: word, lines: [{ left: 100, top: 300, right: 200, bottom: 320 }] };
        await evaluateIn(session, world, `globalThis.__glanceView.show(${JSON.stringify(request)})`);
        const m = await page.locator('#glance-host [role="dialog"]').evaluate((element) => {
          const box = element.getBoundingClientRect();
          return {
            label: element.getAttribute('aria-label') ?? '',
            width: box.width,
            height: box.height,
            bodyPx: parseFloat(getComputedStyle(element.querySelector('.yl-summary')!).fontSize),
            overflow: element.scrollHeight - element.clientHeight,
            text: (element as HTMLElement).innerText,
          };
        });
        if (m.label.startsWith(`${card.term}：`)) measured.set(card.id, { ...m, bridged: word !== card.term });
      }
      console.info(`measured through the card module: ${unreachable.map((c) => c.term).join('、')}`);
      await page.close();
    }
    const all = [...measured.values()];
    const bridged = all.filter((m) => m.bridged);
    const dated = all.filter((m) => m.text.includes('本页发布于2015年'));
    const heights = all.map((m) => m.height);
    const worst = all.filter((m) => m.bridged && m.text.includes('本页发布于')).map((m) => m.height);
    console.info(
      `glance heights over ${all.length} cards: max ${Math.max(...heights).toFixed(1)} px, median ${median(heights).toFixed(1)} px; ` +
        `${bridged.length} bridged, ${dated.length} with the newer-rule line (tallest of those both: ${Math.max(0, ...worst).toFixed(1)} px); ` +
        `tallest: ${all
          .filter((m) => m.height > 250)
          .map((m) => `${m.label.split('：')[0]} ${m.height}`)
          .join(', ')}`,
    );
    const missing = ALL.filter((c) => !measured.has(c.id)).map((c) => c.term);
    expect(missing.join('、'), 'cards that no page word opened').toBe('');
    for (const m of all) {
      expect(m.height, m.label).toBeLessThanOrEqual(GLANCE_MAX_HEIGHT);
      expect(m.width, m.label).toBeLessThanOrEqual(GLANCE_MAX_WIDTH);
      expect(m.bodyPx, m.label).toBe(16);
      expect(m.overflow, `${m.label}: nothing to scroll in the first view`).toBeLessThanOrEqual(0);
    }
    expect(bridged.length).toBeGreaterThan(50);
    for (const m of bridged) expect(m.text, m.label).toMatch(/页面上(的“.+”(，正式叫法是|即)“.+”|写作“.+”)。/);
    expect(dated.length).toBeGreaterThan(10);
  }, 600_000);
});

/** The focused element inside our (closed) shadow root, read from the card's own node. */
const shadowActive = (page: Page) =>
  cardOf(page).evaluate((card) => {
    const active = (card.getRootNode() as ShadowRoot).activeElement;
    return active ? { text: active.textContent, expanded: active.getAttribute('aria-expanded') } : null;
  });

const activeMarks = (page: Page) =>
  page.evaluate(() =>
    ['yibao-lens-active', 'yibao-lens-active-dark'].flatMap((name) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return `${(r.startContainer.parentElement as HTMLElement).innerText.slice(0, 3)}:${range.toString()}`;
      }),
    ),
  );

async function openCard(page: Page, text: string, label: RegExp, occurrence = 0) {
  await hoverText(page, text, occurrence);
  const card = cardOf(page);
  await card.waitFor({ state: 'visible', timeout: 4000 });
  await expect.poll(() => card.getAttribute('aria-label')).toMatch(label);
  return card;
}

describe('the worst case', () => {
  it('a bridged word on a dated page with a newer rule still fits the glance', async () => {
    const page = await openMarkedPage(browser, server.url('/worst.html'), 2);
    const card = await openCard(page, '中断缴费', /^断保：/);
    const text = await card.innerText();
    expect(text).toContain('页面上的“中断缴费”，正式叫法是“断保”。');
    expect(text).toMatch(/本页发布于2019年；\d{4}年(\d+月)?起全国规定如上。/);
    expect(text).toContain('误：');
    const box = (await card.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(GLANCE_MAX_HEIGHT);
    expect(box.width).toBeLessThanOrEqual(GLANCE_MAX_WIDTH);
    expect(await card.locator('.yl-summary').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
    // Meta 13 px, buttons 14 px with a hit area of at least 32 px.
    expect(await card.locator('.yl-category').evaluate((el) => getComputedStyle(el).fontSize)).toBe('13px');
    const toggle = card.locator('.yl-expand');
    expect(await toggle.evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
    expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(32);
    // The myth reads as text, not struck through.
    expect(await card.locator('.yl-myth-line').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
    await page.close();
  });
});

describe('展开 and 收起', () => {
  it('keep the focus on the toggle, which stays where it was; keys are hinted after 展开', async () => {
    const page = await openMarkedPage(browser, server.url('/plain.html'), 2);
    const card = await openCard(page, '个人账户', /^个人账户：/);
    expect(await card.innerText()).not.toContain('Alt+J');
    await card.locator('.yl-expand').evaluate((el) => el.focus());
    const before = (await card.locator('.yl-expand').boundingBox())!;
    await page.keyboard.press('Enter');
    await card.locator('.yl-explanation').waitFor();
    expect(await shadowActive(page)).toEqual({ text: '收起', expanded: 'true' });
    expect(await card.innerText()).toContain('Alt+J 下一个术语');
    expect(await card.locator('.yl-sources ol li').count()).toBeGreaterThan(0);
    const after = (await card.locator('.yl-expand').boundingBox())!;
    // In view inside the card.
    const cardBox = (await card.boundingBox())!;
    expect(after.y).toBeGreaterThanOrEqual(cardBox.y);
    expect(after.y + after.height).toBeLessThanOrEqual(cardBox.y + cardBox.height);
    expect(Math.abs(after.y - before.y - (cardBox.y - (await card.boundingBox())!.y))).toBeLessThan(400);
    await page.keyboard.press('Enter');
    await card.locator('.yl-explanation').waitFor({ state: 'detached' });
    expect(await shadowActive(page)).toEqual({ text: '展开', expanded: 'false' });
    await page.close();
  });
});

describe('the card’s own occurrence', () => {
  it('is highlighted apart while its card is open, and the card says which of how many it is', async () => {
    const page = await openMarkedPage(browser, server.url('/occurrences.html'), 1);
    const card = cardOf(page);
    await page.keyboard.press('Alt+j');
    await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^个人账户/);
    await expect.poll(() => card.locator('.yl-occurrence').textContent()).toBe('第 1 / 4 处');
    expect(await activeMarks(page)).toEqual(['第一段:个人账户']);
    await page.keyboard.press('Alt+j');
    await expect.poll(() => card.locator('.yl-occurrence').textContent()).toBe('第 2 / 4 处');
    expect(await activeMarks(page)).toEqual(['第二段:个人账户']);
    await page.keyboard.press('Alt+k');
    await page.keyboard.press('Alt+k');
    await expect.poll(() => card.locator('.yl-occurrence').textContent()).toBe('第 4 / 4 处');
    expect(await activeMarks(page)).toEqual(['第四段:个人账户']);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await activeMarks(page)).toEqual([]);
    // Opened by the pointer it is highlighted too.
    await openCard(page, '个人账户', /^个人账户/, 2);
    expect(await activeMarks(page)).toEqual(['第三段:个人账户']);
    await expect.poll(() => card.locator('.yl-occurrence').textContent()).toBe('第 3 / 4 处');
    await page.close();
  });
});

describe('marks that help reading', () => {
  it('no card comes up while the mouse button is held (selecting); it does once released', async () => {
    const page = await openMarkedPage(browser, server.url('/plain.html'), 2);
    const start = await page.evaluate(() => {
      const r = document.querySelector('p')!.getBoundingClientRect();
      return { x: r.left + 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await hoverText(page, '统筹基金');
    await page.waitForTimeout(900);
    expect(await cardOf(page).count()).toBe(0);
    await page.mouse.up();
    await hoverText(page, '统筹基金');
    await cardOf(page).waitFor({ state: 'visible', timeout: 4000 });
    await page.close();
  });

  it('我懂了 leaves a 撤销 on the page that marks the term again', async () => {
    const page = await openMarkedPage(browser, server.url('/plain.html'), 2);
    const card = await openCard(page, '个人账户', /^个人账户：/);
    await card.getByRole('button', { name: '我懂了，不再标出' }).click();
    const toast = noteOf(page);
    await toast.waitFor({ state: 'visible' });
    expect(await toast.innerText()).toContain('已不再标出“个人账户”');
    await expect.poll(() => markedTexts(page)).not.toContain('个人账户');
    await toast.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => markedTexts(page)).toContain('个人账户');
    await toast.waitFor({ state: 'detached' });
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { knownTerms?: string[] }).knownTerms).toEqual([]);
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });

  it('我懂了 from the keyboard: 撤销 takes the focus, and when the note leaves (Escape or 撤销) it goes back where it was', async () => {
    const page = await openMarkedPage(browser, server.url('/focus-return.html'), 2);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (const leave of ['Escape', '撤销'] as const) {
      await page.focus('#before');
      await page.keyboard.press('Alt+j');
      const card = cardOf(page);
      await card.waitFor({ state: 'visible' });
      await expect.poll(() => card.getAttribute('aria-label')).toMatch(/^个人账户：/);
      // Tab through the card to 我懂了, as a keyboard user does.
      const focusedButton = () =>
        card.evaluate((el) => {
          const active = (el.getRootNode() as ShadowRoot).activeElement;
          return active?.tagName === 'BUTTON' ? (active.textContent ?? '') : '';
        });
      for (let i = 0; i < 10 && !(await focusedButton()).includes('我懂了'); i++) await page.keyboard.press('Tab');
      expect(await focusedButton()).toContain('我懂了');
      await page.keyboard.press('Enter');
      const toast = noteOf(page);
      await toast.waitFor({ state: 'visible' });
      await expect.poll(() => focusInCard(page)).toBe(true);
      await page.keyboard.press(leave === 'Escape' ? 'Escape' : 'Enter');
      await toast.waitFor({ state: 'detached' });
      expect(await focusedId()).toBe('before');
      await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
      await expect.poll(() => markedTexts(page)).toContain('个人账户');
    }
    await page.close();
  });

  it('two terms side by side are drawn apart; headings and 《…》 titles are not marked word by word', async () => {
    const page = await openMarkedPage(browser, server.url('/reading.html'), 2);
    // 个人账户 in the heading and inside 《…》 is not marked; in the sentence it is, and 统筹基金 right after it
    // is drawn a step lower.
    await expect.poll(() => markedTexts(page)).toEqual(['个人账户', '统筹基金']);
    expect(await markedTexts(page, 'yibao-lens-term-next')).toEqual(['统筹基金']);
    const offsets = await page.evaluate(() =>
      ['yibao-lens-term', 'yibao-lens-term-next'].map(
        (name) => getComputedStyle(document.querySelector('p')!, `::highlight(${name})`).textUnderlineOffset,
      ),
    );
    expect(offsets[0]).not.toBe(offsets[1]);
    // Still explained on hover.
    await openCard(page, '个人账户', /^个人账户：/);
    await page.close();
  });

  it('look-alike senses are marked apart from 医保 terms, thinner and paler', async () => {
    const page = await openMarkedPage(browser, server.url('/senses.html'), 1);
    await expect.poll(() => markedTexts(page, 'yibao-lens-term-sense')).toEqual(['个人账户']);
    expect(await markedTexts(page, 'yibao-lens-term')).toContain('个人账户');
    const styles = await page.evaluate(() =>
      ['yibao-lens-term', 'yibao-lens-term-sense'].map((name) => {
        const style = getComputedStyle(document.querySelector('p')!, `::highlight(${name})`);
        return { thickness: style.textDecorationThickness, colour: style.textDecorationColor };
      }),
    );
    expect(styles[0]!.thickness).toBe('1.5px');
    expect(styles[1]!.thickness).toBe('1px');
    expect(styles[1]!.colour).not.toBe(styles[0]!.colour);
    await page.close();
  });
});

describe('contrast', () => {
  it('every text of a card, folded and expanded, myth badges included, reads at 4.5:1 or more, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(server.url('/plain.html'));
      await waitForMarks(page, 2);
      const card = await openCard(page, '统筹基金', /^统筹基金：/);
      expect(await card.evaluate(lowContrastTexts, 4.5)).toEqual([]);
      await card.locator('.yl-expand').click();
      await card.locator('.yl-badge-right').waitFor({ state: 'visible' });
      expect(await card.locator('.yl-badge-wrong').count()).toBeGreaterThan(0);
      expect(await card.evaluate(lowContrastTexts, 4.5), colorScheme).toEqual([]);
      await page.close();
    }
  });
});

describe('字号', () => {
  it('the 字号 setting applies to an open card at once', async () => {
    const page = await openMarkedPage(browser, server.url('/plain.html'), 2);
    const card = await openCard(page, '统筹基金', /^统筹基金：/);
    await card.getByRole('button', { name: '固定卡片' }).click();
    const bodySize = () => card.locator('.yl-summary').evaluate((el) => getComputedStyle(el).fontSize);
    expect(await bodySize()).toBe('16px');
    await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { textSize: 'xlarge' } }));
    await expect.poll(bodySize).toBe('20px');
    expect(await card.locator('.yl-expand').evaluate((el) => getComputedStyle(el).fontSize)).toBe('17.5px');
    await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { textSize: 'large' } }));
    await expect.poll(bodySize).toBe('18px');
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    await expect.poll(bodySize).toBe('16px');
    await page.close();
  });
});

describe('《…》 titles of documents we hold', () => {
  const held = (documentCards as DocumentCardRecord[]).find((d) => d.id === 'gbf-2024-38')!;

  it('hovering a held document’s title opens its short card: what it is, issuer, number, date, link', async () => {
    const page = await openMarkedPage(browser, server.url('/document-titles.html'), 2);
    // The title is read as a whole: no term inside it is marked, in a held title or another.
    const marks = await markedTexts(page);
    expect(marks).not.toContain('基本医疗保险');
    expect(marks).not.toContain('门诊统筹');
    expect(marks).toContain('个人账户');
    const card = await openCard(page, '机制的指导意见', /^文件：《/);
    expect(await card.getAttribute('aria-label')).toBe(`文件：《${held.title}》`);
    const text = await card.innerText();
    expect(text).toContain('国务院办公厅发布的指导意见。');
    expect(text).toContain('国办发〔2024〕38号');
    expect(text).toContain('2024年7月26日');
    const box = await card.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(GLANCE_MAX_HEIGHT);
    expect(box!.width).toBeLessThanOrEqual(GLANCE_MAX_WIDTH);
    // The title on the page is drawn as the open card's occurrence.
    await expect
      .poll(() => markedTexts(page, 'yibao-lens-active'))
      .toEqual(['《关于健全基本医疗保险参保长效机制的指导意见》']);
    // The link opens the official page in a tab (answered here, so the test needs no network).
    await browser.context.route(held.url!, (route) => route.fulfill({ contentType: 'text/html', body: 'ok' }));
    const opened = browser.context.waitForEvent('page');
    await card.getByRole('link', { name: '查看官方网页上的原文' }).click();
    const tab = await opened;
    expect(tab.url()).toBe(held.url);
    await tab.close();
    await browser.context.unroute(held.url!);
    await page.close();
  });

  it('a title split by markup (a link, <strong>) is read as one: no term inside it is marked; its card and active mark cover 《 to 》', async () => {
    const page = await openMarkedPage(browser, server.url('/document-titles.html'), 2);
    const markedIn = (id: string) =>
      page.evaluate((paragraphId) => {
        const paragraph = document.getElementById(paragraphId)!;
        const texts: string[] = [];
        for (const name of ['yibao-lens-term', 'yibao-lens-term-next', 'yibao-lens-term-sense'])
          for (const range of CSS.highlights.get(name) ?? [])
            if (paragraph.contains(range.startContainer)) {
              const live = document.createRange();
              live.setStart(range.startContainer, range.startOffset);
              live.setEnd(range.endContainer, range.endOffset);
              texts.push(live.toString());
            }
        return texts;
      }, id);
    // The term after the title is still the paragraph's first mark; none inside the title is.
    await expect.poll(() => markedIn('linked')).toEqual(['个人账户']);
    await expect.poll(() => markedIn('bold')).toEqual(['统筹基金']);
    const cases = [
      { id: 'gbf-2021-14', hover: '门诊共济保障机制' },
      { id: 'ybf-2019-54', hover: '糖尿病门诊用药' },
    ];
    for (const { id, hover } of cases) {
      const record = (documentCards as DocumentCardRecord[]).find((d) => d.id === id)!;
      const card = await openCard(page, hover, /^文件：《/);
      expect(await card.getAttribute('aria-label')).toBe(`文件：《${record.title}》`);
      await expect
        .poll(() => markedTexts(page, 'yibao-lens-active'))
        .toEqual([`《${record.title.replace(/^国务院办公厅/, '')}》`]);
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden' });
    }
    await page.close();
  });

  it('a law named without 中华人民共和国 or edition note is found; a title we do not hold opens no document card', async () => {
    const page = await openMarkedPage(browser, server.url('/document-titles.html'), 2);
    const card = await openCard(page, '社会保险法', /^文件：《中华人民共和国社会保险法/);
    expect(await card.innerText()).toContain('全国人民代表大会常务委员会通过的法律。');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await hoverText(page, '某市');
    await page.waitForTimeout(800);
    expect(await cardOf(page).count()).toBe(0);
    await page.close();
  });
});
