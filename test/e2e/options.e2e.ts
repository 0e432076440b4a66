/**
 * The options page against the built extension: every setting reaches an open
 * page at once (no reload), bad input is explained, repaired and migrated settings
 * behave, the page works from the keyboard and follows the system's dark mode.
 * Also the background's context-menu and toggle-site handlers, called through the
 * service worker because headless Chromium cannot open a native menu or press a
 * browser shortcut.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import {
  cardOf,
  evaluateIn,
  extensionWorldId,
  hoverText,
  launchExtensionBrowser,
  markedTexts,
  startFixtureServer,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
  until,
} from './harness';
import { htmlPage } from '../fixtures/pages';

/** What the service worker's evaluate() callbacks see: Chrome's promise-returning extension API. */
declare const chrome: WxtBrowser;

let server: FixtureServer;
/** The same pages on a subdomain (Chromium resolves every *.localhost name to this machine). */
let subdomain: FixtureServer;
const SUBDOMAIN_PARENT = 'yibao-lens.localhost';
let browser: ExtensionBrowser;
const opened: Page[] = [];

const ARTICLE = htmlPage(
  '<p>职工基本医疗保险的个人账户可以用于家庭共济。</p><p>异地就医要先备案，待遇等待期另有规定。</p>',
);

beforeAll(async () => {
  server = await startFixtureServer({ '/article.html': ARTICLE });
  subdomain = await startFixtureServer({ '/article.html': ARTICLE }, {}, { hostname: `news.${SUBDOMAIN_PARENT}` });
  browser = await launchExtensionBrowser([server.origin, subdomain.origin]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await subdomain?.close();
});
beforeEach(async () => {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
});
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  const errors = browser.pageErrors.splice(0);
  expect(errors).toEqual([]);
  expect(browser.foreignRequests).toEqual([]);
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  opened.push(page);
  return page;
}

/** A page with terms, scanned, and a marker that survives only as long as the page is not reloaded. */
async function openArticle(on: FixtureServer = server): Promise<Page> {
  const page = await newPage();
  await page.goto(on.url('/article.html'));
  expect(await waitForMarks(page, 3)).toContain('个人账户');
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  return page;
}

async function openOptions(): Promise<Page> {
  const page = await newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('heading', { name: '懂医保 · 设置' }).waitFor();
  return page;
}

const marksOf = async (page: Page) => ({
  underline: await markedTexts(page),
  background: await markedTexts(page, 'yibao-lens-term-bg'),
});

async function stored(): Promise<Record<string, unknown>> {
  return browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
}

async function storedSettings(): Promise<Record<string, unknown>> {
  return ((await stored()).settings ?? {}) as Record<string, unknown>;
}

async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
}

