/**
 * What loading a page costs with our extension next to an extension with an empty content script: each page
 * is opened several times in a new tab of a browser that has already loaded a page (caches warm), under a
 * Chromium trace from navigation until the main thread is quiet. From the trace: our script time (loader and
 * engine), its compile / evaluate / callbacks split, the tasks that contain it, and Long Tasks API entries that
 * overlap them; after it, the JS heap. Also: how many frames after the engine starts its first marks appear,
 * and how long after the hover delay the first card of a page takes to show.
 */
import type { CDPSession, Page } from 'playwright-core';
import { cardOf, hoverText, pointOfText } from '../e2e/harness';
import type { BenchBrowser } from './browsers';
import {
  longTaskEntries,
  mainThread,
  navigationStartTs,
  scriptCost,
  scriptUrlOf,
  traced,
  type ScriptCost,
} from './trace';

export interface LoadSample {
  cost: ScriptCost;
  /** The engine (content-engine.js) ran on this page. */
  engineRan: boolean;
  /** Long Tasks API entries (> 50 ms) overlapping a task that ran our script. */
  longTasksOurs: number;
  longTasksAll: number;
  heapMb?: number;
  marks: number;
}

export const EXTENSION_PREFIX = 'chrome-extension://';

async function taskSeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  const value = metrics.find((m) => m.name === 'TaskDuration')?.value;
  if (value === undefined) throw new Error('Performance.getMetrics has no TaskDuration');
  return value;
}

/** Waits until the renderer's main thread has been quiet (task time grows < 2 ms in 400 ms). */
export async function settle(session: CDPSession, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await taskSeconds(session);
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const now = await taskSeconds(session);
    if (now - last < 0.002) return;
    if (Date.now() > deadline) throw new Error('the page never became quiet: the measurement could not be taken');
    last = now;
  }
}

export const highlightSize = (page: Page, name = 'yibao-lens-term') =>
  page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);

export async function waitForHighlight(page: Page, name = 'yibao-lens-term', timeoutMs = 30000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const size = await highlightSize(page, name);
    if (size > 0) return size;
    if (Date.now() > deadline)
      throw new Error(`no ${name} highlight on ${page.url()}: the measurement could not be taken`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function openSession(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  return session;
}

/** Opens and closes one page so the measured ones are not the browser's first (caches warm, processes up). */
export async function warmUp(browser: BenchBrowser, url: string): Promise<void> {
  const page = await browser.newPage();
  const session = await openSession(page);
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await settle(session);
  await page.close();
}

export async function loadOnce(
  browser: BenchBrowser,
  url: string,
  options: { expectMarks: boolean; heap?: boolean },
): Promise<LoadSample> {
  const page = await browser.newPage();
  try {
    const session = await openSession(page);
    let marks = 0;
    const events = await traced(session, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 120000 });
      if (options.expectMarks) marks = await waitForHighlight(page);
      await settle(session);
    });
    const thread = mainThread(events);
    const cost = scriptCost(thread, EXTENSION_PREFIX);
    if (cost.events === 0)
      throw new Error(
        `${browser.label}: no content script event in the trace of ${url}: the measurement could not be taken`,
      );
    const navigationStart = navigationStartTs(thread);
    if (navigationStart === undefined) throw new Error(`no navigationStart in the trace of ${url}`);
    const longTasks = await longTaskEntries(page);
    const longTasksOurs = longTasks.filter(([start, duration]) => {
      const from = navigationStart + start * 1000;
      const to = from + duration * 1000;
      return cost.tasks.some((t) => t.ts < to && from < t.end);
    }).length;
    let heapMb: number | undefined;
    if (options.heap) {
      await session.send('HeapProfiler.collectGarbage');
      const { metrics } = await session.send('Performance.getMetrics');
      heapMb = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024;
    }
    const engineRan = thread.some((e) => {
      const url = scriptUrlOf(e);
      return url.startsWith(EXTENSION_PREFIX) && url.endsWith('/content-engine.js');
    });
    return { cost, engineRan, longTasksOurs, longTasksAll: longTasks.length, heapMb, marks };
  } finally {
    await page.close();
  }
}

