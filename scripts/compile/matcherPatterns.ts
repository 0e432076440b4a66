/**
 * Build-time: turns glossary entries into the matcher's patterns.
 * Kept apart from matcher.ts so the content script never ships it.
 */
import type { GlossaryEntry } from '../../data/schema';
import type { MatcherEntryRule, MatcherPattern } from '../../lib/matcher/matcher';

export interface MatcherSource {
  patterns: MatcherPattern[];
  entries: MatcherEntryRule[];
}

export function buildMatcherSource(glossary: GlossaryEntry[]): MatcherSource {
  const owner = new Map<string, string>();
  const patterns: MatcherPattern[] = [];
  const entries: MatcherEntryRule[] = [];
  glossary.forEach((entry, index) => {
    const blocking = entry.precision.blockingContext;
    entries.push({
      id: entry.id,
      term: entry.term,
      category: entry.category,
      ...(blocking.length ? { blocking } : {}),
    });
    for (const form of new Set([entry.term, ...entry.aliases])) {
      const previous = owner.get(form);
      if (previous !== undefined) {
        throw new Error(`词形“${form}”同时属于条目 ${previous} 和 ${entry.id}`);
      }
      owner.set(form, entry.id);
      patterns.push({ form, entry: index });
    }
  });
  const ignored = new Set<string>();
  for (const entry of glossary) {
    for (const phrase of entry.precision.ignorePhrases) {
      const clash = owner.get(phrase);
      if (clash !== undefined) throw new Error(`条目 ${entry.id} 的排除短语“${phrase}”是条目 ${clash} 的词形`);
      if (!ignored.has(phrase)) {
        ignored.add(phrase);
        patterns.push({ form: phrase, entry: -1 });
      }
    }
  }
  return { patterns, entries };
}

/** Every surface form with the id of its entry: used by invariant tests and the stats. */
export function listSurfaceForms(glossary: GlossaryEntry[]): { form: string; id: string }[] {
  return glossary.flatMap((entry) =>
    [...new Set([entry.term, ...entry.aliases])].map((form) => ({ form, id: entry.id })),
  );
}
