/**
 * Every statement tied to the words it rests on.
 *
 * - A quote (`quote`, `where`, `quoteOf`) on a key fact, a myth correction or a checker note must be the words of
 *   the primary national document it names, word for word: for a law or regulation, inside the article `where`
 *   of its text in ../shared/laws; for a policy document, inside a quoted passage of the fact base
 *   (../shared/facts/policy-facts.md, see `factBaseQuotedPassages`). Nothing else counts, so no quote can be
 *   written from memory.
 * - Whatever cites a law or regulation we hold in ../shared/laws carries a quote from it.
 * - Whatever cites a report about a document we list (`reportsOn`) also cites the document itself.
 * - No local rule is stated as national.
 * The checks that read ../shared skip with a printed reason when it is absent (a clone of the project alone).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectData } from '../scripts/compile/pipeline';
import { collectCheckerNotes } from '../lib/checker/noteSamples';
import { containsInOrder, isLocalIssuer, isPrimaryNationalDocument, lawFileName, quotePieces } from './provenance';

const LAWS_DIR = '../shared/laws';
const FACT_BASE = '../shared/facts/policy-facts.md';

const data = loadProjectData('data');
const sourceById = new Map(data.sources.map((s) => [s.id, s]));

/** A statement that cites sources and may carry a quote. */
interface CitedItem {
  owner: string;
  text: string;
  sources: string[];
  quote?: string;
  where?: string;
  quoteOf?: string;
  /** Key facts only. */
  scope?: 'national' | 'local';
  value?: string;
}

function citedItems(): CitedItem[] {
  const items: CitedItem[] = [];
  for (const e of data.glossary) {
    e.facts.forEach((f, i) =>
      items.push({ ...f, owner: `${e.id}.facts[${i}] ${f.label}`, text: `${f.label} ${f.value}`, value: f.value }),
    );
    e.myths.forEach((m, i) => items.push({ ...m, owner: `${e.id}.myths[${i}]`, text: `${m.myth} ${m.truth}` }));
  }
  const seen = new Set<string>();
  for (const note of collectCheckerNotes()) {
    if (seen.has(note.text)) continue;
    seen.add(note.text);
    items.push({ ...note, owner: `计算器说明 ${note.text.slice(0, 24)}…` });
  }
  return items;
}
const items = citedItems();
const quoted = items.filter((item) => item.quote !== undefined);

/**
 * The quoted passages of the fact base: the text between a pair of double quotation marks (“…” or "…") on one
 * line, where that line says the words come from an official page (it names gov.cn or nhsa.gov.cn), holding at
 * least 10 Han characters. Short snippets and quotes of drafts, reports or myths do not count.
 */
export function factBaseQuotedPassages(markdown: string): string[] {
  const passages: string[] = [];
  for (const line of markdown.split('\n')) {
    if (!/(^|[^.\w])(gov\.cn|nhsa\.gov\.cn)/.test(line)) continue;
    for (const m of line.matchAll(/“([^”]+)”|"([^"]+)"/g)) {
      const text = m[1] ?? m[2]!;
      if ((text.match(/\p{Script=Han}/gu) ?? []).length >= 10) passages.push(text);
    }
  }
  return passages;
}