describe('options take effect on open pages at once', () => {
  it('mark style: 底色 swaps the highlight, 不标记 removes it but hovering still explains', async () => {
    const article = await openArticle();
    const options = await openOptions();

    await options.getByRole('radio', { name: /^底色/ }).check();
    // The swap is redrawn in a frame of its own: wait for the whole of it (the underline gone too).
    const bg = await until(
      () => marksOf(article),
      (m) => m.background.includes('个人账户') && m.background.includes('家庭共济') && m.underline.length === 0,
    );
    expect(bg.background).toEqual(expect.arrayContaining(['个人账户', '家庭共济']));
    expect(bg.underline).toEqual([]);
    expect((await storedSettings()).markStyle).toBe('background');

    await options.getByRole('radio', { name: /^不标记，仅悬停时显示/ }).check();
    const none = await until(
      () => marksOf(article),
      (m) => m.background.length === 0,
    );
    expect(none).toEqual({ underline: [], background: [] });
    await article.bringToFront();
    await hoverText(article, '个人账户');
    const card = cardOf(article);
    await card.waitFor({ timeout: 5000 });
    expect(await card.getAttribute('aria-label')).toMatch(/^个人账户/);

    await options.getByRole('radio', { name: /^下划线/ }).check();
    expect(
      (
        await until(
          () => marksOf(article),
          (m) => m.underline.includes('个人账户'),
        )
      ).underline,
    ).toContain('个人账户');
    await expectNotReloaded(article);
  });

  it('sites: a bad host is explained in Chinese; adding the page’s host clears its marks, removing brings them back', async () => {
    const article = await openArticle();
    const options = await openOptions();
    const input = options.getByRole('textbox', { name: '网址或域名' });

    await input.fill('zhihu');
    await options.getByRole('button', { name: '添加' }).click();
    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('不是有效的网址或域名');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);

    await input.fill(`${server.origin}/article.html`); // a whole address works too
    await input.press('Enter');
    await options.getByRole('list', { name: '不启用懂医保的网站' }).getByText('127.0.0.1').waitFor();
    expect(await options.getByRole('alert').count()).toBe(0);
    expect(
      (await until(storedSettings, (st) => Array.isArray(st.disabledSites) && st.disabledSites.length === 1))
        .disabledSites,
    ).toEqual(['127.0.0.1']);
    expect(
      await until(
        () => marksOf(article),
        (m) => m.underline.length === 0,
      ),
    ).toEqual({ underline: [], background: [] });

    await input.fill('127.0.0.1');
    await input.press('Enter');
    expect(await options.getByRole('alert').textContent()).toBe('127.0.0.1 已在列表中。');

    await options.getByRole('button', { name: '移除 127.0.0.1' }).click();
    expect(
      (
        await until(
          () => marksOf(article),
          (m) => m.underline.includes('个人账户'),
        )
      ).underline,
    ).toContain('个人账户');
    expect((await storedSettings()).disabledSites).toEqual([]);
    await options.getByText('目前在所有网站上都启用。').waitFor();
    await expectNotReloaded(article);
  });

  it('sites: a Chinese domain is shown in Chinese, accepted in either form, stored in its ASCII form', async () => {
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({
        settings: {
          enabled: true,
          disabledSites: ['xn--bcher-kva.de'],
          markStyle: 'underline',
          hoverDelayMs: 220,
          holdKey: 'none',
          disabledCategories: [],
          theme: 'system',
        },
        settings$: { v: 2 },
      }),
    );
    const options = await openOptions();
    const list = options.getByRole('list', { name: '不启用懂医保的网站' });
    await list.getByText('bücher.de').waitFor();
    expect(await list.textContent()).not.toContain('xn--');

    const input = options.getByRole('textbox', { name: '网址或域名' });
    await input.fill('https://例子。中国/新闻');
    await input.press('Enter');
    await list.getByText('例子.中国', { exact: true }).waitFor();
    expect(await list.textContent()).not.toContain('xn--');
    expect(
      (await until(storedSettings, (st) => Array.isArray(st.disabledSites) && st.disabledSites.length === 2))
        .disabledSites,
    ).toEqual(['xn--bcher-kva.de', 'xn--fsqu00a.xn--fiqs8s']);

    // The ASCII form names the same site.
    await input.fill('xn--fsqu00a.xn--fiqs8s');
    await input.press('Enter');
    expect(await options.getByRole('alert').textContent()).toBe('例子.中国 已在列表中。');

    await options.getByRole('button', { name: '移除 例子.中国' }).click();
    await expect.poll(async () => (await storedSettings()).disabledSites).toEqual(['xn--bcher-kva.de']);
    expect(await list.getByText('例子.中国').count()).toBe(0);
  });

  it('sites: a whole-domain rule turns the lens off on a subdomain page, and only there', async () => {
    const onSubdomain = await openArticle(subdomain);
    const elsewhere = await openArticle();
    const options = await openOptions();
    const input = options.getByRole('textbox', { name: '网址或域名' });

    await input.fill('*.');
    await input.press('Enter');
    expect(await options.getByRole('alert').textContent()).toContain('不是有效的网址或域名');

    await options.getByRole('checkbox', { name: '包括子域名' }).check();
    await input.fill(SUBDOMAIN_PARENT);
    await input.press('Enter');
    const list = options.getByRole('list', { name: '不启用懂医保的网站' });
    await list.getByText('及其所有子域名').waitFor();
    expect(await list.textContent()).toContain(SUBDOMAIN_PARENT);
    expect(
      (await until(storedSettings, (st) => Array.isArray(st.disabledSites) && st.disabledSites.length === 1))
        .disabledSites,
    ).toEqual([`*.${SUBDOMAIN_PARENT}`]);

    expect(
      await until(
        () => markedTexts(onSubdomain),
        (m) => m.length === 0,
      ),
    ).toEqual([]);
    expect(await markedTexts(elsewhere)).toContain('个人账户');
    await expectNotReloaded(onSubdomain);

    // A host under the rule is already covered.
    await options.getByRole('checkbox', { name: '包括子域名' }).uncheck();
    await input.fill(`news.${SUBDOMAIN_PARENT}`);
    await input.press('Enter');
    expect(await options.getByRole('alert').textContent()).toContain(`已包含在“*.${SUBDOMAIN_PARENT}”里`);

    await options.getByRole('button', { name: `移除 ${SUBDOMAIN_PARENT} 及其所有子域名` }).click();
    expect(
      await until(
        () => markedTexts(onSubdomain),
        (m) => m.includes('个人账户'),
      ),
    ).toContain('个人账户');
  });

  it('categories: switching one off removes only its terms', async () => {
    const article = await openArticle();
    const options = await openOptions();
    await options.getByRole('checkbox', { name: /^基金与个人账户/ }).uncheck();
    // The runtime rescans the page with the new filter: wait until the other terms are back.
    const marks = await until(
      () => markedTexts(article),
      (m) => !m.includes('个人账户') && m.includes('异地就医'),
    );
    expect(marks).not.toContain('个人账户');
    expect(marks).not.toContain('家庭共济');
    expect(marks).toEqual(expect.arrayContaining(['职工基本医疗保险', '异地就医']));
    expect((await storedSettings()).disabledCategories).toEqual(['fund']);

    await options.getByRole('checkbox', { name: /^基金与个人账户/ }).check();
    expect(
      await until(
        () => markedTexts(article),
        (m) => m.includes('个人账户') && m.includes('家庭共济'),
      ),
    ).toContain('家庭共济');
    await expectNotReloaded(article);
  });

  it('the master switch turns marking off and on', async () => {
    const article = await openArticle();
    const options = await openOptions();
    await options.getByRole('checkbox', { name: '在网页上标出医保术语并显示解释卡片' }).uncheck();
    expect(
      await until(
        () => markedTexts(article),
        (m) => m.length === 0,
      ),
    ).toEqual([]);
    await options.getByRole('checkbox', { name: '在网页上标出医保术语并显示解释卡片' }).check();
    expect(
      await until(
        () => markedTexts(article),
        (m) => m.includes('个人账户'),
      ),
    ).toContain('个人账户');
  });

  it('hold key: with Shift required, hovering alone shows nothing and Shift+hover shows the card', async () => {
    const article = await openArticle();
    const options = await openOptions();
    const select = options.getByRole('combobox', { name: '按键' });
    expect(await select.isDisabled()).toBe(true);
    await options.getByRole('checkbox', { name: '只在按住按键时显示卡片' }).check();
    expect(await select.isDisabled()).toBe(false);
    await select.selectOption('Shift');
    expect(await until(storedSettings, (s) => s.holdKey === 'Shift')).toMatchObject({ holdKey: 'Shift' });

    await article.bringToFront();
    await hoverText(article, '个人账户');
    await article.waitForTimeout(800);
    expect(await cardOf(article).isVisible()).toBe(false);
    await article.keyboard.down('Shift');
    const point = await hoverText(article, '个人账户');
    await article.mouse.move(point.x + 1, point.y, { steps: 2 });
    await cardOf(article).waitFor({ timeout: 5000 });
    await article.keyboard.up('Shift');

    await options.getByRole('checkbox', { name: '只在按住按键时显示卡片' }).uncheck();
    expect(await until(storedSettings, (s) => s.holdKey === 'none')).toMatchObject({ holdKey: 'none' });
  });

  it('字号: 特大 and 大 enlarge an open card at once, 标准 brings it back to 16 px', async () => {
    const article = await openArticle();
    await hoverText(article, '个人账户');
    const card = cardOf(article);
    await card.waitFor({ timeout: 5000 });
    await card.getByRole('button', { name: '固定卡片' }).click();
    const bodySize = () => card.locator('.yl-summary').evaluate((el) => getComputedStyle(el).fontSize);
    expect(await bodySize()).toBe('16px');
    const options = await openOptions();
    await options.getByRole('radio', { name: '特大' }).check();
    expect(await until(storedSettings, (s) => s.textSize === 'xlarge')).toMatchObject({ textSize: 'xlarge' });
    await expect.poll(bodySize).toBe('20px');
    await options.getByRole('radio', { name: '大', exact: true }).check();
    await expect.poll(bodySize).toBe('18px');
    await options.getByRole('radio', { name: '标准' }).check();
    await expect.poll(bodySize).toBe('16px');
    await expectNotReloaded(article);
  });

  it('known terms: 标出多少 lists the terms marked 我懂了 by name; 恢复标出 (labelled, from the keyboard) marks one again at once', async () => {
    const article = await openArticle();
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({ settings: { knownTerms: ['gerenzhanghu', 'tongchoujijin'] } }),
    );
    expect(
      await until(
        () => markedTexts(article),
        (m) => !m.includes('个人账户'),
      ),
    ).not.toContain('个人账户');
    const options = await openOptions();
    const list = options.getByRole('list', { name: '已懂的术语' });
    await expect
      .poll(() => list.getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringContaining('个人账户'), expect.stringContaining('统筹基金')]);
    const restore = options.getByRole('button', { name: '恢复标出 个人账户' });
    expect(await restore.innerText()).toBe('恢复标出');
    await restore.focus();
    await options.keyboard.press('Enter');
    expect(await until(storedSettings, (s) => (s.knownTerms as string[] | undefined)?.length === 1)).toMatchObject({
      knownTerms: ['tongchoujijin'],
    });
    expect(
      await until(
        () => markedTexts(article),
        (m) => m.includes('个人账户'),
      ),
    ).toContain('个人账户');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await options.getByRole('button', { name: '恢复标出 统筹基金' }).click();
    await options.getByText('还没有。在解释卡片上点“我懂了，不再标出”').waitFor();
    expect(await options.getByRole('list', { name: '已懂的术语' }).count()).toBe(0);
  });

  it('reset to defaults asks first, then restores everything', async () => {
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({
        settings: {
          enabled: true,
          disabledSites: ['a.example'],
          markStyle: 'background',
          hoverDelayMs: 900,
          holdKey: 'Alt',
          disabledCategories: ['fund'],
          theme: 'dark',
        },
        settings$: { v: 2 },
      }),
    );
    const options = await openOptions();
    await expect.poll(() => options.getByRole('radio', { name: /^底色/ }).isChecked()).toBe(true);
    await options.getByRole('button', { name: '恢复默认设置…' }).click();
    const confirm = options.getByRole('button', { name: '确定恢复' });
    await confirm.waitFor();
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await options.getByRole('button', { name: '取消' }).click();
    expect((await storedSettings()).markStyle).toBe('background');

    await options.getByRole('button', { name: '恢复默认设置…' }).click();
    await options.getByRole('button', { name: '确定恢复' }).click();
    const settings = await until(storedSettings, (s) => s.markStyle === 'underline');
    expect(settings).toEqual({
      enabled: true,
      disabledSites: [],
      markStyle: 'underline',
      markAmount: 'firstInBlock',
      hoverDelayMs: 220,
      holdKey: 'none',
      disabledCategories: [],
      knownTerms: [],
      theme: 'system',
      textSize: 'standard',
    });
    // The page follows storage through its watcher: wait for the state, not for time.
    await expect.poll(() => options.getByRole('radio', { name: /^下划线/ }).isChecked()).toBe(true);
    await expect.poll(() => options.getByRole('slider', { name: '鼠标停留多久后显示卡片' }).inputValue()).toBe('220');
    expect(await options.getByRole('radio', { name: /^底色/ }).isChecked()).toBe(false);
    expect(await options.getByText('目前在所有网站上都启用。').count()).toBe(1);
  });
});

