/**
 * The toolbar popup, opened as a page at chrome-extension://<id>/popup.html
 * (headless Chromium cannot open the real popup). `?targetTab=<id>` tells it
 * which tab to inspect for 本页术语.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, SearchDoc } from '../../lib/card/records';
import { estimateInpatientCost } from '../../lib/checker/inpatient';
import { INPATIENT_EXAMPLE_PARAMS } from '../../lib/checker/tools/inpatient';
import { formatCheckerYuan } from '../../lib/checker/format';
import { LENS_CATEGORY_LABELS } from '../../lib/settings/categories';
import { articleFiles, articlePageHtml, articleText } from '../fixtures/pages';
import { createTermMatcher, type CompiledTermMatcher } from '../../lib/matcher/matcher';
import {
  cardOf,
  evaluateIn,
  extensionWorldId,
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
  storage: {
    session: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> };
    local: {
      set(items: object): Promise<void>;
      get(keys: string | string[]): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
  };
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
  // The tabs are rendered first, whatever the route (each panel when it is first shown).
  await page.locator('[role="tablist"]').waitFor({ state: 'attached' });
  return page;
}

/** An English page whose only Chinese comes after the loader's first look (a bilingual page, say). */
const LATE_CHINESE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benefits</title></head><body>${Array.from(
  { length: 300 },
  (_, i) => `<p>Paragraph ${i}: an English page about health insurance deductibles and waiting periods.</p>`,
).join('')}<p id="zh">个人账户的钱可以给家人用，这叫家庭共济。</p></body></html>`;

const searchBox = (page: Page) => page.getByRole('combobox', { name: '搜索医保术语和常见问题' });
const firstOptionId = (page: Page) => page.locator('[role="option"]').first().getAttribute('data-doc-id');

beforeAll(async () => {
  server = await startFixtureServer({
    '/seed.html': articlePageHtml(articleFiles()[0]!),
    '/late-chinese.html': LATE_CHINESE_PAGE,
  });
  browser = await launchExtensionBrowser([server.origin]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('popup: search', () => {
  it('opens with the search box focused, suggestions shown and a time-to-render mark', async () => {
    const page = await openPopup();
    // Read in one step: the first view's box, or the app's after it takes over, holds the focus.
    expect(await page.evaluate(() => document.activeElement?.matches('.search-input[role="combobox"]'))).toBe(true);
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

  it('the placeholder invites a question', async () => {
    const page = await openPopup();
    expect(await searchBox(page).getAttribute('placeholder')).toContain('例如：医保卡丢了怎么办');
    await page.close();
  });

  it('a colloquial query (生孩子报销) finds the maternity entries in the first three', async () => {
    const page = await openPopup();
    await searchBox(page).fill('生孩子报销');
    await page.locator('[role="option"]').first().waitFor();
    const top = await page
      .locator('[role="option"]')
      .evaluateAll((els) => els.slice(0, 3).map((el) => el.getAttribute('data-doc-id')));
    expect(
      top.some((id) => ['shengyuyiliaofeiyong', 'shengyubaoxian', 'unemployed-spouse-maternity'].includes(id!)),
    ).toBe(true);
    await page.close();
  });

  it('a phrase selected on a page that matches nothing as a whole finds the known terms it holds', async () => {
    const page = await openPopup();
    const phrase = '今年门槛费和封顶线都按结算年度重新计算';
    expect(docs.some((d) => d.title.includes(phrase))).toBe(false);
    await searchBox(page).fill(phrase);
    await page.locator('[role="option"]').first().waitFor();
    const shown = await page
      .locator('[role="option"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-doc-id')));
    expect(shown).toContain(termId('起付线'));
    expect(shown).toContain(termId('封顶线'));
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

  it('#term/<id> shows 原文 under a fact by keyboard and by click, without making the fact list taller while closed', async () => {
    const id = termId('实名就医');
    const page = await openPopup(`term/${id}`);
    const card = page.locator(`.detail [data-term-id="${id}"]`);
    await card.waitFor();
    const facts = card.locator('.yl-facts');
    const toggles = facts.locator('.yl-quote-toggle');
    expect(await toggles.count()).toBeGreaterThanOrEqual(2);
    const heightWith = (await facts.boundingBox())!.height;
    await page.addStyleTag({ content: '.yl-quote-toggle { display: none !important; }' });
    const heightWithout = (await facts.boundingBox())!.height;
    await page.evaluate(() =>
      document
        .querySelectorAll('style')
        .forEach((s) => s.textContent?.includes('yl-quote-toggle { display: none') && s.remove()),
    );
    expect(heightWith).toBe(heightWithout);

    const first = toggles.first();
    await first.focus();
    await page.keyboard.press(' ');
    await expect.poll(() => first.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`[id="${await first.getAttribute('aria-controls')}"]`);
    expect(await panel.innerText()).toContain('参保人员应当持本人医疗保障凭证就医、购药');
    expect(await panel.innerText()).toContain('《医疗保障基金使用监督管理条例》 · 第十七条');

    const third = toggles.nth(2);
    await third.click();
    await expect.poll(() => third.getAttribute('aria-expanded')).toBe('true');
    expect(await card.locator('.yl-quote').nth(1).innerText()).toContain('委托人和受托人的身份证明');
    expect(await card.innerText()).toMatch(/所引文件最新日期：\d{4}/);
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

    // The background stores the route as a value (the popup checks its shape); text is only in the popup's address.
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.session.set({ popupRoute: { view: 'checker', tool: 'waiting' } }),
    );
    const routed = await openPopup();
    // The stored route is read a moment after the first view is drawn: the view then redraws there.
    await routed.locator('[role="tab"][aria-selected="true"]', { hasText: '计算器' }).waitFor();
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
  const figure = (page: Page, name: string) => page.locator(`.checker-summary [data-figure="${name}"] dd`);
  const textbox = (page: Page, name: string) => page.getByRole('textbox', { name });
  /** The compact result is fully inside the popup's 600 px viewport. */
  async function expectSummaryInView(page: Page): Promise<void> {
    const box = await page.locator('.checker-summary').boundingBox();
    const height = page.viewportSize()!.height;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
  }
  const examplePays = (totalBill: number) =>
    `${formatCheckerYuan(
      estimateInpatientCost({
        scheme: '职工医保',
        totalBill,
        fullySelfPaid: 0,
        classBAmount: 0,
        ...INPATIENT_EXAMPLE_PARAMS.职工医保,
      }).poolPays,
    )} 元`;

  it('住院报销估算 (#checker/inpatient): typing a bill changes the result, which stays in view; 12万 parses', async () => {
    const page = await openPopup('checker/inpatient');
    expect(await page.getByRole('radio', { name: '住院报销估算' }).isChecked()).toBe(true);
    const bill = textbox(page, '住院总费用');
    await bill.fill('８０００');
    await figure(page, 'poolPays')
      .filter({ hasText: examplePays(8000) })
      .waitFor();
    await expectSummaryInView(page);
    expect(await page.locator('.checker-summary .basis').textContent()).toContain('示例数字，不是任何地区的真实标准');

    await bill.fill('12万');
    await figure(page, 'poolPays')
      .filter({ hasText: examplePays(120000) })
      .waitFor();
    expect(examplePays(120000)).not.toBe(examplePays(8000));
    expect(await figure(page, 'eligibleCost').textContent()).toBe('120,000 元示例');
    // Every figure worked out from the example numbers carries the 示例 tag inside its value.
    const figures = page.locator('.checker-summary .figure dd');
    expect(await figures.count()).toBeGreaterThan(1);
    expect(await page.locator('.checker-summary .figure dd .example-tag').count()).toBe(await figures.count());
    await expectSummaryInView(page);

    await textbox(page, '全自费金额').fill('13万');
    await page.locator('.checker-summary').getByText('全自费金额与乙类金额之和不能超过住院总费用').waitFor();
    await expectSummaryInView(page);
    await page.close();
  });

  it('住院报销估算 with the area’s own figures: 0.7 asks “是 70% 吗？” and waits for the answer', async () => {
    const page = await openTool('住院报销估算');
    await page.getByLabel('起付线、报销比例和封顶线').selectOption('local');
    await page.getByText('12393', { exact: false }).first().waitFor();
    await textbox(page, '住院总费用').fill('8000');
    await textbox(page, '全自费金额').fill('0');
    await textbox(page, '乙类项目金额').fill('0');
    await textbox(page, '起付线').fill('1000');
    await textbox(page, '封顶线').fill('30万');
    const ratio = textbox(page, '统筹报销比例');
    await ratio.fill('0.7');
    await page.getByText('是 70% 吗？', { exact: false }).waitFor();
    expect(await figure(page, 'poolPays').count()).toBe(0);
    await page.getByRole('button', { name: '是，按 70% 算' }).click();
    expect(await ratio.inputValue()).toBe('70');
    expect(await ratio.evaluate((el) => el === document.activeElement)).toBe(true);
    await figure(page, 'poolPays').filter({ hasText: '4,900 元' }).waitFor();
    expect(await page.locator('.checker-summary .basis').textContent()).toContain('按你填写的当地标准计算');
    await ratio.fill('70%');
    await figure(page, 'poolPays').filter({ hasText: '4,900 元' }).waitFor();
    // The form is taller than the popup, yet the result stays in view (sticky), also after typing the bill again.
    const panel = page.locator('.panel:has(.checker)');
    expect(await panel.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await expectSummaryInView(page);
    await textbox(page, '住院总费用').fill('9000');
    await figure(page, 'poolPays').filter({ hasText: '5,600 元' }).waitFor();
    await expectSummaryInView(page);
    await page.close();
  });

  it('个人账户: 月缴费基数 ８０００ → 160 元; bad values get a field-specific message; 重置 then 撤销 restores', async () => {
    const page = await openTool('个人账户');
    await page.getByLabel('参保类型').selectOption('在职职工');
    expect(await textbox(page, '个人账户计入比例').inputValue()).toBe('2');
    const base = textbox(page, '月缴费基数');
    await base.fill('８０００');
    await figure(page, 'monthlyCredit').filter({ hasText: '160 元' }).waitFor();
    expect(await page.locator('.steps li').first().textContent()).toContain('8,000 × 计入比例 2% = 160 元');
    expect(await page.locator('.checker-result').textContent()).toContain('国办发〔2021〕14号');
    await expectSummaryInView(page);

    for (const [bad, message] of [
      ['abc', '月缴费基数须在 0 到 100 万元之间（请填数字，例如 8000 或 1.2万）'],
      ['200万', '月缴费基数须在 0 到 100 万元之间'],
    ] as const) {
      await base.fill(bad);
      await page.getByText(message, { exact: true }).waitFor();
      expect(await base.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await base.getAttribute('aria-describedby'))!.split(' ');
      const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(messages).toContain(message);
      expect(await figure(page, 'monthlyCredit').count()).toBe(0);
      expect(await base.inputValue()).toBe(bad); // nothing typed is lost
    }

    // Inputs persist across openings; 重置 empties them and 撤销 brings them back.
    await base.fill('６０００');
    await figure(page, 'monthlyCredit').filter({ hasText: '120 元' }).waitFor();
    // Kept in the extension's own IndexedDB, which no content script can read; nothing in storage.local.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<unknown>((resolve) => {
              const open = indexedDB.open('yibao-lens');
              open.onsuccess = () => {
                const get = open.result.transaction('checker').objectStore('checker').get('inputs');
                get.onsuccess = () =>
                  resolve(
                    (get.result as { account?: { monthlyContributionBase?: string } })?.account
                      ?.monthlyContributionBase,
                  );
              };
            }),
        ),
      )
      .toBe('６０００');
    expect(await browser.serviceWorker.evaluate(() => chrome.storage.local.get('checkerInputs'))).toEqual({});
    await page.reload();
    await page.getByRole('tab', { name: '计算器' }).click();
    expect(await textbox(page, '月缴费基数').inputValue()).toBe('６０００');
    await page.getByRole('button', { name: '重置' }).click();
    await expect.poll(() => textbox(page, '月缴费基数').inputValue()).toBe('');
    await page.getByText('填写月缴费基数后，这里会显示结果。').waitFor();
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => textbox(page, '月缴费基数').inputValue()).toBe('６０００');
    await figure(page, 'monthlyCredit').filter({ hasText: '120 元' }).waitFor();
    expect(await page.getByRole('button', { name: '撤销' }).count()).toBe(0);
    await page.close();
  });

  it('inputs an earlier version left in storage.local are moved once into the private store and deleted there', async () => {
    // As after an update from a version that kept them in storage.local: nothing in the private store yet.
    const blank = await openPopup('checker');
    await blank.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.open('yibao-lens');
          req.onsuccess = () => {
            const tx = req.result.transaction('checker', 'readwrite');
            tx.objectStore('checker').clear();
            tx.oncomplete = resolve;
          };
        }),
    );
    await blank.close();
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({
        checkerInputs: { tool: 'waiting', waiting: { lapseYears: '3' } },
        checkerInputs$: { v: 2 },
      }),
    );
    const page = await openPopup('checker');
    expect(await page.getByRole('radio', { name: '待遇等待期' }).isChecked()).toBe(true);
    await expect
      .poll(() => browser.serviceWorker.evaluate(() => chrome.storage.local.get(['checkerInputs', 'checkerInputs$'])))
      .toEqual({});
    await page.close();
  });

  it('个人账户 for a retiree asks for the area’s monthly figure (no default) and explains the 14号 rule', async () => {
    const page = await openTool('个人账户');
    await page.getByLabel('参保类型').selectOption('退休人员');
    const credit = textbox(page, '当地退休人员每月划入额');
    expect(await credit.inputValue()).toBe('');
    await page.getByText('填写当地退休人员每月划入额后，这里会显示结果。').waitFor();
    const hintId = (await credit.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toContain('基本养老金平均水平的 2% 左右');
    await credit.fill('120');
    await figure(page, 'monthlyCredit').filter({ hasText: '120 元' }).waitFor();
    await page.close();
  });

  it('家庭共济: a sibling across provinces, 5000 元 in 医保钱包 transfers; no province checkbox', async () => {
    const page = await openTool('家庭共济');
    await page.getByLabel('你的参保类型').selectOption('职工医保');
    await page.getByLabel('家人和你的关系').selectOption('兄弟姐妹');
    await page.getByLabel('家人的参保情况').selectOption('居民医保');
    await page.locator('.verdict.ok').waitFor();
    await page.getByLabel('你们在同一个省参保').uncheck();
    expect(await page.getByText('广东').count()).toBe(0);
    await textbox(page, '跨省转账金额').fill('５０００');
    await figure(page, 'transfers').filter({ hasText: '3 笔，1 天' }).waitFor();
    await page.getByText('5,000 元分成 3 笔（2,000 + 2,000 + 1,000）', { exact: false }).waitFor();
    await textbox(page, '跨省转账金额').fill('五千');
    await page.getByText('跨省转账金额须在 0 到 100 万元之间', { exact: false }).waitFor();
    expect(await page.locator('.verdict').count()).toBe(0);
    await textbox(page, '跨省转账金额').fill('');
    await page.getByLabel('家人和你的关系').selectOption('其他');
    await page.locator('.verdict.no').waitFor();
    await page.close();
  });

  it('住院报销估算 reads 8千 like 8000; 全自费 and 乙类 may stay empty', async () => {
    const page = await openPopup('checker/inpatient');
    await textbox(page, '住院总费用').fill('8千');
    await figure(page, 'eligibleCost').filter({ hasText: '8,000 元' }).waitFor();
    // Left empty (earlier tests in this profile may have filled them): no message, counted as 0.
    await textbox(page, '全自费金额').fill('');
    await textbox(page, '乙类项目金额').fill('');
    await figure(page, 'eligibleCost').filter({ hasText: '8,000 元' }).waitFor();
    expect(await page.locator('.steps').textContent()).toContain('没有填全自费金额和乙类项目金额，按 0 计算');
    await textbox(page, '住院总费用').fill('1.2万');
    await figure(page, 'eligibleCost').filter({ hasText: '12,000 元' }).waitFor();
    await page.close();
  });

  it('撤销 appears beside 重置, both in view', async () => {
    const page = await openTool('个人账户');
    await page.getByLabel('参保类型').selectOption('在职职工');
    await textbox(page, '月缴费基数').fill('9000');
    await figure(page, 'monthlyCredit').filter({ hasText: '180 元' }).waitFor();
    const reset = page.getByRole('button', { name: '重置' });
    await reset.scrollIntoViewIfNeeded();
    await reset.click();
    const undo = page.getByRole('button', { name: '撤销' });
    await undo.waitFor();
    const [resetBox, undoBox] = [(await reset.boundingBox())!, (await undo.boundingBox())!];
    const height = page.viewportSize()!.height;
    for (const box of [resetBox, undoBox]) {
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    }
    expect(Math.abs(resetBox.y - undoBox.y)).toBeLessThan(8); // one row
    expect(undoBox.x - (resetBox.x + resetBox.width)).toBeLessThan(40); // side by side
    await undo.click();
    await expect.poll(() => textbox(page, '月缴费基数').inputValue()).toBe('9000');
    await page.close();
  });

  it('the sticky result never covers the field being edited, its hint or its message', async () => {
    const page = await openTool('住院报销估算');
    await page.getByLabel('参保类型').selectOption('居民医保');
    await page.getByLabel('起付线、报销比例和封顶线').selectOption('local');
    await textbox(page, '住院总费用').fill('5万');
    for (const name of [
      '起付线',
      '统筹报销比例',
      '封顶线',
      '乙类先行自付比例',
      '大病保险起付标准',
      '大病保险支付比例',
    ]) {
      const input = textbox(page, name);
      await input.focus();
      await page.keyboard.type('abc'); // a message appears under the field
      await page.waitForTimeout(50);
      const field = page.locator('.field', { has: input });
      const fieldBox = (await field.boundingBox())!;
      const summaryBox = (await page.locator('.checker-summary').boundingBox())!;
      expect(fieldBox.y + fieldBox.height, name).toBeLessThanOrEqual(summaryBox.y + 1);
      await input.fill('');
    }
    await page.close();
  });

  it('a tool given no number says its result is a general answer, not an estimate from the user’s numbers', async () => {
    const page = await openTool('家庭共济');
    await page.locator('.verdict').waitFor();
    const caveat = await page.locator('.caveat').textContent();
    expect(caveat).not.toContain('按你填写的数字');
    expect(caveat).toContain('以当地政策为准');
    await page.close();
  });

  it('待遇等待期: 居民医保, 断保 2 年 → 4 个月 or 5 by the other reading; fractional years are refused', async () => {
    const page = await openTool('待遇等待期');
    await page.getByLabel('参保类型').selectOption('居民医保');
    await textbox(page, '断保年数').fill('2');
    await textbox(page, '补缴年数').fill('0');
    await figure(page, 'waitingMonths').filter({ hasText: '4 个月' }).waitFor();
    expect(await figure(page, 'otherReading').textContent()).toBe('5 个月');
    expect(await page.locator('.steps').textContent()).toContain('合计：3 + 1 = 4 个月。');
    // One default reading; the other is in the result, not asked in the form.
    expect(await page.getByText('“每多断保1年”按哪种算法').count()).toBe(0);
    expect(await page.locator('.steps').textContent()).toContain('各地做法不同');
    await textbox(page, '断保年数').fill('1.5');
    await page.getByText('断保年数须为 0 到 50 年之间的整数').waitFor();
    await page.getByLabel('参保类型').selectOption('职工医保');
    await textbox(page, '断缴月数').fill('5');
    await figure(page, 'waitingMonths').filter({ hasText: '0–6 个月' }).waitFor();
    await page.close();
  });
});

describe('popup: 本页术语', () => {
  it('lists the terms of an article page in order of first appearance, with counts and a filter; choosing one reveals it on the page and focuses its card', async () => {
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
    // In the order the terms first appear: the article's lines run through the same compiled matcher here.
    const matcher = createTermMatcher(generated<CompiledTermMatcher>('matcher.json'));
    const firstSeen: string[] = [];
    for (const line of articleText(articleFiles()[0]!).split('\n')) {
      for (const m of matcher.findTermMatches(line.trim())) {
        const id = matcher.entries[m.entry]!.id;
        if (!firstSeen.includes(id)) firstSeen.push(id);
      }
    }
    expect(rows.map((r) => r.id)).toEqual(firstSeen);

    // A filter box narrows the list.
    await page.getByRole('searchbox', { name: '筛选本页术语' }).fill('共济');
    const filtered = await list.locator('.page-term-name').allTextContents();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((t) => t.includes('共济'))).toBe(true);
    await page.getByRole('searchbox', { name: '筛选本页术语' }).fill('');

    // Each row carries the entry's one-line meaning (its summary).
    const cards = generated<{ id: string; summary: string }[]>('cards.json');
    const summaryOf = (id: string) => cards.find((c) => c.id === id)?.summary;
    const meanings = await list.locator('.page-term').evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-term-id'),
        meaning: el.querySelector('.page-term-meaning')?.textContent,
      })),
    );
    expect(meanings.length).toBe(rows.length);
    for (const { id, meaning } of meanings) expect(meaning, id!).toBe(summaryOf(id!));

    // Grouped by category: headings in the settings' category order, each row under its own category.
    await page.getByRole('checkbox', { name: '按类别分组' }).check();
    const meta = generated<{ terms: Record<string, { category: string }> }>('page-term-meta.json');
    const groups = page.locator('.page-term-group');
    expect(await groups.count()).toBeGreaterThan(1);
    const grouped = await groups.evaluateAll((els) =>
      els.map((el) => ({
        title: el.querySelector('h3')?.firstChild?.textContent,
        ids: [...el.querySelectorAll('.page-term')].map((b) => b.getAttribute('data-term-id')),
      })),
    );
    expect(grouped.flatMap((g) => g.ids).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const group of grouped) {
      const categories = new Set(group.ids.map((id) => meta.terms[id!]!.category));
      expect(categories.size, group.title!).toBe(1);
      expect(group.title).toBe(LENS_CATEGORY_LABELS[[...categories][0] as keyof typeof LENS_CATEGORY_LABELS]);
    }
    await page.getByRole('checkbox', { name: '按类别分组' }).uncheck();
    const list2 = page.getByRole('list', { name: '本页术语' });
    await list2.waitFor();

    // Keyboard: Tab to the entry for 个人账户 and press Enter.
    const button = list.locator(`[data-term-id="${termId('个人账户')}"]`);
    await button.focus();
    await page.keyboard.press('Enter');
    const card = cardOf(seed);
    await card.waitFor({ timeout: 5000 });
    expect(await card.getAttribute('aria-label')).toMatch(/^个人账户/);
    await seed.waitForFunction(() => document.activeElement?.hasAttribute('data-yibao-lens'));
    expect(await seed.evaluate(() => document.visibilityState)).toBe('visible');
    await page.close();
    await seed.close();
  });

  it('a page whose Chinese comes after the loader’s first look: nothing runs until the popup wakes the loader, then 本页术语 lists its terms', async () => {
    const late = await browser.newPage();
    await late.goto(server.url('/late-chinese.html'));
    const session = await late.context().newCDPSession(late);
    const world = await extensionWorldId(session, browser.extensionId);
    const inWorld = (expression: string) => evaluateIn<string | boolean>(session, world, expression);
    // The loader left its wake function and did nothing else: no engine, no marks.
    expect(await inWorld('typeof globalThis.__yibaoLensWake')).toBe('function');
    await late.waitForTimeout(600);
    expect(await inWorld('typeof globalThis.__yibaoLensProbe')).toBe('undefined');
    expect(await late.evaluate(() => CSS.highlights.has('yibao-lens-term'))).toBe(false);

    // Opened in a tab, the popup holds no activeTab grant, so it cannot wake the loader: it says so and offers 重试.
    const tabId = await tabIdOf(late);
    noScriptTabs.push(tabId);
    const page = await openPopup('', `?targetTab=${tabId}`);
    await page.getByRole('tab', { name: '本页术语' }).click();
    await page.getByText('懂医保只在有中文的网页上查找术语', { exact: false }).waitFor();

    // What the toolbar popup's scripting.executeScript call runs in this world (lib/messaging/pageWake.ts).
    expect(await inWorld('globalThis.__yibaoLensWake()')).toBe(true);
    await page.getByRole('button', { name: '重试' }).click();
    const list = page.getByRole('list', { name: '本页术语' });
    await list.waitFor();
    const ids = await list.locator('.page-term').evaluateAll((els) => els.map((el) => el.getAttribute('data-term-id')));
    expect(ids).toEqual([termId('个人账户'), termId('家庭共济')]);
    // Woken, the engine marks the page like any other.
    expect(await inWorld('globalThis.__yibaoLensWake()')).toBe(true);
    await late.locator('#zh').scrollIntoViewIfNeeded();
    expect(await waitForMarks(late, 2)).toEqual(['个人账户', '家庭共济']);
    await session.detach();
    await page.close();
    await late.close();
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

  it('lists the terms marked 我懂了 in 设置, each with a labelled button that marks it again (keyboard), then an empty-state line', async () => {
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({ settings: { knownTerms: ['gerenzhanghu', 'tongchoujijin'] } }),
    );
    const page = await openPopup();
    await page.getByRole('button', { name: '设置' }).click();
    const list = page.getByRole('list', { name: '已懂的术语（不再标出）' });
    await expect
      .poll(() => list.getByRole('listitem').allTextContents())
      .toEqual(['个人账户重新标出', '统筹基金重新标出']);
    const restore = list.getByRole('button', { name: '重新标出“个人账户”' });
    await restore.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings')))
      .toMatchObject({ settings: { knownTerms: ['tongchoujijin'] } });
    await expect.poll(() => list.getByRole('listitem').allTextContents()).toEqual(['统筹基金重新标出']);
    await list.getByRole('button', { name: '重新标出“统筹基金”' }).click();
    await page.getByText('还没有。在解释卡片上点“我懂了”').waitFor();
    expect(await page.getByRole('list', { name: '已懂的术语（不再标出）' }).count()).toBe(0);
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });

  it('字号 大 / 特大 make the popup’s body text and buttons larger, at opening and live; 标准 is 16 / 14 / 13 px', async () => {
    await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { textSize: 'large' } }));
    const page = await openPopup();
    await searchBox(page).waitFor();
    const sizeOf = (selector: string) => () =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize, undefined, { timeout: 2000 });
    const body = sizeOf('.popup');
    const tab = sizeOf('[role="tab"]');
    await expect.poll(body).toBe('18px');
    await expect.poll(tab).toBe('15.75px');
    await browser.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { textSize: 'xlarge' } }));
    await expect.poll(body).toBe('20px');
    await expect.poll(tab).toBe('17.5px');
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    await expect.poll(body).toBe('16px');
    await expect.poll(tab).toBe('14px');
    // Meta text (a note under a setting) is 13 px at 标准.
    await page.getByRole('button', { name: '设置' }).click();
    await expect.poll(sizeOf('.known-terms-empty')).toBe('13px');
    await page.close();
  });

  it('follows a dark system theme', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await searchBox(page).waitFor();
    // Read in one step: the first view and the app (after it takes over) both follow the system theme.
    const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.popup')!).backgroundColor);
    expect(await background()).toBe('rgb(30, 34, 42)');
    await page.locator('#root .popup').waitFor();
    expect(await background()).toBe('rgb(30, 34, 42)');
    await page.close();
  });

  it('made no network request and logged no error', () => {
    // chrome://version (opened above as a page without a content script) loads its own resources.
    expect(browser.foreignRequests.filter((url) => !url.startsWith('chrome://'))).toEqual([]);
    // Asking a tab where nothing listens makes Chrome log “Unchecked runtime.lastError” in the asking page
    // (@webext-core/messaging's callback does not read it); expected for the chrome:// tab and for the page whose
    // loader a popup in a tab (no activeTab) could not wake. The toolbar popup wakes the loader before it asks.
    const expected = (e: string) =>
      e.startsWith('chrome://') ||
      noScriptTabs.some((id) => e.includes(`targetTab=${id}`) && e.includes('Could not establish connection'));
    expect(browser.pageErrors.filter((e) => !expected(e))).toEqual([]);
  });
});

describe('popup: the checker’s plain words for 乙类 and 全自费', () => {
  it('住院报销估算 says under each field, in plain words a reader sees, what 全自费 and 乙类 are and that they may be left empty', async () => {
    const page = await openPopup('checker/inpatient');
    // Read in the app: a field found in the first view could be replaced by the app's between finding and reading.
    await page.locator('#root .checker .fields').waitFor();
    /** The visible hint a field is described by (aria-describedby), and its type size. */
    const hintOf = (label: string) =>
      page.getByRole('textbox', { name: label }).evaluate((input) => {
        const hints = (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id))
          .filter((el): el is HTMLElement => !!el && el.classList.contains('field-hint'));
        const hint = hints[0];
        return hint
          ? { text: hint.innerText, size: parseFloat(getComputedStyle(hint).fontSize), shown: hint.offsetHeight > 0 }
          : null;
      });
    const selfPay = await hintOf('全自费金额');
    expect(selfPay?.shown).toBe(true);
    expect(selfPay!.text).toContain('医保完全不报');
    expect(selfPay!.text).toContain('全部自己付');
    expect(selfPay!.text).toContain('不清楚就不填');
    expect(selfPay!.size).toBeGreaterThanOrEqual(13);
    const classB = await hintOf('乙类项目金额');
    expect(classB?.shown).toBe(true);
    expect(classB!.text).toContain('医保能报');
    expect(classB!.text).toContain('先自己付一小部分');
    expect(classB!.text).toContain('不清楚就不填');
    expect(classB!.size).toBeGreaterThanOrEqual(13);
    // No clerk's words left unexplained in these two hints.
    for (const hint of [selfPay!.text, classB!.text]) expect(hint).not.toMatch(/先行自付|政策范围内|目录外/);
    // The labels say the fields may stay empty, and so do the boxes themselves.
    for (const label of ['全自费金额', '乙类项目金额']) {
      const box = page.getByRole('textbox', { name: label });
      expect(await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).toContain('可不填');
      expect(await box.getAttribute('placeholder')).toBe('不清楚可不填');
    }
    await page.close();
  });
});

describe('popup: contrast', () => {
  it('the checker’s text, a selected tool included, reads at 4.5:1 or more, light and dark', async () => {
    // Imported here so this suite's head stays as it is (another change works on it).
    const { lowContrastTexts } = await import('./contrast');
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html#checker/inpatient`);
      await page.getByRole('textbox', { name: '乙类项目金额' }).waitFor();
      expect(await page.locator('body').evaluate(lowContrastTexts, 4.5), colorScheme).toEqual([]);
      await page.close();
    }
  });
});

