/**
 * The PDF reader (pdf.html) with the built extension in real Chromium: PDFs are
 * made in the test (Chinese pages printed by headless Chromium, an image-only
 * page, a hand-written password-protected file, a corrupt one), opened through
 * the file picker and through the tab route (context menu, popup button), and
 * checked as a reader would: text, marks, hover card, 本页术语, messages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextZoom, PAGE_WIDTH_MARGIN } from '../../entrypoints/pdf/zoom';
import {
  encryptedPdf,
  launchPrinter,
  policyHtml,
  printPdf,
  printScannedPdf,
  unembeddedChinesePdf,
} from '../fixtures/pdfs';
import {
  cardOf,
  hoverText,
  launchExtensionBrowser,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
  startFixtureServer,
} from './harness';

let server: FixtureServer;
let browser: ExtensionBrowser;
let printer: Browser;
let policyPdf: Buffer;
let longPdf: Buffer;
let scannedPdf: Buffer;

const POLICY_PARAGRAPHS = [
  '参加职工医保的人，缴费分成两块：单位缴的部分进统筹基金，个人缴的部分记入个人账户。',
  '个人账户里的钱可以支付本人在定点药店买药的费用，也可以通过家庭共济给家人用。',
  '住院时，起付线以下的费用由自己负担，超过起付线的部分按报销比例由统筹基金支付。',
];

const readerUrl = (query = '') => `chrome-extension://${browser.extensionId}/pdf.html${query}`;

async function openReader(query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(readerUrl(query));
  return page;
}

async function pickFile(page: Page, name: string, buffer: Buffer, mimeType = 'application/pdf') {
  await page.locator('#file-input').setInputFiles({ name, mimeType, buffer });
}

/** Text of the rendered text layers, spaces removed (pdf.js may split a line into several spans). */
const textLayerText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.textLayer')]
      .map((layer) => layer.textContent ?? '')
      .join('')
      .replace(/\s+/g, ''),
  );

const statusText = (page: Page) => page.locator('#status').innerText();

/**
 * The marks name 个人账户 (as itself or in its alias 医保个人账户). A text layer is one block to the engine, so by
 * default a term is marked once per page; every occurrence still answers a hover.
 */
const marksAccount = (marks: string[]) => marks.some((mark) => mark.endsWith('个人账户'));

