/**
 * Build-time: validates data/senses.json (zod), checks its references against
 * the glossary and sources, and compiles it into what the content script uses
 * (in generated/engineData.ts: cue words per matcher entry, no zod needed) and what
 * the card module renders (generated/sense-cards.json).
 *
 * Entries with plans stop using the matcher's blocking context: their
 * blocking words become near-only "unrelated" cues here, so a 养老 paragraph
 * yields the 养老保险个人账户 card instead of nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  sensesFileSchema,
  YIBAO_SENSE_ID,
  type EntryClass,
  type SenseCard,
  type SchemeId,
  type SensesFile,
} from '../../data/senseSchema';
import type { GlossaryEntry, Source } from '../../data/schema';
import type { CompiledTermMatcher } from '../../lib/matcher/matcher';
import {
  CUE_BLOCKED,
  CUE_NEUTRAL,
  CUE_YIBAO,
  type CompiledSense,
  type CompiledSensePlan,
  type CompiledSenses,
} from '../../lib/matcher/senses';
import type { CardSource } from '../../lib/card/records';
import type { SenseCardRecord } from '../../lib/card/SenseCard';

export class SenseDataError extends Error {}

export function loadSenses(dataDir: string): SensesFile {
  const path = join(dataDir, 'senses.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SenseDataError(`${path}：无法读取或不是合法 JSON（${(err as Error).message}）`);
  }
  const result = sensesFileSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 10).map((i) => `${path} ${i.path.join('.')}：${i.message}`);
    throw new SenseDataError(`数据校验失败：\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Broken references in senses.json, as Chinese messages. Empty when all is well. */
export function findSenseProblems(senses: SensesFile, glossary: GlossaryEntry[], sources: Source[]): string[] {
  const problems: string[] = [];
  const termIds = new Set(glossary.map((e) => e.id));
  const senseIds = new Set<string>();
  for (const s of senses.senses) {
    if (s.id === YIBAO_SENSE_ID) problems.push(`义项 id ${s.id} 是保留字`);
    if (senseIds.has(s.id)) problems.push(`义项 id 重复：${s.id}`);
    senseIds.add(s.id);
  }
  const groupIds = new Set(senses.cueGroups.map((g) => g.id));
  const sourceIds = new Set(sources.map((s) => s.id));
  for (const s of senses.sources)
    if (sourceIds.has(s.id)) problems.push(`senses.json 的来源 ${s.id} 与 sources.json 重复`);
  for (const s of senses.sources) sourceIds.add(s.id);
  for (const s of senses.senses)
    for (const id of s.card?.sources ?? [])
      if (!sourceIds.has(id)) problems.push(`义项 ${s.id} 引用了不存在的来源：${id}`);
  for (const s of senses.schemes)
    for (const id of s.note?.sources ?? [])
      if (!sourceIds.has(id)) problems.push(`险种 ${s.id} 的说明引用了不存在的来源：${id}`);
  const schemeIds = senses.schemes.map((s) => s.id);
  if (new Set(schemeIds).size !== schemeIds.length) problems.push('senses.json 的险种 id 重复');
  if (!schemeIds.includes('yibao')) problems.push('senses.json 缺少险种 yibao');
  for (const g of senses.cueGroups)
    if (g.scheme && !schemeIds.includes(g.scheme)) problems.push(`提示词组 ${g.id} 的险种 ${g.scheme} 不存在`);
  const schemeWordSet = new Set(senses.schemes.flatMap((s) => [...s.cues, ...s.nearCues]));
  for (const word of senses.socialCues)
    if (schemeWordSet.has(word)) problems.push(`“${word}”既是社会保险总称（socialCues），又是某一险种的提示词`);
  for (const term of glossary)
    if (!senses.entryClasses[term.id]) problems.push(`术语 ${term.id} 没有声明险种类别（entryClasses）`);
  for (const id of senses.needsCue) if (!termIds.has(id)) problems.push(`needsCue 引用了不存在的术语：${id}`);
  for (const id of senses.needsScheme) {
    if (!termIds.has(id)) problems.push(`needsScheme 引用了不存在的术语：${id}`);
    else if (senses.entryClasses[id] !== 'shared')
      problems.push(`needsScheme 里的 ${id} 不是各险种共用的说法（shared）`);
  }
  for (const id of senses.selfNamed) if (!termIds.has(id)) problems.push(`selfNamed 引用了不存在的术语：${id}`);
  for (const id of Object.keys(senses.entryClasses))
    if (!termIds.has(id)) problems.push(`entryClasses 引用了不存在的术语：${id}`);
  for (const term of glossary) {
    if (senses.entryClasses[term.id] !== 'general') continue;
    const text = [term.summary, term.explanation, ...term.facts.map((f) => `${f.label}${f.value}`)].join('');
    for (const word of senses.yibaoOnlyMechanisms)
      if (text.includes(word))
        problems.push(`术语 ${term.id} 归为通用（general），但卡片提到只有医保才有的机制：${word}`);
  }
  const seenEntries = new Set<string>();
  for (const e of senses.entries) {
    if (!termIds.has(e.entry)) problems.push(`senses.json 引用了不存在的术语：${e.entry}`);
    if (seenEntries.has(e.entry)) problems.push(`senses.json 术语重复：${e.entry}`);
    seenEntries.add(e.entry);
    for (const s of e.senses) {
      if (s.sense !== YIBAO_SENSE_ID && !senseIds.has(s.sense))
        problems.push(`术语 ${e.entry} 引用了不存在的义项：${s.sense}`);
      for (const g of s.cues) {
        if (!groupIds.has(g)) problems.push(`术语 ${e.entry} 引用了不存在的提示词组：${g}`);
        else if (senses.cueGroups.find((c) => c.id === g)!.role !== 'scheme')
          problems.push(`术语 ${e.entry} 的义项 ${s.sense} 只能用 scheme 类提示词组：${g}`);
      }
    }
  }
  return problems;
}

