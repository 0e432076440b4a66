/**
 * Marking a page that is already loaded and idle, under a Chromium trace, by:
 *   - ours: the extension switched on for the site through its settings (the engine is already loaded, so this
 *     is the scanner and the highlights; loading is measured by loadBench.ts);
 *   - mark.js as usually written: new Mark(el).mark(terms);
 *   - mark.js in its strongest form: one alternation RegExp through markRegExp;
 *   - the floor: one RegExp pass over every text node + a StaticRange per match in one CSS Highlight.
 * mark.js and the floor are served as page scripts under /bench/ and injected as <script src> tags, so the trace
 * attributes their script time by URL, as it does ours by chrome-extension://. Besides script time, everything
 * the main thread did from the contender's first script event until quiet is summed (the style, layout and
 * paint that mark.js's DOM rewriting and every highlight cause).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { articleFiles, articleText } from '../fixtures/pages';
import type { BenchBrowser } from './browsers';
import { EXTENSION_PREFIX, openSession, settle, waitForHighlight } from './loadBench';
import { mainThread, mainThreadBusy, scriptCost, traced, type ScriptCost } from './trace';

const require = createRequire(import.meta.url);
const MARK_JS = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
const glossary: { term: string; aliases: string[] }[] = JSON.parse(readFileSync('data/glossary.json', 'utf8'));
export const SURFACE_FORMS = [...new Set(glossary.flatMap((e) => [e.term, ...e.aliases]))].sort(
  (a, b) => b.length - a.length,
);

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

const DONE = `window.__benchDone = true;`;
const AFTER_FRAME = (body: string) => `${body}\nrequestAnimationFrame(() => setTimeout(() => { ${DONE} }, 0));`;
const FORMS = JSON.stringify(SURFACE_FORMS);
/** One alternation of every surface form, longest first, as mark.js's strongest form and the floor use it. */
const PATTERN_SOURCE = SURFACE_FORMS.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const ALTERNATION = `new RegExp(${JSON.stringify(PATTERN_SOURCE)}, 'g')`;

/** The page scripts of the contenders, served under /bench/. */
export const CONTENDER_ROUTES: Record<string, string> = {
  '/bench/mark.min.js': MARK_JS,
  '/bench/mark-usual.js': AFTER_FRAME(
    `new Mark(document.body).mark(${FORMS}, { separateWordSearch: false, diacritics: false });`,
  ),
  '/bench/mark-regexp.js': AFTER_FRAME(`new Mark(document.body).markRegExp(${ALTERNATION});`),
  '/bench/floor.js': AFTER_FRAME(`{
  const pattern = ${ALTERNATION};
  const ranges = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(node.data); m; m = pattern.exec(node.data))
      ranges.push(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
  }
  CSS.highlights.set('bench-floor', new Highlight(...ranges));
}`),
};

export type Contender = 'mark-usual' | 'mark-regexp' | 'floor';

export interface MarkingSample {
  cost: ScriptCost;
  /** Every main-thread task from the contender's first script event until quiet. */
  busyWallMs: number;
  busyCpuMs: number;
  longestBusyTaskMs: number;
  marks: number;
}

async function loadQuiet(
  browser: BenchBrowser,
  url: string,
): Promise<{ page: Page; session: import('playwright-core').CDPSession }> {
  const page = await browser.newPage();
  const session = await openSession(page);
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await settle(session);
  return { page, session };
}

function sampleFrom(
  events: import('./trace').TraceEvent[],
  prefix: string,
  marks: number,
  what: string,
  knownWorlds: Iterable<string> = [],
): MarkingSample {
  const thread = mainThread(events);
  const cost = scriptCost(thread, prefix, knownWorlds);
  const firstTaskTs = Math.min(...cost.tasks.map((t) => t.ts));
  if (cost.events === 0 || !Number.isFinite(firstTaskTs))
    throw new Error(`${what}: no script event in the trace: the measurement could not be taken`);
  if (marks === 0) throw new Error(`${what}: marked nothing: the measurement could not be taken`);
  const busy = mainThreadBusy(thread, firstTaskTs);
  return { cost, busyWallMs: busy.wallMs, busyCpuMs: busy.cpuMs, longestBusyTaskMs: busy.longestMs, marks };
}

/** A contender on a loaded page of a browser with the empty content script extension. */
export async function markWithPageScript(
  browser: BenchBrowser,
  origin: string,
  url: string,
  contender: Contender,
): Promise<MarkingSample> {
  const { page, session } = await loadQuiet(browser, url);
  try {
    const scripts = contender === 'floor' ? ['/bench/floor.js'] : ['/bench/mark.min.js', `/bench/${contender}.js`];
    const events = await traced(session, async () => {
      await page.evaluate(async (sources) => {
        for (const src of sources)
          await new Promise<void>((loaded, failed) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = () => loaded();
            script.onerror = () => failed(new Error(`cannot load ${src}`));
            document.head.append(script);
          });
      }, scripts);
      await page.waitForFunction(() => (window as unknown as { __benchDone?: boolean }).__benchDone === true, null, {
        timeout: 600000,
        polling: 200,
      });
      await settle(session);
    });
    const marks = await page.evaluate(
      (floor) => (floor ? (CSS.highlights.get('bench-floor')?.size ?? 0) : document.querySelectorAll('mark').length),
      contender === 'floor',
    );
    return sampleFrom(events, origin + '/bench/', marks, contender);
  } finally {
    await page.close();
  }
}

export async function setSiteEnabled(browser: BenchBrowser, enabled: boolean): Promise<void> {
  if (!browser.serviceWorker) throw new Error(`${browser.label} has no service worker to change settings with`);
  await browser.serviceWorker.evaluate(async (on) => {
    const storage = (
      globalThis as unknown as {
        chrome: {
          storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
        };
      }
    ).chrome.storage.local;
    const current = ((await storage.get('settings')).settings ?? {}) as Record<string, unknown>;
    await storage.set({ settings: { ...current, disabledSites: on ? [] : ['127.0.0.1'] } });
  }, enabled);
}

/**
 * Ours on a loaded page: the site is off while the page loads, then switched on. All our work then runs in the
 * listener of the settings change, whose events name our isolated world but no URL: `ourWorlds` (from a load
 * trace, LoadSample.cost.worlds) attributes them.
 */
export async function markWithOurs(browser: BenchBrowser, url: string, ourWorlds: string[]): Promise<MarkingSample> {
  await setSiteEnabled(browser, false);
  const { page, session } = await loadQuiet(browser, url);
  try {
    let marks = 0;
    const events = await traced(session, async () => {
      await setSiteEnabled(browser, true);
      marks = await waitForHighlight(page);
      await settle(session);
    });
    return sampleFrom(events, EXTENSION_PREFIX, marks, '懂医保', ourWorlds);
  } finally {
    await page.close();
    await setSiteEnabled(browser, true);
  }
}
