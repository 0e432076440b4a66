/**
 * 本页的数字 as a reader meets it, with the built extension in real Chromium: the popup list on a prose page, a
 * list page and a table page (each item's <data> reading against the page's labels, choosing one shows it on the
 * page), the card's 「本页写的是」 line with links to the numbers, 「用本页的数字」 filling the 住院报销估算 tool
 * with the sources under the result, and the same list in the PDF reader from a printed table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPrinter, printPdf } from '../fixtures/pdfs';
import {
  cardOf,
  hoverText,
  launchExtensionBrowser,
  markedTexts,
  startFixtureServer,
  until,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const DEV = join('test/fixtures/numbers/dev');
const page = (file: string) => readFileSync(join(DEV, file), 'utf8');
interface Label {
  param: string;
  value: number | string;
  scheme?: string;
  level?: string;
  group?: string;
  year?: number;
  area?: string;
}
const labels = JSON.parse(readFileSync(join(DEV, 'labels.json'), 'utf8')) as {
  pages: { file: string; params: Label[] }[];
};
const labelsOf = (file: string) => labels.pages.find((p) => p.file === file)!.params;

let server: FixtureServer;
let browser: ExtensionBrowser;
let printer: Browser;

/** The service worker's chrome.* API, typed just enough for these tests. */
declare const chrome: { tabs: { query(filter: object): Promise<{ id?: number }[]> } };

