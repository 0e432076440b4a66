/**
 * Store screenshots (1280×800) from real renders of the built extension. `npm test` writes them to
 * test-results/screenshots/ (so a test run leaves the tree clean); `npm run screenshots` refreshes
 * store/screenshots/. Each shot first asserts that what it shows is really there.
 *
 * 1-hover-card.png  a seed article with marked terms and the card for 个人账户 open in its short first view
 * 2-popup-search.png the toolbar popup searching 个账, over the same article
 * 3-checker.png      the popup's 计算器 tab, over the same article
 * 4-options.png      the options page
 * 5-card-expanded.png the same card after 展开: explanation, every fact with its date, myths and sources in place
 * ../promo-small-440x280.png  the store's small promo tile (icon, name, one line)
 *
 * The popup is rendered as popup.html in a 380×600 tab (the size of a toolbar popup) and
 * placed at the top right of the article page, where the browser shows it. Parts of the
 * popup that do not exist yet are skipped with a warning instead of failing the shot.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardOf,
  hoverText,
  launchExtensionBrowser,
  startFixtureServer,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { articleFiles, articlePageHtml, articleText } from '../fixtures/pages';

const STORE = process.env.UPDATE_STORE_SCREENSHOTS === '1';
const OUT_DIR = resolve(STORE ? 'store/screenshots' : 'test-results/screenshots');
const SIZE = { width: 1280, height: 800 };
const POPUP_SIZE = { width: 380, height: 600 };

const ARTICLE_STYLE = `<style>
  body { margin: 0; background: #f6f7f9; color: #1f2328; font: 17px/1.85 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif; }
  article { max-width: 720px; margin: 0 auto; padding: 36px 48px 80px; background: #fff; min-height: 100vh; box-sizing: border-box; }
  h1 { font-size: 28px; line-height: 1.4; margin: 0 0 20px; }
  p { margin: 0 0 14px; }
</style>`;

let server: FixtureServer;
let browser: ExtensionBrowser;
let seed: string;

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  // The seed with the most mentions of 个人账户 makes the fullest page.
  seed = articleFiles()
    .map((file) => ({ file, hits: articleText(file).split('个人账户').length }))
    .sort((a, b) => b.hits - a.hits)[0]!.file;
  server = await startFixtureServer({ '/article.html': () => articlePageHtml(seed, ARTICLE_STYLE) });
  browser = await launchExtensionBrowser([server.origin]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openArticle(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(server.url('/article.html'));
  expect((await waitForMarks(page, 3)).length).toBeGreaterThanOrEqual(3);
  return page;
}

async function openPopup(hash = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(POPUP_SIZE);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${hash}`);
  await page.locator('body *').first().waitFor();
  return page;
}

/** The first of these that the popup has, or null. */
async function firstPresent(...candidates: Locator[]): Promise<Locator | null> {
  for (const candidate of candidates) {
    if ((await candidate.count()) > 0 && (await candidate.first().isVisible())) return candidate.first();
  }
  return null;
}

/** Shows a rendered popup at the top right of the article, as the browser would, and saves the 1280×800 shot. */
async function shootPopupOverArticle(popup: Page, name: string) {
  const image = (await popup.screenshot()).toString('base64');
  const article = await openArticle();
  await article.evaluate((src) => {
    const img = document.createElement('img');
    img.src = `data:image/png;base64,${src}`;
    img.alt = '';
    img.style.cssText =
      'position:fixed;top:0;right:72px;width:380px;height:600px;border:1px solid rgba(0,0,0,.14);border-radius:0 0 10px 10px;box-shadow:0 12px 32px rgba(0,0,0,.22);z-index:2147483647';
    document.body.append(img);
    return img.decode();
  }, image);
  await article.screenshot({ path: join(OUT_DIR, name) });
  await article.close();
}

