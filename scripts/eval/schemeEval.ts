/**
 * Scores what a reader gets for every labelled occurrence of the scheme evaluation set: the 医保 card, a
 * look-alike or note of another scheme, or nothing, against the scheme the passage is about. Right means:
 * a 医保 passage gets the 医保 card; another scheme's passage gets that scheme's look-alike or note, or
 * nothing; a passage that is not about insurance gets nothing; a passage about social insurance in general
 * (several schemes with 医保 among them) may get the 医保 card or nothing. An entry classed general keeps
 * its card in any insurance passage.
 */
import { compileMatcherFromData, loadProjectData } from '../compile/pipeline';
import { compileSenses, homeSchemes, loadSenses, schemeNoteId } from '../compile/senses';
import { createTermMatcher } from '../../lib/matcher/matcher';
import { YIBAO_SENSE, resolveSenseInFull } from '../../lib/matcher/senses';
import { createSenseRefiner } from '../../entrypoints/content/senseContext';
import { matchDocument, type CorpusDoc } from '../eval-senses';
import { SCHEME_LABELS, type SchemeLabel } from './schemeCorpus';
import type { EntryClass } from '../../data/senseSchema';

export interface SchemeOccurrence {
  file: string;
  entry: string;
  entryClass: EntryClass;
  form: string;
  expected: SchemeLabel;
  /** 'card' (the 医保 card), 'nothing', or the scheme of the look-alike or note shown. */
  got: string;
  /** The sense shown, when not the 医保 card. */
  sense?: string;
  right: boolean;
  context: string;
}

export interface SchemeResult {
  occurrences: SchemeOccurrence[];
  problems: string[];
}

/**
 * Is what the reader got right for a passage of `expected`? `homes`: other schemes where the entry's own card
 * is right too (商业健康保险 in a commercial passage).
 */
export function isRight(entryClass: EntryClass, expected: SchemeLabel, got: string, homes: string[] = []): boolean {
  if (expected === 'none') return got === 'nothing';
  if (homes.includes(expected)) return got === 'card';
  if (entryClass === 'general') return got === 'card';
  if (expected === 'yibao') return got === 'card';
  if (expected === 'social') return got === 'card' || got === 'nothing';
  return got === 'nothing' || got === expected;
}

/**
 * `inFull`: score the full walk through the scopes (resolveSenseInFull), with neither of the shortcuts that settle a
 * plain 医保 paragraph (the node's and the match's), so that a test can hold the shortcuts to it.
 */
export function evaluateSchemes(docs: CorpusDoc[], dataDir = 'data', inFull = false): SchemeResult {
  const data = loadProjectData(dataDir);
  const senseFile = loadSenses(dataDir);
  const compiledMatcher = compileMatcherFromData(data);
  const compiled = compileSenses(senseFile, data.glossary, compiledMatcher);
  const matcher = createTermMatcher(compiledMatcher);
  const refine = inFull
    ? createSenseRefiner(() => compiled, resolveSenseInFull, false)
    : createSenseRefiner(() => compiled);
  // The scheme each shown sense belongs to: a note names it, a look-alike through its cue groups.
  const schemeOfSense = new Map<string, string>();
  for (const s of senseFile.schemes) schemeOfSense.set(schemeNoteId(s.id), s.id);
  for (const e of senseFile.entries)
    for (const s of e.senses)
      for (const g of s.cues) {
        const scheme = senseFile.cueGroups.find((c) => c.id === g)?.scheme;
        if (scheme && s.sense !== YIBAO_SENSE) schemeOfSense.set(s.sense, scheme);
      }
  const homesOf = new Map(data.glossary.map((term) => [term.id, homeSchemes(senseFile, term)]));
  const occurrences: SchemeOccurrence[] = [];
  const problems: string[] = [];
  const isExtraForm = (form: string) => form === '缴费年限' || form === '缴费比例';
  for (const doc of docs) {
    for (const { block, node, raw, refined } of matchDocument(doc, matcher, refine)) {
      for (const label of block.labels)
        if (!(SCHEME_LABELS as readonly string[]).includes(label.expected))
          problems.push(`${doc.file}: 未知险种标签 ${label.expected}（${label.form}）`);
      for (const m of raw) {
        const form = node!.data.slice(m.start, m.end);
        const label = block.labels.find((l) => l.start === m.start && l.end === m.end);
        const context = node!.data.slice(Math.max(0, m.start - 24), m.end + 24);
        if (!label) {
          problems.push(`${doc.file}: 未标注的“${form}”：${context}`);
          continue;
        }
        const kept = refined.find((r) => r.start === m.start);
        const got = !kept ? 'nothing' : kept.sense ? (schemeOfSense.get(kept.sense) ?? kept.sense) : 'card';
        const entry = data.glossary[m.entry]!.id;
        const entryClass = senseFile.entryClasses[entry] ?? 'yibao';
        const expected = label.expected as SchemeLabel;
        occurrences.push({
          file: doc.file,
          entry,
          entryClass,
          form,
          expected,
          got,
          ...(kept?.sense ? { sense: kept.sense } : {}),
          right: isRight(entryClass, expected, got, homesOf.get(entry)),
          context,
        });
      }
      for (const label of block.labels)
        if (!raw.some((m) => m.start === label.start && m.end === label.end) && !isExtraForm(label.form))
          problems.push(`${doc.file}: 标注“${label.form}”处没有匹配`);
    }
  }
  return { occurrences, problems };
}

export interface Tally {
  key: string;
  total: number;
  right: number;
  /** Occurrences of this scheme that got the 医保 card (for yibao: recall; for others: the worst error). */
  yibaoCards: number;
}

export function tallyBy(occurrences: SchemeOccurrence[], key: (o: SchemeOccurrence) => string): Tally[] {
  const byKey = new Map<string, Tally>();
  for (const o of occurrences) {
    const k = key(o);
    const t = byKey.get(k) ?? { key: k, total: 0, right: 0, yibaoCards: 0 };
    t.total++;
    if (o.right) t.right++;
    if (o.got === 'card') t.yibaoCards++;
    byKey.set(k, t);
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total);
}

/** Precision and recall of the 医保 card: shown where right, and found where the passage is 医保. */
export function yibaoCardScores(occurrences: SchemeOccurrence[]) {
  const shown = occurrences.filter((o) => o.got === 'card');
  const wanted = occurrences.filter((o) => o.expected === 'yibao');
  return {
    precision: shown.length ? shown.filter((o) => o.right).length / shown.length : 1,
    recall: wanted.length ? wanted.filter((o) => o.got === 'card').length / wanted.length : 1,
    shown: shown.length,
    wanted: wanted.length,
  };
}
