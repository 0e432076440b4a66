/** Unit tests' matcher: compiled from a few forms per entry as the build compiles the glossary's. */
import {
  createTermMatcher,
  type MatcherEntryRule,
  type MatcherPattern,
  type TermMatcher,
} from '../lib/matcher/matcher';
import { compileTermMatcher } from '../scripts/compile/automaton';

/** `forms`: entry id → its forms (the first is the term); `ignore`: phrases that only suppress matches. */
export function matcherFor(
  forms: Record<string, string[]>,
  options: { ignore?: string[]; blocking?: Record<string, string[]> } = {},
): TermMatcher {
  const entries: MatcherEntryRule[] = Object.keys(forms).map((id) => ({
    id,
    term: forms[id]![0]!,
    blocking: options.blocking?.[id],
  }));
  const patterns: MatcherPattern[] = Object.entries(forms).flatMap(([, list], entry) =>
    list.map((form) => ({ form, entry })),
  );
  for (const phrase of options.ignore ?? []) patterns.push({ form: phrase, entry: -1 });
  // Round-trip through JSON, as the build does.
  return createTermMatcher(JSON.parse(JSON.stringify(compileTermMatcher(patterns, entries))));
}
