/**
 * Multi-pattern term matcher: walks the Aho–Corasick automaton compiled at build time
 * (scripts/compile/automaton.ts) once over a string, returning leftmost-longest,
 * non-overlapping matches. DOM-free. The automaton's tables are strings of UTF-16 code
 * units read with charCodeAt, so a page builds nothing before its first match.
 */

/** Characters looked at before and after a match for words that rule it out (养老 before 个人账户). */
export const BLOCKING_CONTEXT_WINDOW = 6;

export const MATCHER_FORMAT_VERSION = 3;
/** Table values are stored shifted by this much: control characters would need six-byte escapes in JSON. */
export const MATCHER_UNIT_OFFSET = 32;

/** A surface form to find. `entry` is an index into `entries`, or -1 for a phrase that only suppresses matches. */
export interface MatcherPattern {
  form: string;
  entry: number;
}

export interface MatcherEntryRule {
  id: string;
  term: string;
  category?: string;
  /** Words near a match that mean it is not the 医保 sense. */
  blocking?: string[];
}

/** The automaton as shipped. Every table but `entries` is a string of 16-bit values, one per state or pattern. */
export interface CompiledTermMatcher {
  version: typeof MATCHER_FORMAT_VERSION;
  /** Transition characters of every state, state by state, each state's sorted; transition i leads to state i + 1. */
  chars: string;
  /** Per state (plus one): index in `chars` of its first transition. */
  firsts: string;
  /** Per state: its failure link. */
  fail: string;
  /** Per state: index + 1 of the pattern ending there, 0 for none. */
  output: string;
  /** Per state: the nearest state with output on its failure chain, 0 for none. */
  outputLink: string;
  patternLengths: string;
  /** Per pattern: entry index + 1, 0 for an ignore phrase. */
  patternEntries: string;
  /** Every character that occurs in a pattern, once each (not shifted). */
  usedUnits: string;
  entries: MatcherEntryRule[];
}

export interface TermMatch {
  start: number;
  /** End offset: in the same text, or in `endNode` when the term runs on into the next text node (个人<b>账户</b>). */
  end: number;
  entry: number;
  /** On a page only: the adjacent text node the term ends in. */
  endNode?: Text;
}

const isAsciiWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

export interface TermMatcher {
  /** Leftmost-longest matches in `text`, after precision rules. */
  findTermMatches(text: string): TermMatch[];
  /**
   * A term that starts in `before` and ends in `after` (two adjacent pieces of text split by markup): its start
   * in `before` and its end in `after`, or null.
   */
  findAcross(before: string, after: string): TermMatch | null;
  /** True when the last character of `text` could be part of a term, which might then run on into the next text. */
  couldRunOn(text: string): boolean;
  readonly entries: readonly MatcherEntryRule[];
}