describe('hover delay', () => {
  it('never goes under 100 ms: the slider starts there and the field says why', async () => {
    const options = await openOptions();
    const slider = options.getByRole('slider', { name: '鼠标停留多久后显示卡片' });
    expect(await slider.getAttribute('min')).toBe('100');
    await expect.poll(() => slider.inputValue()).toBe('220');
    const hint = options.locator(`#${await slider.getAttribute('aria-describedby')}`);
    expect(await hint.textContent()).toContain('最短 100 毫秒');

    await slider.focus();
    await options.keyboard.press('End');
    expect(await until(storedSettings, (s) => s.hoverDelayMs === 2000)).toMatchObject({ hoverDelayMs: 2000 });
    await options.keyboard.press('Home');
    expect(await until(storedSettings, (s) => s.hoverDelayMs === 100)).toMatchObject({ hoverDelayMs: 100 });
    await options.keyboard.press('ArrowLeft');
    await options.keyboard.press('PageDown');
    expect(await slider.inputValue()).toBe('100');
    expect((await storedSettings()).hoverDelayMs).toBe(100);
    expect(await options.locator('output').textContent()).toBe('100 毫秒');
  });
});

describe('stored settings that are old or broken', () => {
  it('corrupted settings: defaults, a notice shown once, and pages still work', async () => {
    await browser.serviceWorker.evaluate(async () => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set({ settings: 'garbage{', settings$: { v: 2 } });
    });
    const article = await openArticle();
    expect(await markedTexts(article)).toContain('个人账户');

    const options = await openOptions();
    const notice = options.getByRole('alert');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('设置数据已损坏，已恢复为默认值');
    expect(await until(stored, (s) => s.settingsNotice === null || s.settingsNotice === undefined)).not.toHaveProperty(
      'settingsNotice',
      expect.any(String),
    );
    expect(await storedSettings()).toMatchObject({ enabled: true, markStyle: 'underline', hoverDelayMs: 220 });
    await options.getByRole('button', { name: '知道了' }).click();
    expect(await options.getByRole('alert').count()).toBe(0);

    await options.reload();
    await options.getByRole('heading', { name: '懂医保 · 设置' }).waitFor();
    expect(await options.getByText('设置已修复').count()).toBe(0);
  });

  it('corrupted settings after a good save come back as last saved, with a notice saying so', async () => {
    const options = await openOptions();
    await options.getByRole('radio', { name: /^底色/ }).check();
    await options.getByRole('textbox', { name: '网址或域名' }).fill('kept.example.com');
    await options.getByRole('textbox', { name: '网址或域名' }).press('Enter');
    await until(storedSettings, (s) => s.markStyle === 'background' && String(s.disabledSites) === 'kept.example.com');
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({ settings: { markStyle: 42, disabledSites: 'all', theme: 'dark' } }),
    );
    const repaired = await until(storedSettings, (s) => s.markStyle === 'background');
    expect(repaired).toMatchObject({ markStyle: 'background', disabledSites: ['kept.example.com'], theme: 'dark' });
    // The open page shows the notice as it lands (and takes it, so it is shown once).
    const notice = options.getByRole('alert');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('设置数据已损坏，已恢复为上次保存的设置');
    await options.getByRole('button', { name: '知道了' }).click();
  });

  it('v1 settings ({ enabled, disabledSites }) are kept and migrated when the background starts', async () => {
    await browser.serviceWorker.evaluate(async () => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set({ settings: { enabled: false, disabledSites: ['www.zhihu.com'] } });
      // What an update does: the background starts again and prepares the stored settings.
      await (
        globalThis as unknown as { yibaoLensBackground: { prepareStoredSettings(): Promise<unknown> } }
      ).yibaoLensBackground.prepareStoredSettings();
    });
    const options = await openOptions();
    expect(await options.getByRole('checkbox', { name: '在网页上标出医保术语并显示解释卡片' }).isChecked()).toBe(false);
    await options.getByRole('list', { name: '不启用懂医保的网站' }).getByText('www.zhihu.com').waitFor();
    expect(await options.getByRole('radio', { name: /^下划线/ }).isChecked()).toBe(true);
    const after = await stored();
    expect(after.settings$).toEqual({ v: 3 });
    expect(after.settings).toEqual({
      enabled: false,
      disabledSites: ['www.zhihu.com'],
      markStyle: 'underline',
      markAmount: 'firstInBlock',
      hoverDelayMs: 220,
      holdKey: 'none',
      disabledCategories: [],
      knownTerms: [],
      theme: 'system',
      textSize: 'standard',
    });
    expect(after.settingsNotice ?? null).toBeNull();
  });
});

