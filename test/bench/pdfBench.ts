/**
 * PDF reader benchmark (npm run bench; not a test). In Chromium, with the built
 * extension, it opens a 100-page Chinese PDF (printed by headless Chromium in
 * the bench) through the reader's file picker, then scrolls to the end, and
 * prints:
 *   - time to first page: from the file being chosen to page 1's text layer in
 *     the page (performance marks in the reader);
 *   - our longest main-thread task while opening and while scrolling (from a
 *     Chrome trace: every task of the reader's main thread, worker excluded);
 *   - pages drawn at the end (canvases alive) and the JS heap, to show that
 *     memory stays bounded as pages far from view are released.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtensionBrowser } from '../e2e/harness';
import { launchPrinter, printPdf } from '../fixtures/pdfs';

const PAGES = 100;

function hundredPageHtml(): string {
  const sentences = [
    '职工医保的缴费分两块，单位缴费进统筹基金，个人缴费记入个人账户。',
    '住院费用在起付线以下的部分自己负担，起付线以上按报销比例支付，一年内最多支付到封顶线。',
    '个人账户可以通过家庭共济给配偶、父母和子女使用。',
    '异地就医要先备案，没有备案的，报销比例可能会降低。',
    '门诊慢特病的待遇按当地规定执行，具体以医保部门公布的目录为准。',
  ];
  const pages = Array.from(
    { length: PAGES },
    (_, p) =>
      `<section style="break-after:page"><h2>第 ${p + 1} 页 医保政策解读</h2>` +
      Array.from({ length: 14 }, (_, i) => `<p>${sentences[(p + i) % sentences.length]}</p>`).join('') +
      '</section>',
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>百页政策汇编</title><style>body{font:15px/1.7 "WenQuanYi Zen Hei",sans-serif;margin:32px}</style></head><body>${pages.join('')}</body></html>`;
}

/** Every main-thread task of the page's renderer between start and stop, in ms. */
async function traceTasks(session: CDPSession, work: () => Promise<void>): Promise<number[]> {
  const events: { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as typeof events)));
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'] },
    transferMode: 'ReportEvents',
  });
  await work();
  await session.send('Tracing.end');
  await done;
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  return tasks.map((e) => (e.dur ?? 0) / 1000);
}

async function waitForQuiet(page: Page, ms = 800) {
  // Quiet = no new text layer or canvas for `ms`.
  let last = '';
  let since = Date.now();
  for (;;) {
    const now = await page.evaluate(
      () => `${document.querySelectorAll('.textLayer').length}/${document.querySelectorAll('canvas').length}`,
    );
    if (now !== last) [last, since] = [now, Date.now()];
    if (Date.now() - since > ms) return;
    await page.waitForTimeout(100);
  }
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** What the reader adds to the package: its page chunk (pdf.js + our engine), the pdf.js worker, the GB CMaps. */
function readerSizes(dir = '.output/chrome-mv3'): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const sized = (path: string) => {
    const bytes = readFileSync(join(dir, path));
    return `${path}：${kb(bytes.length)}，gzip ${kb(gzipSync(bytes).length)}`;
  };
  const find = (sub: string, re: RegExp) =>
    readdirSync(join(dir, sub))
      .filter((f) => re.test(f))
      .map((f) => `${sub}/${f}`);
  const cmaps = readdirSync(join(dir, 'pdfjs/cmaps'));
  const cmapBytes = cmaps.reduce((sum, f) => sum + readFileSync(join(dir, 'pdfjs/cmaps', f)).length, 0);
  return [
    ...find('chunks', /^pdf-.*\.js$/).map(sized),
    ...find('assets', /^pdf\.worker.*\.mjs$/).map(sized),
    `pdfjs/cmaps：${cmaps.length} 个文件，${kb(cmapBytes)}`,
  ];
}

export async function runPdfBench() {
  const printer = await launchPrinter();
  const pdf = await printPdf(printer, hundredPageHtml());
  await printer.close();
  const browser = await launchExtensionBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/pdf.html`);
    const session = await browser.context.newCDPSession(page);
    await session.send('Performance.enable');
    const openTasks = await traceTasks(session, async () => {
      await page
        .locator('#file-input')
        .setInputFiles({ name: '百页政策汇编.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.locator('body[data-first-page-shown="true"]').waitFor({ timeout: 60_000 });
      await waitForQuiet(page);
    });
    const firstPageMs = await page.evaluate(
      () => performance.measure('first', 'yibao-pdf-open-start', 'yibao-pdf-first-page').duration,
    );
    const pageCount = Number(await page.locator('#page-count').innerText());

    const scrollTasks = await traceTasks(session, async () => {
      for (let y = 0; ; y += 900) {
        const atEnd = await page.evaluate((top) => {
          window.scrollTo(0, top);
          return top + innerHeight >= document.documentElement.scrollHeight;
        }, y);
        await page.waitForTimeout(60);
        if (atEnd) break;
      }
      await waitForQuiet(page);
    });
    const canvases = await page.locator('section.page canvas').count();
    const textLayers = await page.locator('.textLayer').count();
    const { metrics } = (await session.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
    const marks = await page.evaluate(() => CSS.highlights.get('yibao-lens-term')?.size ?? 0);

    console.log(`\nPDF 阅读器的包体积：\n  ${readerSizes().join('\n  ')}`);
    console.log(`\nPDF 阅读器（${pageCount} 页，${(pdf.length / 1024).toFixed(0)} KB，由 Chromium 打印生成）`);
    console.log(`  首页出现（选定文件 → 第 1 页文字层就绪）：${fmt(firstPageMs)}`);
    console.log(
      `  打开时主线程最长任务：${fmt(Math.max(0, ...openTasks))}（超过 50 ms 的任务 ${openTasks.filter((t) => t > 50).length} 个）`,
    );
    console.log(
      `  滚动到末页时主线程最长任务：${fmt(Math.max(0, ...scrollTasks))}（超过 50 ms 的任务 ${scrollTasks.filter((t) => t > 50).length} 个）`,
    );
    console.log(`  滚到末页后：画布 ${canvases} 个（其余页面已释放），文字层 ${textLayers} 个，标出术语 ${marks} 处`);
    console.log(`  JS 堆：${heapMb.toFixed(1)} MB`);
  } finally {
    await browser.close();
  }
}