describe('store screenshots', () => {
  it('1: the hover card on a seed article', async () => {
    const page = await openArticle();
    await page.evaluate(() => window.scrollTo(0, 0));
    await hoverText(page, '个人账户');
    const card = cardOf(page);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.getAttribute('aria-label')).toMatch(/^个人账户/);
    await page.waitForTimeout(300); // let the card's entrance finish
    const box = await card.boundingBox();
    expect(box && box.width > 200 && box.height > 120 && box.height <= 520).toBe(true);
    // The short first view: meaning, one fact and the top myth, the rest behind 展开.
    expect(await card.locator('.yl-summary').isVisible()).toBe(true);
    expect(await card.locator('.yl-expand').isVisible()).toBe(true);
    expect(await card.locator('.yl-explanation').count()).toBe(0);
    await page.screenshot({ path: join(OUT_DIR, '1-hover-card.png') });
    await page.close();
  });

  it('5: the hover card expanded', async () => {
    const page = await openArticle();
    await page.evaluate(() => window.scrollTo(0, 0));
    await hoverText(page, '个人账户');
    const card = cardOf(page);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    await card.locator('.yl-expand').click();
    await card.locator('.yl-explanation').waitFor();
    expect(await card.locator('.yl-sources li').count()).toBeGreaterThan(0);
    // Pinned, so the pointer can leave the card's controls (no hover state in the shot).
    await card.getByRole('button', { name: '固定卡片' }).click();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    expect(await card.isVisible()).toBe(true);
    await page.screenshot({ path: join(OUT_DIR, '5-card-expanded.png') });
    await page.close();
  });

  it('2: the popup searching the glossary', async () => {
    const popup = await openPopup();
    const search = await firstPresent(
      popup.getByRole('combobox', { name: /搜索/ }),
      popup.getByRole('searchbox', { name: /搜索/ }),
      popup.getByRole('textbox', { name: /搜索/ }),
    );
    if (search) {
      await search.fill('个账');
      const option = popup.getByRole('option').first();
      await option.waitFor({ timeout: 5000 });
      expect(await popup.getByRole('option').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('个人账户')]),
      );
    } else {
      console.warn('screenshots: the popup has no search box yet; capturing it as it is');
    }
    await shootPopupOverArticle(popup, '2-popup-search.png');
    await popup.close();
  });

  it('3: the popup checker', async () => {
    const popup = await openPopup();
    const tab = await firstPresent(
      popup.getByRole('tab', { name: '计算器' }),
      popup.getByRole('button', { name: '计算器' }),
    );
    if (tab) {
      await tab.click();
      if ((await tab.getAttribute('role')) === 'tab') expect(await tab.getAttribute('aria-selected')).toBe('true');
      const panel = popup.getByRole('tabpanel', { name: '计算器' });
      await panel.waitFor({ timeout: 5000 });
      // Wait for the lazily loaded checker to replace its loading line with a form.
      await panel.locator('select, input').first().waitFor({ timeout: 5000 });
      expect(await panel.locator('select, input').count()).toBeGreaterThan(0);
      // An example: a monthly base of 8000 元, and its result scrolled into view, as someone would.
      const base = await firstPresent(panel.getByLabel(/月缴费基数/));
      if (base) {
        await base.fill('8000');
        const result = await firstPresent(panel.getByRole('region', { name: '结果' }));
        if (result) {
          expect(await result.textContent()).toMatch(/元/);
          await result.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        }
      }
    } else {
      console.warn('screenshots: the popup has no 计算器 tab yet; capturing it as it is');
    }
    await shootPopupOverArticle(popup, '3-checker.png');
    await popup.close();
  });

  it('4: the options page', async () => {
    const page = await browser.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByRole('heading', { name: '懂医保 · 设置' }).waitFor();
    expect(await page.getByRole('radio', { name: /^下划线/ }).isChecked()).toBe(true);
    await page.screenshot({ path: join(OUT_DIR, '4-options.png') });
    await page.close();
  });

  it('the small promo tile (440×280)', async () => {
    const icon = readFileSync(resolve('assets/icon.svg'), 'utf8').replace(/<title>.*?<\/title>/s, '');
    // Text inside an SVG image: the page's content script never sees (or marks) it.
    const tile = `<svg xmlns="http://www.w3.org/2000/svg" width="440" height="280" viewBox="0 0 440 280">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f5f9ff"/><stop offset="1" stop-color="#dde9fb"/></linearGradient></defs>
      <rect width="440" height="280" fill="url(#g)"/>
      <svg x="36" y="80" width="120" height="120" viewBox="0 0 128 128">${icon.replace(/^<svg[^>]*>|<\/svg>\s*$/g, '')}</svg>
      <g font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif">
        <text x="180" y="128" font-size="46" font-weight="700" fill="#1d2330">懂医保</text>
        <text x="182" y="166" font-size="19" fill="#1f6fd1">悬停一下，看懂医保术语</text>
        <text x="182" y="196" font-size="14" fill="#5b6475">附来源与日期 · 不联网</text>
      </g>
    </svg>`;
    const page = await browser.newPage();
    await page.setViewportSize({ width: 440, height: 280 });
    await page.setContent(
      `<body style="margin:0"><img alt="" width="440" height="280" src="data:image/svg+xml;base64,${Buffer.from(tile).toString('base64')}"></body>`,
    );
    const img = page.locator('img');
    await img.evaluate((el: HTMLImageElement) => el.decode());
    expect(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([440, 280]);
    await page.screenshot({
      path: STORE ? resolve('store/promo-small-440x280.png') : join(OUT_DIR, 'promo-small-440x280.png'),
    });
    await page.close();
  });

  it('rendered without errors or network requests', () => {
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