describe('two pages changing settings at the same moment', () => {
  it('a category switched in the options page and the master switch flipped in the popup both survive, every time', async () => {
    const options = await openOptions();
    const popup = await newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('button', { name: /设置/ }).first().click();
    const master = popup.getByRole('switch', { name: '在网页上标出医保术语' });
    const category = options.getByRole('checkbox', { name: /^基金与个人账户/ });
    for (let round = 0; round < 8; round++) {
      const wantEnabled = round % 2 === 1;
      const wantFundOff = round % 2 === 0;
      await expect.poll(() => master.isChecked()).toBe(!wantEnabled);
      await Promise.all([
        wantFundOff ? category.uncheck() : category.check(),
        wantEnabled ? master.check() : master.uncheck(),
      ]);
      const settings = await until(
        storedSettings,
        (s) =>
          s.enabled === wantEnabled &&
          JSON.stringify(s.disabledCategories) === JSON.stringify(wantFundOff ? ['fund'] : []),
      );
      // Both pages show both changes too.
      await expect.poll(() => master.isChecked()).toBe(wantEnabled);
      await expect.poll(() => category.isChecked()).toBe(!wantFundOff);
      expect({ round, enabled: settings.enabled, disabledCategories: settings.disabledCategories }).toEqual({
        round,
        enabled: wantEnabled,
        disabledCategories: wantFundOff ? ['fund'] : [],
      });
    }
  });
});

