/**
 * Build-time: validates data/senses.json (zod), checks its references against
 * the glossary and sources, and compiles it into what the content script uses
 * (in generated/engineData.ts: cue words per matcher entry, no zod needed) and what
 * the card module renders (generated/sense-cards.json).
 *
 * Entries with senses stop using the matcher's blocking context: their
 * blocking words become near-only "unrelated" cues here, so a 养老 paragraph
 * yields the 养老保险个人账户 card instead of nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sensesFileSchema, YIBAO_SENSE_ID, type SensesFile } from '../../data/senseSchema';
import type { GlossaryEntry, Source } from '../../data/schema';
import type { CompiledTermMatcher } from '../../lib/matcher/matcher';
import {
  CUE_BLOCKED,
  CUE_NEUTRAL,
  CUE_YIBAO,
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
  entry: SensesFile['entries'][number],
  blocking: string[],
): [string, number, boolean][] {
  const senseIndex = new Map(senses.senses.map((s, i) => [s.id, i]));
  const cues: [string, number, boolean][] = [];
  const add = (word: string, target: number, near: boolean) => {
    if (!cues.some(([w]) => w === word)) cues.push([word, target, near]);
  };
  for (const group of senses.cueGroups) {
    if (group.role === 'yibao') for (const w of group.words) add(w, CUE_YIBAO, !!group.nearOnly);
    if (group.role === 'neutral') for (const w of group.words) add(w, CUE_NEUTRAL, !!group.nearOnly);
  }
  for (const s of entry.senses) {
    for (const groupId of s.cues) {
      const group = senses.cueGroups.find((g) => g.id === groupId)!;
      const target = s.sense === YIBAO_SENSE_ID ? CUE_YIBAO : senseIndex.get(s.sense)!;
      for (const w of group.words) add(w, target, !!group.nearOnly);
    }
  }
  // Blocking words already covered by a cue (养老 in 养老保险) are left to that cue.
  for (const word of blocking) if (!cues.some(([w]) => w.includes(word))) add(word, CUE_BLOCKED, true);
  return cues;
}

/** Packs per-entry cue lists into one shared word list and flat per-entry triples. */
export function packSensePlans(cueLists: Record<string, [string, number, boolean][]>) {
  const words: string[] = [];
  const indexOf = new Map<string, number>();
  const plans: Record<string, CompiledSensePlan> = {};
  for (const [entry, cues] of Object.entries(cueLists)) {
    const flat: number[] = [];
    for (const [word, target, near] of cues) {
      let w = indexOf.get(word);
      if (w === undefined) {
        w = words.push(word) - 1;
        indexOf.set(word, w);
      }
      flat.push(w, target, near ? 1 : 0);
    }
    plans[entry] = { cues: flat };
  }
  return { words, plans };
}

/** Compiles senses for the content script, and takes blocking away from the matcher entries that now have senses. */
export function compileSenses(
  senses: SensesFile,
  glossary: GlossaryEntry[],
  matcher: CompiledTermMatcher,
): CompiledSenses {
  const cueLists: Record<string, [string, number, boolean][]> = {};
  for (const entry of senses.entries) {
    const index = glossary.findIndex((g) => g.id === entry.entry);
    const rule = matcher.entries[index]!;
    cueLists[index] = cuesFor(senses, entry, rule.blocking ?? []);
    delete rule.blocking;
  }
  return {
    version: 2,
    nearWindow: senses.nearWindow,
    senses: senses.senses.map((s) => ({ id: s.id, name: s.name, shown: !!s.card })),
    ...packSensePlans(cueLists),
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
  return senses.senses.flatMap((s) =>
    s.card
      ? [
          {
            id: s.id,
            name: s.name,
            what: s.card.what,
            difference: s.card.difference,
            sources: s.card.sources.map((id) => toCardSource(byId.get(id)!)),
          },
        ]
      : [],
  );
}