/** Cue words of one entry as [word, target, near]: 医保 and neutral groups, its scheme groups, its old blocking words. */
function cuesFor(
  senses: SensesFile,
  entry: SensesFile['entries'][number] | undefined,
  blocking: string[],
): [string, number, boolean][] {
  const senseIndex = new Map(senses.senses.map((s, i) => [s.id, i]));
  const cues: [string, number, boolean][] = [];
  const add = (word: string, target: number, near: boolean) => {
    if (!cues.some(([w]) => w === word)) cues.push([word, target, near]);
  };
  for (const group of senses.cueGroups)
    if (group.role === 'neutral') for (const w of group.words) add(w, CUE_NEUTRAL, !!group.nearOnly);
  if (entry) {
    for (const w of entry.neutral) add(w, CUE_NEUTRAL, false);
    for (const group of senses.cueGroups)
      if (group.role === 'yibao') for (const w of group.words) add(w, CUE_YIBAO, !!group.nearOnly);
    for (const s of entry.senses) {
      for (const groupId of s.cues) {
        const group = senses.cueGroups.find((g) => g.id === groupId)!;
        const target = s.sense === YIBAO_SENSE_ID ? CUE_YIBAO : senseIndex.get(s.sense)!;
        for (const w of group.words) add(w, target, !!group.nearOnly);
      }
    }
  }
  // Blocking words already covered by a cue or a scheme's word (养老 in 养老保险) are left to that word.
  const schemeWords = senses.schemes.flatMap((s) => [...s.cues, ...s.nearCues]);
  for (const word of blocking)
    if (!cues.some(([w]) => w.includes(word)) && !schemeWords.some((w) => w.includes(word)))
      add(word, CUE_BLOCKED, true);
  return cues;
}

/**
 * Schemes other than 医保 where an entry's own card is right too: those whose words its own forms hold
 * (商保创新药目录 names 商保, 社保卡银行账户 names 银行), and those whose cue groups it lists for its 医保 sense.
 */
export function homeSchemes(senses: SensesFile, term: GlossaryEntry): SchemeId[] {
  const forms = [term.term, ...term.aliases];
  const entry = senses.entries.find((e) => e.entry === term.id);
  const cued = (entry?.senses.find((s) => s.sense === YIBAO_SENSE_ID)?.cues ?? []).map(
    (g) => senses.cueGroups.find((c) => c.id === g)?.scheme,
  );
  return senses.schemes
    .filter((scheme) => scheme.id !== 'yibao')
    .filter(
      (scheme) =>
        cued.includes(scheme.id) ||
        forms.some((form) => [...scheme.cues, ...scheme.nearCues].some((word) => form.includes(word))),
    )
    .map((scheme) => scheme.id);
}