export function createTermMatcher(compiled: CompiledTermMatcher): TermMatcher {
  if (compiled.version !== MATCHER_FORMAT_VERSION) throw new Error('懂医保：词表格式与程序版本不符');
  const { chars, firsts, fail, output, outputLink, patternLengths, patternEntries, usedUnits, entries } = compiled;
  const at = (table: string, index: number) => table.charCodeAt(index) - MATCHER_UNIT_OFFSET;
  // 64 KB of flags over code units: a quick “cannot be part of any term” test per character (well under 0.1 ms).
  const used = new Uint8Array(65536);
  for (let i = 0; i < usedUnits.length; i++) used[usedUnits.charCodeAt(i)] = 1;
  const blockingByEntry = entries.map((entry) => entry.blocking ?? []);

  /** The state reached from `state` on `unit`, or 0 when it has no such transition. Children are sorted. */
  function step(state: number, unit: number): number {
    let low = at(firsts, state);
    let high = at(firsts, state + 1);
    while (low < high) {
      const mid = (low + high) >> 1;
      const c = chars.charCodeAt(mid);
      if (c === unit) return mid + 1;
      if (c < unit) low = mid + 1;
      else high = mid;
    }
    return 0;
  }

  function collectRaw(text: string): number[] {
    // Flat triples: start, end, patternIndex.
    const raw: number[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (used[unit] === 0) {
        state = 0;
        continue;
      }
      let next = step(state, unit);
      while (next === 0 && state !== 0) {
        state = at(fail, state);
        next = step(state, unit);
      }
      state = next;
      if (state === 0) continue;
      let out = at(output, state) > 0 ? state : at(outputLink, state);
      while (out !== 0) {
        const pattern = at(output, out) - 1;
        raw.push(i + 1 - at(patternLengths, pattern), i + 1, pattern);
        out = at(outputLink, out);
      }
    }
    return raw;
  }

  function isBlocked(text: string, start: number, end: number, entry: number): boolean {
    const blocking = blockingByEntry[entry]!;
    if (blocking.length === 0) return false;
    const window = BLOCKING_CONTEXT_WINDOW;
    const before = text.slice(Math.max(0, start - window), start);
    const after = text.slice(end, end + window);
    return blocking.some((word) => before.includes(word) || after.includes(word));
  }

  function splitsAsciiWord(text: string, start: number, end: number): boolean {
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(end - 1);
    return (
      (isAsciiWordChar(first) && start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) ||
      (isAsciiWordChar(last) && end < text.length && isAsciiWordChar(text.charCodeAt(end)))
    );
  }

  function findTermMatches(text: string): TermMatch[] {
    const raw = collectRaw(text);
    if (raw.length === 0) return [];
    const order: number[] = [];
    for (let k = 0; k < raw.length; k += 3) {
      if (!splitsAsciiWord(text, raw[k]!, raw[k + 1]!)) order.push(k);
    }
    // Leftmost first, then longest.
    order.sort((a, b) => raw[a]! - raw[b]! || raw[b + 1]! - raw[a + 1]!);
    const matches: TermMatch[] = [];
    let covered = 0;
    for (const k of order) {
      const start = raw[k]!;
      if (start < covered) continue;
      const end = raw[k + 1]!;
      covered = end;
      const entry = at(patternEntries, raw[k + 2]!) - 1;
      // An ignore phrase wins the span and yields nothing.
      if (entry < 0 || isBlocked(text, start, end, entry)) continue;
      matches.push({ start, end, entry });
    }
    return matches;
  }

  let longest = 0;
  for (let p = 0; p < patternLengths.length; p++) longest = Math.max(longest, at(patternLengths, p));

  function findAcross(before: string, after: string): TermMatch | null {
    if (!before || !after || used[before.charCodeAt(before.length - 1)] === 0 || used[after.charCodeAt(0)] === 0)
      return null;
    // Wide enough for the longest form plus the precision rules' context on each side.
    const reach = longest - 1 + BLOCKING_CONTEXT_WINDOW;
    const tail = before.slice(-reach);
    const joined = tail + after.slice(0, reach);
    for (const m of findTermMatches(joined)) {
      if (m.start < tail.length && m.end > tail.length)
        return { start: before.length - tail.length + m.start, end: m.end - tail.length, entry: m.entry };
    }
    return null;
  }

  const couldRunOn = (text: string) => text.length > 0 && used[text.charCodeAt(text.length - 1)] === 1;

  return { findTermMatches, findAcross, couldRunOn, entries };
}

/** A matcher built on first use, so a page that never needs it never pays for building it. */
export function createLazyTermMatcher(load: () => CompiledTermMatcher): TermMatcher {
  let real: TermMatcher | null = null;
  const get = () => (real ??= createTermMatcher(load()));
  return {
    findTermMatches: (text) => get().findTermMatches(text),
    findAcross: (before, after) => get().findAcross(before, after),
    couldRunOn: (text) => get().couldRunOn(text),
    get entries() {
      return get().entries;
    },
  };
}
