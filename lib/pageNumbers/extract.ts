/**
 * Reads the local policy parameters a page states (起付线, 报销比例, 封顶线, 缴费标准…) with the scope the page
 * gives them. Precision first: statistics, worked examples, bills, subsidies to individuals, other schemes,
 * ranges, floors, old values and changes are never offered; a scope the page leaves ambiguous is left out.
 */
import { normalizeDigits, parseChineseNumeral } from './numerals';
import type {
  PageBlock,
  PageNumber,
  PageNumberParam,
  PageNumberScope,
  PageTableBlock,
  PageTableCell,
  PageText,
} from './types';

type Unit = '元' | '%';
type Care = 'inpatient' | 'outpatient' | 'serious';

interface Mention {
  start: number;
  end: number;
  value: number;
  unit: Unit;
  /** Written in 亿: a fund total, never a parameter. */
  huge: boolean;
}

const CN_NUM = '零〇一二两三四五六七八九十百千万亿';
const MENTION = new RegExp(
  `(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(亿元|万元|元|%)|百分之([${CN_NUM}点]+)|([${CN_NUM}点]+)(万元|元)`,
  'g',
);

const round2 = (n: number) => Math.round(n * 100) / 100;

export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      const before = text[start - 1] ?? '';
      if (/[\d.\-－a-zA-Z/]/.test(before)) continue;
      const n = Number(m[1].replace(/,/g, ''));
      const unit = m[2]!;
      if (unit === '%') out.push({ start, end, value: n, unit: '%', huge: false });
      else
        out.push({
          start,
          end,
          value: round2(n * (unit === '万元' ? 10_000 : unit === '亿元' ? 1e8 : 1)),
          unit: '元',
          huge: unit === '亿元',
        });
    } else if (m[3] !== undefined) {
      const n = parseChineseNumeral(m[3]);
      if (n !== null) out.push({ start, end, value: n, unit: '%', huge: false });
    } else {
      const n = parseChineseNumeral(m[4]!);
      if (n === null || n === 0) continue;
      out.push({
        start,
        end,
        value: round2(n * (m[5] === '万元' ? 10_000 : 1)),
        unit: '元',
        huge: m[4]!.includes('亿'),
      });
    }
  }
  return out;
}

// ---- What a passage is about --------------------------------------------------------------------------------

/** Worked examples and bills: the whole block is left alone. */
const EXAMPLE = /例如|比如|为例|举例|举个例|例子|案例|假设|假如|算了一笔账|算一笔账|[×＝=]|一共交|共交了/;
/** Sections that hold figures about the fund or the year, not rules. */
const STATS_HEADING = /统计|运行情况|基金收支|数据|快讯/;
const STATS =
  /同比|环比|增幅|累计|共计|合计|总计|人次|参保人数|参保率|截至|结余|占比|基金收入|基金支出|总收入|总支出|亿元|(?:比上年|较上年|比去年)(?:增长|下降|增加|减少)|共(?!济)/;
const OTHER_SCHEME =
  /养老保险|个人养老金|住房公积金|公积金|工伤|失业保险|商业|惠民保|重疾险|百万医疗|保费|保额|赔付|免赔|理赔/;
const SUBSIDY = /资助|救助|慰问|奖励|补助金|补助费/;
const APPROXIMATE = /一般|通常|原则上|控制在|约(?!定)|左右|大概|平均|最低可|最高可|之间|不等/;
/** A contribution rate (按工资的2%缴纳) is not a benefit rate. */
const CONTRIBUTION = /缴纳|缴费|费率|工资/;
const NEGATED_CREDIT = /不再|不(?:划入|计入)|无需/;
const SELF_PAY = /自付|自负|先行|个人负担比例/;
/** Right after the number: a floor, a ceiling, a range or an approximation. */
const AFTER_BAD = new RegExp(
  `^\\s*(?:（[^）]{0,4}）)?\\s*(?:以上|以下|以内|及以上|左右|多|余|起|上下|[-—–－~～至到]\\s*[\\d${CN_NUM}])`,
);
/** Right before the number: a change, a floor, an old value, the end of a range. */
const BEFORE_BAD =
  /(?:约|近|超过|超出|不低于|不少于|不高于|不超过|最低|提高|提升|新增|增加|增长|降低|下降|减少|上涨|上调|下调|达到?|高达|突破|由|从|原来的|原为|原|累计|合计|总计|平均)\s*$/;