beforeAll(async () => {
  printer = await launchPrinter();
  policyPdf = await printPdf(printer, policyHtml('医保个人账户怎么用', POLICY_PARAGRAPHS));
  longPdf = await printPdf(
    printer,
    policyHtml(
      '长文档',
      Array.from({ length: 240 }, (_, i) => `第${i + 1}段：${POLICY_PARAGRAPHS[i % POLICY_PARAGRAPHS.length]}`),
    ),
  );
  scannedPdf = await printScannedPdf(printer);
  server = await startFixtureServer({ '/files/policy.pdf': policyPdf });
  browser = await launchExtensionBrowser([server.origin]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await printer?.close();
  await server?.close();
});

describe('PDF reader: a local file', () => {
  it('shows a printed Chinese PDF picked with the file picker, marks its terms, and hovering 个人账户 opens its card', async () => {
    const page = await openReader();
    await pickFile(page, '政策.pdf', policyPdf);
    await page.locator('.textLayer').first().waitFor({ state: 'attached' });
    expect(await textLayerText(page)).toContain('个人账户里的钱可以支付本人');
    const marks = await waitForMarks(page, 3);
    expect(marksAccount(marks)).toBe(true);
    expect(marks).toContain('起付线');
    expect(await page.locator('#page-count').innerText()).toBe('1');
    // Parsing runs in pdf.js's worker, a file of our package (not its main-thread fallback).
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
      expect.stringMatching(/^\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/),
    ]);
    expect(await page.evaluate(() => 'pdfjsWorker' in globalThis)).toBe(false);
    expect(await page.title()).toContain('医保个人账户怎么用');

    // The second 个人账户 on the page (记入个人账户): marked or not, it opens the card.
    await hoverText(page, '个人账户', 1);
    const card = cardOf(page);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.getAttribute('aria-label')).toMatch(/^个人账户/);
    expect(await page.locator('section.page canvas').count()).toBe(1);
    await page.close();
  });

  it('opens a PDF dropped onto the reader', async () => {
    const page = await openReader();
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], '拖入.pdf', { type: 'application/pdf' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, policyPdf.toString('base64'));
    expect(marksAccount(await waitForMarks(page, 3))).toBe(true);
    expect(await page.locator('#drop-hint').isVisible()).toBe(false);
    await page.close();
  });

  it('reads Chinese text set in a font the PDF does not embed (shipped GB character maps)', async () => {
    const page = await openReader();
    await pickFile(page, '未嵌入字体.pdf', unembeddedChinesePdf('职工医保的个人账户可以家庭共济'));
    await page.locator('.textLayer').first().waitFor({ state: 'attached' });
    expect(await textLayerText(page)).toContain('职工医保的个人账户可以家庭共济');
    expect(marksAccount(await waitForMarks(page, 2))).toBe(true);
    await page.close();
  });

  it('draws pages lazily, navigates by page number and zooms with the buttons and Ctrl+±', async () => {
    const page = await openReader();
    await pickFile(page, '长文档.pdf', longPdf);
    await page.locator('body[data-first-page-shown="true"]').waitFor();
    const pageCount = Number(await page.locator('#page-count').innerText());
    expect(pageCount).toBeGreaterThan(2);
    expect(await page.locator('section.page').count()).toBe(pageCount);
    // Only pages near the screen are drawn.
    expect(await page.locator('section.page canvas').count()).toBeLessThan(pageCount);

    await page.locator('#page-number').fill(String(pageCount));
    await page.locator('#page-number').press('Enter');
    const last = page.locator(`section.page[data-page-number="${pageCount}"]`);
    await last.locator('canvas').waitFor({ state: 'attached' });
    await last.locator('.textLayer').waitFor({ state: 'attached' });
    expect(await last.evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    // Far from the screen now, page 1's drawing is released; its text layer stays (its terms stay listed).
    const firstPage = page.locator('section.page[data-page-number="1"]');
    await expect.poll(() => firstPage.locator('canvas').count()).toBe(0);
    expect(await firstPage.locator('.textLayer').count()).toBe(1);

    // It opened at page width; the steps go on from there.
    const percent = (zoom: number) => `${Math.round(zoom * 100)}%`;
    const start = Number((await page.locator('#zoom-level').innerText()).replace('%', '')) / 100;
    const widthBefore = await last.evaluate((el) => el.getBoundingClientRect().width);
    const down1 = nextZoom(start, -1);
    const down2 = nextZoom(down1, -1);
    await page.locator('#zoom-out').click();
    expect(await page.locator('#zoom-level').innerText()).toBe(percent(down1));
    await page.keyboard.press('Control+-');
    expect(await page.locator('#zoom-level').innerText()).toBe(percent(down2));
    expect(await last.evaluate((el) => el.getBoundingClientRect().width)).toBeCloseTo(
      (widthBefore * down2) / start,
      -1,
    );
    await page.keyboard.press('Control+=');
    await page.locator('#zoom-in').click();
    expect(await page.locator('#zoom-level').innerText()).toBe(percent(nextZoom(down1, 1)));
    await page.close();
  });

  it('opens at page width: the first page fills the window, its text larger than at 100%', async () => {
    const page = await openReader();
    await pickFile(page, '政策.pdf', policyPdf);
    await page.locator('body[data-first-page-shown="true"]').waitFor();
    const { pageWidth, windowWidth } = await page.evaluate(() => ({
      pageWidth: document.querySelector('section.page')!.getBoundingClientRect().width,
      windowWidth: document.documentElement.clientWidth,
    }));
    expect(pageWidth).toBeLessThanOrEqual(windowWidth - 2 * PAGE_WIDTH_MARGIN + 1);
    const zoom = Number((await page.locator('#zoom-level').innerText()).replace('%', ''));
    expect(zoom).toBeGreaterThan(100);
    // It fills the width, or stops at 200% (an A4 page in a 1280 px window would need 210%).
    if (zoom < 200) expect(pageWidth).toBeGreaterThan(windowWidth - 2 * PAGE_WIDTH_MARGIN - 16);
    else expect(pageWidth).toBeGreaterThan((windowWidth - 2 * PAGE_WIDTH_MARGIN) * 0.9);
    await page.close();
  });

  it('字号: 大 and 特大 enlarge the reader’s own text (toolbar, buttons) live; 标准 brings it back', async () => {
    const page = await openReader();
    const buttonSize = () =>
      page.locator('#zoom-out').evaluate((el) => getComputedStyle(el).fontSize, undefined, { timeout: 2000 });
    await expect.poll(buttonSize).toBe('14px');
    const setTextSize = (textSize: string | null) =>
      browser.serviceWorker.evaluate((size) => {
        const { storage } = (globalThis as unknown as WorkerGlobals).chrome;
        return size ? storage.local.set({ settings: { textSize: size } }) : storage.local.remove('settings');
      }, textSize);
    await setTextSize('xlarge');
    await expect.poll(buttonSize).toBe('17.5px');
    await setTextSize('large');
    await expect.poll(buttonSize).toBe('15.75px');
    await setTextSize(null);
    await expect.poll(buttonSize).toBe('14px');
    await page.close();
  });

  it('is keyboard reachable and follows dark mode', async () => {
    const page = await openReader();
    await pickFile(page, '政策.pdf', policyPdf);
    await page.locator('body[data-first-page-shown="true"]').waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    // One page: 上一页/下一页 are disabled and skipped; the rest is reached in order.
    expect(reached.slice(0, 4)).toEqual(['file-input', 'page-number', 'zoom-out', 'zoom-in']);
    expect(await page.getByRole('button', { name: '放大（Ctrl 加号）' }).isEnabled()).toBe(true);

    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
    expect(await background()).toBe('rgb(27, 28, 31)');
    await page.close();
  });

  it('says a scanned PDF has no text, and still shows its page', async () => {
    const page = await openReader();
    await pickFile(page, '扫描件.pdf', scannedPdf);
    await page.getByText('这份 PDF 是扫描件，没有可识别的文字', { exact: false }).waitFor();
    expect(await page.locator('section.page canvas').count()).toBe(1);
    await page.close();
  });

  it('explains a corrupt file and a non-PDF file, and keeps the document already open', async () => {
    const page = await openReader();
    await pickFile(page, '政策.pdf', policyPdf);
    await waitForMarks(page, 3);

    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x5a), Buffer.from('\n%%EOF\n')]);
    await pickFile(page, '坏文件.pdf', corrupt);
    await page.locator('#status[data-kind="error"]').waitFor();
    expect(await statusText(page)).toMatch(/“坏文件\.pdf”：打不开/);

    await pickFile(page, '笔记.txt', Buffer.from('这不是 PDF'), 'text/plain');
    await page.getByText('打不开“笔记.txt”：它不是 PDF 文件。').waitFor();

    // The earlier document is still there, marks and all.
    expect(await textLayerText(page)).toContain('个人账户里的钱可以支付本人');
    expect(await page.title()).toContain('医保个人账户怎么用');
    await page.close();
  });

  it('asks for the password of a protected PDF, says when it is wrong, and opens it with the right one', async () => {
    const page = await openReader();
    await pickFile(page, '加密.pdf', encryptedPdf('yibao123', 'Protected policy text'));
    const form = page.locator('#password-form');
    await form.waitFor({ state: 'visible' });
    expect(await page.locator('#password-prompt').innerText()).toBe('这份 PDF 有密码保护，请输入密码。');
    await page.getByLabel('密码').fill('wrong');
    await page.getByLabel('密码').press('Enter');
    await page.getByText('密码不对，请再试一次。').waitFor();
    expect(await page.locator('#password-input').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('密码').fill('yibao123');
    await page.getByRole('button', { name: '打开', exact: true }).click();
    await page.locator('.textLayer').first().waitFor({ state: 'attached' });
    expect(await textLayerText(page)).toContain('Protectedpolicytext');
    expect(await form.isVisible()).toBe(false);
    await page.close();
  });
});

