/**
 * Multi-pattern term matcher: an Aho–Corasick automaton compiled at build time
 * and walked once over a string at run time, returning leftmost-longest,
 * non-overlapping matches. DOM-free.
 */
import { LENS_TUNABLES } from './tunables';

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

/** JSON-serialisable automaton. Transitions of state s are chars[offsets[s]..offsets[s+1]) → targets. */
export interface CompiledTermMatcher {
  version: 1;
  chars: string;
  targets: number[];
  offsets: number[];
  fail: number[];
  /** Pattern index whose full text ends at this state, or -1. */
  terminal: number[];
  /** Nearest state on the fail chain that is terminal, or -1. */
  outputLink: number[];
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
  const children: Map<string, number>[] = [new Map()];
  const terminal: number[] = [-1];
  const patternLengths: number[] = [];
  const patternEntries: number[] = [];

  patterns.forEach((pattern, index) => {
    let state = 0;
    for (const ch of pattern.form) {
      for (let i = 0; i < ch.length; i++) {
        const unit = ch[i]!;
        let next = children[state]!.get(unit);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          terminal.push(-1);
          children[state]!.set(unit, next);
        }
        state = next;
      }
    }
    if (terminal[state] !== -1) {
      const other = patterns[terminal[state]!]!;
      throw new Error(`重复的词形“${pattern.form}”（条目 ${describeEntry(entries, pattern.entry)} 与 ${describeEntry(entries, other.entry)}）`);
    }
    terminal[state] = index;
    patternLengths.push(pattern.form.length);
    patternEntries.push(pattern.entry);
  });

  const fail = Array.from({ length: children.length }, () => 0);
  const outputLink = Array.from({ length: children.length }, () => -1);
  const queue: number[] = [];
  for (const child of children[0]!.values()) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [unit, child] of children[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !children[f]!.has(unit)) f = fail[f]!;
      const candidate = children[f]!.get(unit);
      fail[child] = candidate !== undefined && candidate !== child ? candidate : 0;
      const failState = fail[child]!;
      outputLink[child] = terminal[failState] !== -1 ? failState : outputLink[failState]!;
      queue.push(child);
    }
  }

  let chars = '';
  const targets: number[] = [];
  const offsets: number[] = [];
  children.forEach((map) => {
    offsets.push(targets.length);
    for (const [unit, child] of [...map].sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0))) {
      chars += unit;
      targets.push(child);
    }
  });
  offsets.push(targets.length);

  return { version: 1, chars, targets, offsets, fail, terminal, outputLink, patternLengths, patternEntries, entries };
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
  const { chars, targets, offsets, fail, terminal, outputLink, patternLengths, patternEntries, entries } = compiled;
  // One flat map from (state, code unit) to the next state: fast lookups with no per-state objects.
  const transitions = new Map<number, number>();
  const stateCount = offsets.length - 1;
  for (let s = 0; s < stateCount; s++) {
    for (let i = offsets[s]!; i < offsets[s + 1]!; i++) transitions.set(s * 65536 + chars.charCodeAt(i), targets[i]!);
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