/** The end of a range: "200元至5000元", "50%-70%". */
const RANGE_END = new RegExp(`[\\d${CN_NUM}]\\s*(?:万元|元|%|万)?\\s*[-—–－~～至到]\\s*$`);

const KEYWORDS_YUAN: [RegExp, 'deductible' | 'cap' | 'residentContribution' | 'fiscalSubsidy' | 'accountCredit'][] = [
  [/起付(?:线|标准|金额|额)/g, 'deductible'],
  [/(?:最高)?支付限额|封顶线|封顶额|年度限额|最高限额|限额/g, 'cap'],
  [/财政[^，。；、]{0,5}补(?:助|贴)|政府补助/g, 'fiscalSubsidy'],
  [/个人缴费|缴费标准|个人缴纳/g, 'residentContribution'],
  [/划入|计入|记入/g, 'accountCredit'],
];
const RATE_WORD = /比例|报销|支付|统筹基金/;
const ACCOUNT = /个人账户/;
const ACCOUNT_CREDIT = /划入|计入|记入/;

const SCHEME_WORDS: [RegExp, '职工' | '居民'][] = [
  [/职工/g, '职工'],
  [/居民/g, '居民'],
];
const LEVEL = /([一二三])级(?:甲等|乙等)?|社区(?:卫生服务中心)?|基层|乡镇卫生院|县级/g;
const GROUP = /在职|退休|未成年人|成年人|老年人|学生|儿童|灵活就业/g;
const YEAR = /(20\d\d)年度?(?!\s*\d{1,2}\s*月)/g;
const AREA: [RegExp, '本地' | '异地'][] = [
  [/异地|市外|县外|省外|外地|转外/g, '异地'],
  [/本地/g, '本地'],
];
const SCOPE_WORDS = new RegExp(
  `${LEVEL.source}|${GROUP.source}|(?:医院|医疗机构|定点医疗机构|职工|人员)|20\\d\\d年度?|每人每年|每人每月|每人|每年|每月|为|是|本地|异地`,
  'g',
);

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function levelsIn(text: string): string[] {
  return distinct(
    [...text.matchAll(LEVEL)].map((m) => {
      if (m[1]) return `${m[1]}级`;
      const w = m[0];
      return w.startsWith('社区') ? '社区' : w;
    }),
  );
}
const groupsIn = (text: string) => distinct([...text.matchAll(GROUP)].map((m) => m[0]));
const yearsIn = (text: string) => distinct([...text.matchAll(YEAR)].map((m) => Number(m[1])));
function wordsIn<T>(text: string, table: [RegExp, T][]): T[] {
  return distinct(table.filter(([re]) => text.search(re) >= 0).map(([, v]) => v));
}
const schemesIn = (text: string) => wordsIn(text, SCHEME_WORDS);
const areasIn = (text: string) => wordsIn(text, AREA);

