/**
 * Checks the scheme evaluation set in test/fixtures/scheme-eval (see its README) against the matches of the matcher
 * the content script runs (after compileSenses; see createMatchLister in dump-matches.ts):
 *  - laws.tsv rows: the file is in ../shared/laws and in the right split, the snippet (brackets removed) occurs
 *    exactly once in it, the bracketed text is a matcher match there (or a plain form), the label is a scheme id,
 *    and every match in every law file has exactly one row;
 *  - pages: every matcher match is labelled and every label sits on a match or on a plain form.
 * Prints counts per scheme for each part and exits with 1 on any problem. The laws part is skipped, with the
 * reason printed, when ../shared/laws is absent.
 *
 *   npx tsx scripts/check-scheme-labels.ts [heldout|dev]   (both parts when none is named)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProjectData } from './compile/pipeline';
import { listSurfaceForms } from './compile/matcherPatterns';
import { createMatchLister, PLAIN_FORMS, type DumpedMatch } from './dump-matches';
import { SCHEME_LABELS } from './eval/schemeCorpus';

/** The scheme labels of the set (the resolver's schemes and `social`), from their one home. */
export const SCHEME_IDS = SCHEME_LABELS;

export const EVAL_DIR = resolve('test/fixtures/scheme-eval');
export const LAWS_DIR = resolve(process.env.SCHEME_EVAL_LAWS_DIR ?? '../shared/laws');
export const PARTS = ['heldout', 'dev'] as const;
export const HELDOUT_LAW_FILES = [
  '社会保险经办条例.md',
  '医疗保障基金使用监督管理条例.md',
  '失业保险条例.md',
  '重庆市失业保险条例.md',
  '军人保险法.md',
  '社会救助暂行办法.md',
  '山东省人口与计划生育条例.md',
  '保险法.md',
  '北京市居家养老服务条例.md',
];
/** Snippets are 10–40 characters; a few need up to 48 to be unique, and a short heading line may be all there is. */
const SNIPPET_MIN = 8;
const SNIPPET_MAX = 48;
const PAGE_LABEL = /\{([^{}|]+)\|([a-z-]+)\}/g;

const schemeIds = new Set<string>(SCHEME_IDS);
type Counts = Map<string, number>;

function countOccurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

type ListMatches = (line: string, lineNo: number) => DumpedMatch[];

function checkLaws(
  part: string,
  listMatches: ListMatches,
  problems: string[],
  coverage: string[],
  forms: Set<string>,
): Counts {
  const tsv = join(EVAL_DIR, part, 'laws.tsv');
  const counts: Counts = new Map();
  if (!existsSync(tsv)) {
    problems.push(`${tsv}: missing`);
    return counts;
  }
  const lines = readFileSync(tsv, 'utf8').split('\n').filter(Boolean);
  if (lines[0] !== 'file\tsnippet\tscheme') problems.push(`${tsv}: header must be "file\\tsnippet\\tscheme"`);
  const covered = new Map<string, Set<string>>();
  const texts = new Map<string, string>();
  const readLaw = (file: string) => {
    if (!texts.has(file)) texts.set(file, readFileSync(join(LAWS_DIR, file), 'utf8'));
    return texts.get(file)!;
  };
  lines.slice(1).forEach((row, i) => {
    const where = `${part}/laws.tsv:${i + 2}`;
    const cells = row.split('\t');
    if (cells.length !== 3) return problems.push(`${where}: expected 3 tab-separated cells`);
    const [file, snippet, scheme] = cells as [string, string, string];
    if (!schemeIds.has(scheme)) problems.push(`${where}: unknown scheme "${scheme}"`);
    if ((part === 'heldout') !== HELDOUT_LAW_FILES.includes(file))
      problems.push(`${where}: ${file} is not a ${part} file`);
    if (!existsSync(join(LAWS_DIR, file))) return problems.push(`${where}: no file ${file} in ${LAWS_DIR}`);
    const bracket = /^([^【】]*)【([^【】]+)】([^【】]*)$/.exec(snippet);
    if (!bracket) return problems.push(`${where}: the snippet needs exactly one 【…】`);
    const [, before, form, after] = bracket as unknown as [string, string, string, string];
    const plain = before + form + after;
    if (plain.length < SNIPPET_MIN || plain.length > SNIPPET_MAX)
      problems.push(`${where}: snippet is ${plain.length} characters (${SNIPPET_MIN}–${SNIPPET_MAX} allowed)`);
    const text = readLaw(file);
    const times = countOccurrences(text, plain);
    if (times !== 1) return problems.push(`${where}: snippet occurs ${times} times in ${file}`);
    const at = text.indexOf(plain);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    if (at + plain.length > lineEnd) return problems.push(`${where}: snippet spans two lines`);
    const lineNo = text.slice(0, lineStart).split('\n').length;
    const start = at - lineStart + before.length;
    const match = listMatches(text.slice(lineStart, lineEnd), lineNo).find(
      (m) => m.start === start && m.end === start + form.length,
    );
    if (!forms.has(form)) return problems.push(`${where}: 【${form}】 is not a glossary form nor a plain form`);
    if (!match) return coverage.push(`${where}: 【${form}】 is not a match of the current matcher here`);
    const key = `${lineNo}:${start}`;
    if (!covered.has(file)) covered.set(file, new Set());
    if (covered.get(file)!.has(key)) problems.push(`${where}: occurrence labelled twice`);
    covered.get(file)!.add(key);
    counts.set(scheme, (counts.get(scheme) ?? 0) + 1);
  });
  const partFiles = readdirSync(LAWS_DIR).filter(
    (f) => f.endsWith('.md') && f !== 'README.md' && (part === 'heldout') === HELDOUT_LAW_FILES.includes(f),
  );
  for (const file of partFiles) {
    const done = covered.get(file) ?? new Set<string>();
    readLaw(file)
      .split('\n')
      .forEach((line, i) => {
        for (const m of listMatches(line, i + 1)) {
          if (!done.has(`${i + 1}:${m.start}`))
            coverage.push(`${part}/laws.tsv: unlabelled ${m.form} (${m.entryId}) in ${file}:${i + 1}`);
        }
      });
  }
  return counts;
}

