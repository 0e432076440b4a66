/**
 * Popup readiness (npm run bench; not a test; also alone: `npx tsx test/bench/popupBench.ts`). How long after
 * navigation the popup page is ready for a reader, next to a minimal extension page holding one input, in the same
 * run:
 *   - 查询: a term typed into the search box shows its results;
 *   - each 计算器 tool: its first number field shows what was typed;
 *   - reference: the minimal page's one input shows what was typed.
 * Every sample opens the page in a new tab, waits for the field, focuses it, types (one insertText, as an input
 * method commits Chinese), and reads performance.now() (ms since navigation start) in the first animation frame
 * where the goal is on screen. Cold: the first extension page of a fresh browser profile (no code cache); warm: the
 * same page again after one earlier visit. Prints medians (min–max) and the ratio to the reference.
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CHECKER_TOOL_IDS, CHECKER_TOOL_LABELS } from '../../lib/checker/toolIds';
import { buildEmptyExtension, launchBench, launchOurs, type BenchBrowser } from './browsers';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
/** Cold samples cost a browser launch each. */
const COLD_REPEATS = Number(process.env.BENCH_POPUP_COLD ?? 3);
/** The popup's allowed share over the minimal page (issue 22). */
const TARGET_RATIO = 1.2;

interface Probe {
  key: string;
  label: string;
  /** Path of the page inside the extension. */
  path: string;
  input: string;
  text: string;
  /** In the page: true once the goal is on screen. */
  goal: 'results' | 'value';
}

const REFERENCE: Probe = {
  key: 'reference',
  label: '参照：只有一个输入框的扩展页面',
  path: 'one-input.html',
  input: '#q',
  text: '个人账户',
  goal: 'value',
};

const PROBES: Probe[] = [
  {
    key: 'search',
    label: '查询：输入“个人账户”到结果出现',
    path: 'popup.html',
    input: 'input[type=search]',
    text: '个人账户',
    goal: 'results',
  },
  ...CHECKER_TOOL_IDS.map((tool): Probe => ({
    key: `checker-${tool}`,
    label: `计算器 ${CHECKER_TOOL_LABELS[tool]}：第一个字段接受输入`,
    path: `popup.html#checker/${tool}`,
    // Its first field: a number typed, or a choice made (家庭共济 opens with choices only).
    input: '.checker .fields :is(input[inputmode=decimal], select)',
    text: '8000',
    goal: 'value',
  })),
];

/** A minimal extension page: one input, no script (plus an empty worker, so the bench can learn the id). */
function buildOneInputExtension(): string {
  return buildEmptyExtension(';\n', {
    manifest: { background: { service_worker: 'worker.js' } },
    files: {
      'worker.js': '\n',
      'one-input.html':
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>参照</title></head>' +
        '<body><label for="q">搜索</label> <input id="q" type="search"></body></html>\n',
    },
  });
}

/**
 * Runs in every page of the browser before its scripts (an init script): on the probe's page, as soon as the field
 * is in the page and visible it is focused and typed into (execCommand insertText: input events as from a keyboard or
 * an input method; a choice for a <select>); the time of the first animation frame with the goal on screen is left
 * in window.__benchReady. No round trip to the bench sits inside the measured span.
 */
function readinessScript(probes: Probe[]): string {
  const config = JSON.stringify(probes.map(({ path, input, text, goal }) => ({ path, input, text, goal })));
  return `(() => {
  const probe = ${config}.find((p) => p.path === location.pathname.slice(1) + location.hash);
  if (!probe) return;
  let typed = false;
  let finished = false;
  const check = () => {
    if (finished) return;
    const field = document.querySelector(probe.input);
    if (!field || field.getClientRects().length === 0) return;
    const isSelect = field instanceof HTMLSelectElement;
    if (!typed) {
      typed = true;
      field.focus();
      if (isSelect) {
        field.selectedIndex = 1;
        field.dispatchEvent(new Event('change', { bubbles: true }));
      } else document.execCommand('insertText', false, probe.text);
    }
    const holds = isSelect ? field.selectedIndex === 1 : field.value === probe.text;
    if (!holds || (probe.goal === 'results' && !document.querySelector('[role=option]'))) return;
    finished = true;
    observer.disconnect();
    requestAnimationFrame(() => { window.__benchReady = performance.now(); });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;
}

async function readyOnce(browser: BenchBrowser, probe: Probe): Promise<number> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(browser.extensionOrigin + probe.path, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (window as unknown as { __benchReady?: number }).__benchReady ?? false,
      null,
      { polling: 50, timeout: 15000 },
    );
    return (await handle.jsonValue()) as number;
  } catch (error) {
    throw new Error(`${probe.label}：没有就绪（${(error as Error).message}）`);
  } finally {
    await page.close();
  }
}

/** A browser whose pages run the readiness probe. */
async function withProbe(launch: () => Promise<BenchBrowser>): Promise<BenchBrowser> {
  const browser = await launch();
  await browser.context.addInitScript({ content: readinessScript([REFERENCE, ...PROBES]) });
  return browser;
}

async function coldSamples(launch: () => Promise<BenchBrowser>, probe: Probe): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < COLD_REPEATS; i++) {
    const browser = await launch();
    try {
      out.push(await readyOnce(browser, probe));
    } finally {
      await browser.close();
    }
  }
  return out;
}

async function warmSamples(browser: BenchBrowser, probe: Probe): Promise<number[]> {
  await readyOnce(browser, probe);
  const out: number[] = [];
  for (let i = 0; i < REPEATS; i++) out.push(await readyOnce(browser, probe));
  return out;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (v: number[]) => `${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;

export async function runPopupBench(): Promise<void> {
  const referenceDir = buildOneInputExtension();
  const launchReference = () => withProbe(() => launchBench('参照页', referenceDir, true));
  const launchOursProbed = () => withProbe(launchOurs);
  const cold = new Map<string, number[]>();
  const warm = new Map<string, number[]>();
  try {
    // Interleaved, so both sides see the same machine load.
    cold.set(REFERENCE.key, await coldSamples(launchReference, REFERENCE));
    for (const probe of PROBES) cold.set(probe.key, await coldSamples(launchOursProbed, probe));
    const reference = await launchReference();
    try {
      warm.set(REFERENCE.key, await warmSamples(reference, REFERENCE));
    } finally {
      await reference.close();
    }
    const ours = await launchOursProbed();
    try {
      for (const probe of PROBES) warm.set(probe.key, await warmSamples(ours, probe));
    } finally {
      await ours.close();
    }
  } finally {
    rmSync(referenceDir, { recursive: true, force: true });
  }

  const refCold = median(cold.get(REFERENCE.key)!);
  const refWarm = median(warm.get(REFERENCE.key)!);
  console.log(
    `\n弹窗就绪（ms，自导航开始；中位数 (最小–最大)；冷 ${COLD_REPEATS} 次、热 ${REPEATS} 次；目标 ≤ 参照的 ${TARGET_RATIO}×）`,
  );
  const rows = [REFERENCE, ...PROBES].map((probe) => {
    const c = cold.get(probe.key)!;
    const w = warm.get(probe.key)!;
    const ratioCold = median(c) / refCold;
    const ratioWarm = median(w) / refWarm;
    const verdict =
      probe === REFERENCE ? '' : ratioCold <= TARGET_RATIO && ratioWarm <= TARGET_RATIO ? '达成' : '未达成';
    return `  ${probe.label}：冷 ${spread(c)}（${ratioCold.toFixed(2)}×），热 ${spread(w)}（${ratioWarm.toFixed(2)}×） ${verdict}`;
  });
  console.log(rows.join('\n'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runPopupBench();