/** The first context (nearest first) that names any value decides; two different values there: none. */
function nearest<T>(contexts: string[], read: (text: string) => T[]): T | undefined {
  for (const text of contexts) {
    const found = read(text);
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

function careIn(text: string): Care[] {
  if (/大病|大额/.test(text)) return ['serious'];
  const kinds: Care[] = [];
  if (text.includes('门诊')) kinds.push('outpatient');
  if (text.includes('住院')) kinds.push('inpatient');
  return kinds;
}

/** Which benefit a 起付线 or rate belongs to; null when the nearest context names both 门诊 and 住院. */
function careOf(contexts: string[]): Care | null {
  for (const text of contexts) {
    const found = careIn(text);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return null;
  }
  return 'inpatient';
}

/** A clause that is nothing but scope words and the number ("一级医院200元", "在职职工：55%"). */
function isBareClause(clause: string): boolean {
  const rest = clause
    .replace(MENTION, '')
    .replace(SCOPE_WORDS, '')
    .replace(/[^\u4e00-\u9fff]/g, '');
  return rest.length <= 3;
}

/** A 大病保险 cost band stated before a rate: "1.5万元至10万元（含）的部分" → 15000-100000, "10万元以上" → 100000+. */
function bandIn(text: string): string | undefined | null {
  const amounts = findMentions(text).filter((m) => m.unit === '元');
  if (amounts.length === 0) return undefined;
  const last = amounts[amounts.length - 1]!;
  const after = text.slice(last.end);
  if (amounts.length >= 2) {
    const a = amounts[amounts.length - 2]!;
    if (/^\s*(?:至|到|—|－|-|~|～)\s*$/.test(text.slice(a.end, last.start))) return `${a.value}-${last.value}`;
  }
  if (/^\s*(?:以上|（不含）以上)/.test(after) || /(?:超过|超出)\s*$/.test(text.slice(0, last.start))) {
    return `${last.value}+`;
  }
  return null;
}

// ---- Sentences and clauses ----------------------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
}

function split(text: string, breaks: RegExp, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (breaks.test(text[i]!)) {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  if (to > start) spans.push({ start, end: to });
  return spans;
}
const SENTENCE_BREAK = /[。；;！？!?\n]/;
const CLAUSE_BREAK = /[，,：:]/;

/** Context for one block: nearest first (list lead, headings from the nearest up, then the title). */
interface BlockContext {
  /** Text before this sentence in the same block (last sentence only). */
  lead: string[];
  outer: string[];
  title: string;
}

interface Found {
  param: PageNumberParam;
  value: number | string;
  unit: PageNumber['unit'];
  scope: PageNumberScope;
  source: string;
  start: number;
  end: number;
}

/**
 * A rate's parameter, with its cost band (if any) as its group. Only 大病保险 rates come in bands; a band that could
 * not be read (null), or a band on any other rate, offers nothing.
 */
function rateInBand(
  care: Care,
  band: string | undefined | null,
): { param: PageNumberParam | null; group: string | undefined } | null {
  if (band === null || (band !== undefined && care !== 'serious')) return null;
  return { param: paramFor('rate', care), group: band };
}

function paramFor(family: 'deductible' | 'cap' | 'rate', care: Care): PageNumberParam | null {
  if (family === 'deductible')
    return care === 'serious'
      ? 'seriousIllnessDeductible'
      : care === 'outpatient'
        ? 'outpatientDeductible'
        : 'deductible';
  if (family === 'cap') return care === 'serious' ? null : care === 'outpatient' ? 'outpatientCap' : 'annualCap';
  return care === 'serious' ? 'seriousIllnessRate' : care === 'outpatient' ? 'outpatientRate' : 'reimbursementRate';
}

/** The family a 元 amount belongs to: the nearest keyword before it, in the first context that has one. */
function yuanFamily(contexts: string[]) {
  for (const text of contexts) {
    let best: { at: number; family: (typeof KEYWORDS_YUAN)[number][1] } | null = null;
    for (const [re, family] of KEYWORDS_YUAN) {
      for (const m of text.matchAll(re)) {
        const at = m.index! + m[0].length;
        if (!best || at > best.at) best = { at, family };
      }
    }
    if (best) return best.family;
  }
  return null;
}

interface Reading {
  mention: Mention;
  /** The clause from the previous number (or the clause start) to this one: "二级医院600元". */
  item: string;
  /** Clause (whole) and the sentence up to the number. */
  clause: string;
  before: string;
  /** Wider contexts, nearest first, for keywords when the clause is bare. */
  keywordContexts: string[];
  /** Contexts for scope and care, nearest first. */
  scopeContexts: string[];
  sentence: string;
  /** Forced scope from a 分别为 enumeration. */
  forced?: Partial<PageNumberScope>;
}

/** Turns one located number into a parameter, or null when it is not one. */
function readMention(r: Reading): Found | null {
  const { mention, clause, before, sentence } = r;
  if (mention.huge) return null;
  if (APPROXIMATE.test(clause) || SELF_PAY.test(clause)) return null;
  // "其中8%": a share of a figure stated just before, which the page gave only roughly.
  if (/^\s*(?:其中|其余)/.test(clause) && APPROXIMATE.test(before.slice(0, before.length - clause.length))) return null;
  const contexts = [r.item, clause, before, ...r.scopeContexts];
  const keywordContexts = isBareClause(clause) ? [before, ...r.keywordContexts] : [before];
  let param: PageNumberParam | null = null;
  let group: string | undefined;
  const accountContext = [sentence, ...(isBareClause(clause) ? r.keywordContexts : [])].find((t) => ACCOUNT.test(t));
  if (mention.unit === '%') {
    if (accountContext && ACCOUNT_CREDIT.test(clause) && !NEGATED_CREDIT.test(clause)) param = 'accountCredit';
    else if (
      !CONTRIBUTION.test(clause) &&
      (RATE_WORD.test(clause) || (isBareClause(clause) && keywordContexts.some((t) => RATE_WORD.test(t))))
    ) {
      const care = careOf(contexts);
      if (!care) return null;
      const band = bandIn(
        before
          .slice(Math.max(0, before.length - 40))
          .split(/[，,；：:]/)
          .pop() ?? '',
      );
      const rate = rateInBand(care, band);
      if (!rate) return null;
      ({ param, group } = rate);
    }
  } else {
    let family = yuanFamily(keywordContexts);
    if (
      !family &&
      ACCOUNT.test(sentence) &&
      ACCOUNT_CREDIT.test(clause.slice(clause.indexOf(sentence.slice(mention.start, mention.end))))
    ) {
      family = 'accountCredit';
    }
    if (family === 'deductible' || family === 'cap') {
      const care = careOf(contexts);
      if (!care) return null;
      param = paramFor(family, care);
    } else if (family === 'accountCredit') {
      param = accountContext ? 'accountCredit' : null;
    } else if (family) {
      param = family;
    }
  }
  if (!param) return null;
  return foundIn(param, group, resolveScope(contexts, r.forced), mention, sentence.trim());
}

/** The figure found, once its scope is known; null where the scope contradicts the parameter's own scheme. */
function foundIn(
  param: PageNumberParam,
  group: string | undefined,
  scope: PageNumberScope,
  mention: Mention,
  source: string,
): Found | null {
  if (group !== undefined) scope.group = group;
  if (!applyIntrinsicScheme(param, scope)) return null;
  return { param, value: mention.value, unit: mention.unit, scope, source, start: mention.start, end: mention.end };
}

function resolveScope(contexts: string[], forced?: Partial<PageNumberScope>): PageNumberScope {
  const scope: PageNumberScope = {};
  const scheme = nearest(contexts, schemesIn);
  if (scheme) scope.scheme = scheme;
  const level = forced?.level ?? nearest(contexts, levelsIn);
  if (level) scope.level = level;
  const group = forced?.group ?? nearest(contexts, groupsIn);
  if (group) scope.group = group;
  const year = nearest(contexts, yearsIn);
  if (year) scope.year = year;
  const area = nearest(contexts, areasIn);
  if (area) scope.area = area;
  return scope;
}

/** Resident contributions and subsidies are 居民医保's, account credits 职工医保's. */
function applyIntrinsicScheme(param: PageNumberParam, scope: PageNumberScope): boolean {
  const own =
    param === 'residentContribution' || param === 'fiscalSubsidy' || param === 'enrollmentPeriod'
      ? '居民'
      : param === 'accountCredit'
        ? '职工'
        : null;
  if (!own) return true;
  if (scope.scheme && scope.scheme !== own) return false;
  // A 缴费 or 补助 figure counts only where the page names 居民医保 (个人养老金 and others have 个人缴费 too).
  if (own === '居民' && !scope.scheme) return false;
  scope.scheme = own;
  return true;
}

const DATE_RANGE =
  /(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日?\s*(?:至|到|—|－|-|~|～)\s*(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日?/g;
const ENROLL = /缴费期|征缴期|缴费时间|缴费期限|集中缴费|参保缴费时间|集中参保/g;
const OTHER_PERIOD = /享受期|待遇期|执行|施行|有效期|享受待遇/g;

function lastIndexOf(text: string, re: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index! + m[0].length;
  return at;
}

function readPeriods(sentence: string, offset: number, contexts: string[], lead: string[]): Found[] {
  const out: Found[] = [];
  for (const m of sentence.matchAll(DATE_RANGE)) {
    const before = sentence.slice(0, m.index);
    const enroll = lastIndexOf(before, ENROLL);
    const other = lastIndexOf(before, OTHER_PERIOD);
    let ok = enroll >= 0 && enroll > other;
    if (enroll < 0 && other < 0 && before.replace(/[^\u4e00-\u9fff]/g, '').length <= 3) {
      ok = [...lead, ...contexts]
        .slice(0, 2)
        .some((t) => lastIndexOf(t, ENROLL) >= 0 && lastIndexOf(t, OTHER_PERIOD) < 0);
    }
    if (!ok) continue;
    const pad = (s: string) => s.padStart(2, '0');
    const scope = resolveScope([before, ...contexts]);
    if (!applyIntrinsicScheme('enrollmentPeriod', scope)) continue;
    out.push({
      param: 'enrollmentPeriod',
      value: `${pad(m[2]!)}-${pad(m[3]!)}~${pad(m[5]!)}-${pad(m[6]!)}`,
      unit: 'date',
      scope,
      source: sentence.trim(),
      start: offset + m.index!,
      end: offset + m.index! + m[0].length,
    });
  }
  return out;
}

const MAY_HOLD_NUMBER = /[元%％]|百分之|\d\s*月/;
const ENUMERATION = /(?:分别|依次)(?:为|是)?/g;

/** Reads one text block (a paragraph, list item, heading or table cell) in its context. */
export function readTextBlock(rawText: string, ctx: BlockContext): Found[] {
  // Most blocks hold no amount, rate or date at all: they cost one scan.
  if (!MAY_HOLD_NUMBER.test(rawText)) return [];
  const text = normalizeDigits(rawText);
  if (EXAMPLE.test(text)) return [];
  const out: Found[] = [];
  const outer = [...ctx.outer, ctx.title];
  let previous: Span | null = null;
  for (const s of split(text, SENTENCE_BREAK)) {
    const before: Span | null = previous;
    previous = s;
    const sentence = text.slice(s.start, s.end);
    if (!MAY_HOLD_NUMBER.test(sentence)) continue;
    if (STATS.test(sentence) || OTHER_SCHEME.test(sentence) || SUBSIDY.test(sentence)) continue;
    const lead = before ? [text.slice(before.start, before.end)] : ctx.lead;
    out.push(...readPeriods(sentence, s.start, outer, lead));
    const mentions = findMentions(sentence).filter((m) => {
      const after = sentence.slice(m.end);
      const beforeText = sentence.slice(0, m.start);
      return !AFTER_BAD.test(after) && !BEFORE_BAD.test(beforeText) && !RANGE_END.test(beforeText);
    });
    if (mentions.length === 0) continue;
    const clauses = split(sentence, CLAUSE_BREAK);
    const clauseOf = (m: Mention) =>
      clauses.find((c) => m.start >= c.start && m.start < c.end) ?? { start: 0, end: sentence.length };
    const forced = new Map<Mention, Partial<PageNumberScope> | 'skip'>();
    for (const e of sentence.matchAll(ENUMERATION)) {
      const at = e.index! + e[0].length;
      const run: Mention[] = [];
      let cursor = at;
      for (const m of findMentions(sentence)) {
        if (m.start < at) continue;
        if (
          run.length > 0 &&
          (m.unit !== run[0]!.unit || !/^\s*[、，,和及与]\s*$/.test(sentence.slice(cursor, m.start)))
        )
          break;
        if (run.length === 0 && !/^\s*$/.test(sentence.slice(at, m.start))) break;
        run.push(m);
        cursor = m.end;
      }
      const head = sentence.slice(0, e.index);
      const levels = levelsIn(head);
      const groups = groupsIn(head);
      const byLevel = levels.length === run.length;
      const byGroup = groups.length === run.length;
      run.forEach((m, i) => {
        const key = mentions.find((x) => x.start === m.start);
        if (!key) return;
        if (byLevel === byGroup) forced.set(key, 'skip');
        else forced.set(key, byLevel ? { level: levels[i] } : { group: groups[i] });
      });
    }
    for (const m of mentions) {
      const f = forced.get(m);
      if (f === 'skip') continue;
      const c = clauseOf(m);
      let clause = sentence.slice(c.start, c.end);
      let before = sentence.slice(0, m.start);
      if (f) {
        // Enumerated values share the clause up to 分别为; the scope named for each comes from the list.
        const enumerationAt = sentence.slice(0, m.start).search(/(?:分别|依次)(?:为|是)?[^分依]*$/);
        clause = sentence.slice(c.start, enumerationAt);
        before = clause;
      }
      const previous = mentions.filter((x) => x.end <= m.start).pop();
      const item = sentence.slice(Math.max(c.start, previous && !f ? previous.end : 0), m.end);
      const found = readMention({
        mention: m,
        item,
        clause,
        before,
        keywordContexts: [...lead, ...ctx.outer.slice(0, 2)],
        scopeContexts: f ? [sentence.slice(0, c.start), ...outer] : outer,
        sentence,
        forced: f,
      });
      if (found)
        out.push({ ...found, start: s.start + found.start, end: s.start + found.end, source: sentence.trim() });
    }
  }
  return out;
}

// ---- Tables -------------------------------------------------------------------------------------------------

const PURE_VALUE = /^\s*(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万点]+)\s*(?:万元|元|%|％)?\s*$/;

interface Slot {
  cell: PageTableCell;
  row: number;
  index: number;
}

/** Lays the cells out on a grid, each merged cell filling every slot it spans. */
export function tableGrid(rows: PageTableCell[][]): Slot[][] {
  const grid: Slot[][] = [];
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    let col = 0;
    cells.forEach((cell, index) => {
      while (grid[r]![col]) col++;
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) {
          (grid[r + dr] ??= [])[col + dc] = { cell, row: r, index };
        }
      }
      col += Math.max(1, cell.colSpan);
    });
  });
  return grid;
}