describe('two pages adding to the same list at the same moment', () => {
  it('two options pages each add a site at once: both entries are kept, every time', async () => {
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    const first = await openOptions();
    const second = await openOptions();
    const inputOf = (page: Page) => page.getByRole('textbox', { name: '网址或域名' });
    const expected: string[] = [];
    for (let round = 0; round < 10; round++) {
      const mine = `first-${round}.example.com`;
      const theirs = `second-${round}.example.com`;
      await inputOf(first).fill(mine);
      await inputOf(second).fill(theirs);
      // Both forms are submitted in the same moment, each page from its own snapshot of the list.
      await Promise.all([inputOf(first).press('Enter'), inputOf(second).press('Enter')]);
      expected.push(mine, theirs);
      const settings = await until(
        storedSettings,
        (s) => Array.isArray(s.disabledSites) && s.disabledSites.length >= expected.length,
      );
      expect({ round, sites: [...(settings.disabledSites as string[])].sort() }).toEqual({
        round,
        sites: [...expected].sort(),
      });
    }
    // Each page shows every entry, its own and the other's.
    for (const page of [first, second]) {
      const list = page.getByRole('list', { name: '不启用懂医保的网站' });
      await expect.poll(() => list.getByRole('listitem').count()).toBe(expected.length);
    }
  });
});

