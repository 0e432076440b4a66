/**
 * Multi-pattern term matcher: an Aho–Corasick automaton compiled at build time
 * and walked once over a string at run time, returning leftmost-longest,
 * non-overlapping matches. DOM-free.
 */
import { LENS_TUNABLES } from '@/entrypoints/content/tunables';

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

/**
 * JSON-serialisable automaton. States are numbered breadth-first with each
 * state's children sorted, so the i-th transition in `chars` leads to state
 * i + 1 and no target table is shipped.
 */
export interface CompiledTermMatcher {
  version: 2;
  /** Transition characters of every state, state by state. */
  chars: string;
  /** Number of transitions of each state. */
  childCounts: number[];
  /** Aho–Corasick failure link of each state. */
  fail: number[];
  /** Pairs: a state where a pattern ends, and that pattern's index. */
  terminals: number[];
  patternLengths: number[];
  patternEntries: number[];
  entries: MatcherEntryRule[];
}

export interface TermMatch {
  start: number;
  end: number;
  entry: number;
}

export function compileTermMatcher(patterns: MatcherPattern[], entries: MatcherEntryRule[]): CompiledTermMatcher {
  // 1. A plain trie.
  const children: Map<string, number>[] = [new Map()];
  const terminalOf: number[] = [-1];
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.form.length; i++) {
      const unit = pattern.form[i]!;
      let next = children[state]!.get(unit);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminalOf.push(-1);
        children[state]!.set(unit, next);
      }
      state = next;
    }
    if (terminalOf[state] !== -1) {
      const other = patterns[terminalOf[state]!]!;
      throw new Error(
        `重复的词形“${pattern.form}”（条目 ${describeEntry(entries, pattern.entry)} 与 ${describeEntry(entries, other.entry)}）`,
      );
    }
    terminalOf[state] = index;
  });

  // 2. Breadth-first renumbering with sorted children.
  const sortedChildren = (state: number) =>
    [...children[state]!].sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
  const order = [0];
  let chars = '';
  const childCounts: number[] = [];
  for (let head = 0; head < order.length; head++) {
    const list = sortedChildren(order[head]!);
    childCounts.push(list.length);
    for (const [unit, child] of list) {
      chars += unit;
      order.push(child);
    }
  }

  // 3. Failure links, computed on the renumbered automaton.
  const stateCount = order.length;
  const offsets = prefixSums(childCounts);
  const next = (state: number, unit: string) => {
    for (let i = offsets[state]!; i < offsets[state + 1]!; i++) if (chars[i] === unit) return i + 1;
    return -1;
  };
  const fail = Array.from({ length: stateCount }, () => 0);
  for (let state = 0; state < stateCount; state++) {
    for (let i = offsets[state]!; i < offsets[state + 1]!; i++) {
      const child = i + 1;
      if (state === 0) continue;
      let f = fail[state]!;
      let target = next(f, chars[i]!);
      while (target === -1 && f !== 0) {
        f = fail[f]!;
        target = next(f, chars[i]!);
      }
      fail[child] = target === -1 || target === child ? 0 : target;
    }
  }
  const terminals: number[] = [];
  order.forEach((oldState, state) => {
    if (terminalOf[oldState] !== -1) terminals.push(state, terminalOf[oldState]!);
  });
  return {
    version: 2,
    chars,
    childCounts,
    fail,
    terminals,
    patternLengths: patterns.map((p) => p.form.length),
    patternEntries: patterns.map((p) => p.entry),
    entries,
  };
}

function prefixSums(counts: number[]): number[] {
  const sums = [0];
  for (const count of counts) sums.push(sums[sums.length - 1]! + count);
  return sums;
}

function describeEntry(entries: MatcherEntryRule[], index: number): string {
  return index < 0 ? '（排除短语）' : (entries[index]?.id ?? String(index));
}

const isAsciiWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

export interface TermMatcher {
  /** Leftmost-longest matches in `text`, after precision rules. */
  findTermMatches(text: string): TermMatch[];
  /** True when `text` holds no character that could start a pattern: a cheap pre-check. */
  cannotMatch(text: string): boolean;
  readonly entries: readonly MatcherEntryRule[];
}

export function createTermMatcher(compiled: CompiledTermMatcher): TermMatcher {
  const { chars, childCounts, fail, terminals, patternLengths, patternEntries, entries } = compiled;
  const offsets = prefixSums(childCounts);
  const stateCount = childCounts.length;
  // One flat map from (state, code unit) to the next state: fast lookups with no per-state objects.
  const transitions = new Map<number, number>();
  for (let s = 0; s < stateCount; s++) {
    for (let i = offsets[s]!; i < offsets[s + 1]!; i++) transitions.set(s * 65536 + chars.charCodeAt(i), i + 1);
  }
  const terminal = new Int32Array(stateCount).fill(-1);
  for (let k = 0; k < terminals.length; k += 2) terminal[terminals[k]!] = terminals[k + 1]!;
  // Nearest terminal state on the failure chain; failure links point to shallower, earlier states.
  const outputLink = new Int32Array(stateCount).fill(-1);
  for (let s = 1; s < stateCount; s++) {
    const f = fail[s]!;
    outputLink[s] = terminal[f] !== -1 ? f : outputLink[f]!;
  }
  const usedUnits = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) usedUnits[chars.charCodeAt(i)] = 1;
  const rootUnits = new Uint8Array(65536);
  for (let i = offsets[0]!; i < offsets[1]!; i++) rootUnits[chars.charCodeAt(i)] = 1;
  const blockingByEntry = entries.map((entry) => entry.blocking ?? []);

  function collectRaw(text: string): number[] {
    // Flat triples: start, end, patternIndex.
    const raw: number[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (usedUnits[unit] === 0) {
        state = 0;
        continue;
      }
      let next = transitions.get(state * 65536 + unit);
      while (next === undefined && state !== 0) {
        state = fail[state]!;
        next = transitions.get(state * 65536 + unit);
      }
      state = next ?? 0;
      if (state === 0) continue;
      let out = terminal[state] !== -1 ? state : outputLink[state]!;
      while (out !== -1) {
        const pattern = terminal[out]!;
        raw.push(i + 1 - patternLengths[pattern]!, i + 1, pattern);
        out = outputLink[out]!;
      }
    }
    return raw;
  }

  function isBlocked(text: string, start: number, end: number, entry: number): boolean {
    const blocking = blockingByEntry[entry]!;
    if (blocking.length === 0) return false;
    const window = LENS_TUNABLES.blockingContextWindow;
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
      const entry = patternEntries[raw[k + 2]!]!;
      // An ignore phrase wins the span and yields nothing.
      if (entry < 0 || isBlocked(text, start, end, entry)) continue;
      matches.push({ start, end, entry });
    }
    return matches;
  }

  function cannotMatch(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (rootUnits[text.charCodeAt(i)] === 1) return false;
    return true;
  }

  return { findTermMatches, cannotMatch, entries };
}

/** A matcher built on first use, so a page that never needs it never pays for building it. */
export function createLazyTermMatcher(load: () => CompiledTermMatcher): TermMatcher {
  let real: TermMatcher | null = null;
  const get = () => (real ??= createTermMatcher(load()));
  return {
    findTermMatches: (text) => get().findTermMatches(text),
    cannotMatch: (text) => get().cannotMatch(text),
    get entries() {
      return get().entries;
    },
  };
}