const isValueCell = (cell: PageTableCell) => !cell.header && PURE_VALUE.test(normalizeDigits(cell.text));

interface TableFound extends Found {
  row: number;
  index: number;
}

export function readTable(table: PageTableBlock, outer: string[], title: string, lead?: string): TableFound[] {
  const grid = tableGrid(table.rows);
  const headerRows = new Set<number>();
  for (let r = 0; r < grid.length; r++) {
    const slots = (grid[r] ?? []).filter(Boolean);
    if (slots.length && slots.every((s) => !isValueCell(s.cell))) headerRows.add(r);
    else break;
  }
  const out: TableFound[] = [];
  const caption = normalizeDigits(table.caption);
  if ([caption, outer[0] ?? ''].some((t) => STATS.test(t) || OTHER_SCHEME.test(t) || STATS_HEADING.test(t))) return out;
  if (lead) outer = [lead, ...outer];
  for (let r = 0; r < grid.length; r++) {
    if (headerRows.has(r)) continue;
    const row = grid[r] ?? [];
    const firstValue = row.findIndex((s) => s && isValueCell(s.cell));
    if (firstValue < 0) continue;
    const rowHeads = distinct(
      row
        .slice(0, firstValue)
        .filter(Boolean)
        .map((s) => normalizeDigits(s.cell.text.trim())),
    );
    for (let c = firstValue; c < row.length; c++) {
      const slot = row[c];
      if (!slot || !isValueCell(slot.cell)) continue;
      if (slot.row !== r || (c > 0 && row[c - 1]?.cell === slot.cell)) continue;
      const colHeads = distinct(
        [...headerRows]
          .map((hr) => grid[hr]?.[c])
          .filter((s): s is Slot => !!s)
          .map((s) => normalizeDigits(s.cell.text.trim())),
      );
      const heads = [...colHeads].reverse().concat(rowHeads.slice().reverse());
      const headText = heads.join(' ');
      if (STATS.test(headText) || OTHER_SCHEME.test(headText) || SUBSIDY.test(headText) || APPROXIMATE.test(headText))
        continue;
      const found = readTableValue(slot.cell.text, heads, rowHeads, [caption, ...outer], title);
      if (found) out.push({ ...found, row: slot.row, index: slot.index });
    }
  }
  return out;
}