describe('the background checks who asks', () => {
  it('a content script may send only what its card offers; anything else is refused in Chinese and writes nothing', async () => {
    await browser.serviceWorker.evaluate(async () => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set({ settings: { theme: 'dark' }, settings$: { v: 3 } });
    });
    const article = await openArticle();
    const session = await article.context().newCDPSession(article);
    const world = await extensionWorldId(session, browser.extensionId);
    /** A message as @webext-core/messaging frames it, sent from our content script's own world. */
    const send = (type: string, data: unknown) =>
      evaluateIn<{ res?: unknown; err?: unknown }>(
        session,
        world,
        `chrome.runtime.sendMessage({ id: 1, type: ${JSON.stringify(type)}, timestamp: Date.now(), data: ${JSON.stringify(data)} })`,
      );
    for (const data of [
      { intents: [{ op: 'reset' }] },
      { intents: [{ op: 'set', field: 'enabled', value: false }] },
      { intents: [{ op: 'setSiteRule', rule: '127.0.0.1' }] },
      { intents: [{ op: 'knowTerm', id: 'no-such-term' }] },
      { reset: false },
      { change: { knownTerms: ['gerenzhanghu'] } },
    ]) {
      const reply = await send('changeSettings', data);
      expect(reply.res, JSON.stringify(data)).toEqual({ error: expect.stringMatching(/^懂医保拒绝了这个请求/) });
    }
    const popupReply = await send('openLensPopup', { route: { view: 'search', text: '广告' } });
    expect(popupReply.res).toEqual({ error: expect.stringMatching(/^懂医保拒绝了这个请求/) });
    expect(await stored()).toEqual({ settings: { theme: 'dark' }, settings$: { v: 3 } });

    // What the card offers goes through.
    const known = await send('changeSettings', { intents: [{ op: 'knowTerm', id: 'gerenzhanghu' }] });
    expect(known.res).toMatchObject({ settings: { theme: 'dark', knownTerms: ['gerenzhanghu'] } });
    await session.detach();
  });
});

