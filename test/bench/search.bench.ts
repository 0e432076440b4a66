/**
 * Search benchmark (not a test; asserts nothing). Run after `npm run compile-data`:
 *   npx tsx test/bench/search.bench.ts
 *
 * 1. Latency per keystroke over the full index: ~20 realistic queries typed one
 *    character at a time, each prefix searched as the popup does on input.
 *    Ours (exact/prefix pass over titles, aliases, pinyin and initials + fuse.js
 *    for the fuzzy rest) next to plain fuse.js over the same entries with only
 *    title, aliases and summary (no pinyin keys), same threshold.
 * 2. The popup's time to first render in Chromium: popup.html opened 10 times,
 *    from navigation start to the search box being rendered (the popup's
 *    performance mark), median. Needs the built extension (`npx wxt build`);
 *    skipped with a note when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import type { CardRecord, SearchDoc } from '../../lib/card/records';
import { computeGlossaryPopularity, createGlossarySearch } from '../../lib/search/glossarySearch';

const QUERIES: { text: string; expect?: string }[] = [
  { text: '个人账户', expect: '个人账户' },
  { text: '个账', expect: '个人账户' },
  { text: 'grzh', expect: '个人账户' },
  { text: 'gerenzhanghu', expect: '个人账户' },
  { text: 'tongchou', expect: '统筹基金' },
  { text: 'tcjj', expect: '统筹基金' },
  { text: '统愁基金', expect: '统筹基金' },
  { text: '亲情账户', expect: '亲情账户' },
  { text: '家庭共济', expect: '家庭共济' },
  { text: 'jtgj', expect: '家庭共济' },
  { text: '异地就医备案' },
  { text: 'ydjy' },
  { text: '起付线' },
  { text: 'qifuxian' },
  { text: '待遇等待期' },
  { text: 'dengdaiqi' },
  { text: '门诊慢特病' },
  { text: '医保卡余额清零' },
  { text: 'zhigongyibao' },
  { text: '城乡居民医保' },
  { text: '断保补缴' },
  { text: '医保钱包' },
  { text: '个人帐户', expect: '个人账户' },
  { text: '职工醫保', expect: '职工基本医疗保险' },
  { text: '醫療費用報銷' },
  { text: '医保卡丢了', expect: '医保卡（社保卡）丢了怎么办？' },
  { text: '医保卡丢失怎么办', expect: '医保卡（社保卡）丢了怎么办？' },
];

const RUNS = 7;

function readGenerated<T>(file: string): T {
  const path = join('generated', file);
  if (!existsSync(path)) {
    console.error(`${path} 不存在：先运行 npm run compile-data`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
const median = (samples: number[]) => percentile(samples, 50);
const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 2)} ms`;

/** Every prefix of every query, as typed. */
const KEYSTROKES = QUERIES.flatMap((q) => [...q.text].map((_, i) => [...q.text].slice(0, i + 1).join('')));

function timeKeystrokes(search: (query: string) => unknown): number[] {
  for (const k of KEYSTROKES) search(k); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    for (const keystroke of KEYSTROKES) {
      const start = performance.now();
      search(keystroke);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

function timed<T>(make: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = make();
  return { value, ms: performance.now() - start };
}

function searchBench() {
  const docs = readGenerated<SearchDoc[]>('search-docs.json');
  const cards = readGenerated<CardRecord[]>('cards.json');
  const ours = timed(() => createGlossarySearch(docs, { popularity: computeGlossaryPopularity(docs, cards) }));
  const plain = timed(
    () =>
      new Fuse(docs, {
        keys: ['title', 'aliases', 'summary'],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.35,
      }),
  );
  // Both build lazily or eagerly in different places; the first search includes fuse's index for ours.
  const firstOurs = timed(() => ours.value.search('个'));
  const ourSamples = timeKeystrokes((q) => ours.value.search(q, 40));
  const plainSamples = timeKeystrokes((q) => plain.value.search(q, { limit: 40 }));

  const top1 = (first: (q: string) => string | undefined) =>
    QUERIES.filter((q) => q.expect && first(q.text) === q.expect).length;
  const expected = QUERIES.filter((q) => q.expect).length;
  const oursTop1 = top1((q) => ours.value.search(q, 1)[0]?.doc.title);
  const plainTop1 = top1((q) => plain.value.search(q, { limit: 1 })[0]?.item.title);

  const terms = docs.filter((d) => d.kind === 'term').length;
  console.log(
    `\n搜索：${terms} 个术语 + ${docs.length - terms} 篇文章，${QUERIES.length} 个查询逐字输入 = ${KEYSTROKES.length} 次按键 × ${RUNS} 轮`,
  );
  const rows = [
    ['', '每次按键中位数', 'p95', '最慢', '建索引', '首位命中'],
    [
      'ours (exact/prefix + fuse, 拼音)',
      ms(median(ourSamples)),
      ms(percentile(ourSamples, 95)),
      ms(Math.max(...ourSamples)),
      ms(ours.ms + firstOurs.ms),
      `${oursTop1}/${expected}`,
    ],
    [
      'plain fuse.js (title/aliases/summary)',
      ms(median(plainSamples)),
      ms(percentile(plainSamples, 95)),
      ms(Math.max(...plainSamples)),
      ms(plain.ms),
      `${plainTop1}/${expected}`,
    ],
  ];
  printTable(rows);
  const misses = QUERIES.filter((q) => q.expect && ours.value.search(q.text, 1)[0]?.doc.title !== q.expect);
  if (misses.length) console.log(`  ours 首位不对：${misses.map((q) => q.text).join('、')}`);
}

function printTable(rows: string[][]) {
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  for (const row of rows)
    console.log('  ' + row.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join('  '));
}

async function popupRenderBench() {
  const { EXTENSION_DIR, chromiumPath, launchExtensionBrowser } = await import('../e2e/harness');
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('\n弹窗首次渲染：跳过（没有 .output/chrome-mv3，先运行 npx wxt build）');
    return;
  }
  try {
    chromiumPath();
  } catch (error) {
    console.log(`\n弹窗首次渲染：跳过（${(error as Error).message}）`);
    return;
  }
  const browser = await launchExtensionBrowser();
  try {
    const url = `chrome-extension://${browser.extensionId}/popup.html`;
    const times: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(url);
      await page.locator('input[type="search"]').waitFor({ state: 'attached' });
      const mark = await page.evaluate(
        () => performance.getEntriesByName('yibao-popup-search-rendered')[0]?.startTime ?? NaN,
      );
      // The first opening also starts the extension's renderer; it is reported but not in the median.
      if (i > 0) times.push(mark);
      else console.log(`\n弹窗首次渲染（popup.html，导航开始 → 搜索框渲染）：冷启动 ${ms(mark)}`);
      await page.close();
    }
    printTable([
      ['', '中位数', '最快', '最慢'],
      [`popup.html × ${times.length}`, ms(median(times)), ms(Math.min(...times)), ms(Math.max(...times))],
    ]);
  } finally {
    await browser.close();
  }
}

searchBench();
await popupRenderBench();
