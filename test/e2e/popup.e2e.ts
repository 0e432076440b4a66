/**
 * The toolbar popup, opened as a page at chrome-extension://<id>/popup.html
 * (headless Chromium cannot open the real popup). `?targetTab=<id>` tells it
 * which tab to inspect for 本页术语.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Region } from '../../data/schema';
import type { ArticleRecord, SearchDoc } from '../../lib/card/records';
import { estimateInpatientCost, inpatientParamsFromRegion } from '../../lib/checker/inpatient';
import { formatCheckerYuan } from '../../lib/checker/shared';
import { seedFiles, seedPageHtml } from '../fixtures/pages';
import {
  CARD_SELECTOR,
  launchExtensionBrowser,
  startFixtureServer,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

let server: FixtureServer;
let browser: ExtensionBrowser;
/** Tabs the popup was pointed at that run no content script. */
const noScriptTabs: number[] = [];

const generated = <T>(file: string): T => JSON.parse(readFileSync(`generated/${file}`, 'utf8')) as T;
const docs = generated<SearchDoc[]>('search-docs.json');
const termId = (title: string) => {
  const doc = docs.find((d) => d.kind === 'term' && d.title === title);
  if (!doc) throw new Error(`没有术语“${title}”：先运行 npm run compile-data`);
  return doc.id;
};

