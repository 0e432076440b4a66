/**
 * npm run eval-numbers: reads every page of the page-number evaluation set (test/fixtures/numbers/{dev,heldout})
 * the way the content script does — the HTML built as a DOM (happy-dom), read into blocks by readDom, numbers
 * read by extractPageNumbers — and prints precision and recall per parameter, every misread and every miss.
 * An offered number is right only when its value, parameter and every scope field equal a label.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { extractPageNumbers } from '../lib/pageNumbers/extract';
import { readDom } from '../lib/pageNumbers/readDom';
import { PAGE_NUMBER_PARAMS, type PageNumber } from '../lib/pageNumbers/types';

export const NUMBERS_DIR = resolve('test/fixtures/numbers');
const SCOPE_FIELDS = ['scheme', 'level', 'group', 'year', 'area'] as const;

export interface NumberLabel {
  param: string;
  value: number | string;
  unit: string;
  scheme?: string;
  level?: string;
  group?: string;
  year?: number;
  area?: string;
}
interface Negative {
  value: number;
  text: string;
  kind: string;
}
interface LabelledPage {
  file: string;
  date: string;
  params: NumberLabel[];
  negatives: Negative[];
}

export function readPageHtml(html: string): PageNumber[] {
  const window = new Window();
  window.document.write(html);
  const found = extractPageNumbers(readDom(window.document.body as unknown as Element, window.document.title).page);
  void window.happyDOM.close();
  return found;
}

const sameReading = (n: PageNumber, l: NumberLabel) =>
  n.param === l.param && n.value === l.value && n.unit === l.unit && SCOPE_FIELDS.every((f) => n[f] === l[f]);

export interface PartResult {
  part: string;
  pages: number;
  labels: number;
  negatives: number;
  offered: number;
  right: number;
  found: number;
  negativesOffered: string[];
  perParam: Record<string, { offered: number; right: number; labels: number; found: number }>;
  misreads: string[];
  misses: string[];
}

const describe = (x: PageNumber | NumberLabel) =>
  `${x.param}=${x.value}${x.unit === 'date' ? '' : x.unit} ${SCOPE_FIELDS.filter((f) => x[f] !== undefined)
    .map((f) => `${f}:${x[f]}`)
    .join(' ')}`;

export function evaluatePart(part: 'dev' | 'heldout'): PartResult {
  const dir = join(NUMBERS_DIR, part);
  const labelled = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { pages: LabelledPage[] };
  const result: PartResult = {
    part,
    pages: labelled.pages.length,
    labels: 0,
    negatives: 0,
    offered: 0,
    right: 0,
    found: 0,
    negativesOffered: [],
    perParam: Object.fromEntries(PAGE_NUMBER_PARAMS.map((p) => [p, { offered: 0, right: 0, labels: 0, found: 0 }])),
    misreads: [],
    misses: [],
  };
  for (const page of labelled.pages) {
    const offered = readPageHtml(readFileSync(join(dir, page.file), 'utf8'));
    const unmatched = [...page.params];
    result.labels += page.params.length;
    result.negatives += page.negatives.length;
    for (const label of page.params) result.perParam[label.param]!.labels++;
    for (const n of offered) {
      result.offered++;
      result.perParam[n.param]!.offered++;
      const i = unmatched.findIndex((l) => sameReading(n, l));
      if (i >= 0) {
        unmatched.splice(i, 1);
        result.right++;
        result.found++;
        result.perParam[n.param]!.right++;
        result.perParam[n.param]!.found++;
        continue;
      }
      const negative = page.negatives.find((x) => x.value === n.value);
      if (negative) result.negativesOffered.push(`${page.file}: ${describe(n)} ← ${negative.kind}「${negative.text}」`);
      result.misreads.push(`${page.file}: ${describe(n)} ←「${n.source}」`);
    }
    for (const l of unmatched) result.misses.push(`${page.file}: ${describe(l)}`);
  }
  return result;
}

const pct = (a: number, b: number) => (b === 0 ? '   —  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

export function printPart(r: PartResult): void {
  console.log(`\n== ${r.part}: ${r.pages} pages, ${r.labels} labelled parameters, ${r.negatives} labelled negatives`);
  console.log(
    `offered ${r.offered}, right ${r.right}: precision ${pct(r.right, r.offered)}, recall ${pct(r.found, r.labels)}, negatives offered ${r.negativesOffered.length}`,
  );
  console.log('param                      offered right precision  labels found recall');
  for (const [param, s] of Object.entries(r.perParam)) {
    if (!s.offered && !s.labels) continue;
    console.log(
      `${param.padEnd(26)} ${String(s.offered).padStart(7)} ${String(s.right).padStart(5)} ${pct(s.right, s.offered).padStart(9)}  ${String(s.labels).padStart(6)} ${String(s.found).padStart(5)} ${pct(s.found, s.labels)}`,
    );
  }
  for (const m of r.negativesOffered) console.log(`  NEGATIVE OFFERED ${m}`);
  for (const m of r.misreads) console.log(`  misread ${m}`);
  for (const m of r.misses) console.log(`  missed  ${m}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const part of ['dev', 'heldout'] as const) printPart(evaluatePart(part));
}
