/**
 * Page-marking benchmark (npm run bench; not a test). In Chromium, on a large
 * Chinese page built from the seed articles, it measures main-thread time
 * (CDP Performance.getMetrics TaskDuration) spent after the page is loaded and
 * idle by:
 *   - ours: the extension switched on for the site through its settings (so the
 *     page load itself is not counted), until the marks settle;
 *   - mark.js as usually written: mark(terms);
 *   - mark.js in its strongest form: one alternation RegExp through markRegExp;
 *   - the floor: one RegExp pass over every text node + a StaticRange per match in one Highlight.
 * mark.js and the floor include the style, layout and paint work they cause.
 * It prints the times, our ratio to each, our longest task, and our time at 0.5, 1, 2 and 4 MB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { chromiumPath, launchExtensionBrowser, startFixtureServer, type ExtensionBrowser } from '../e2e/harness';
import { htmlPage, articleFiles, articlePageHtml, articleText } from '../fixtures/pages';

const require = createRequire(import.meta.url);
const MARK_JS = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
const glossary: { term: string; aliases: string[] }[] = JSON.parse(readFileSync('data/glossary.json', 'utf8'));
const SURFACE_FORMS = [...new Set(glossary.flatMap((e) => [e.term, ...e.aliases]))].sort((a, b) => b.length - a.length);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page of about `megabytes` MB of UTF-8 text: paragraphs with inline markup, lists and tables. */
export function buildBigPage(megabytes: number): { html: string; textBytes: number; textNodes: number } {
  const sentences = articleFiles()
    .flatMap((f) => articleText(f).split(/(?<=[。！？；])|\n/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);
  const target = megabytes * 1024 * 1024;
  const parts: string[] = [];
  let bytes = 0;
  let nodes = 0;
  let i = 0;
  const next = () => sentences[i++ % sentences.length]!;
  const add = (text: string) => {
    bytes += Buffer.byteLength(text);
    nodes++;
    return escapeHtml(text);
  };
  let block = 0;
  while (bytes < target) {
    const kind = block++ % 10;
    if (kind < 6) {
      parts.push(`<p>${add(next())}<b>${add(next().slice(0, 12))}</b>${add(next())}</p>`);
    } else if (kind < 8) {
      parts.push(`<ul>${[0, 1, 2].map(() => `<li>${add(next())}</li>`).join('')}</ul>`);
    } else {
      parts.push(
        `<table><tr><td>${add(next())}</td><td>${add(next())}</td></tr><tr><td>${add(next())}</td><td>${add(next())}</td></tr></table>`,
      );
    }
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>大页面</title></head><body><main>${parts.join('\n')}</main></body></html>`;
  return { html, textBytes: bytes, textNodes: nodes };
}

const metricSessions = new WeakMap<Page, import('playwright-core').CDPSession>();

/** Cumulative main-thread task time of the page's renderer, in seconds (one CDP session per page). */
async function taskSeconds(page: Page): Promise<number> {
  let session = metricSessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    metricSessions.set(page, session);
  }
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')!.value;
}

/** Waits until the main thread has been quiet (TaskDuration grows < 2 ms in 500 ms). */
async function settle(page: Page, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await taskSeconds(page);
  for (;;) {
    await page.waitForTimeout(500);
    const now = await taskSeconds(page);
    if (now - last < 0.002 || Date.now() > deadline) return;
    last = now;
  }
}

/** Installs a long-task observer in the page (tasks over 50 ms); returns a reader. */
async function watchTasks(page: Page) {
  await page.evaluate(() => {
    const longTasks: number[] = [];
    (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks);
}

async function setSiteEnabled(browser: ExtensionBrowser, enabled: boolean) {
  await browser.serviceWorker.evaluate(async (on) => {
    const chromeApi = (
      globalThis as unknown as {
        chrome: {
          storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
        };
      }
    ).chrome;
    const current = ((await chromeApi.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chromeApi.storage.local.set({
      settings: {
        enabled: true,
        markStyle: 'underline',
        hoverDelayMs: 220,
        holdKey: 'none',
        disabledCategories: [],
        theme: 'system',
        ...current,
        disabledSites: on ? [] : ['127.0.0.1'],
      },
    });
  }, enabled);
}

interface Measured {
  ms: number;
  longestTaskMs: number;
  longTaskCount: number;
  marks: number;
}

async function measure(page: Page, run: () => Promise<void>, countMarks: () => Promise<number>): Promise<Measured> {
  await settle(page);
  const readTasks = await watchTasks(page);
  const before = await taskSeconds(page);
  await run();
  await settle(page);
  const after = await taskSeconds(page);
  const longTasks = await readTasks();
  return {
    ms: (after - before) * 1000,
    longestTaskMs: Math.max(0, ...longTasks),
    longTaskCount: longTasks.length,
    marks: await countMarks(),
  };
}

async function runOurs(browser: ExtensionBrowser, url: string): Promise<Measured> {
  await setSiteEnabled(browser, false);
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  const result = await measure(
    page,
    () => setSiteEnabled(browser, true),
    () => page.evaluate(() => CSS.highlights.get('yibao-lens-term')?.size ?? 0),
  );
  await page.close();
  return result;
}

async function runInPage(
  browser: ExtensionBrowser,
  url: string,
  script: (forms: string[]) => void | Promise<void>,
  countSelector: string | null,
): Promise<Measured> {
  await setSiteEnabled(browser, false);
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await page.addScriptTag({ content: MARK_JS });
  const result = await measure(
    page,
    async () => {
      await page.evaluate(script, SURFACE_FORMS);
    },
    () =>
      page.evaluate(
        (selector) =>
          selector ? document.querySelectorAll(selector).length : (CSS.highlights.get('bench-floor')?.size ?? 0),
        countSelector,
      ),
  );
  await page.close();
  return result;
}

type MarkGlobal = {
  Mark: new (el: Element) => { mark(t: string[], o: object): void; markRegExp(r: RegExp, o: object): void };
};

const markJsUsual = (forms: string[]) =>
  new Promise<void>((done) => {
    new (window as unknown as MarkGlobal).Mark(document.body).mark(forms, {
      separateWordSearch: false,
      diacritics: false,
      done: () => done(),
    });
  }).then(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));

const markJsRegExp = (forms: string[]) =>
  new Promise<void>((done) => {
    const pattern = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    new (window as unknown as MarkGlobal).Mark(document.body).markRegExp(pattern, { done: () => done() });
  }).then(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));

const floor = (forms: string[]) => {
  const pattern = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const ranges: StaticRange[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(node.data); m; m = pattern.exec(node.data)) {
      ranges.push(
        new StaticRange({
          startContainer: node,
          startOffset: m.index,
          endContainer: node,
          endOffset: m.index + m[0].length,
        }),
      );
    }
  }
  CSS.highlights.set('bench-floor', new Highlight(...ranges));
  return new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
};

const fmt = (n: number) => n.toFixed(1).padStart(8);

export async function runPageBench() {
  const sizes = [0.5, 1, 2, 4];
  const pages = new Map(sizes.map((mb) => [mb, buildBigPage(mb)]));
  const routes = Object.fromEntries(sizes.map((mb) => [`/big-${mb}.html`, pages.get(mb)!.html]));
  const server = await startFixtureServer(routes);
  const browser = await launchExtensionBrowser([server.origin]);
  // tsx keeps function names with a __name helper that page.evaluate'd functions would miss.
  await browser.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  try {
    const main = pages.get(2)!;
    console.log(
      `\n页面：${(main.textBytes / 1024 / 1024).toFixed(2)} MB 文本，${main.textNodes} 个文本节点；词形 ${SURFACE_FORMS.length} 个`,
    );
    const url = server.url('/big-2.html');
    const ours = await runOurs(browser, url);
    // mark(terms) makes one DOM pass per term: minutes on this page. BENCH_QUICK=1 runs it on the 0.5 MB page instead.
    const quick = process.env.BENCH_QUICK === '1';
    const usual = await runInPage(browser, quick ? server.url('/big-0.5.html') : url, markJsUsual, 'mark');
    const strongest = await runInPage(browser, url, markJsRegExp, 'mark');
    const floorResult = await runInPage(browser, url, floor, null);
    console.log('\n                         主线程 ms   最长任务 ms(>50)   长任务数   标记数');
    const row = (name: string, r: Measured) =>
      console.log(
        `${name.padEnd(24)}${fmt(r.ms)}   ${fmt(r.longestTaskMs)}        ${String(r.longTaskCount).padStart(6)}   ${String(r.marks).padStart(7)}`,
      );
    row('懂医保（本扩展）', ours);
    row(quick ? 'mark.js mark(terms) 0.5MB' : 'mark.js mark(terms)', usual);
    row('mark.js markRegExp', strongest);
    row('下限：RegExp+Highlight', floorResult);
    console.log(
      `\n比值：mark.js 常用写法 / 本扩展 = ${(usual.ms / ours.ms).toFixed(1)}x；mark.js 最强写法 / 本扩展 = ${(strongest.ms / ours.ms).toFixed(1)}x；本扩展 / 下限 = ${(ours.ms / floorResult.ms).toFixed(2)}x`,
    );
    console.log(
      `本扩展最长任务：${ours.longestTaskMs ? ours.longestTaskMs.toFixed(1) + ' ms' : '没有超过 50 ms 的任务（Long Tasks API 未记录任何长任务）'}`,
    );
    console.log(
      '说明：本扩展只为视口附近的文字创建标记（滚动时再补），但整页都已扫描，本页术语清单完整；其余三者标记整页。',
    );
    console.log('\n规模增长（本扩展）：');
    for (const mb of sizes) {
      const r = mb === 2 ? ours : await runOurs(browser, server.url(`/big-${mb}.html`));
      const p = pages.get(mb)!;
      console.log(
        `  ${String(mb).padStart(3)} MB（${p.textNodes} 个文本节点）：${r.ms.toFixed(1)} ms，每 MB ${(r.ms / mb).toFixed(1)} ms，最长任务 ${r.longestTaskMs ? r.longestTaskMs.toFixed(1) : '<50'} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * What every page pays: main-thread time of loading a page with the extension minus the same page in
 * a browser without it (median of several loads), on a page with no Chinese text and on a seed page.
 */
export async function runStartupBench(loads = 7) {
  const englishParagraphs = Array.from(
    { length: 400 },
    (_, i) =>
      `<p>Paragraph ${i}: an ordinary English page about health insurance accounts, deductibles and waiting periods.</p>`,
  ).join('');
  const server = await startFixtureServer({
    '/english.html': htmlPage(englishParagraphs),
    '/seed.html': articlePageHtml(articleFiles()[0]!),
  });
  const withExtension = await launchExtensionBrowser([server.origin]);
  await withExtension.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  if (process.env.BENCH_SITE_OFF) await setSiteEnabled(withExtension, false);
  const plain = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const plainContext = await plain.newContext({ viewport: { width: 1280, height: 800 } });
  const loadCost = async (newPage: () => Promise<Page>, url: string) => {
    const page = await newPage();
    await taskSeconds(page);
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    const ms = (await taskSeconds(page)) * 1000;
    await page.close();
    return ms;
  };
  try {
    console.log('\n每个页面的代价（页面加载的主线程时间，有扩展减去无扩展，' + loads + ' 次中位数）：');
    for (const [name, path] of [
      ['无中文的英文页', '/english.html'],
      ['种子文章页', '/seed.html'],
    ] as const) {
      const ours: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < loads; i++) {
        base.push(await loadCost(() => plainContext.newPage(), server.url(path)));
        ours.push(await loadCost(() => withExtension.newPage(), server.url(path)));
      }
      console.log(
        `  ${name}：有扩展 ${median(ours).toFixed(1)} ms，无扩展 ${median(base).toFixed(1)} ms，差 ${(median(ours) - median(base)).toFixed(1)} ms`,
      );
    }
  } finally {
    await withExtension.close();
    await plain.close();
    await server.close();
  }
}