/** The service worker's chrome.* API, typed just enough for these tests. */
interface WorkerChrome {
  tabs: { query(filter: object): Promise<{ id?: number }[]> };
  storage: { session: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
}
declare const chrome: WorkerChrome;

async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

async function openPopup(route = '', query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${query}${route ? `#${route}` : ''}`);
  // The search box is rendered first, whatever the route (hidden when the route opens another tab).
  await page.locator('input[type="search"]').waitFor({ state: 'attached' });
  return page;
}

const searchBox = (page: Page) => page.getByRole('combobox', { name: '搜索医保术语和常见问题' });
const firstOptionId = (page: Page) => page.locator('[role="option"]').first().getAttribute('data-doc-id');

beforeAll(async () => {
  server = await startFixtureServer({ '/seed.html': seedPageHtml(seedFiles()[0]!) });
  browser = await launchExtensionBrowser([server.origin]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('popup: search', () => {
  it('opens with the search box focused, suggestions shown and a time-to-render mark', async () => {
    const page = await openPopup();
    expect(await searchBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('heading', { name: '常用术语' }).waitFor();
    expect(await page.locator('.suggestions .yl-chip').count()).toBeGreaterThan(3);
    expect(await page.evaluate(() => performance.getEntriesByName('yibao-popup-search-rendered').length)).toBe(1);
    expect(await page.getByRole('tab', { name: '查询' }).getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it.each([
    ['tongchou', '统筹基金', 'full pinyin prefix'],
    ['tongchoujijin', '统筹基金', 'full pinyin'],
    ['grzh', '个人账户', 'initials'],
    ['tcjj', '统筹基金', 'initials'],
    ['统愁基金', '统筹基金', 'typo'],
    ['亲情账户', '亲情账户', 'title'],
    ['个账', '个人账户', 'alias'],
    ['职工醫保', '职工基本医疗保险', 'a traditional character, folded'],
    ['个人帐户', '个人账户', 'a variant character: the exact term, not 个人账户计入'],
  ])('%s finds %s first (%s)', async (query, title) => {
    const page = await openPopup();
    await searchBox(page).fill(query);
    await page.locator('[role="option"]').first().waitFor();
    expect(await firstOptionId(page)).toBe(termId(title));
    expect(await searchBox(page).getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });

  it('grzh: 个人账户 first, then only entries whose initials start so (no fuzzy guesses)', async () => {
    const page = await openPopup();
    await searchBox(page).fill('grzh');
    await page.locator('[role="option"]').first().waitFor();
    const shown = await page
      .locator('[role="option"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-doc-id')));
    expect(shown[0]).toBe(termId('个人账户'));
    const initialsOf = (id: string | null) => docs.find((d) => d.id === id)?.initials ?? [];
    for (const id of shown)
      expect(
        initialsOf(id).some((i) => i.startsWith('grzh')),
        `${id}`,
      ).toBe(true);
    await page.close();
  });

  it('医保卡丢了 finds the question about a lost card, though its title words it differently', async () => {
    const article = docs.find((d) => d.kind === 'article' && d.title.startsWith('医保卡（社保卡）丢了'));
    expect(article, 'generated/search-docs.json 里没有“医保卡（社保卡）丢了…”这篇文章').toBeTruthy();
    const page = await openPopup();
    await searchBox(page).fill('医保卡丢了');
    await page.locator('[role="option"]').first().waitFor();
    expect(await firstOptionId(page)).toBe(article!.id);
    expect(await page.locator('[role="option"]').first().textContent()).toContain('医保卡（社保卡）丢了怎么办');
    await page.close();
  });

  it('shows the alias that matched and groups results into 术语 and 文章', async () => {
    const page = await openPopup();
    await searchBox(page).fill('个账');
    const first = page.locator('[role="option"]').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('也叫“个账”');
    const groups = await page
      .locator('[role="listbox"] [role="group"]')
      .evaluateAll((els) =>
        els.map((el) => document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent ?? ''),
      );
    expect(groups[0]).toMatch(/^术语/);
    await page.close();
  });

  it('keyboard: ↓ ↑ move the active option, Enter opens the TermCard, chips switch it, Esc goes back', async () => {
    const page = await openPopup();
    const box = searchBox(page);
    await page.keyboard.type('tcjj');
    await page.locator('[role="option"]').first().waitFor();
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    const active = page.locator(`[id="${activeId}"]`);
    expect(await active.getAttribute('aria-selected')).toBe('true');
    expect(await active.getAttribute('data-doc-id')).toBe(termId('统筹基金'));
    await page.keyboard.press('Enter');

    const card = page.locator('.detail article.yl-card-body');
    await card.waitFor();
    expect(await card.getAttribute('data-term-id')).toBe(termId('统筹基金'));
    expect(await page.evaluate(() => document.activeElement?.classList.contains('detail'))).toBe(true);
    expect(await page.locator('.detail').getAttribute('aria-label')).toBe('术语：统筹基金');

    // A related-term chip switches the detail; 返回上一条 goes back to the previous one.
    const chip = card.locator('.yl-chips .yl-chip').first();
    const chipText = (await chip.textContent())!;
    await chip.click();
    await page.waitForFunction((term) => document.querySelector('.detail .yl-term')?.textContent === term, chipText);
    await page.getByRole('button', { name: '返回上一条' }).click();
    await page.waitForFunction(() => document.querySelector('.detail .yl-term')?.textContent === '统筹基金');

    // Esc closes the detail and brings the results and the focus back.
    await page.keyboard.press('Escape');
    await page.locator('[role="listbox"]').waitFor();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe('tcjj');
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    await page.close();
  });

  it('shows a helpful no-result state', async () => {
    const page = await openPopup();
    await searchBox(page).fill('qqqqxxzz');
    await page.getByText('没有找到与“qqqqxxzz”相关的内容').waitFor();
    expect(await page.locator('[role="option"]').count()).toBe(0);
    expect(await page.locator('.no-results .yl-chip').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('article detail shows the sections and the sources; its term chips open terms', async () => {
    const articles = generated<ArticleRecord[]>('articles.json');
    const article = articles.find((a) => a.terms.length > 0);
    expect(article, 'generated/articles.json 里没有文章').toBeTruthy();
    const page = await openPopup(`article/${article!.id}`);
    const body = page.locator(`[data-article-id="${article!.id}"]`);
    await body.waitFor();
    expect(await body.locator('h2').textContent()).toBe(article!.title);
    expect(await body.locator('.yl-article-section').count()).toBe(article!.sections.length);
    expect(await body.locator('.yl-sources li').count()).toBe(article!.sources.length);
    await body.locator('.yl-chip').first().click();
    await page.locator(`.detail [data-term-id="${article!.terms[0]!.id}"]`).waitFor();
    await page.close();
  });
});

describe('popup: routes', () => {
  it('#term/<id> opens the TermCard; 返回搜索 goes to the search box', async () => {
    const id = termId('个人账户');
    const page = await openPopup(`term/${id}`);
    await page.locator(`.detail [data-term-id="${id}"]`).waitFor();
    await page.getByRole('button', { name: '返回搜索' }).click();
    await page.getByRole('heading', { name: '常用术语' }).waitFor();
    expect(await searchBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it('#search/<text> prefills the search', async () => {
    const page = await openPopup(`search/${encodeURIComponent('个账')}`);
    expect(await searchBox(page).inputValue()).toBe('个账');
    await page.locator('[role="option"]').first().waitFor();
    expect(await firstOptionId(page)).toBe(termId('个人账户'));
    await page.close();
  });

  it('#checker and a route stored in storage.session by the background (read once, then cleared)', async () => {
    const page = await openPopup('checker');
    expect(await page.getByRole('tab', { name: '计算器' }).getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('参保类型').waitFor();
    await page.close();

    await browser.serviceWorker.evaluate(() => chrome.storage.session.set({ popupRoute: 'checker/waiting' }));
    const routed = await openPopup();
    expect(await routed.getByRole('tab', { name: '计算器' }).getAttribute('aria-selected')).toBe('true');
    expect(await routed.getByRole('radio', { name: '待遇等待期' }).isChecked()).toBe(true);
    expect(await browser.serviceWorker.evaluate(() => chrome.storage.session.get('popupRoute'))).toEqual({});
    await routed.close();
  });
});

describe('popup: checker', () => {
  async function openTool(tool: string): Promise<Page> {
    const page = await openPopup('checker');
    await page.getByRole('radio', { name: tool }).check();
    return page;
  }
  const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"] dd`);