/** The text of a page line as the reader sees it: heading marks and bold stars removed, labels unwrapped. */
function pageLine(raw: string): { text: string; labels: { start: number; form: string; scheme: string }[] } {
  const heading = /^#{1,6} (.*)$/.exec(raw);
  const bold = /^\*\*(.+)\*\*$/.exec(raw);
  const body = heading ? heading[1]! : bold ? bold[1]! : raw;
  const labels: { start: number; form: string; scheme: string }[] = [];
  let text = '';
  let last = 0;
  for (const m of body.matchAll(PAGE_LABEL)) {
    text += body.slice(last, m.index);
    labels.push({ start: text.length, form: m[1]!, scheme: m[2]! });
    text += m[1]!;
    last = m.index! + m[0].length;
  }
  return { text: text + body.slice(last), labels };
}

function checkPages(
  part: string,
  listMatches: ListMatches,
  problems: string[],
  coverage: string[],
  forms: Set<string>,
): { counts: Counts; pages: number } {
  const dir = join(EVAL_DIR, part, 'pages');
  const counts: Counts = new Map();
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    if (!lines[0]?.startsWith('title: ')) problems.push(`${part}/pages/${file}: first line must be "title: …"`);
    lines.slice(1).forEach((raw, i) => {
      const where = `${part}/pages/${file}:${i + 2}`;
      if (!raw.trim()) return;
      if (/[{}]/.test(raw.replace(PAGE_LABEL, ''))) problems.push(`${where}: stray brace or malformed label`);
      const { text, labels } = pageLine(raw);
      const matches = listMatches(text, i + 2);
      for (const label of labels) {
        if (!schemeIds.has(label.scheme)) problems.push(`${where}: unknown scheme "${label.scheme}"`);
        const hit = matches.find((m) => m.start === label.start && m.end === label.start + label.form.length);
        if (!forms.has(label.form))
          problems.push(`${where}: {${label.form}|…} is not a glossary form nor a plain form`);
        else if (!hit)
          coverage.push(`${where}: {${label.form}|${label.scheme}} is not on a match of the current matcher`);
        counts.set(label.scheme, (counts.get(label.scheme) ?? 0) + 1);
      }
      for (const m of matches) {
        if (!labels.some((l) => l.start === m.start))
          coverage.push(`${where}: unlabelled ${m.form} (${m.entryId}) at ${m.start}`);
      }
    });
  }
  return { counts, pages: files.length };
}

const sum = (counts: Counts) => [...counts.values()].reduce((a, b) => a + b, 0);

function formatCounts(counts: Counts): string {
  const total = sum(counts);
  const parts = SCHEME_IDS.filter((id) => counts.has(id)).map((id) => `${id} ${counts.get(id)}`);
  return `${total} (${parts.join(', ')})`;
}

export interface PartReport {
  part: (typeof PARTS)[number];
  /** Null when ../shared/laws is absent. */
  laws: Counts | null;
  pages: Counts;
  pageFiles: number;
}

/**
 * Checks the named parts. `problems`: defects of the set itself (format, ids, snippets, forms that are no glossary
 * form). `coverage`: where the set and the current matcher disagree (a match with no label, a label where the
 * matcher no longer matches); the set was complete for the matcher it was labelled with.
 */
export function checkSchemeLabels(parts: readonly (typeof PARTS)[number][] = PARTS): {
  reports: PartReport[];
  problems: string[];
  coverage: string[];
  lawsPresent: boolean;
} {
  const problems: string[] = [];
  const coverage: string[] = [];
  const listMatches = createMatchLister('data', PLAIN_FORMS);
  const forms = new Set([...listSurfaceForms(loadProjectData('data').glossary).map((f) => f.form), ...PLAIN_FORMS]);
  const lawsPresent = existsSync(LAWS_DIR);
  const reports = parts.map((part) => {
    const laws = lawsPresent ? checkLaws(part, listMatches, problems, coverage, forms) : null;
    const { counts, pages } = checkPages(part, listMatches, problems, coverage, forms);
    return { part, laws, pages: counts, pageFiles: pages };
  });
  return { reports, problems, coverage, lawsPresent };
}

function main() {
  const named = process.argv.slice(2);
  const parts = PARTS.filter((p) => named.length === 0 || named.includes(p));
  if (parts.length === 0) {
    console.error(`用法：npx tsx scripts/check-scheme-labels.ts [${PARTS.join('|')}]`);
    process.exit(2);
  }
  const { reports, problems, coverage, lawsPresent } = checkSchemeLabels(parts);
  if (!lawsPresent) console.log(`跳过法规部分：找不到 ${LAWS_DIR}（../shared/laws 不在本机）`);
  let total = 0;
  for (const r of reports) {
    if (r.laws) {
      total += sum(r.laws);
      console.log(`${r.part} laws:  ${formatCounts(r.laws)}`);
    }
    total += sum(r.pages);
    console.log(`${r.part} pages (${r.pageFiles}): ${formatCounts(r.pages)}`);
  }
  console.log(`total labelled occurrences: ${total}`);
  for (const p of [...problems, ...coverage]) console.error(p);
  if (problems.length + coverage.length > 0) {
    console.error(`${problems.length} problem(s), ${coverage.length} disagreement(s) with the current matcher`);
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith('check-scheme-labels.ts')) main();