/** The popup's first view (no React) until the app takes over: nothing typed before or during the takeover is lost. */
describe('popup: first view and takeover', () => {
  /** Opens the popup with `script` run in the page before its own scripts. */
  async function openWith(route: string, script: () => void): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.addInitScript(script);
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html${route ? `#${route}` : ''}`);
    return page;
  }
  interface Early {
    appThere?: boolean;
    rows?: (string | null)[];
    typed?: string;
    typedBefore?: number;
    typedAfter?: number;
  }
  const early = (page: Page) => page.evaluate(() => (window as unknown as { __early: Early }).__early);

  it('typing before the app has loaded is kept (value, focus, caret), its results show at once, and the app shows the same first results', async () => {
    const page = await openWith('', () => {
      const seen: Early = ((window as unknown as { __early: Early }).__early = {});
      const observer = new MutationObserver(() => {
        const input = document.querySelector<HTMLInputElement>('#quick input[type="search"]');
        if (!input) return;
        observer.disconnect();
        seen.appThere = (document.getElementById('root')?.childElementCount ?? 0) > 0;
        input.focus();
        document.execCommand('insertText', false, '个人账户');
        input.setSelectionRange(2, 2);
        seen.rows = [...document.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('data-doc-id'));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.locator('#root .search-input').waitFor();
    const before = await early(page);
    expect(before.appThere).toBe(false);
    expect(before.rows!.length).toBeGreaterThan(0);
    expect(before.rows![0]).toBe(termId('个人账户'));

    const box = searchBox(page);
    expect(await box.inputValue()).toBe('个人账户');
    expect(
      await box.evaluate((el: HTMLInputElement) => [el === document.activeElement, el.selectionStart, el.selectionEnd]),
    ).toEqual([true, 2, 2]);
    const appRows = await page
      .locator('#root [role="option"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-doc-id')));
    expect(appRows.slice(0, before.rows!.length)).toEqual(before.rows);
    expect(await page.locator('#quick').count()).toBe(0);
    // The reader goes on typing in the app where the caret was.
    await page.keyboard.type('x');
    expect(await box.inputValue()).toBe('个人x账户');
    await page.close();
  });

  it('the first view waits on no file but its script: popup.html holds the stylesheet and the quick table, and the first results come from that table', async () => {
    /** In the page before its scripts: what the first view holds when it appears, after typing 个人账户 there. */
    const readFirstView = (emptyTable: boolean) => {
      const seen: Record<string, unknown> = ((window as unknown as { __first: Record<string, unknown> }).__first = {});
      // After parsing and before the first script runs, the test can empty the page's table.
      document.addEventListener('readystatechange', () => {
        const element = document.getElementById('yl-quick-table');
        if (emptyTable && document.readyState === 'interactive' && element)
          element.textContent = JSON.stringify({ docs: [], queries: {}, suggestions: { terms: [], articles: [] } });
      });
      const observer = new MutationObserver(() => {
        const input = document.querySelector<HTMLInputElement>('#quick input[type="search"]');
        if (!input) return;
        observer.disconnect();
        Object.assign(seen, {
          stylesheetLinks: document.querySelectorAll('link[rel="stylesheet"]').length,
          styles: document.querySelectorAll('style').length,
          themed: getComputedStyle(document.body).getPropertyValue('--yl-bg').trim() !== '',
          scripts: document.querySelectorAll('script[src]').length,
        });
        input.focus();
        document.execCommand('insertText', false, '个人账户');
        seen.rows = document.querySelectorAll('#quick [role="option"]').length;
        seen.status = document.querySelector('#quick [role="status"]')?.textContent ?? null;
      });
      observer.observe(document, { childList: true, subtree: true });
    };
    const open = async (emptyTable: boolean) => {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.addInitScript(readFirstView, emptyTable);
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await page.locator('#root .search-input').waitFor();
      const first = await page.evaluate(() => (window as unknown as { __first: Record<string, unknown> }).__first);
      return { page, first };
    };

    const { page, first } = await open(false);
    expect(first).toMatchObject({ stylesheetLinks: 0, styles: 1, themed: true, scripts: 1, status: null });
    expect(first.rows).toBeGreaterThan(0);
    const table = await page.evaluate(() => {
      const element = document.querySelector('script[type="application/json"]');
      return element?.id === 'yl-quick-table' ? (JSON.parse(element.textContent!) as { queries: object }) : null;
    });
    expect(Object.keys(table?.queries ?? {}).length).toBeGreaterThan(500);
    await page.close();

    // The table emptied: the first view has no answer of its own and says it is looking; so the rows above came
    // from the page's table, not from the script.
    const emptied = await open(true);
    expect(emptied.first).toMatchObject({ rows: 0, status: '正在查找…' });
    await emptied.page.close();
  });

  it('keystrokes that fall before, during and after the takeover all land, in order', async () => {
    const page = await openWith('', () => {
      const seen: Early = ((window as unknown as { __early: Early }).__early = {
        typed: '',
        typedBefore: 0,
        typedAfter: 0,
      });
      const chars = [...'tongchoujijin'];
      const typeNext = () => {
        const target = document.activeElement;
        if (target instanceof HTMLInputElement && target.type === 'search') {
          const ch = chars[seen.typed!.length % chars.length]!;
          document.execCommand('insertText', false, ch);
          seen.typed += ch;
          if ((document.getElementById('root')?.childElementCount ?? 0) > 0) seen.typedAfter! += 1;
          else seen.typedBefore! += 1;
        }
        if (seen.typedAfter! < 3 && seen.typed!.length < 60) setTimeout(typeNext, 2);
      };
      const observer = new MutationObserver(() => {
        if (!document.querySelector('#quick input[type="search"]')) return;
        observer.disconnect();
        typeNext();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.locator('#root .search-input').waitFor();
    await page.waitForFunction(() => {
      const e = (window as unknown as { __early: Early }).__early;
      return e.typedAfter! >= 3 || e.typed!.length >= 60;
    });
    const seen = await early(page);
    expect(seen.typedBefore).toBeGreaterThan(0);
    expect(await searchBox(page).inputValue()).toBe(seen.typed);
    expect(await searchBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it('a query the quick table does not hold (pinyin) says 正在查找 in the first view, then shows the full results', async () => {
    const page = await openWith('', () => {
      const seen: Early = ((window as unknown as { __early: Early }).__early = {});
      const observer = new MutationObserver(() => {
        const input = document.querySelector<HTMLInputElement>('#quick input[type="search"]');
        if (!input) return;
        observer.disconnect();
        input.focus();
        document.execCommand('insertText', false, 'tongchou');
        seen.rows = [...document.querySelectorAll('#quick [role="status"]')].map((el) => el.textContent);
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.locator('#root [role="option"]').first().waitFor();
    expect((await early(page)).rows).toEqual(['正在查找…']);
    expect(await firstOptionId(page)).toBe(termId('统筹基金'));
    expect(await searchBox(page).inputValue()).toBe('tongchou');
    await page.close();
  });

  it('#checker/account: the first fields take input typed at once; the app keeps it (focus, caret), computes with it and saves it', async () => {
    const page = await openWith('checker/account', () => {
      const seen: Early = ((window as unknown as { __early: Early }).__early = {});
      const observer = new MutationObserver(() => {
        const number = document.querySelector<HTMLInputElement>('#quick .checker .fields input[inputmode="decimal"]');
        const choice = document.querySelector<HTMLSelectElement>('#quick .checker .fields select');
        if (!number || !choice) return;
        observer.disconnect();
        seen.appThere = (document.getElementById('root')?.childElementCount ?? 0) > 0;
        choice.value = '在职职工';
        choice.dispatchEvent(new Event('change', { bubbles: true }));
        number.focus();
        document.execCommand('insertText', false, '8000');
        seen.typed = number.name;
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.locator('#root .checker').waitFor();
    const seen = await early(page);
    expect(seen.appThere).toBe(false);
    expect(seen.typed).toBe('monthlyContributionBase');
    const base = page.getByRole('textbox', { name: /月缴费基数/ });
    expect(await base.inputValue()).toBe('8000');
    expect(
      await base.evaluate((el: HTMLInputElement) => [
        el === document.activeElement,
        el.selectionStart,
        el.selectionEnd,
      ]),
    ).toEqual([true, 4, 4]);
    await page.locator('.checker-summary').filter({ hasText: '160 元' }).waitFor();
    await page.close();

    // Saved as if typed in the app: the next opening shows it.
    const again = await openPopup('checker/account');
    await again.locator('#root .checker').waitFor();
    expect(await again.getByRole('textbox', { name: /月缴费基数/ }).inputValue()).toBe('8000');
    await again.getByRole('button', { name: '重置' }).click();
    await again.close();
  });

  it('every tool’s form opens in the first view, labelled, before the app', async () => {
    for (const tool of ['account', 'family', 'waiting', 'inpatient']) {
      const page = await openWith(`checker/${tool}`, () => {
        const seen: Early = ((window as unknown as { __early: Early }).__early = {});
        const observer = new MutationObserver(() => {
          const field = document.querySelector<HTMLElement>(
            '#quick .checker .fields :is(input[inputmode=decimal], select)',
          );
          if (!field) return;
          observer.disconnect();
          seen.appThere = (document.getElementById('root')?.childElementCount ?? 0) > 0;
          seen.rows = [document.querySelector(`label[for="${field.id}"]`)?.textContent ?? null];
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      await page.locator('#root .checker .fields').waitFor();
      const seen = await early(page);
      expect(seen.appThere, tool).toBe(false);
      expect(seen.rows![0], tool).toBeTruthy();
      await page.close();
    }
  });

  it('the popup follows 字号 (特大: body 20 px) from the first view on', async () => {
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    const settings = stored.settings as Record<string, unknown> | undefined;
    await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), {
      ...settings,
      textSize: 'xlarge',
    });
    try {
      const page = await openPopup();
      const fontSize = () => searchBox(page).evaluate((el) => getComputedStyle(el).fontSize);
      await page.waitForFunction(() => document.body.style.getPropertyValue('--yl-scale') === '1.25');
      expect(await fontSize()).toBe('20px');
      await page.locator('#root .search-input').waitFor();
      expect(await fontSize()).toBe('20px');
      await page.close();
    } finally {
      if (settings) await browser.serviceWorker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
      else await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });
});