async function tabIdOf(p: Page): Promise<number> {
  await p.bringToFront();
  return browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

async function openPopup(route: string, tabId: number): Promise<Page> {
  const popup = await browser.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?targetTab=${tabId}#${route}`);
  return popup;
}

/** The list's readings, from each item's <data> element. */
async function readings(popup: Page): Promise<Label[]> {
  const list = popup.getByRole('list', { name: '本页的数字' });
  await list.waitFor({ timeout: 10000 });
  return list.locator('data').evaluateAll((els) =>
    els.map((el) => {
      const d = (el as HTMLDataElement).dataset;
      const raw = (el as HTMLDataElement).value;
      const reading: Record<string, unknown> = { param: d.param, value: d.unit === 'date' ? raw : Number(raw) };
      for (const key of ['scheme', 'level', 'group', 'area'] as const) if (d[key]) reading[key] = d[key];
      if (d.year) reading.year = Number(d.year);
      return reading as unknown as Label;
    }),
  );
}

/** Labels without their unit, in a fixed order (the list follows the page's order, labels are grouped by parameter). */
const sorted = (list: (Label & { unit?: string })[]) =>
  list.map(({ unit: _unit, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

beforeAll(async () => {
  printer = await launchPrinter();
  const tablePdf = await printPdf(
    printer,
    page('d02-two-schemes-table.html').replace('<head>', '<head><style>td,th{padding:4px 24px}</style>'),
  );
  server = await startFixtureServer({
    '/prose.html': page('d13-community-enumeration.html'),
    '/list.html': page('d12-local-vs-remote.html'),
    '/table.html': page('d02-two-schemes-table.html'),
    '/rules.html': page('d08-employee-rules.html'),
    '/table.pdf': tablePdf,
  });
  browser = await launchExtensionBrowser([server.origin]);
}, 60000);
afterAll(async () => {
  await browser?.close();
  await printer?.close();
  await server?.close();
});

describe('popup: 本页的数字', () => {
  it.each([
    ['prose', '/prose.html', 'd13-community-enumeration.html'],
    ['list', '/list.html', 'd12-local-vs-remote.html'],
    ['table', '/table.html', 'd02-two-schemes-table.html'],
  ])(
    'lists the numbers of a %s page with their scope; choosing one shows it on the page',
    async (_kind, path, file) => {
      const seed = await browser.newPage();
      await seed.goto(server.url(path));
      await waitForMarks(seed, 1);
      const tabId = await tabIdOf(seed);
      const popup = await openPopup('numbers', tabId);
      expect(sorted(await readings(popup))).toEqual(sorted(labelsOf(file)));
      // Every item names its parameter, value, scope and source sentence or cell.
      const first = popup.getByRole('list', { name: '本页的数字' }).getByRole('button').first();
      expect(await first.textContent()).toMatch(/起付线.*元/);
      await first.click();
      const shown = await until(
        () => markedTexts(seed, 'yibao-lens-number'),
        (t) => t.length > 0,
      );
      expect(shown.join('')).toContain(String(labelsOf(file)[0]!.value));
      await popup.close();
      await seed.close();
    },
  );

  it('shows the page date and warns when the page is more than two years old', async () => {
    const seed = await browser.newPage();
    await seed.goto(server.url('/list.html'));
    await waitForMarks(seed, 1);
    const popup = await openPopup('numbers', await tabIdOf(seed));
    await popup.getByRole('list', { name: '本页的数字' }).waitFor();
    expect(await popup.locator('.page-date').textContent()).toMatch(/2021-10-09.*两年多以前/);
    await popup.close();
    await seed.close();
  });
});

describe('card: 本页写的是', () => {
  it('the card of 起付线 on a prose page carries the page’s values with links to them', async () => {
    const seed = await browser.newPage();
    await seed.goto(server.url('/prose.html'));
    await waitForMarks(seed, 1);
    await hoverText(seed, '起付线');
    const card = cardOf(seed);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    const line = card.locator('.yl-page-numbers');
    await line.waitFor({ timeout: 5000 });
    expect(await line.textContent()).toBe('本页写的是：居民医保 社区 100元；二级 300元；三级 600元');
    await card.getByRole('button', { name: /^三级 600元/ }).click();
    const shown = await until(
      () => markedTexts(seed, 'yibao-lens-number'),
      (t) => t.length > 0,
    );
    expect(shown).toEqual(['600元']);
    await seed.close();
  });
});

describe('checker: 用本页的数字', () => {
  it('fills 住院报销估算 from a table page for the scope the user picks and names the source of each number', async () => {
    const seed = await browser.newPage();
    await seed.goto(server.url('/table.html'));
    await waitForMarks(seed, 1);
    const popup = await openPopup('checker/inpatient', await tabIdOf(seed));
    await popup.getByRole('button', { name: '用本页的数字' }).click();
    const scopes = popup.getByRole('group', { name: '选择本页数字的适用范围' });
    await scopes.waitFor();
    await scopes.getByLabel('参保类型').selectOption('居民');
    await scopes.getByLabel('医院等级').selectOption('三级');
    await scopes.getByRole('button', { name: '填入这些数字' }).click();
    expect(await popup.getByRole('textbox', { name: /^起付线/ }).inputValue()).toBe('800');
    expect(await popup.getByRole('textbox', { name: /^统筹报销比例/ }).inputValue()).toBe('55');
    await popup.getByRole('textbox', { name: /^住院总费用/ }).fill('20000');
    const sources = popup.getByRole('region', { name: '本页数字的出处' });
    await sources.waitFor();
    expect(await sources.textContent()).toMatch(/住院待遇标准对照表.*起付线 800 元：「居民医保，三级，起付线：800元」/);
    await popup.close();
    await seed.close();
  });
});

describe('checker: 用本页的数字 in 个人账户', () => {
  it('fills a retiree’s monthly credit from the page’s rules', async () => {
    const seed = await browser.newPage();
    await seed.goto(server.url('/rules.html'));
    await waitForMarks(seed, 1);
    const popup = await openPopup('checker/account', await tabIdOf(seed));
    await popup.getByRole('button', { name: '用本页的数字' }).click();
    const scopes = popup.getByRole('group', { name: '选择本页数字的适用范围' });
    await scopes.getByLabel('人员类别').selectOption('退休');
    await scopes.getByRole('button', { name: '填入这些数字' }).click();
    expect(await popup.getByRole('textbox', { name: /^当地退休人员每月划入额/ }).inputValue()).toBe('80');
    const sources = popup.getByRole('region', { name: '本页数字的出处' });
    expect(await sources.textContent()).toMatch(
      /当地退休人员每月划入额 80 元：「.*退休人员个人账户按每人每月八十元定额划入」/,
    );
    await popup.close();
    await seed.close();
  });
});

describe('PDF reader: 本页的数字', () => {
  it('reads a printed table from the text layer’s positions', async () => {
    const reader = await browser.newPage();
    await reader.goto(
      `chrome-extension://${browser.extensionId}/pdf.html?src=${encodeURIComponent(server.url('/table.pdf'))}`,
    );
    await reader.waitForFunction(() => document.body.dataset.firstPageShown === 'true', undefined, { timeout: 20000 });
    const tabId = await tabIdOf(reader);
    const popup = await openPopup('numbers', tabId);
    expect(sorted(await readings(popup))).toEqual(sorted(labelsOf('d02-two-schemes-table.html')));
    await popup.getByRole('list', { name: '本页的数字' }).getByRole('button').filter({ hasText: '900 元' }).click();
    const shown = await until(
      () => markedTexts(reader, 'yibao-lens-number'),
      (t) => t.length > 0,
    );
    expect(shown.join('').replace(/\s/g, '')).toContain('900');
    await popup.close();
    await reader.close();
  });
});