/** The id of the note sense of a scheme. */
export const schemeNoteId = (scheme: SchemeId) => `note-${scheme}`;

/**
 * What a passage of each scheme means for one entry: 医保 keeps the card; another scheme gives the entry's
 * look-alike sense of that scheme, else (for shared vocabulary) the scheme's note, else nothing.
 */
function schemeTargets(
  senses: SensesFile,
  entry: SensesFile['entries'][number] | undefined,
  entryClass: EntryClass,
  senseIndex: Map<string, number>,
  homes: SchemeId[],
): number[] {
  return senses.schemes.map((scheme) => {
    // 医保, and the schemes where the entry is at home too (商业健康保险 on a commercial page), keep its card.
    if (scheme.id === 'yibao' || homes.includes(scheme.id)) return CUE_YIBAO;
    const lookAlike = entry?.senses.find(
      (s) =>
        s.sense !== YIBAO_SENSE_ID &&
        s.cues.some((g) => senses.cueGroups.find((c) => c.id === g)?.scheme === scheme.id),
    );
    if (lookAlike) return senseIndex.get(lookAlike.sense)!;
    if (entryClass === 'shared' && scheme.note) return senseIndex.get(schemeNoteId(scheme.id))!;
    return CUE_BLOCKED;
  });
}

/** Packs per-entry cue lists into one shared word list and flat per-entry triples. */
export function packSensePlans(
  cueLists: Record<string, [string, number, boolean][]>,
  schemeWords: [string, number, boolean][] = [],
  schemesByEntry: Record<string, number[]> = {},
  needsCue = new Set<string>(),
  socialWords: string[] = [],
  flags: { yibaoTerms?: Set<string>; selfNamed?: Set<string>; needsScheme?: Set<string> } = {},
) {
  // Words grouped by first character, the longest first within a group: the order the content script scans them
  // in (lib/matcher/senses.ts), so it need not sort them on every page.
  const words = [
    ...new Set([
      ...schemeWords.map(([word]) => word),
      ...socialWords,
      ...Object.values(cueLists).flatMap((cues) => cues.map(([word]) => word)),
    ]),
  ].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0) || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const indexOf = new Map(words.map((word, w) => [word, w]));
  const wordIndex = (word: string) => indexOf.get(word)!;
  const schemeCues = schemeWords.flatMap(([word, scheme, near]) => [wordIndex(word), scheme, near ? 1 : 0]);
  const socialCues = socialWords.map(wordIndex);
  const shared = sharedCueKeys(Object.values(cueLists));
  const sharedCues: number[] = [];
  for (const key of shared) {
    const [word, target, near] = JSON.parse(key) as [string, number, boolean];
    sharedCues.push(wordIndex(word), target, near ? 1 : 0);
  }
  const plans: Record<string, CompiledSensePlan> = {};
  for (const [entry, cues] of Object.entries(cueLists)) {
    const flat: number[] = [];
    for (const cue of cues) {
      if (shared.has(JSON.stringify(cue))) continue;
      const [word, target, near] = cue;
      flat.push(wordIndex(word), target, near ? 1 : 0);
    }
    plans[entry] = {
      cues: flat,
      schemes: schemesByEntry[entry] ?? [],
      ...(needsCue.has(entry) ? { needsCue: 1 } : {}),
      ...(flags.yibaoTerms?.has(entry) ? { yibaoTerm: 1 } : {}),
      ...(flags.selfNamed?.has(entry) ? { selfNamed: 1 } : {}),
      ...(flags.needsScheme?.has(entry) ? { needsScheme: 1 } : {}),
    };
  }
  return {
    words,
    schemeCues,
    ...(socialCues.length ? { socialCues } : {}),
    ...(sharedCues.length ? { sharedCues } : {}),
    plans,
  };
}

/**
 * The cues every entry has, word for word (agency names that decide nothing, for one): stored once instead of
 * in each plan, which kept the engine over its size budget. Only a word that occurs once in every list counts,
 * so applying the shared cues before an entry's own gives the same targets as the full list did.
 */