function readTableValue(
  rawCell: string,
  heads: string[],
  rowHeads: string[],
  wider: string[],
  title: string,
): Found | null {
  const cellText = normalizeDigits(rawCell.trim());
  const headText = heads.join(' ');
  let mention = findMentions(cellText)[0];
  if (!mention) {
    const headerUnit = [headText, ...wider].map((t) => /[（(]\s*(万元|元|%)/.exec(t)?.[1]).find(Boolean);
    const n = /^[\d.,]+$/.test(cellText) ? Number(cellText.replace(/,/g, '')) : parseChineseNumeral(cellText);
    if (!headerUnit || n === null || !Number.isFinite(n)) return null;
    mention = {
      start: 0,
      end: cellText.length,
      value: round2(headerUnit === '万元' ? n * 10_000 : n),
      unit: headerUnit === '%' ? '%' : '元',
      huge: false,
    };
  }
  const contexts = [headText, ...wider, title];
  let param: PageNumberParam | null = null;
  let group: string | undefined;
  if (mention.unit === '%') {
    if (ACCOUNT.test(headText) && ACCOUNT_CREDIT.test(headText)) param = 'accountCredit';
    else if (RATE_WORD.test(headText) || (!heads.length && RATE_WORD.test(wider[0] ?? ''))) {
      const care = careOf(contexts);
      if (!care) return null;
      const band = rowHeads.length ? bandIn(rowHeads.join(' ')) : undefined;
      const rate = rateInBand(care, band);
      if (!rate) return null;
      ({ param, group } = rate);
    }
  } else {
    const families = distinct(KEYWORDS_YUAN.filter(([re]) => headText.search(re) >= 0).map(([, family]) => family));
    if (families.length !== 1) return null;
    const family = families[0]!;
    if (family === 'deductible' || family === 'cap') {
      const care = careOf(contexts);
      if (!care) return null;
      param = paramFor(family, care);
    } else if (family === 'accountCredit') {
      param = ACCOUNT.test(headText + wider[0]) ? 'accountCredit' : null;
    } else param = family;
  }
  if (!param) return null;
  // Each header is its own context: a row naming 职工医保 and a column naming 一级 do not compete.
  const scope = { ...resolveScope([...heads, ...wider, title].filter(Boolean)), ...resolveTableScope(heads) };
  return foundIn(param, group, scope, mention, `${heads.slice().reverse().join('，')}：${rawCell.trim()}`);
}

/** Scope named by the headers of a cell: every header counts, and two headers naming different values cancel. */
function resolveTableScope(heads: string[]): PageNumberScope {
  const all = heads.join(' ');
  const scope: PageNumberScope = {};
  const one = <T>(values: T[]) => (values.length === 1 ? values[0] : undefined);
  const scheme = one(schemesIn(all));
  if (scheme) scope.scheme = scheme;
  const level = one(levelsIn(all));
  if (level) scope.level = level;
  const group = one(groupsIn(all));
  if (group) scope.group = group;
  const year = one(yearsIn(all));
  if (year) scope.year = year;
  const area = one(areasIn(all));
  if (area) scope.area = area;
  return scope;
}

// ---- The page -----------------------------------------------------------------------------------------------

const sameReading = (a: PageNumber, b: PageNumber) =>
  a.param === b.param &&
  a.value === b.value &&
  a.scheme === b.scheme &&
  a.level === b.level &&
  a.group === b.group &&
  a.year === b.year &&
  a.area === b.area;

/** Reads the page block by block: `next()` reads one block, `done` tells when all are read. */
function pageStepper(page: PageText) {
  const title = normalizeDigits(page.title);
  const headings: string[] = [];
  const out: PageNumber[] = [];
  let listLead: string | null = null;
  let index = 0;
  const push = (found: Found, block: number, cell?: { row: number; index: number }) => {
    const item: PageNumber = {
      param: found.param,
      value: found.value,
      unit: found.unit,
      ...found.scope,
      source: found.source,
      place: { block, ...(cell ? { cell } : {}), start: found.start, end: found.end },
    };
    if (!out.some((o) => sameReading(o, item))) out.push(item);
  };
  const readBlock = (block: PageBlock, index: number) => {
    const outer = headings.filter(Boolean).reverse();
    if (block.kind === 'table') {
      if (outer[0] && (EXAMPLE.test(outer[0]) || STATS_HEADING.test(outer[0]))) return;
      for (const f of readTable(block, outer, title, listLead ?? undefined)) {
        push(f, index, { row: f.row, index: f.index });
      }
      return;
    }
    const text = normalizeDigits(block.text);
    const skipSection = outer[0] !== undefined && (EXAMPLE.test(outer[0]) || STATS_HEADING.test(outer[0]));
    if (block.heading) {
      headings.length = block.heading - 1;
      const above = headings.filter(Boolean).reverse();
      headings[block.heading - 1] = text;
      for (const f of readTextBlock(text, { lead: [], outer: above, title })) push(f, index);
      listLead = null;
      return;
    }
    if (skipSection) return;
    const contextOuter = block.listItem && listLead ? [listLead, ...outer] : outer;
    for (const f of readTextBlock(text, { lead: [], outer: contextOuter, title })) push(f, index);
    // A paragraph ending in ：introduces the list or table after it; its last sentence is their context.
    if (!block.listItem)
      listLead = /[：:]\s*$/.test(text)
        ? (text
            .split(SENTENCE_BREAK)
            .filter((t) => t.trim())
            .pop() ?? null)
        : null;
  };
  return {
    get done() {
      return index >= page.blocks.length;
    },
    next() {
      readBlock(page.blocks[index]!, index);
      index++;
    },
    found: out,
  };
}

/** Every policy parameter the page states, in reading order (a repeat of the same reading is listed once). */
export function extractPageNumbers(page: PageText): PageNumber[] {
  const stepper = pageStepper(page);
  while (!stepper.done) stepper.next();
  return stepper.found;
}

/** The same reading in slices of about `sliceMs`, each its own task, so a long page never makes a long task. */
export async function extractPageNumbersInSlices(page: PageText, sliceMs = 15): Promise<PageNumber[]> {
  const stepper = pageStepper(page);
  let sliceStart = performance.now();
  while (!stepper.done) {
    stepper.next();
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return stepper.found;
}
