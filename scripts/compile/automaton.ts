/**
 * Build time: compiles every surface form into the Aho–Corasick automaton the content script walks
 * (lib/matcher/matcher.ts). States are numbered breadth-first with each state's children sorted, so the
 * i-th transition leads to state i + 1 and no target table ships. Every table is written as a string of
 * UTF-16 code units (value + MATCHER_UNIT_OFFSET, so JSON needs no escapes), read with charCodeAt on a page.
 */
import {
  MATCHER_FORMAT_VERSION,
  MATCHER_UNIT_OFFSET,
  type CompiledTermMatcher,
  type MatcherEntryRule,
  type MatcherPattern,
} from '../../lib/matcher/matcher';

/** Below the surrogate range, so every table stays well-formed text in JSON. */
const MAX_VALUE = 0xd7ff - MATCHER_UNIT_OFFSET;

function asUnits(values: readonly number[], what: string): string {
  let out = '';
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_VALUE) throw new Error(`${what} 超出范围：${value}`);
    out += String.fromCharCode(value + MATCHER_UNIT_OFFSET);
  }
  return out;
}

function describeEntry(entries: MatcherEntryRule[], index: number): string {
  return index < 0 ? '（排除短语）' : (entries[index]?.id ?? String(index));
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
  const order = [0];
  let chars = '';
  const firsts: number[] = [];
  for (let head = 0; head < order.length; head++) {
    firsts.push(chars.length);
    const list = [...children[order[head]!]!].sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
    for (const [unit, child] of list) {
      chars += unit;
      order.push(child);
    }
  }
  firsts.push(chars.length);
  const stateCount = order.length;

  // 3. Failure links and output links on the renumbered automaton.
  const next = (state: number, unit: string) => {
    for (let i = firsts[state]!; i < firsts[state + 1]!; i++) if (chars[i] === unit) return i + 1;
    return -1;
  };
  const fail = Array.from({ length: stateCount }, () => 0);
  for (let state = 1; state < stateCount; state++) {
    for (let i = firsts[state]!; i < firsts[state + 1]!; i++) {
      const child = i + 1;
      let f = fail[state]!;
      let target = next(f, chars[i]!);
      while (target === -1 && f !== 0) {
        f = fail[f]!;
        target = next(f, chars[i]!);
      }
      fail[child] = target === -1 || target === child ? 0 : target;
    }
  }
  const output = order.map((oldState) => terminalOf[oldState]! + 1);
  // Nearest state with output on the failure chain (0: none); failure links point to earlier states.
  const outputLink = Array.from({ length: stateCount }, () => 0);
  for (let s = 1; s < stateCount; s++) {
    const f = fail[s]!;
    outputLink[s] = output[f]! > 0 ? f : outputLink[f]!;
  }
  return {
    version: MATCHER_FORMAT_VERSION,
    chars,
    firsts: asUnits(firsts, 'firsts'),
    fail: asUnits(fail, 'fail'),
    output: asUnits(output, 'output'),
    outputLink: asUnits(outputLink, 'outputLink'),
    patternLengths: asUnits(
      patterns.map((p) => p.form.length),
      'patternLengths',
    ),
    patternEntries: asUnits(
      patterns.map((p) => p.entry + 1),
      'patternEntries',
    ),
    usedUnits: [...new Set(chars)].sort().join(''),
    entries,
  };
}