function sharedCueKeys(lists: [string, number, boolean][][]): Set<string> {
  if (lists.length < 2) return new Set();
  const onceIn = (list: [string, number, boolean][]) => {
    const count = new Map<string, number>();
    for (const [word] of list) count.set(word, (count.get(word) ?? 0) + 1);
    return new Set(list.filter(([word]) => count.get(word) === 1).map((cue) => JSON.stringify(cue)));
  };
  const [first, ...rest] = lists.map(onceIn);
  return new Set([...first!].filter((key) => rest.every((keys) => keys.has(key))));
}

/** The senses the content script knows: the look-alike senses, then one note per scheme that has one. */
function allSenses(senses: SensesFile): CompiledSense[] {
  return [
    ...senses.senses.map((s) => ({ id: s.id, name: s.name, shown: !!s.card })),
    ...senses.schemes.flatMap((s) =>
      s.note ? [{ id: schemeNoteId(s.id), name: s.name, shown: true, note: true as const }] : [],
    ),
  ];
}

/**
 * Compiles senses for the content script: a plan for every entry whose card depends on the scheme of its
 * passage, and takes blocking away from the matcher entries that now have plans.
 */
export function compileSenses(
  senses: SensesFile,
  glossary: GlossaryEntry[],
  matcher: CompiledTermMatcher,
): CompiledSenses {
  const compiledSenses = allSenses(senses);
  const senseIndex = new Map(compiledSenses.map((s, i) => [s.id, i]));
  const cueLists: Record<string, [string, number, boolean][]> = {};
  const schemesByEntry: Record<string, number[]> = {};
  const yibaoTerms = new Set<string>();
  const needsCue = new Set(senses.needsCue);
  glossary.forEach((term, index) => {
    const entryClass = senses.entryClasses[term.id] ?? 'yibao';
    if (entryClass === 'general') return;
    // A 医保-only term (not an everyday word, not a word whose card is right in another scheme too) beside an
    // everyday word says the passage is 医保.
    if (entryClass === 'yibao' && !needsCue.has(term.id) && homeSchemes(senses, term).length === 0)
      yibaoTerms.add(String(index));
    const entry = senses.entries.find((e) => e.entry === term.id);
    const rule = matcher.entries[index]!;
    cueLists[index] = cuesFor(senses, entry, rule.blocking ?? []);
    schemesByEntry[index] = schemeTargets(senses, entry, entryClass, senseIndex, homeSchemes(senses, term));
    delete rule.blocking;
  });
  const schemeWords = senses.schemes.flatMap((scheme, k) => [
    ...scheme.cues.map((w): [string, number, boolean] => [w, k, false]),
    ...scheme.nearCues.map((w): [string, number, boolean] => [w, k, true]),
  ]);
  return {
    version: 4,
    nearWindow: senses.nearWindow,
    senses: compiledSenses,
    schemes: senses.schemes.map((s) => s.id),
    medicalCare: senses.schemes.flatMap((s, k) => (s.medicalCare ? [k] : [])),
    ...packSensePlans(
      cueLists,
      schemeWords,
      schemesByEntry,
      new Set(senses.needsCue.map((id) => String(glossary.findIndex((g) => g.id === id)))),
      senses.socialCues,
      {
        yibaoTerms,
        selfNamed: new Set(senses.selfNamed.map((id) => String(glossary.findIndex((g) => g.id === id)))),
        needsScheme: new Set(senses.needsScheme.map((id) => String(glossary.findIndex((g) => g.id === id)))),
      },
    ),
  };
}

/** Card records of the shown look-alike senses, sources resolved. */
export function buildSenseCards(senses: SensesFile, sources: Source[]): SenseCardRecord[] {
  const byId = new Map([...sources, ...senses.sources].map((s) => [s.id, s]));
  const toCardSource = (s: Source): CardSource => ({
    title: s.title,
    issuer: s.issuer,
    date: s.date,
    ...(s.docNumber ? { docNumber: s.docNumber } : {}),
    ...(s.url ? { url: s.url } : {}),
  });
  const record = (id: string, name: string, card: SenseCard, note?: true): SenseCardRecord => ({
    id,
    name,
    what: card.what,
    difference: card.difference,
    sources: card.sources.map((source) => toCardSource(byId.get(source)!)),
    ...(note ? { note } : {}),
  });
  return [
    ...senses.senses.flatMap((s) => (s.card ? [record(s.id, s.name, s.card)] : [])),
    ...senses.schemes.flatMap((s) => (s.note ? [record(schemeNoteId(s.id), s.name, s.note, true)] : [])),
  ];
}