/** The service worker's chrome.* API and test hook, typed just enough for these tests. */
interface WorkerGlobals {
  chrome: {
    contextMenus: { update(id: string, change: object): Promise<void> };
    storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
    tabs: {
      query(filter: object): Promise<{ id?: number; index?: number }[]>;
    };
  };
  yibaoLensBackground: { onLensMenuClicked(info: object, tab?: object): Promise<unknown> };
}

describe('PDF reader: the PDF of a tab', () => {
  it('opens a PDF link from the context menu item in a new tab, fetched from its server, with terms marked', async () => {
    const pdfUrl = server.url('/files/policy.pdf');
    // Both menu items exist (update() rejects for an id that was never created), with their Chinese title.
    await browser.serviceWorker.evaluate(async () => {
      const menus = (globalThis as unknown as WorkerGlobals).chrome.contextMenus;
      await menus.update('yibao-open-pdf-link', { title: '用懂医保阅读器打开' });
      await menus.update('yibao-open-pdf-page', { title: '用懂医保阅读器打开' });
    });
    const opened = browser.context.waitForEvent('page', (p) => p.url().startsWith(readerUrl()));
    const result = await browser.serviceWorker.evaluate(
      (linkUrl) =>
        (globalThis as unknown as WorkerGlobals).yibaoLensBackground.onLensMenuClicked({
          menuItemId: 'yibao-open-pdf-link',
          linkUrl,
          pageUrl: 'http://127.0.0.1/',
          editable: false,
        }),
      pdfUrl,
    );
    expect(result).toMatchObject({ readerTab: expect.any(Number) });
    const page = await opened;
    expect(new URL(page.url()).searchParams.get('src')).toBe(pdfUrl);
    const marks = await waitForMarks(page, 3);
    expect(marksAccount(marks)).toBe(true);
    expect(await page.locator('#doc-title').innerText()).toBe('医保个人账户怎么用');

    // 本页术语 in the popup, pointed at the reader's tab, lists the PDF's terms and reveals one.
    await page.bringToFront();
    const tabId = await browser.serviceWorker.evaluate(async () => {
      const [tab] = await (globalThis as unknown as WorkerGlobals).chrome.tabs.query({
        active: true,
        lastFocusedWindow: true,
      });
      return tab?.id ?? -1;
    });
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?targetTab=${tabId}#page`);
    const list = popup.getByRole('list', { name: '本页术语' });
    await list.waitFor();
    const terms = await list.locator('.page-term').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    expect(terms.some((t) => t.includes('个人账户'))).toBe(true);
    await list.locator('.page-term', { hasText: '个人账户' }).first().click();
    const card = cardOf(page);
    await card.waitFor({ timeout: 5000 });
    expect(await card.getAttribute('aria-label')).toMatch(/^个人账户/);
    // 下一处 goes on to the next occurrence in the reader too (the reader is asked with the occurrence): the card
    // moves to another place of the text each time.
    const places = [(await card.boundingBox())!.y];
    for (let i = 0; i < 2; i++) {
      await popup.getByRole('button', { name: '个人账户的下一处' }).click();
      await expect.poll(async () => (await card.boundingBox())?.y).not.toBe(places[places.length - 1]);
      expect(await card.getAttribute('aria-label')).toMatch(/^个人账户/);
      places.push((await card.boundingBox())!.y);
    }
    await popup.close();
    await page.close();
  });

  // The popup's 用懂医保阅读器打开此 PDF button is not tested here: it needs the PDF tab's address, which the
  // browser shows the extension only after a real toolbar click (activeTab); headless Chromium has no toolbar.
  // Its parts are: looksLikePdfUrl / lensReaderUrlFor (unit-tested) and the ?src= route tested above.

  it('says so in Chinese when the download fails', async () => {
    const page = await openReader(`?src=${encodeURIComponent(server.url('/files/missing.pdf'))}`);
    await page.getByText('下载这份 PDF 失败（服务器返回 404）', { exact: false }).waitFor();
    await page.close();
  });

  it('fetched nothing but the PDFs it was asked to open', () => {
    // Chromium's own PDF viewer (showing the PDF tab above) is the browser's, not ours.
    const browsersOwn = /^chrome:\/\/|^chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\//;
    expect(browser.foreignRequests.filter((url) => !browsersOwn.test(url))).toEqual([]);
  });

  it('logged no error in the reader but the failed download the test asked for', () => {
    const readerErrors = browser.pageErrors.filter((e) => e.startsWith(readerUrl()));
    expect(readerErrors.filter((e) => !/missing\.pdf.*404|status of 404/.test(e))).toEqual([]);
  });
});