/** The text of one article (第X条) of a law file, up to the next article or chapter heading. */
export function lawArticle(lawText: string, where: string): string | undefined {
  const article = /^第[一二三四五六七八九十百零]+条/.exec(where)?.[0];
  if (!article) return undefined;
  const lines = lawText.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${article} `) || line.startsWith(`${article}　`));
  if (start < 0) return undefined;
  const out = [lines[start]!.slice(article.length)];
  for (const line of lines.slice(start + 1)) {
    if (/^第[一二三四五六七八九十百零]+条[\s　]/.test(line) || line.startsWith('#')) break;
    out.push(line);
  }
  return out.join('\n');
}

/** Numbers written with digits or simple Chinese numerals (六十, 三十, 十二), as integers. */
export function numbersIn(text: string): number[] {
  const digit: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const out = [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  for (const m of text.matchAll(/[零一二两三四五六七八九十百]+/g)) {
    let total = 0;
    let current = 0;
    for (const ch of m[0]) {
      if (ch === '百') {
        total += (current || 1) * 100;
        current = 0;
      } else if (ch === '十') {
        total += (current || 1) * 10;
        current = 0;
      } else current = digit[ch]!;
    }
    out.push(total + current);
  }
  return out;
}

const sharedLaws = existsSync(LAWS_DIR);
const sharedFactBase = existsSync(FACT_BASE);
if (!sharedLaws) console.log(`skipped: quotes against the laws (${LAWS_DIR} not found)`);
if (!sharedFactBase) console.log(`skipped: quotes against the fact base (${FACT_BASE} not found)`);

const lawFiles = sharedLaws ? new Set(readdirSync(LAWS_DIR)) : new Set<string>();
/** Sources whose full text we hold in ../shared/laws. */
const lawSourceIds = new Set(
  data.sources.filter((s) => isPrimaryNationalDocument(s) && lawFiles.has(lawFileName(s))).map((s) => s.id),
);

describe('quotes and provenance', () => {
  it('reads the quoted passages of the fact base as defined', () => {
    const sample = [
      'Row (gov.cn, quoted): "对未在居民医保集中参保期内参保的人员，设置等待期3个月"; "短句"',
      'Draft wording "在职职工个人账户计入比例为2%以内的规定" (a repost, no official page named)',
    ].join('\n');
    expect(factBaseQuotedPassages(sample)).toEqual(['对未在居民医保集中参保期内参保的人员，设置等待期3个月']);
  });

  it('reads numbers written in digits or Chinese numerals', () => {
    expect(numbersIn('暂停3个月至12个月，六十周岁，三十个工作日')).toEqual(expect.arrayContaining([3, 12, 60, 30]));
  });

  it('carries quotes (at least the laws we hold)', () => {
    expect(quoted.length).toBeGreaterThan(100);
  });

  it('takes every quote from the primary national document, decided from issuer and document number', () => {
    const problems = quoted
      .filter((item) => {
        const source = sourceById.get(item.quoteOf!);
        return !source || !isPrimaryNationalDocument(source);
      })
      .map((item) => `${item.owner} → ${item.quoteOf}`);
    expect(problems).toEqual([]);
  });

  it.runIf(sharedLaws && sharedFactBase)('finds every quote word for word in the laws or the fact base', () => {
    const passages = factBaseQuotedPassages(readFileSync(FACT_BASE, 'utf8'));
    const problems: string[] = [];
    for (const item of quoted) {
      const source = sourceById.get(item.quoteOf!)!;
      const pieces = quotePieces(item.quote!);
      if (lawSourceIds.has(source.id)) {
        const text = readFileSync(join(LAWS_DIR, lawFileName(source)), 'utf8');
        const article = item.where ? lawArticle(text, item.where) : undefined;
        if (!article) problems.push(`${item.owner}: ${lawFileName(source)} 里找不到 ${item.where ?? '（缺 where）'}`);
        else if (!containsInOrder(article, pieces))
          problems.push(`${item.owner}: ${item.where} 里没有这段原文：${item.quote}`);
      } else if (!passages.some((p) => containsInOrder(p, pieces))) {
        problems.push(`${item.owner}: 事实库的引文里没有这段原文：${item.quote}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.runIf(sharedLaws)('quotes the law or regulation whenever a statement cites one we hold', () => {
    expect(lawSourceIds.size).toBeGreaterThanOrEqual(3);
    const problems = items
      .filter((item) => item.sources.some((id) => lawSourceIds.has(id)))
      .filter((item) => !item.quoteOf || !lawSourceIds.has(item.quoteOf))
      .map((item) => `${item.owner} (${item.sources.join(', ')})`);
    expect(problems).toEqual([]);
  });

  it('cites the document itself wherever it cites a report about it', () => {
    const problems: string[] = [];
    const check = (owner: string, sources: string[]) => {
      for (const id of sources) {
        const of = sourceById.get(id)?.reportsOn;
        if (of && !sources.includes(of)) problems.push(`${owner}: ${id} 报道的是 ${of}，须同时引用 ${of}`);
      }
    };
    for (const item of items) check(item.owner, item.sources);
    for (const a of data.articles) check(`文章 ${a.id}`, a.sources);
    expect(problems).toEqual([]);
  });

  it('states no local rule as national', () => {
    const PLACE =
      /北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|陕西|甘肃|青海|宁夏|新疆|西藏|内蒙古|昆明|威海|武汉|宿州|德州|上饶|廊坊/;
    const problems: string[] = [];
    for (const item of items.filter((i) => i.scope === 'national')) {
      const sources = item.sources.map((id) => sourceById.get(id)!);
      if (sources.every((s) => isLocalIssuer(s.issuer))) problems.push(`${item.owner}: 只引用了地方文件`);
      // A national status report may name the one region that is not yet live (除广东外, 广东尚未上线).
      const value = item.value!.replace(/新疆生产建设兵团|除[^，。；]{1,4}外|[^，。；（]{2,3}(暂|尚)未上线/g, '');
      if (PLACE.test(value)) problems.push(`${item.owner}: 全国规则里写了地方做法：${item.value}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps every number of a quoted national fact inside its quote (else the fact is local)', () => {
    const problems = items
      .filter((item) => item.scope === 'national' && item.quote)
      .flatMap((item) => {
        const inQuote = new Set(numbersIn(item.quote!));
        const extra = numbersIn(item.value!).filter((n) => !inQuote.has(n));
        return extra.length ? [`${item.owner}: ${extra.join('、')} 不在原文里`] : [];
      });
    expect(problems).toEqual([]);
  });
});