  it('个人账户: 在职职工, 月缴费基数 ８０００ → 每月划入 160 元, with steps; bad input shows the Chinese message', async () => {
    const page = await openTool('个人账户');
    await page.getByLabel('参保类型').selectOption('在职职工');
    for (const label of ['月缴费基数', '个人账户计入比例', '当前余额', '每月预计支出', '当前月份']) {
      expect(await page.getByLabel(label).count(), label).toBe(1);
    }
    await page.getByLabel('个人账户计入比例').fill('2');
    const base = page.getByLabel('月缴费基数');
    await base.fill('８０００');
    await page.waitForFunction(
      () => document.querySelector('[data-figure="monthlyCredit"] dd')?.textContent === '160 元',
    );
    expect(await page.locator('[data-figure="monthlyCredit"] dt').textContent()).toBe('每月划入');
    expect(await page.locator('.steps li').first().textContent()).toContain('8,000 × 计入比例 2% = 160 元');
    expect(await page.locator('.checker').textContent()).toContain('以当地政策为准');

    for (const bad of ['abc', '-5', '99999999999999999999']) {
      await base.fill(bad);
      await page.getByText('月缴费基数须为 0 到 100000 之间的数字').waitFor();
      expect(await base.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await base.getAttribute('aria-describedby'))!.split(' ');
      const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(messages).toContain('月缴费基数须为 0 到 100000 之间的数字');
      expect(await figure(page, 'monthlyCredit').count()).toBe(0);
    }
    await base.fill('');
    await page.getByText('填写月缴费基数后，这里会显示结果。').waitFor();
    expect(await base.getAttribute('aria-invalid')).toBeNull();

    // Inputs persist across openings, and the reset empties them.
    await base.fill('６０００');
    await figure(page, 'monthlyCredit').filter({ hasText: '120 元' }).waitFor();
    await page.reload();
    await page.getByRole('tab', { name: '计算器' }).click();
    expect(await page.getByLabel('月缴费基数').inputValue()).toBe('６０００');
    await page.getByRole('button', { name: '清空输入，恢复默认值' }).click();
    await expect.poll(() => page.getByLabel('月缴费基数').inputValue()).toBe('');
    await page.close();
  });

  it('家庭共济: a sibling across provinces, 5000 元 in 医保钱包 transfers', async () => {
    const page = await openTool('家庭共济');
    await page.getByLabel('你的参保类型').selectOption('职工医保');
    await page.getByLabel('家人和你的关系').selectOption('兄弟姐妹');
    await page.getByLabel('家人的参保情况').selectOption('居民医保');
    await page.locator('.verdict.ok').waitFor();
    await page.getByLabel('你们在同一个省参保').uncheck();
    await page.getByLabel('跨省转账金额').fill('５０００');
    await page.getByText('5,000 元分成 3 笔（2,000 + 2,000 + 1,000）', { exact: false }).waitFor();
    await page.getByLabel('跨省转账金额').fill('五千');
    await page.getByText('跨省转账金额须为 0 到 1000000 之间的数字').waitFor();
    await page.getByLabel('家人和你的关系').selectOption('其他');
    await page.locator('.verdict.no').waitFor();
    await page.close();
  });

  it('待遇等待期: 居民医保, 断保 2 年 → 4 个月; fractional years are refused', async () => {
    const page = await openTool('待遇等待期');
    await page.getByLabel('参保类型').selectOption('居民医保');
    await page.getByLabel('断保年数').fill('2');
    await page.getByLabel('补缴年数').fill('0');
    await figure(page, 'waitingMonths').filter({ hasText: '4 个月' }).waitFor();
    expect(await page.locator('.steps').textContent()).toContain('合计：3 + 1 = 4 个月。');
    await page.getByLabel('断保年数').fill('1.5');
    await page.getByText('断保年数须为整数').waitFor();
    await page.getByLabel('参保类型').selectOption('职工医保');
    await page.getByLabel('断缴月数').fill('5');
    await figure(page, 'waitingMonths').filter({ hasText: '0–6 个月' }).waitFor();
    await page.close();
  });