describe('the options page itself', () => {
  it('is reachable and usable from the keyboard alone', async () => {
    const options = await openOptions();
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      await options.keyboard.press('Tab');
      names.push(
        await options.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          if (!el || el === document.body) return '';
          const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '';
          return `${el.tagName.toLowerCase()}${el.type ? `:${el.type}` : ''} ${label.trim()}`;
        }),
      );
    }
    const reached = names.join('\n');
    for (const expected of [
      'input:checkbox 在网页上标出医保术语并显示解释卡片',
      'input:radio 下划线',
      'input:range 鼠标停留多久后显示卡片',
      'input:checkbox 只在按住按键时显示卡片',
      'input:checkbox 基金与个人账户',
      'input:text 网址或域名',
      'button:submit 添加',
      'input:checkbox 包括子域名',
      'input:radio 跟随系统',
      'button:button 修改快捷键…',
      'button:button 恢复默认设置…',
    ]) {
      expect(reached).toContain(expected);
    }

    // Arrow keys move within the radio group and the slider, and each move is saved.
    await options.getByRole('radio', { name: /^下划线/ }).focus();
    await options.keyboard.press('ArrowDown');
    expect(await until(storedSettings, (s) => s.markStyle === 'background')).toMatchObject({ markStyle: 'background' });
    await options.getByRole('slider', { name: '鼠标停留多久后显示卡片' }).focus();
    await options.keyboard.press('ArrowRight');
    expect(await until(storedSettings, (s) => s.hoverDelayMs === 240)).toMatchObject({ hoverDelayMs: 240 });
    expect(await options.locator('output').textContent()).toBe('240 毫秒');
    // A visible focus ring on the focused control.
    expect(await options.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
  });

  it('follows the system colour scheme, and the theme setting overrides it', async () => {
    const options = await openOptions();
    const background = () => options.locator('.opt-root').evaluate((el) => getComputedStyle(el).backgroundColor);
    await options.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(243, 245, 249)');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(20, 23, 29)');
    await options.getByRole('radio', { name: '浅色' }).check();
    expect(await background()).toBe('rgb(243, 245, 249)');
    expect((await until(storedSettings, (st) => st.theme === 'light')).theme).toBe('light');
    await options.emulateMedia({ colorScheme: 'light' });
    await options.getByRole('radio', { name: '深色' }).check();
    expect(await background()).toBe('rgb(20, 23, 29)');
  });

  it('lists the keyboard shortcuts the manifest declares, and Alt+J / Alt+K on pages', async () => {
    const options = await openOptions();
    const table = options.getByRole('table');
    await table.getByText('Alt+Shift+Y').waitFor();
    expect(await table.textContent()).toContain('在当前网站上关闭或开启懂医保');
    expect(await table.textContent()).toContain('Alt+Shift+U');
    const row = (label: string) => table.getByRole('row').filter({ hasText: label });
    expect(await row('网页上：跳到下一个标出的术语').textContent()).toContain('Alt+J');
    expect(await row('网页上：跳到上一个标出的术语').textContent()).toContain('Alt+K');
  });
});

