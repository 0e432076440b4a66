/**
 * Prints every glossary match in text files, one per line: file, line number, entry id,
 * the matched form and about 30 characters of context around it (the form in 【】).
 * Used to label occurrences for the scheme evaluation set (test/fixtures/scheme-eval). The matcher is the one the
 * content script runs, after compileSenses has adjusted it.
 *
 *   npx tsx scripts/dump-matches.ts <file.txt|file.md> [...more files]
 *
 * A page already labelled in the scheme-eval format ({form|scheme}) is read without its braces, and the label of
 * each match is printed as a last column.
 *
 * `--plain 缴费年限,缴费比例` (default those two) also lists occurrences of plain forms the
 * matcher does not find yet, with entry id `(plain)`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compileMatcherFromData, loadProjectData } from './compile/pipeline';
import { compileSenses, loadSenses } from './compile/senses';
import { createTermMatcher } from '../lib/matcher/matcher';

export const PLAIN_FORMS = ['缴费年限', '缴费比例'];
const CONTEXT = 15;
const LABEL = /\{([^{}|]+)\|([a-z-]+)\}/g;

export interface DumpedMatch {
  line: number;
  start: number;
  end: number;
  entryId: string;
  form: string;
}

/**
 * The matcher as the content script runs it: compileSenses takes the blocking context off the entries it resolves
 * by scheme, so the matches must be read after it has run (as scripts/eval/schemeEval.ts does).
 */
export function createMatchLister(dataDir = 'data', plainForms = PLAIN_FORMS) {
  const data = loadProjectData(dataDir);
  const compiledMatcher = compileMatcherFromData(data);
  compileSenses(loadSenses(dataDir), data.glossary, compiledMatcher);
  const matcher = createTermMatcher(compiledMatcher);
  return function listMatches(lineText: string, line: number): DumpedMatch[] {
    const found: DumpedMatch[] = matcher.findTermMatches(lineText).map((m) => ({
      line,
      start: m.start,
      end: m.end,
      entryId: matcher.entries[m.entry]!.id,
      form: lineText.slice(m.start, m.end),
    }));
    for (const plain of plainForms) {
      for (let at = lineText.indexOf(plain); at >= 0; at = lineText.indexOf(plain, at + plain.length)) {
        const overlaps = found.some((m) => m.start < at + plain.length && at < m.end);
        if (!overlaps) found.push({ line, start: at, end: at + plain.length, entryId: '(plain)', form: plain });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
}

function main(files: string[]) {
  if (files.length === 0) {
    console.error('用法：npx tsx scripts/dump-matches.ts <文本文件> [...]');
    process.exit(2);
  }
  const listMatches = createMatchLister();
  process.stdout.on('error', () => process.exit(0)); // output piped into head
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((raw, i) => {
      const labels = new Map<number, string>();
      let text = '';
      let last = 0;
      for (const m of raw.matchAll(LABEL)) {
        text += raw.slice(last, m.index);
        labels.set(text.length, m[2]!);
        text += m[1]!;
        last = m.index! + m[0].length;
      }
      text += raw.slice(last);
      for (const m of listMatches(text, i + 1)) {
        const before = text.slice(Math.max(0, m.start - CONTEXT), m.start);
        const after = text.slice(m.end, m.end + CONTEXT);
        const label = labels.has(m.start) ? `\t${labels.get(m.start)}` : '';
        console.log(`${basename(file)}\t${m.line}\t${m.entryId}\t${m.form}\t${before}【${m.form}】${after}${label}`);
      }
    });
  }
}

if (process.argv[1]?.endsWith('dump-matches.ts')) main(process.argv.slice(2));
