import { it } from 'vitest';
import { launchExtensionBrowser, startFixtureServer, openMarkedPage, hoverText, CARD_SELECTOR } from '/work/wt-i22-card/test/e2e/harness';
import { htmlPage } from '/work/wt-i22-card/test/fixtures/pages';
it('shot', async () => {
  const server = await startFixtureServer({ '/a.html': htmlPage('<p style="margin:300px 40px">关于'+(process.env.WORD ?? '待遇等待期')+'的说明。</p>', '<meta property="article:published_time" content="2015-06-01">') });
  const browser = await launchExtensionBrowser([server.origin]);
  const page = await openMarkedPage(browser, server.url('/a.html'), 1);
  await hoverText(page, process.env.WORD ?? '待遇等待期');
  const card = page.locator(CARD_SELECTOR);
  await card.waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await card.screenshot({ path: '/tmp/i22/card.png' });
  if (process.env.EXPAND) { await card.locator('.yl-expand').click(); await page.waitForTimeout(300); await page.screenshot({ path: '/tmp/i22/expanded.png' }); }
  console.log(await card.evaluate((e) => JSON.stringify([...e.querySelectorAll('.yl-card-body > *, .yl-head')].map((c) => [c.className, Math.round(c.getBoundingClientRect().height)]))));
  await browser.close(); await server.close();
}, 60000);
