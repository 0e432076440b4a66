/**
 * npm run eval-senses: runs the sense resolver over the labelled corpus in
 * test/fixtures/corpus the way the content script does — each document built
 * as a DOM (happy-dom), text nodes matched by the real matcher, senses
 * attached by the real scanner hook — and prints precision and recall per
 * sense and every misread. The corpus test imports evaluateCorpus().
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { compileMatcherFromData, loadProjectData } from './compile/pipeline';
import { compileSenses, loadSenses } from './compile/senses';
import { createTermMatcher, type TermMatch, type TermMatcher } from '../lib/matcher/matcher';
import { YIBAO_SENSE, entryHasSenses, resolveSense, sentenceAround } from '../lib/matcher/senses';
import { createSenseRefiner, type SensedMatch } from '../entrypoints/content/senseContext';

export const CORPUS_DIR = resolve('test/fixtures/corpus');
/** What the user gets for an occurrence: the 医保 card, a look-alike sense's card, or nothing. */
export const NOTHING = 'none';

interface Label {
  start: number;
  end: number;
  form: string;
  expected: string;
}

interface Block {
  tag: string;
  bold: boolean;
  text: string;
  labels: Label[];
}

export interface CorpusDoc {
  file: string;
  title: string;
  blocks: Block[];
}

const LABEL = /\{([^{}|]+)\|([a-z0-9-]+)\}/g;

export function parseCorpusDoc(file: string, source: string): CorpusDoc {
  const lines = source.split('\n').map((l) => l.trim());
  const titleLine = lines.find((l) => l.startsWith('title:'));
  if (!titleLine) throw new Error(`${file}: 缺少 title: 行`);
  const blocks: Block[] = [];
  for (const line of lines) {
    if (!line || line.startsWith('title:')) continue;
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    const bold = /^\*\*(.+)\*\*$/.exec(line);
    const raw = heading ? heading[2]! : bold ? bold[1]! : line;
    const labels: Label[] = [];
    let text = '';
    let last = 0;
    for (const m of raw.matchAll(LABEL)) {
      text += raw.slice(last, m.index);
      labels.push({ start: text.length, end: text.length + m[1]!.length, form: m[1]!, expected: m[2]! });
      text += m[1]!;
      last = m.index! + m[0].length;
    }
    text += raw.slice(last);
    blocks.push({ tag: heading ? `h${heading[1]!.length}` : 'p', bold: !!bold, text, labels });
  }
  return { file, title: titleLine.slice('title:'.length).trim(), blocks };
}

export function loadCorpus(dir = CORPUS_DIR): CorpusDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseCorpusDoc(f, readFileSync(join(dir, f), 'utf8')));
}

export interface Occurrence {
  file: string;
  form: string;
  expected: string;
  got: string;
  context: string;
}

