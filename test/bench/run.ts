/**
 * npm run bench: what the extension costs a page, measured with Chromium traces in one run, side by side with
 * an empty content script extension, mark.js (usual and strongest form) and the floor (one RegExp pass + one
 * CSS Highlight); then the PDF reader and the search benchmarks. Every figure is the median of BENCH_REPEATS (default 5) runs with
 * its min–max. Prints figures and whether each target is met; asserts nothing, but stops with an error when a
 * measurement could not be taken.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SETTINGS_TABLE } from '../../lib/settings/table';
import { runPdfBench } from './pdfBench';
import { runPopupBench } from './popupBench';
import { startFixtureServer } from '../e2e/harness';
import { buildEmptyExtension, buildImportFloorExtension, launchBench, launchOurs, type BenchBrowser } from './browsers';
import { englishPage, newsPage } from './benchPages';
import {
  FIRST_HIGHLIGHT_POLLER,
  firstHoverOnce,
  firstMarksOnce,
  loadSamples,
  warmUp,
  type FirstHover,
  type FirstMarks,
  type LoadSample,
} from './loadBench';
import {
  buildBigPage,
  CONTENDER_ROUTES,
  markWithOurs,
  markWithPageScript,
  SURFACE_FORMS,
  type Contender,
  type MarkingSample,
} from './pageBench';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const BIG_SIZES = [0.5, 1, 2, 4] as const;
const started = Date.now();

// ---------- statistics and printing ----------

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const num = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
/** "median (min–max)" */
const spread = (v: number[], digits = 1) =>
  `${num(median(v), digits)} (${num(Math.min(...v), digits)}–${num(Math.max(...v), digits)})`;

