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
  CARD_SELECTOR,
  hoverText,
  launchExtensionBrowser,
  openMarkedPage,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { htmlPage } from '../fixtures/pages';

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
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
const walkPage = (words: string[]) =>
  htmlPage(
    words.map((word, i) => `<p id="t${i}" style="font-size: 16px; margin: 0 0 120px">关于${word}的说明。</p>`).join(''),
    OLD_PAGE_HEAD,
  );

const wordFor = (card: Card, useAlias: boolean) => (useAlias && card.aliases[0]) || card.term;

beforeAll(async () => {
  server = await startFixtureServer({
    '/aliases.html': walkPage(ALL.map((c) => wordFor(c, true))),
    '/titles.html': walkPage(ALL.map((c) => wordFor(c, false))),
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
  const card = page.locator(CARD_SELECTOR);
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
    expect(missing, 'cards that no page word opened').toEqual([]);
    for (const m of all) {
      expect(m.height, m.label).toBeLessThanOrEqual(GLANCE_MAX_HEIGHT);
      expect(m.width, m.label).toBeLessThanOrEqual(GLANCE_MAX_WIDTH);
      expect(m.bodyPx, m.label).toBe(16);
      expect(m.overflow, `${m.label}: nothing to scroll in the first view`).toBeLessThanOrEqual(0);
    }
    expect(bridged.length).toBeGreaterThan(50);
    for (const m of bridged) expect(m.text, m.label).toContain('正式叫法是');
    expect(dated.length).toBeGreaterThan(10);
  }, 600_000);
});