export interface SenseScore {
  sense: string;
  expected: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface CorpusResult {
  occurrences: Occurrence[];
  /** Matches of ambiguous entries with no label, and labels at no match: corpus errors. */
  problems: string[];
  scores: SenseScore[];
  accuracy: number;
  /** Occurrences that open a card other than the right one (worse than showing nothing). */
  wrongCards: Occurrence[];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Builds `doc` as a page (happy-dom) the way the content script sees one, and yields each block with the
 * matches of its text node that pass `filter` and what the sense hook kept of them.
 */
export function* matchDocument(
  doc: CorpusDoc,
  matcher: TermMatcher,
  refine: (node: Text, matches: TermMatch[]) => SensedMatch[],
  filter: (m: TermMatch) => boolean = () => true,
) {
  const window = new Window();
  const document = window.document as unknown as Document;
  const body = doc.blocks
    .map((b, i) => {
      const inner = b.bold ? `<strong>${escapeHtml(b.text)}</strong>` : escapeHtml(b.text);
      return `<${b.tag} data-block="${i}">${inner}</${b.tag}>`;
    })
    .join('\n');
  document.write(
    `<!doctype html><html lang="zh-CN"><head><title>${escapeHtml(doc.title)}</title></head><body><article>${body}</article></body></html>`,
  );
  try {
    for (const element of document.querySelectorAll('[data-block]')) {
      const block = doc.blocks[Number(element.getAttribute('data-block'))]!;
      const node = (element.firstElementChild ?? element).firstChild as Text | null;
      const raw = node ? matcher.findTermMatches(node.data).filter(filter) : [];
      const refined = node ? refine(node, raw) : [];
      yield { block, node, raw, refined };
    }
  } finally {
    void window.happyDOM.close();
  }
}

export function evaluateCorpus(docs = loadCorpus(), dataDir = 'data'): CorpusResult {
  const data = loadProjectData(dataDir);
  const compiledMatcher = compileMatcherFromData(data);
  const compiledSenses = compileSenses(loadSenses(dataDir), data.glossary, compiledMatcher);
  const matcher = createTermMatcher(compiledMatcher);
  const refine = createSenseRefiner(() => compiledSenses);
  // This corpus labels the entries that have look-alike senses of their own.
  const senseFile = loadSenses(dataDir);
  const ambiguous = new Set(
    senseFile.entries
      .filter((e) => e.senses.some((s) => s.sense !== YIBAO_SENSE))
      .map((e) => data.glossary.findIndex((g) => g.id === e.entry)),
  );
  const knownLabels = new Set([YIBAO_SENSE, NOTHING, ...compiledSenses.senses.filter((s) => s.shown).map((s) => s.id)]);
  const occurrences: Occurrence[] = [];
  const problems: string[] = [];

  for (const doc of docs) {
    for (const { block, node, raw, refined } of matchDocument(doc, matcher, refine, (m) => ambiguous.has(m.entry))) {
      for (const label of block.labels) {
        if (!knownLabels.has(label.expected)) problems.push(`${doc.file}: 未知标签 ${label.expected}（${label.form}）`);
      }
      if (!node) continue;
      for (const m of raw) {
        const label = block.labels.find((l) => l.start === m.start && l.end === m.end);
        const form = node.data.slice(m.start, m.end);
        if (!label) {
          problems.push(`${doc.file}: 未标注的“${form}”：${node.data.slice(Math.max(0, m.start - 12), m.end + 12)}`);
          continue;
        }
        const kept = refined.find((r) => r.start === m.start);
        const got = !kept ? NOTHING : (kept.sense ?? YIBAO_SENSE);
        occurrences.push({
          file: doc.file,
          form,
          expected: label.expected,
          got,
          context: node.data.slice(Math.max(0, m.start - 24), m.end + 24),
        });
      }
      for (const label of block.labels) {
        if (!raw.some((m) => m.start === label.start && m.end === label.end))
          problems.push(`${doc.file}: 标注“${label.form}”处没有匹配（词形不对，或被更长的词形覆盖）`);
      }
    }
  }

  const senses = [...new Set(occurrences.flatMap((o) => [o.expected, o.got]))].sort();
  const scores = senses.map((sense) => {
    const expected = occurrences.filter((o) => o.expected === sense).length;
    const predicted = occurrences.filter((o) => o.got === sense).length;
    const correct = occurrences.filter((o) => o.expected === sense && o.got === sense).length;
    return {
      sense,
      expected,
      predicted,
      correct,
      precision: predicted ? correct / predicted : 1,
      recall: expected ? correct / expected : 1,
    };
  });
  const accuracy = occurrences.filter((o) => o.expected === o.got).length / Math.max(1, occurrences.length);
  const wrongCards = occurrences.filter((o) => o.got !== NOTHING && o.got !== o.expected);
  return { occurrences, problems, scores, accuracy, wrongCards };
}

/** The scheme set, part by part: right card or rightly nothing per scheme and per entry class. */
async function reportSchemes(showHeldOutMisreads: boolean) {
  const { loadSchemePart } = await import('./eval/schemeCorpus');
  const { evaluateSchemes, tallyBy, yibaoCardScores } = await import('./eval/schemeEval');
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const row = (t: { key: string; total: number; right: number; yibaoCards: number }) =>
    `  ${t.key.padEnd(18)}${String(t.total).padStart(5)}  ${String(t.right).padStart(5)}  ${pct(t.right / t.total).padStart(6)}  ${String(t.yibaoCards).padStart(5)}`;
  for (const part of ['dev', 'heldout'] as const) {
    const { docs, problems, lawsSkipped } = loadSchemePart(part);
    if (lawsSkipped) console.log(lawsSkipped);
    const result = evaluateSchemes(docs);
    const all = result.occurrences;
    const right = all.filter((o) => o.right).length;
    console.log(
      `\n== 险种评测 ${part}：${docs.length} 篇，${all.length} 处；对的卡片或正确地不显示 ${pct(right / Math.max(1, all.length))}`,
    );
    console.log(`  ${'险种（标注）'.padEnd(16)}   处  正确  正确率  医保卡`);
    for (const t of tallyBy(all, (o) => o.expected)) console.log(row(t));
    console.log(`  ${'词条类别'.padEnd(16)}   处  正确  正确率  医保卡`);
    for (const t of tallyBy(all, (o) => o.entryClass)) console.log(row(t));
    const y = yibaoCardScores(all);
    console.log(
      `  医保卡：精确率 ${pct(y.precision)}（显示 ${y.shown}），召回率 ${pct(y.recall)}（应显示 ${y.wanted}）`,
    );
    const misreads = all.filter((o) => !o.right);
    if (part === 'dev' || showHeldOutMisreads) {
      for (const o of misreads)
        console.log(`  误：${o.file} “${o.form}”(${o.entry}) 应为 ${o.expected}，得到 ${o.got}：…${o.context}…`);
    } else if (misreads.length) console.log(`  （留出部分的 ${misreads.length} 处误判不列出：--show-heldout 才列）`);
    for (const p of [...problems, ...result.problems]) console.log(`  语料问题：${p}`);
    if (problems.length + result.problems.length) process.exitCode = 1;
  }
}

function main() {
  const result = evaluateCorpus();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`语料：${loadCorpus().length} 篇，${result.occurrences.length} 处标注`);
  console.log('义项'.padEnd(24) + '应为  判为  正确  精确率  召回率');
  for (const s of result.scores) {
    console.log(
      `${s.sense.padEnd(24)}${String(s.expected).padStart(4)}  ${String(s.predicted).padStart(4)}  ${String(s.correct).padStart(4)}  ${pct(s.precision).padStart(6)}  ${pct(s.recall).padStart(6)}`,
    );
  }
  console.log(`总体准确率：${pct(result.accuracy)}；错卡（打开了不对的卡片）${result.wrongCards.length} 处`);
  const misreads = result.occurrences.filter((o) => o.expected !== o.got);
  if (misreads.length) {
    console.log(`\n误判 ${misreads.length} 处：`);
    for (const o of misreads) console.log(`  ${o.file} “${o.form}” 应为 ${o.expected}，判为 ${o.got}：…${o.context}…`);
  }
  if (result.problems.length) {
    console.log(`\n语料问题 ${result.problems.length} 处：`);
    for (const p of result.problems) console.log(`  ${p}`);
    process.exitCode = 1;
  }
}

/**
 * --bench: the resolver's cost on a generated 2 MB page-like text full of ambiguous forms. Paragraphs are
 * matched one by one (as text nodes are); every match of an ambiguous entry is resolved with lazy scopes
 * over strings (sentence, paragraph, the current headings, the title).
 */
function bench() {
  const data = loadProjectData('data');
  const compiledMatcher = compileMatcherFromData(data);
  const compiled = compileSenses(loadSenses('data'), data.glossary, compiledMatcher);
  const matcher = createTermMatcher(compiledMatcher);
  let seed = 42;
  const pick = <T>(list: T[]) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length]!;
  const forms = [
    '个人账户',
    '统筹基金',
    '个人缴费',
    '累计缴费年限',
    '职工平均工资',
    '先行支付',
    '等待期',
    '起付线',
    '报销',
  ];
  const lead = ['按照规定，', '据介绍，', '一般来说，', '需要注意的是，', '', '', '此外，'];
  const cue = ['养老保险', '职工医保', '住房公积金', '百万医疗险', '工伤保险基金', '银行', '', '', '', ''];
  const tail = ['按月计算', '由经办机构办理', '各地规定不同', '可以依法继承', '不得提前支取', '按比例支付'];
  const paragraphs: { text: string; headings: string[] }[] = [];
  let size = 0;
  let headings: string[] = [];
  while (size < 2_000_000) {
    if (paragraphs.length % 20 === 0) headings = [`第${paragraphs.length / 20 + 1}章 ${pick(cue) || '总则'}`];
    let text = '';
    while (text.length < 300) text += `${pick(lead)}${pick(cue)}${pick(forms)}${pick(tail)}${pick(['。', '，', '；'])}`;
    paragraphs.push({ text, headings });
    size += text.length;
  }
  let resolved = 0;
  let matchMs = 0;
  let resolveMs = 0;
  let worstParagraphMs = 0;
  // One scopes object for every match (no closures per match), reading the paragraph and match at hand.
  let paragraph = paragraphs[0]!;
  let match = { start: 0, end: 0 };
  const scopes = {
    sentence() {
      const sentence = sentenceAround(paragraph.text, match.start, match.end);
      return { text: sentence.text, start: sentence.start, end: sentence.end, inBlock: match.start - sentence.start };
    },
    block: () => ({ text: paragraph.text, start: match.start, end: match.end }),
    headings: () => paragraph.headings,
    title: () => '社保知识汇编',
    opening: () => '',
  };
  for (const p of paragraphs) {
    paragraph = p;
    const t0 = performance.now();
    const matches = matcher.findTermMatches(p.text);
    const t1 = performance.now();
    for (const m of matches) {
      if (!entryHasSenses(compiled, m.entry)) continue;
      resolved++;
      match = m;
      resolveSense(compiled, m.entry, scopes);
    }
    const t2 = performance.now();
    matchMs += t1 - t0;
    resolveMs += t2 - t1;
    worstParagraphMs = Math.max(worstParagraphMs, t2 - t1);
  }
  console.log(
    `文本 ${(size / 1e6).toFixed(2)} M 字符，${paragraphs.length} 段；匹配 ${matchMs.toFixed(1)} ms；` +
      `判定义项 ${resolved} 处共 ${resolveMs.toFixed(1)} ms（每处 ${((resolveMs / resolved) * 1000).toFixed(1)} µs，单段最长 ${worstParagraphMs.toFixed(2)} ms）`,
  );
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('eval-senses.ts')) {
  if (process.argv.includes('--bench')) bench();
  else {
    main();
    void reportSchemes(process.argv.includes('--show-heldout'));
  }
}