export async function loadSamples(
  browser: BenchBrowser,
  url: string,
  repeats: number,
  options: { expectMarks: boolean; heap?: boolean },
): Promise<LoadSample[]> {
  const samples: LoadSample[] = [];
  for (let i = 0; i < repeats; i++) samples.push(await loadOnce(browser, url, options));
  return samples;
}

/** Main-world script for the first-frame page: a mark at the first frame in which our highlight has ranges. */
export const FIRST_HIGHLIGHT_POLLER = `<script>(() => {
  const frame = () => {
    const h = CSS.highlights.get('yibao-lens-term');
    if (h && h.size > 0) performance.mark('bench-first-highlight');
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();</script>`;

export interface FirstMarks {
  /** From the engine's module evaluation starting to the first frame that has our highlight, ms. */
  ms: number;
  /** Animation frames fired in between (the poller runs one every frame). */
  frames: number;
}

/** On a page carrying FIRST_HIGHLIGHT_POLLER: time and frames from the engine's evaluation to the first marks. */
export async function firstMarksOnce(browser: BenchBrowser, url: string): Promise<FirstMarks> {
  const page = await browser.newPage();
  try {
    const session = await openSession(page);
    const events = await traced(session, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 120000 });
      await page.waitForFunction(() => performance.getEntriesByName('bench-first-highlight').length > 0, null, {
        timeout: 30000,
      });
      await settle(session);
    });
    const thread = mainThread(events);
    const engineStart = thread.find(
      (e) => e.ph === 'X' && e.name === 'v8.evaluateModule' && e.args?.worldName && e.ts > 0,
    );
    const mark = events.find((e) => e.name === 'bench-first-highlight');
    if (!engineStart || !mark)
      throw new Error(
        `first marks: ${engineStart ? '' : 'no engine evaluation '}${mark ? '' : 'no highlight mark '}in the trace`,
      );
    const frames = thread.filter(
      (e) => e.ph === 'X' && e.name === 'FireAnimationFrame' && e.ts > engineStart.ts && e.ts <= mark.ts,
    ).length;
    return { ms: (mark.ts - engineStart.ts) / 1000, frames };
  } finally {
    await page.close();
  }
}

export interface FirstHover {
  /** From the hover delay running out (last pointer move + delay) to the card's first frame, ms. */
  ms: number;
  frames: number;
}

const FRAME_MS = 1000 / 60;

/** The first hover of a freshly loaded page: pointer rests on a term; the card module loads and shows. */
export async function firstHoverOnce(
  browser: BenchBrowser,
  url: string,
  term: string,
  hoverDelayMs: number,
): Promise<FirstHover> {
  const page = await browser.newPage();
  try {
    const session = await openSession(page);
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    await waitForHighlight(page);
    await settle(session);
    const point = await pointOfText(page, term);
    if (!point) throw new Error(`first hover: “${term}” not on the page`);
    // The card's shadow root is closed: the page sees the card only as our host, hit where the card is drawn (just
    // below or just above the term, never on it).
    await page.evaluate((at) => {
      const state = { lastMove: 0, shown: 0 };
      (window as unknown as { __benchHover: typeof state }).__benchHover = state;
      addEventListener('pointermove', () => (state.lastMove = performance.now()), true);
      const onCard = (x: number, y: number) => !!document.elementFromPoint(x, y)?.hasAttribute('data-yibao-lens');
      const frame = () => {
        if (onCard(at.x, at.y + 48) || onCard(at.x, at.y - 48)) state.shown = performance.now();
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, point);
    await hoverText(page, term);
    await cardOf(page).waitFor({ state: 'visible', timeout: 10000 });
    const { lastMove, shown } = await page.evaluate(
      () => (window as unknown as { __benchHover: { lastMove: number; shown: number } }).__benchHover,
    );
    if (!lastMove || !shown) throw new Error('first hover: pointer move or card frame not seen');
    const ms = shown - lastMove - hoverDelayMs;
    return { ms, frames: Math.max(0, ms) / FRAME_MS };
  } finally {
    await page.close();
  }
}