describe('background: context menu and toggle-site shortcut', () => {
  it('the context menu item exists and its click opens the popup’s search with the selection', async () => {
    const result = await browser.serviceWorker.evaluate(async () => {
      // update() rejects for an id that was never created.
      await chrome.contextMenus.update('yibao-lens-search', { contexts: ['selection'] });
      const background = (
        globalThis as unknown as {
          yibaoLensBackground: {
            onLensMenuClicked(info: object): Promise<{ route: unknown; openedIn: string } | null>;
          };
        }
      ).yibaoLensBackground;
      const other = await background.onLensMenuClicked({ menuItemId: 'something-else', selectionText: 'x' });
      const opened = await background.onLensMenuClicked({
        menuItemId: 'yibao-lens-search',
        selectionText: '  个人账户\n',
      });
      const session = await chrome.storage.session.get('popupRoute');
      return { other, opened, session };
    });
    const value = { view: 'search', text: '个人账户' };
    const route = `search/${encodeURIComponent('个人账户')}`;
    expect(result.other).toBeNull();
    expect(result.opened?.route).toEqual(value);
    // Stored for the popup as a value, unless a popup page already took it (it reads it once).
    if (result.session.popupRoute !== undefined) expect(result.session.popupRoute).toEqual(value);
    if (result.opened?.openedIn === 'tab') {
      // The browser refused a popup (headless usually does): the same page opened in a tab at the route.
      const url = `chrome-extension://${browser.extensionId}/popup.html#${route}`;
      const tab = await until(async () => browser.context.pages().find((p) => p.url() === url), Boolean);
      expect(tab?.url()).toBe(url);
      if (tab) opened.push(tab);
    } else {
      expect(result.opened?.openedIn).toBe('popup');
    }
  });

  it('toggle-site switches the current site off and on, live, with a badge', async () => {
    const article = await openArticle();
    await article.bringToFront();
    const run = () =>
      browser.serviceWorker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        const background = (
          globalThis as unknown as {
            yibaoLensBackground: {
              onLensCommand(c: string, t: object): Promise<{ site: string; nowOff: boolean } | null>;
            };
          }
        ).yibaoLensBackground;
        // A real shortcut passes the active tab, readable thanks to activeTab.
        const toggle = await background.onLensCommand('toggle-site', { ...tab, url });
        return { toggle, badge: await chrome.action.getBadgeText({ tabId: tab!.id }) };
      }, article.url());

    const off = await run();
    expect(off.toggle).toMatchObject({ site: '127.0.0.1', nowOff: true });
    expect(off.badge).toBe('关');
    expect(
      await until(
        () => markedTexts(article),
        (m) => m.length === 0,
      ),
    ).toEqual([]);
    expect((await storedSettings()).disabledSites).toEqual(['127.0.0.1']);

    const on = await run();
    expect(on.toggle).toMatchObject({ site: '127.0.0.1', nowOff: false });
    expect(on.badge).toBe('开');
    expect(
      await until(
        () => markedTexts(article),
        (m) => m.includes('个人账户'),
      ),
    ).toContain('个人账户');
    await expectNotReloaded(article);

    const ignored = await browser.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { yibaoLensBackground: { onLensCommand(c: string, t: object): Promise<unknown> } }
      ).yibaoLensBackground.onLensCommand('toggle-site', {
        id: -1,
        url: 'chrome://extensions/',
      }),
    );
    expect(ignored).toBeNull();
  });
});
