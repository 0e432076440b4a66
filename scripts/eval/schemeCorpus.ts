/**
 * The scheme evaluation set (test/fixtures/scheme-eval): real law texts in ../shared/laws labelled by
 * reference (file, a short unique snippet with the occurrence in 【】, the scheme) and pages in our own words
 * ({form|scheme} inline). Both become CorpusDocs whose labels are scheme ids. Build and evaluation only.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorpusDoc, type CorpusDoc } from '../eval-senses';
import { SCHEME_IDS } from '../../data/senseSchema';

export const SCHEME_EVAL_DIR = resolve('test/fixtures/scheme-eval');
export const LAWS_DIR = resolve('../shared/laws');
/** Labels: the schemes the resolver knows, and `social` (several schemes with 医保 among them). */
export const SCHEME_LABELS = [...SCHEME_IDS, 'social'] as const;
export type SchemeLabel = (typeof SCHEME_LABELS)[number];
export type EvalPart = 'dev' | 'heldout';

type Block = CorpusDoc['blocks'][number];

/** A law text as blocks: `#` lines are headings, HTML comments and blank lines are skipped; the first h1 is the title. */
export function parseLawText(file: string, source: string): { doc: CorpusDoc; lines: (number | null)[] } {
  const blocks: Block[] = [];
  // For each line of the file, the block it became (null when skipped) and where its text starts in the line.
  const lines: (number | null)[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('<!--')) {
      lines.push(null);
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    lines.push(blocks.length);
    blocks.push({
      tag: heading ? `h${heading[1]!.length}` : 'p',
      bold: false,
      text: heading ? heading[2]! : line,
      labels: [],
    });
  }
  const title = blocks.find((b) => b.tag === 'h1')?.text ?? file.replace(/\.md$/, '');
  return { doc: { file, title, blocks }, lines };
}

/** Places the rows of a laws.tsv on their law texts; problems name rows that cannot be placed. */
export function loadLawDocs(tsvPath: string, lawsDir = LAWS_DIR): { docs: CorpusDoc[]; problems: string[] } {
  const problems: string[] = [];
  const docs = new Map<string, CorpusDoc>();
  const rows = readFileSync(tsvPath, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim());
  for (const row of rows) {
    // A snippet's spaces are part of it (a leading space can be what makes it unique).
    const [rawFile, snippet = '', rawScheme] = row.replace(/\r$/, '').split('\t');
    const file = rawFile?.trim() ?? '';
    const scheme = rawScheme?.trim() ?? '';
    if (!file || !snippet || !scheme) {
      problems.push(`${tsvPath}: 行不完整：${row}`);
      continue;
    }
    if (!(SCHEME_LABELS as readonly string[]).includes(scheme))
      problems.push(`${file}: 未知险种标签 ${scheme}（${snippet}）`);
    const open = snippet.indexOf('【');
    const close = snippet.indexOf('】');
    if (open < 0 || close < open || snippet.indexOf('【', open + 1) >= 0) {
      problems.push(`${file}: 片段须恰有一处【…】：${snippet}`);
      continue;
    }
    const plain = snippet.replace('【', '').replace('】', '');
    const path = join(lawsDir, file);
    if (!existsSync(path)) {
      problems.push(`${file}: 找不到法规文本`);
      continue;
    }
    const source = readFileSync(path, 'utf8');
    if (source.indexOf(plain) < 0 || source.indexOf(plain) !== source.lastIndexOf(plain)) {
      problems.push(`${file}: 片段须在文中恰好出现一次：${snippet}`);
      continue;
    }
    if (!docs.has(file)) docs.set(file, parseLawText(file, source).doc);
    const doc = docs.get(file)!;
    const { lines } = parseLawText(file, source);
    const sourceLines = source.split('\n');
    const lineIndex = sourceLines.findIndex((l) => l.includes(plain));
    const block = lines[lineIndex] == null ? undefined : doc.blocks[lines[lineIndex]!];
    // The block's text is the line without its heading marks (# ) and surrounding blanks.
    const line = sourceLines[lineIndex]!;
    const form = snippet.slice(open + 1, close);
    const start = block ? line.indexOf(plain) + open - line.indexOf(block.text) : -1;
    if (!block || start < 0 || start + form.length > block.text.length) {
      problems.push(`${file}: 片段不在一行正文里：${snippet}`);
      continue;
    }
    block.labels.push({ start, end: start + form.length, form, expected: scheme });
  }
  return { docs: [...docs.values()], problems };
}

/** One part of the set: its law rows (when ../shared/laws is there) and its pages. */
export function loadSchemePart(part: EvalPart, dir = SCHEME_EVAL_DIR, lawsDir = LAWS_DIR) {
  const partDir = join(dir, part);
  const problems: string[] = [];
  const docs: CorpusDoc[] = [];
  let lawsSkipped: string | undefined;
  const tsv = join(partDir, 'laws.tsv');
  if (existsSync(tsv)) {
    if (existsSync(lawsDir)) {
      const laws = loadLawDocs(tsv, lawsDir);
      docs.push(...laws.docs);
      problems.push(...laws.problems);
    } else lawsSkipped = `没有 ${lawsDir}：跳过法规部分（只评测自写页面）`;
  }
  const pagesDir = join(partDir, 'pages');
  if (existsSync(pagesDir))
    for (const f of readdirSync(pagesDir)
      .filter((f) => f.endsWith('.txt'))
      .sort())
      docs.push(parseCorpusDoc(`${part}/pages/${f}`, readFileSync(join(pagesDir, f), 'utf8')));
  return { docs, problems, lawsSkipped };
}
