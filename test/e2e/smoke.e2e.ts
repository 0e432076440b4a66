import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_SELECTOR, hoverText, launchExtensionBrowser, startFixtureServer, waitForMarks, type ExtensionBrowser, type FixtureServer } from './harness';
import { htmlPage } from '../fixtures/pages';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer({
    '/basic.html': htmlPage('<p>职工医保的个人账户和统筹基金是两回事。</p><p>这里没有术语。</p>'),
  });
  browser = await launchExtensionBrowser([server.origin]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('smoke', () => {
  it('marks and shows a card', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/basic.html'));
    const marks = await waitForMarks(page, 2);
    expect(marks).toContain('个人账户');
    await hoverText(page, '个人账户');
    const card = page.locator(CARD_SELECTOR);
    await card.waitFor({ timeout: 5000 });
    expect(await card.getAttribute('aria-label')).toMatch(/^个人账户/);
    expect(browser.pageErrors).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