const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
function table(title: string, rows: string[][]) {
  console.log(`\n${title}`);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  rows.forEach((row, i) => {
    console.log('  ' + row.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join('  '));
    if (i === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  });
}
const log = (text: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${text}`);

// ---------- sizes ----------

const sizeOf = (file: string) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes).length / 1024 };
};
const sizes = {
  loader: sizeOf('.output/chrome-mv3/content-loader.js'),
  engine: sizeOf('.output/chrome-mv3/content-engine.js'),
  card: sizeOf('.output/chrome-mv3/card-ui.js'),
};
table('文件大小（KB）', [
  ['文件', '原始', 'gzip', '何时加载'],
  ['content-loader.js（加载器）', num(sizes.loader.raw), num(sizes.loader.gzip), '每个页面'],
  ['content-engine.js（引擎）', num(sizes.engine.raw), num(sizes.engine.gzip), '有中文的页面'],
  ['card-ui.js（卡片）', num(sizes.card.raw), num(sizes.card.gzip), '首次悬停'],
]);

// ---------- pages ----------

const news = newsPage(5000);
const newsWithPoller = newsPage(5000, FIRST_HIGHLIGHT_POLLER);
const bigPages = new Map(BIG_SIZES.map((mb) => [mb, buildBigPage(mb)]));
const server = await startFixtureServer({
  '/english.html': englishPage(),
  '/news.html': news.html,
  '/news-frame.html': newsWithPoller.html,
  ...Object.fromEntries(BIG_SIZES.map((mb) => [`/big-${mb}.html`, bigPages.get(mb)!.html])),
  ...CONTENDER_ROUTES,
});
const PAGES: { key: string; label: string; path: string; chinese: boolean }[] = [
  { key: 'english', label: '英文页（无中文）', path: '/english.html', chinese: false },
  { key: 'news', label: `新闻页 ${news.characters} 字`, path: '/news.html', chinese: true },
  ...BIG_SIZES.map((mb) => ({ key: `big-${mb}`, label: `${mb} MB 中文页`, path: `/big-${mb}.html`, chinese: true })),
];
console.log(
  `\n页面：${PAGES.map((p) => p.label).join('、')}；大页面文本节点 ${BIG_SIZES.map((mb) => `${mb} MB ${bigPages.get(mb)!.textNodes}`).join('，')}；词形 ${SURFACE_FORMS.length} 个；每项 ${REPEATS} 次`,
);

// ---------- measurements ----------

const emptyDir = buildEmptyExtension();
/**
 * A reference for the page without Chinese: the least a loader that does what the issue asks can do there (look for
 * Han characters in the title and the first text nodes, then watch for text added later), written by hand.
 */
const LOOK_ONLY_SCRIPT = `const hasHan = (t) => { for (let i = 0; i < t.length; i++) { const c = t.charCodeAt(i); if (c >= 0x3400 && c <= 0x9fff) return true; } return false; };
const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
let found = hasHan(document.title);
for (let i = 0, n = walker.nextNode(); !found && n && i < 200; i++, n = walker.nextNode()) found = hasHan(n.data.slice(0, 400));
if (!found) new MutationObserver(() => {}).observe(document, { childList: true, subtree: true, characterData: true });
`;
/** Reference content scripts, each loaded on one page: what the platform charges for the least of our steps. */
const REFERENCES = [
  {
    key: 'title-only',
    label: '只读 document.title 的内容脚本',
    meaning: '任何看一眼页面的内容脚本至少付出这么多',
    dir: buildEmptyExtension('void document.title;\n'),
    page: 'english',
  },
  {
    key: 'look-only',
    label: '只看标题和前 200 个文本节点、再挂一个 MutationObserver 的内容脚本',
    meaning: '按本议题要求看一眼页面的加载器至少付出这么多',
    dir: buildEmptyExtension(LOOK_ONLY_SCRIPT),
    page: 'english',
  },
  {
    key: 'import-floor',
    label: '只读设置并导入一个空模块的内容脚本',
    meaning: '从扩展包导入引擎的加载器至少付出这么多',
    dir: buildImportFloorExtension(),
    page: 'news',
  },
] as const;
const referenceLoads = new Map<string, LoadSample[]>();
const referenceOf = (key: (typeof REFERENCES)[number]['key']) => referenceLoads.get(key)!;
const load = new Map<string, { ours: LoadSample[]; empty: LoadSample[] }>();
const marking = new Map<string, MarkingSample[]>();
const firstMarks: FirstMarks[] = [];
const firstHovers: FirstHover[] = [];
const repeat = async <T>(what: string, run: () => Promise<T>): Promise<T[]> => {
  const out: T[] = [];
  for (let i = 0; i < REPEATS; i++) out.push(await run());
  log(`${what} ✓`);
  return out;
};

async function withBrowser(launch: () => Promise<BenchBrowser>, work: (b: BenchBrowser) => Promise<void>) {
  const browser = await launch();
  try {
    // Every measured page is at least the browser's second (caches warm).
    await warmUp(browser, server.url('/news.html'));
    await work(browser);
  } finally {
    await browser.close();
  }
}

const contenderRuns: [string, string, Contender][] = [
  ['news', '/news.html', 'mark-usual'],
  ['news', '/news.html', 'mark-regexp'],
  ['news', '/news.html', 'floor'],
  ['big-2', '/big-2.html', 'mark-regexp'],
  ['big-2', '/big-2.html', 'floor'],
];

try {
  await withBrowser(
    () => launchBench('空内容脚本', emptyDir, false),
    async (empty) => {
      for (const page of PAGES) {
        const samples = await loadSamples(empty, server.url(page.path), REPEATS, {
          expectMarks: false,
          heap: page.key === 'big-2',
        });
        load.set(page.key, { ours: [], empty: samples });
        log(`空内容脚本 加载 ${page.label} ✓`);
      }
      for (const [key, path, contender] of contenderRuns)
        marking.set(
          `${key}/${contender}`,
          await repeat(`${contender} ${key}`, () =>
            markWithPageScript(empty, server.origin, server.url(path), contender),
          ),
        );
    },
  );
  for (const reference of REFERENCES) {
    const page = PAGES.find((p) => p.key === reference.page)!;
    await withBrowser(
      () => launchBench(reference.label, reference.dir, false),
      async (browser) => {
        referenceLoads.set(
          reference.key,
          await loadSamples(browser, server.url(page.path), REPEATS, { expectMarks: false }),
        );
        log(`${reference.label} 加载 ${page.label} ✓`);
      },
    );
  }
  await withBrowser(launchOurs, async (ours) => {
    for (const page of PAGES) {
      load.get(page.key)!.ours = await loadSamples(ours, server.url(page.path), REPEATS, {
        expectMarks: page.chinese,
        heap: page.key === 'big-2',
      });
      log(`懂医保 加载 ${page.label} ✓`);
    }
    firstMarks.push(...(await repeat('首批标记', () => firstMarksOnce(ours, server.url('/news-frame.html')))));
    const hoverDelay = SETTINGS_TABLE.hoverDelayMs.default;
    firstHovers.push(
      ...(await repeat('首次悬停', () => firstHoverOnce(ours, server.url('/news.html'), '个人账户', hoverDelay))),
    );
    const ourWorlds = [...new Set(load.get('news')!.ours.flatMap((s) => s.cost.worlds))];
    if (ourWorlds.length === 0) throw new Error('no isolated world of ours in the news page traces');
    for (const [key, path] of [
      ['news', '/news.html'],
      ['big-2', '/big-2.html'],
    ] as const)
      marking.set(
        `${key}/ours`,
        await repeat(`懂医保 标记 ${key}`, () => markWithOurs(ours, server.url(path), ourWorlds)),
      );
  });
} finally {
  await server.close();
  rmSync(emptyDir, { recursive: true, force: true });
  for (const reference of REFERENCES) rmSync(reference.dir, { recursive: true, force: true });
}

// ---------- report ----------

const loadOf = (key: string) => load.get(key)!;
const cpu = (s: LoadSample[]) => s.map((x) => x.cost.cpuMs);
const wall = (s: LoadSample[]) => s.map((x) => x.cost.wallMs);
/** CPU of whole tasks that ran our scripts: includes what our promise continuations do, which no script event shows. */
const taskCpu = (s: LoadSample[]) => s.map((x) => x.cost.taskCpuMs);

table(
  '1. 页面加载时的脚本时间（ms，追踪中 chrome-extension:// 脚本事件，最外层求和；CPU = 主线程线程时间，墙钟 = 含被抢占）',
  [
    [
      '页面',
      '空脚本 CPU',
      '本扩展 CPU',
      'CPU 差（中位数）',
      '空脚本 墙钟',
      '本扩展 墙钟',
      '墙钟差',
      '空脚本 任务 CPU',
      '本扩展 任务 CPU',
      '任务 CPU 差',
      '引擎加载',
      '标记数',
    ],
    ...PAGES.map((p) => {
      const { ours, empty } = loadOf(p.key);
      return [
        p.label,
        spread(cpu(empty), 2),
        spread(cpu(ours), 2),
        num(median(cpu(ours)) - median(cpu(empty)), 2),
        spread(wall(empty), 2),
        spread(wall(ours), 2),
        num(median(wall(ours)) - median(wall(empty)), 2),
        spread(taskCpu(empty), 2),
        spread(taskCpu(ours), 2),
        num(median(taskCpu(ours)) - median(taskCpu(empty)), 2),
        ours.every((s) => s.engineRan) ? '是' : ours.some((s) => s.engineRan) ? '部分' : '否',
        spread(
          ours.map((s) => s.marks),
          0,
        ),
      ];
    }),
  ],
);
for (const reference of REFERENCES) {
  const samples = referenceOf(reference.key);
  const empty = loadOf(reference.page).empty;
  console.log(
    `  参照（${PAGES.find((p) => p.key === reference.page)!.label}）：${reference.label} CPU ${spread(cpu(samples), 2)}，` +
      `墙钟 ${spread(wall(samples), 2)}，任务 CPU ${spread(taskCpu(samples), 2)}；比空脚本多 CPU ` +
      `${num(median(cpu(samples)) - median(cpu(empty)), 2)} ms，任务 CPU ${num(median(taskCpu(samples)) - median(taskCpu(empty)), 2)} ms（${reference.meaning}）`,
  );
}

table('2. 本扩展脚本拆分（墙钟 ms，中位数 (最小–最大)）与任务', [
  [
    '页面',
    '加载器',
    '引擎',
    '编译',
    '求值',
    '回调（空闲切片等）',
    '含我们脚本的任务',
    '最长任务',
    '>50 ms 任务',
    'Long Tasks API 重叠',
  ],
  ...PAGES.map((p) => {
    const ours = loadOf(p.key).ours;
    return [
      p.label,
      spread(
        ours.map((s) => s.cost.byFile.loader),
        2,
      ),
      spread(
        ours.map((s) => s.cost.byFile.engine + s.cost.byFile.other),
        2,
      ),
      spread(
        ours.map((s) => s.cost.compileMs),
        2,
      ),
      spread(
        ours.map((s) => s.cost.evaluateMs),
        2,
      ),
      spread(
        ours.map((s) => s.cost.callbacksMs),
        2,
      ),
      spread(
        ours.map((s) => s.cost.taskWallMs),
        1,
      ),
      spread(
        ours.map((s) => s.cost.longestTaskMs),
        1,
      ),
      String(Math.max(...ours.map((s) => s.cost.tasksOver50))),
      `${Math.max(...ours.map((s) => s.longTasksOurs))}（页面共 ${Math.max(...ours.map((s) => s.longTasksAll))}）`,
    ];
  }),
]);

const heapOurs = loadOf('big-2').ours.map((s) => s.heapMb!);
const heapEmpty = loadOf('big-2').empty.map((s) => s.heapMb!);
table('3. 2 MB 页面的 JS 堆（GC 后 JSHeapUsedSize，MB；含页面与各隔离世界）', [
  ['空脚本', '本扩展', '增加（中位数之差）'],
  [spread(heapEmpty, 2), spread(heapOurs, 2), num(median(heapOurs) - median(heapEmpty), 2)],
]);

table(
  `4. 新闻页：引擎开始求值 → 第一帧出现标记；首次悬停：悬停延迟（${SETTINGS_TABLE.hoverDelayMs.default} ms）结束 → 卡片出现`,
  [
    ['', 'ms', '帧'],
    [
      '首批标记',
      spread(firstMarks.map((m) => m.ms)),
      spread(
        firstMarks.map((m) => m.frames),
        0,
      ),
    ],
    [
      '首次悬停（含加载 card-ui.js）',
      spread(firstHovers.map((m) => m.ms)),
      spread(
        firstHovers.map((m) => m.frames),
        1,
      ),
    ],
  ],
);

const mk = (key: string) => {
  const samples = marking.get(key);
  if (!samples) throw new Error(`missing measurement ${key}`);
  return samples;
};
const contenderRows = (key: string): string[][] =>
  (
    [
      ['懂医保（打开站点开关后）', `${key}/ours`],
      ...(key === 'news' ? [['mark.js mark(terms)', `${key}/mark-usual`]] : []),
      ['mark.js markRegExp（最强写法）', `${key}/mark-regexp`],
      ['下限：RegExp + Highlight', `${key}/floor`],
    ] as [string, string][]
  ).map(([label, k]) => {
    const s = mk(k);
    return [
      label,
      spread(s.map((x) => x.cost.wallMs)),
      spread(s.map((x) => x.cost.cpuMs)),
      spread(s.map((x) => x.busyWallMs)),
      spread(s.map((x) => x.cost.longestTaskMs)),
      spread(
        s.map((x) => x.marks),
        0,
      ),
    ];
  });
const contenderHeader = ['', '脚本 墙钟', '脚本 CPU', '主线程合计（含样式/布局/绘制）', '最长任务', '标记数'];
table('5. 标记一个已加载的新闻页（ms）', [contenderHeader, ...contenderRows('news')]);
table('6. 标记一个已加载的 2 MB 页面（ms）', [contenderHeader, ...contenderRows('big-2')]);
console.log(
  '  说明：本扩展只为视口上下各一屏内的文字建标记（滚动时再补），整页只在弹窗“本页术语”询问时匹配；其余三者处理整页。mark.js mark(terms) 每个词形遍历一次 DOM，在 2 MB 页上要数分钟，只在新闻页测。',
);

const m = (key: string, pick: (s: MarkingSample) => number) => median(mk(key).map(pick));
const ratio = (a: number, b: number) => `${num(a / b, 2)}×`;
const oursLoad2 = median(wall(loadOf('big-2').ours));
table('7. 比值（中位数之比）', [
  ['', '脚本 墙钟', '主线程合计'],
  [
    'mark.js 最强写法 / 本扩展（2 MB，标记）',
    ratio(
      m('big-2/mark-regexp', (s) => s.cost.wallMs),
      m('big-2/ours', (s) => s.cost.wallMs),
    ),
    ratio(
      m('big-2/mark-regexp', (s) => s.busyWallMs),
      m('big-2/ours', (s) => s.busyWallMs),
    ),
  ],
  [
    '本扩展 / 下限（2 MB，标记）',
    ratio(
      m('big-2/ours', (s) => s.cost.wallMs),
      m('big-2/floor', (s) => s.cost.wallMs),
    ),
    ratio(
      m('big-2/ours', (s) => s.busyWallMs),
      m('big-2/floor', (s) => s.busyWallMs),
    ),
  ],
  [
    'mark.js 最强写法 / 本扩展含加载（2 MB）',
    ratio(
      m('big-2/mark-regexp', (s) => s.cost.wallMs),
      oursLoad2,
    ),
    '',
  ],
  [
    '本扩展含加载 / 下限（2 MB）',
    ratio(
      oursLoad2,
      m('big-2/floor', (s) => s.cost.wallMs),
    ),
    '',
  ],
  [
    'mark.js 常用写法 / 本扩展（新闻页，标记）',
    ratio(
      m('news/mark-usual', (s) => s.cost.wallMs),
      m('news/ours', (s) => s.cost.wallMs),
    ),
    ratio(
      m('news/mark-usual', (s) => s.busyWallMs),
      m('news/ours', (s) => s.busyWallMs),
    ),
  ],
  ...PAGES.map((p) => [
    `本扩展 / 空脚本（加载 ${p.label}）`,
    ratio(median(wall(loadOf(p.key).ours)), median(wall(loadOf(p.key).empty))),
    '',
  ]),
]);

table('8. 规模增长（本扩展，页面加载的脚本时间 ms）', [
  ['页面', '文本节点', '墙钟', 'CPU', '相对 0.5 MB（墙钟中位数）'],
  ...BIG_SIZES.map((mb) => {
    const ours = loadOf(`big-${mb}`).ours;
    return [
      `${mb} MB`,
      String(bigPages.get(mb)!.textNodes),
      spread(wall(ours)),
      spread(cpu(ours)),
      ratio(median(wall(ours)), median(wall(loadOf('big-0.5').ours))),
    ];
  }),
]);

// ---------- targets ----------

const englishExtra = median(wall(loadOf('english').ours)) - median(wall(loadOf('english').empty));
const newsOurs = median(wall(loadOf('news').ours));
const englishExtraCpu = median(cpu(loadOf('english').ours)) - median(cpu(loadOf('english').empty));
const newsOursCpu = median(cpu(loadOf('news').ours));
const englishExtraTask = median(taskCpu(loadOf('english').ours)) - median(taskCpu(loadOf('english').empty));
const newsOursTask = median(taskCpu(loadOf('news').ours));
const strongestOver = m('big-2/mark-regexp', (s) => s.cost.wallMs) / oursLoad2;
const floorWall = m('big-2/floor', (s) => s.cost.wallMs);
const longestOurs = Math.max(...PAGES.flatMap((p) => loadOf(p.key).ours.map((s) => s.cost.longestTaskMs)));
const longestMarking = Math.max(...['news/ours', 'big-2/ours'].flatMap((k) => mk(k).map((s) => s.cost.longestTaskMs)));
const verdict = (ok: boolean) => (ok ? '达成' : '未达成');
table('9. 目标（墙钟中位数，另列脚本 CPU 与任务 CPU；结果取墙钟与任务 CPU 中较严者；基准测试不断言，只报告）', [
  ['目标', '测得', '结果'],
  [
    '无中文页：比空脚本多 ≤ 1 ms',
    `${num(englishExtra, 2)} ms（脚本 CPU ${num(englishExtraCpu, 2)}，任务 CPU ${num(englishExtraTask, 2)} ms；只读标题的脚本多 ${num(
      median(wall(referenceOf('title-only'))) - median(wall(loadOf('english').empty)),
      2,
    )} ms，只看一眼的脚本任务 CPU 多 ${num(median(taskCpu(referenceOf('look-only'))) - median(taskCpu(loadOf('english').empty)), 2)} ms）`,
    verdict(englishExtra <= 1 && englishExtraTask <= 1),
  ],
  [
    '5k 新闻页：本扩展脚本时间 ≤ 10 ms',
    `${num(newsOurs, 2)} ms（脚本 CPU ${num(newsOursCpu, 2)}，任务 CPU ${num(newsOursTask, 2)} ms；只导入空模块的脚本任务 CPU ${num(
      median(taskCpu(referenceOf('import-floor'))),
      2,
    )} ms）`,
    verdict(newsOurs <= 10 && newsOursTask <= 10),
  ],
  [
    '新闻页：引擎开始后一帧内出现标记',
    `${num(median(firstMarks.map((x) => x.frames)), 0)} 帧（${spread(firstMarks.map((x) => x.ms))} ms）`,
    verdict(median(firstMarks.map((x) => x.frames)) <= 1),
  ],
  [
    '首次悬停：延迟结束后一帧内出现卡片',
    `${num(median(firstHovers.map((x) => x.frames)), 1)} 帧`,
    verdict(median(firstHovers.map((x) => x.frames)) <= 1),
  ],
  ['2 MB：mark.js 最强写法 ≥ 10× 本扩展（含加载）', `${num(strongestOver, 1)}×`, verdict(strongestOver >= 10)],
  ['2 MB：本扩展（含加载）≤ 下限', `${num(oursLoad2, 1)} vs ${num(floorWall, 1)} ms`, verdict(oursLoad2 <= floorWall)],
  [
    '没有超过 50 ms 的本扩展任务',
    `加载最长 ${num(longestOurs)} ms，标记最长 ${num(longestMarking)} ms`,
    verdict(longestOurs <= 50 && longestMarking <= 50),
  ],
]);
log('页面基准完成');

await runPdfBench();
log('PDF 阅读器基准完成');

await runPopupBench();
log('弹窗就绪基准完成');

execFileSync('npx', ['tsx', 'test/bench/search.bench.ts'], { stdio: 'inherit' });
log('全部完成');
