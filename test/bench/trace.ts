/**
 * Chromium traces for the bench: record one over a page's load (or over any action), then read from the
 * renderer main thread what a given script cost (the method of /work/shared/toolchain.md, "Measuring what the
 * extension itself costs a page"): outermost complete script events attributed to the script by URL or by
 * its isolated world, split into compile / evaluate / callbacks, and the tasks that contain them.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: {
    name?: string;
    fileName?: string;
    worldName?: string;
    data?: { url?: string; scriptName?: string; functionName?: string };
  };
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink.user_timing',
].join(',');

/** Records a trace on `session` while `action` runs; returns the events. */
export async function traced(session: CDPSession, action: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  session.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((done) => session.once('Tracing.tracingComplete', () => done()));
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    await session.send('Tracing.end');
    await complete;
    session.off('Tracing.dataCollected', onData);
  }
  return events;
}

/** The page's renderer main thread: the CrRendererMain thread that ran the most task time. */
export function mainThread(events: TraceEvent[]): TraceEvent[] {
  const mains = events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`);
  const busy = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask') {
      const key = `${e.pid}:${e.tid}`;
      if (mains.includes(key)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
    }
  const [thread] = [...busy].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!thread) throw new Error('trace has no CrRendererMain thread with tasks: the measurement could not be taken');
  return events.filter((e) => `${e.pid}:${e.tid}` === thread);
}

const SCRIPT_EVENTS = new Set([
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'EvaluateScript',
  'FunctionCall',
  'v8.run',
  'v8.callFunction',
]);

export const scriptUrlOf = (e: TraceEvent) => e.args?.data?.url || e.args?.fileName || e.args?.data?.scriptName || '';

/** Names of the isolated worlds whose events carry a URL starting with `urlPrefix`. */
const worldsOf = (events: TraceEvent[], urlPrefix: string) =>
  events.filter((e) => scriptUrlOf(e).startsWith(urlPrefix) && e.args?.worldName).map((e) => e.args!.worldName!);

/**
 * A script's own events: complete script events whose URL starts with `urlPrefix`, or that ran in an isolated
 * world (v8.evaluateModule and v8.callFunction carry the world's name but no URL) whose events carry that URL, or
 * one of `knownWorlds` (learnt from an earlier trace: a trace where only an extension event listener of ours runs
 * has no event with both).
 */
export function scriptEvents(
  thread: TraceEvent[],
  urlPrefix: string,
  knownWorlds: Iterable<string> = [],
): TraceEvent[] {
  const complete = thread.filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name));
  const worlds = new Set([...knownWorlds, ...worldsOf(complete, urlPrefix)]);
  return complete
    .filter((e) => scriptUrlOf(e).startsWith(urlPrefix) || (e.args?.worldName && worlds.has(e.args.worldName)))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/** Events not inside an earlier one of the list (the list sorted by start, longest first). */
export function outermost(events: TraceEvent[]): TraceEvent[] {
  const kept: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of events) {
    if (e.ts < end) continue;
    kept.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return kept;
}

const ms = (micros: number) => micros / 1000;
const sum = (events: TraceEvent[], key: 'dur' | 'tdur') => ms(events.reduce((s, e) => s + (e[key] ?? 0), 0));

export interface ScriptCost {
  /** Wall time of the outermost script events, ms. */
  wallMs: number;
  /** Main-thread CPU time of the same events, ms (less noisy on a busy machine). */
  cpuMs: number;
  compileMs: number;
  evaluateMs: number;
  /** Callbacks run later (idle slices, observers, events): outermost FunctionCall / v8.callFunction. */
  callbacksMs: number;
  /** Whole tasks (RunTask) that contain any of the script's events: GC and forced style/layout inside count too. */
  taskWallMs: number;
  /**
   * Main-thread CPU time of those tasks. Work our scripts do in promise continuations (microtasks) is in here but in
   * no script event of ours: a 20 ms busy loop in such a continuation added about 2.6 ms to cpuMs and all of it here.
   */
  taskCpuMs: number;
  longestTaskMs: number;
  tasksOver50: number;
  /** Start and end of each such task, trace microseconds. */
  tasks: { ts: number; end: number }[];
  /** The isolated worlds the script ran in (pass them to a later scriptCost whose trace may not name them). */
  worlds: string[];
  /** Wall time of the outermost events by file: the loader (content-loader.js), the engine, the card module. */
  byFile: { loader: number; engine: number; card: number; other: number };
  events: number;
}

/** Which of our files an event belongs to; module events carry no URL, and the engine is our only module on load. */
function fileOf(e: TraceEvent): 'loader' | 'engine' | 'card' | 'other' {
  const url = scriptUrlOf(e);
  if (url.endsWith('/content-loader.js')) return 'loader';
  if (url.endsWith('/content-engine.js') || (!url && (e.name === 'v8.evaluateModule' || e.name === 'v8.compileModule')))
    return 'engine';
  if (url.endsWith('/card-ui.js')) return 'card';
  return 'other';
}

export function scriptCost(thread: TraceEvent[], urlPrefix: string, knownWorlds: Iterable<string> = []): ScriptCost {
  const own = scriptEvents(thread, urlPrefix, knownWorlds);
  const top = outermost(own);
  const of = (...names: string[]) => own.filter((e) => names.includes(e.name));
  const bodies = outermost(of('EvaluateScript', 'v8.run', 'v8.evaluateModule'));
  const inBody = (e: TraceEvent) => bodies.some((b) => e.ts >= b.ts && e.ts < b.ts + (b.dur ?? 0));
  const callbacks = outermost(of('FunctionCall', 'v8.callFunction').filter((e) => !inBody(e)));
  const runTasks = thread.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  const tasks = new Set<TraceEvent>();
  for (const e of top) {
    // The outermost (longest) task around the event: nested run loops nest RunTask events.
    const task = runTasks
      .filter((t) => t.ts <= e.ts && e.ts < t.ts + (t.dur ?? 0))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    if (task) tasks.add(task);
  }
  const taskList = [...tasks];
  const byFile = { loader: 0, engine: 0, card: 0, other: 0 };
  for (const e of top) byFile[fileOf(e)] += ms(e.dur ?? 0);
  return {
    wallMs: sum(top, 'dur'),
    cpuMs: sum(top, 'tdur'),
    compileMs: sum(of('v8.compile', 'v8.compileModule'), 'dur'),
    evaluateMs: sum(of('v8.run', 'v8.evaluateModule'), 'dur'),
    callbacksMs: sum(callbacks, 'dur'),
    taskWallMs: sum(taskList, 'dur'),
    taskCpuMs: sum(taskList, 'tdur'),
    longestTaskMs: Math.max(0, ...taskList.map((t) => ms(t.dur ?? 0))),
    tasksOver50: taskList.filter((t) => (t.dur ?? 0) > 50000).length,
    tasks: taskList.map((t) => ({ ts: t.ts, end: t.ts + (t.dur ?? 0) })),
    worlds: [...new Set(worldsOf(own, urlPrefix))],
    byFile,
    events: own.length,
  };
}

/** Wall and CPU time of every task on the thread that starts at or after `fromTs` (everything the page did). */
export function mainThreadBusy(
  thread: TraceEvent[],
  fromTs = -Infinity,
): { wallMs: number; cpuMs: number; longestMs: number } {
  const tasks = thread.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= fromTs);
  return {
    wallMs: sum(tasks, 'dur'),
    cpuMs: sum(tasks, 'tdur'),
    longestMs: Math.max(0, ...tasks.map((t) => ms(t.dur ?? 0))),
  };
}

/** Trace timestamp of the page's navigationStart (performance.now() = 0), for mapping page times onto the trace. */
export function navigationStartTs(thread: TraceEvent[]): number | undefined {
  return thread.filter((e) => e.name === 'navigationStart').at(-1)?.ts;
}

/** Long Tasks API entries of the page so far (buffered), as [startTime, duration] in page milliseconds. */
export async function longTaskEntries(page: Page): Promise<[number, number][]> {
  return page.evaluate(
    () =>
      new Promise<[number, number][]>((resolve) => {
        const entries: [number, number][] = [];
        const take = (list: PerformanceEntryList) => {
          for (const e of list) entries.push([e.startTime, e.duration]);
        };
        const observer = new PerformanceObserver((list) => take(list.getEntries()));
        observer.observe({ type: 'longtask', buffered: true });
        setTimeout(() => {
          take(observer.takeRecords());
          observer.disconnect();
          resolve(entries);
        }, 100);
      }),
  );
}
