/**
 * The popup loads what a view needs when that view is shown (issue 22, point 10): the search index only for a
 * search, the 计算器's code only for a tool. Read from the requests the page itself makes (Chromium keeps no
 * resource timing entries for an extension's own files).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtensionBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The chunks of the built popup this test tells apart, by the module they are named after. */
const SEARCH_INDEX = /\/chunks\/searchData-[\w-]+\.js$/;
const CHECKER_CODE = /\/chunks\/CheckerPanel-[\w-]+\.js$/;

/** Opens the popup at `route`; `requested()` lists the paths of the files it has asked for so far. */
async function open(route: string): Promise<{ page: Page; requested: () => string[] }> {
  const page = await browser.newPage();
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${route ? `#${route}` : ''}`);
  return { page, requested: () => [...paths] };
}

describe('popup: code and data load when their view is shown', () => {
  it('a search loads the search index and not the 计算器 code', async () => {
    const { page, requested } = await open('');
    await page.getByRole('combobox', { name: '搜索医保术语和常见问题' }).fill('个人账户');
    await page.locator('#root [role="option"]').first().waitFor();
    const scripts = requested();
    expect(
      scripts.some((path) => SEARCH_INDEX.test(path)),
      scripts.join('\n'),
    ).toBe(true);
    expect(scripts.filter((path) => CHECKER_CODE.test(path))).toEqual([]);
    await page.close();
  });

  it('a 计算器 tool loads its code and not the search index', async () => {
    const { page, requested } = await open('checker/account');
    await page.locator('#root .checker .fields').waitFor();
    // Give a stray prefetch time to show up before reading the entries.
    await page.waitForTimeout(300);
    const scripts = requested();
    expect(
      scripts.some((path) => CHECKER_CODE.test(path)),
      scripts.join('\n'),
    ).toBe(true);
    expect(scripts.filter((path) => SEARCH_INDEX.test(path))).toEqual([]);
    await page.close();
  });
});