  it('住院报销估算: 职工医保, 住院总费用 ８０００ with the region parameters; parts above the total are refused', async () => {
    const region = generated<Region[]>('regions.json')[0]!;
    const expected = estimateInpatientCost({
      scheme: '职工医保',
      totalBill: 8000,
      fullySelfPaid: 0,
      classBAmount: 0,
      ...inpatientParamsFromRegion(region.params, '职工医保'),
    });
    const page = await openTool('住院报销估算');
    await page.getByLabel('参保类型').selectOption('职工医保');
    await page.getByLabel('全自费金额').fill('0');
    await page.getByLabel('乙类项目金额').fill('0');
    await page.getByLabel('住院总费用').fill('８０００');
    await figure(page, 'poolPays')
      .filter({ hasText: `${formatCheckerYuan(expected.poolPays)} 元` })
      .waitFor();
    expect(await figure(page, 'patientPays').textContent()).toBe(`${formatCheckerYuan(expected.patientPays)} 元`);
    expect(await page.getByLabel('起付线').inputValue()).toBe(String(region.params.employeeDeductible));
    await page.getByLabel('全自费金额').fill('９０００');
    await page.getByText('全自费金额与乙类金额之和不能超过住院总费用').waitFor();
    await page.getByLabel('参保类型').selectOption('居民医保');
    expect(await page.getByLabel('大病保险起付标准').inputValue()).toBe(String(region.params.seriousIllnessThreshold));
    await page.close();
  });
});

describe('popup: 本页术语', () => {
  it('lists the terms of a seed page with counts; choosing one reveals it on the page and focuses its card', async () => {
    const seed = await browser.newPage();
    await seed.goto(server.url('/seed.html'));
    await waitForMarks(seed, 3);
    const tabId = await tabIdOf(seed);

    const page = await openPopup('', `?targetTab=${tabId}`);
    await page.getByRole('tab', { name: '本页术语' }).click();
    const list = page.getByRole('list', { name: '本页术语' });
    await list.waitFor();
    const rows = await list.locator('.page-term').evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-term-id'),
        count: Number(el.querySelector('.page-term-count')?.textContent?.replace(/\D/g, '')),
      })),
    );
    const account = rows.find((r) => r.id === termId('个人账户'));
    expect(account?.count).toBeGreaterThan(0);
    const counts = rows.map((r) => r.count);
    expect(counts).toEqual(counts.toSorted((a, b) => b - a));

    // Keyboard: Tab to the entry for 个人账户 and press Enter.
    const button = list.locator(`[data-term-id="${termId('个人账户')}"]`);
    await button.focus();
    await page.keyboard.press('Enter');
    const card = seed.locator(CARD_SELECTOR);
    await card.waitFor({ timeout: 5000 });
    expect(await card.getAttribute('aria-label')).toMatch(/^个人账户/);
    await seed.waitForFunction(() => document.activeElement?.tagName === 'YIBAO-LENS-HOST');
    expect(await seed.evaluate(() => document.visibilityState)).toBe('visible');
    await page.close();
    await seed.close();
  });

  it('says so in Chinese on a page where no content script runs', async () => {
    const special = await browser.newPage();
    await special.goto('chrome://version');
    const tabId = await tabIdOf(special);
    noScriptTabs.push(tabId);
    const page = await openPopup('page', `?targetTab=${tabId}`);
    await page.getByText('浏览器自带的页面', { exact: false }).waitFor();
    expect(await page.locator('.page-state .state-title').textContent()).toMatch(/不能使用懂医保|无法读取本页的术语/);
    await page.close();
    await special.close();
  });

  it('opened as a page without ?targetTab it has no web page to look at', async () => {
    const page = await openPopup('page');
    await page.getByText('没有可以查看的网页').waitFor();
    await page.close();
  });
});

describe('popup: settings, theme, privacy', () => {
  it('keeps the on/off switches in the 设置 area', async () => {
    const page = await openPopup();
    const toggle = page.getByRole('button', { name: '设置' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const main = page.getByRole('switch', { name: '在网页上标出医保术语' });
    expect(await main.isChecked()).toBe(true);
    await main.uncheck();
    await page.getByText('已全部关闭').waitFor();
    await main.check();
    await page.close();
  });

  it('follows a dark system theme', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await searchBox(page).waitFor();
    expect(await page.locator('.popup').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(30, 34, 42)');
    await page.close();
  });

  it('made no network request and logged no error', () => {
    // chrome://version (opened above as a page without a content script) loads its own resources.
    expect(browser.foreignRequests.filter((url) => !url.startsWith('chrome://'))).toEqual([]);
    // Asking a tab without a content script makes Chrome log “Unchecked runtime.lastError” in the asking page
    // (@webext-core/messaging's callback does not read it); expected for the chrome:// tab only.
    const expected = (e: string) =>
      e.startsWith('chrome://') ||
      noScriptTabs.some((id) => e.includes(`targetTab=${id}`) && e.includes('Could not establish connection'));
    expect(browser.pageErrors.filter((e) => !expected(e))).toEqual([]);
  });
});
