/**
 * The right sense from context: decides whether a match of an ambiguous entry
 * (个人账户, 等待期, 先行支付…) means the 医保 term, a look-alike from another
 * scheme (养老保险个人账户, 商业医疗险等待期…) or something unrelated. Pure
 * functions over strings; the DOM side lives in entrypoints/content/senseContext.ts.
 *
 * Cues are looked at in widening scopes — sentence, block, governing headings
 * (nearest first), page title — and the nearest scope with a decisive cue wins.
 * Without any cue the 医保 sense stays.
 */

/** The 医保 sense, returned when the glossary card is right. */
export const YIBAO_SENSE = 'yibao';

/** Where a cue word points. Sense indexes are >= 0. */
export const CUE_YIBAO = -1;
/** Claims its span so shorter cues inside it do not count (养老机构 holds 养老), and points nowhere. */
export const CUE_NEUTRAL = -2;
/** A word that rules the 医保 sense out, from the glossary's blocking context: unrelated, show nothing. */
export const CUE_BLOCKED = -3;

export interface CompiledSense {
  id: string;
  name: string;
  /** False for unrelated senses (a bank account): nothing is marked or shown. */
  shown: boolean;
}

/** Cue words for one ambiguous entry, as parallel arrays. */
export interface CompiledSensePlan {
  words: string[];
  targets: number[];
  /** 1 where the word only counts within `nearWindow` characters of the match. */
  near: number[];
}

/** JSON shipped to the content script (generated/senses.json); built by scripts/compile/senses.ts. */
export interface CompiledSenses {
  version: 1;
  nearWindow: number;
  senses: CompiledSense[];
  /** Keyed by matcher entry index. */
  plans: Record<string, CompiledSensePlan>;
}

/** A text with the match's position in it. */
export interface SenseSpan {
  text: string;
  start: number;
  end: number;
}

/** Context around one match, computed only when asked for (nearest scope first). */
export interface SenseScopes {
  sentence(): SenseSpan;
  block(): SenseSpan | null;
  /** Texts of the headings that govern the match, nearest first. */
  headings(): string[];
  title(): string;
}

/** Outcome: YIBAO_SENSE, the id of a shown look-alike sense, or null (unrelated: show nothing). */
export type SenseOutcome = string | null;

interface CueHit {
  start: number;
  end: number;
  target: number;
  near: boolean;
}

/** Recent cue scans per plan: the matches of one text node share their block, headings and title. */
const scanMemo = new WeakMap<CompiledSensePlan, Map<string, CueHit[]>>();
const MEMO_SIZE = 16;
/** Sentences are cheap to scan and rarely repeat: only longer texts (blocks, titles of long pages) are remembered. */
const MEMO_MIN_CHARS = 120;

const bucketMemo = new WeakMap<CompiledSensePlan, Map<number, number[]>>();

/** A plan's words grouped by their first character. */
function bucketsOf(plan: CompiledSensePlan): Map<number, number[]> {
  let buckets = bucketMemo.get(plan);
  if (buckets) return buckets;
  buckets = new Map();
  plan.words.forEach((word, w) => {
    const code = word.charCodeAt(0);
    const list = buckets!.get(code);
    if (list) list.push(w);
    else buckets!.set(code, [w]);
  });
  bucketMemo.set(plan, buckets);
  return buckets;
}

/** Every cue in `text`, a cue inside a longer one dropped (医疗保险 inside 商业医疗保险), neutral phrases dropped. */
function scanCues(plan: CompiledSensePlan, text: string): CueHit[] {
  let memo = scanMemo.get(plan);
  if (!memo) scanMemo.set(plan, (memo = new Map()));
  const known = text.length >= MEMO_MIN_CHARS ? memo.get(text) : undefined;
  if (known) return known;
  const buckets = bucketsOf(plan);
  const hits: CueHit[] = [];
  // One pass over the text: only words starting with the character at hand are tried.
  for (let at = 0; at < text.length; at++) {
    const candidates = buckets.get(text.charCodeAt(at));
    if (!candidates) continue;
    for (const w of candidates) {
      const word = plan.words[w]!;
      if (text.startsWith(word, at))
        hits.push({ start: at, end: at + word.length, target: plan.targets[w]!, near: plan.near[w] === 1 });
    }
  }
  if (hits.length > 1) hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: CueHit[] = [];
  let coverEnd = -1;
  for (const hit of hits) {
    if (hit.end <= coverEnd) continue;
    if (hit.target !== CUE_NEUTRAL) kept.push(hit);
    coverEnd = Math.max(coverEnd, hit.end);
  }
  if (text.length >= MEMO_MIN_CHARS) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, kept);
  }
  return kept;
}

/** Cues that count: near-only ones only within [nearStart, nearEnd], or everywhere when `allNear`. */
function findCues(plan: CompiledSensePlan, text: string, nearStart: number, nearEnd: number, allNear = false) {
  return scanCues(plan, text).filter((hit) => !hit.near || allNear || (hit.end >= nearStart && hit.start <= nearEnd));
}

/** Nearest cue to the match wins; a qualifier inside or right before the match beats one after it. */
function nearestTarget(hits: CueHit[], start: number, end: number): number | undefined {
  let best: number | undefined;
  let bestRank = Infinity;
  for (const hit of hits) {
    // The matched form itself (起付线 as a cue of 起付线) says nothing.
    if (hit.start === start && hit.end === end) continue;
    let rank: number;
    if (hit.end <= start) rank = 2 * (start - hit.end);
    else if (hit.start >= end) rank = 2 * (hit.start - end) + 1;
    else rank = -1;
    if (rank < bestRank) {
      bestRank = rank;
      best = hit.target;
    }
  }
  return best;
}

/** The target with strictly the most cues, or undefined on a tie or none. */
function majorityTarget(hits: CueHit[]): number | undefined {
  const counts = new Map<number, number>();
  for (const hit of hits) counts.set(hit.target, (counts.get(hit.target) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  let tie = false;
  for (const [target, count] of counts) {
    if (count > bestCount) {
      best = target;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) tie = true;
  }
  return tie ? undefined : best;
}

function outcomeOf(compiled: CompiledSenses, target: number): SenseOutcome {
  if (target === CUE_YIBAO) return YIBAO_SENSE;
  if (target === CUE_BLOCKED) return null;
  const sense = compiled.senses[target];
  return sense?.shown ? sense.id : null;
}

/** True when matches of this matcher entry need a sense decision. */
export function entryHasSenses(compiled: CompiledSenses, entry: number): boolean {
  return compiled.plans[entry] !== undefined;
}

/** Decides the sense of one match of matcher entry `entry`. */
export function resolveSense(compiled: CompiledSenses, entry: number, scopes: SenseScopes): SenseOutcome {
  const plan = compiled.plans[entry];
  if (!plan) return YIBAO_SENSE;
  const sentence = scopes.sentence();
  const window = compiled.nearWindow;
  let target = nearestTarget(
    findCues(plan, sentence.text, sentence.start - window, sentence.end + window),
    sentence.start,
    sentence.end,
  );
  if (target !== undefined) return outcomeOf(compiled, target);
  const block = scopes.block();
  if (block && block.text.length > sentence.text.length) {
    // Near-only words are about the match's own sentence: they do not count from the rest of the block.
    target = nearestTarget(findCues(plan, block.text, -1, -1), block.start, block.end);
    if (target !== undefined) return outcomeOf(compiled, target);
  }
  // Headings and the title are short and speak for the whole section or page: near-only words count there too.
  for (const heading of scopes.headings()) {
    target = majorityTarget(findCues(plan, heading, 0, 0, true));
    if (target !== undefined) return outcomeOf(compiled, target);
  }
  const title = scopes.title();
  target = majorityTarget(findCues(plan, title, 0, 0, true));
  return target === undefined ? YIBAO_SENSE : outcomeOf(compiled, target);
}

export function senseById(compiled: CompiledSenses, id: string): CompiledSense | undefined {
  return compiled.senses.find((s) => s.id === id);
}

const SENTENCE_END = /[。！？；!?;\n]/;

/** The sentence around [start, end) of `text`: bounded by 。！？；\n (and their ASCII forms). */
export function sentenceAround(text: string, start: number, end: number): SenseSpan {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  return { text: text.slice(from, to), start: start - from, end: end - from };
}

/** True when the sentence around [start, end) ends inside `text` on both sides (no need to look further). */
export function sentenceClosedIn(text: string, start: number, end: number): boolean {
  let before = false;
  for (let i = start - 1; i >= 0; i--)
    if (SENTENCE_END.test(text[i]!)) {
      before = true;
      break;
    }
  if (!before) return false;
  for (let i = end; i < text.length; i++) if (SENTENCE_END.test(text[i]!)) return true;
  return false;
}

const NUMERAL = '[一二三四五六七八九十百零〇两\\d]+';
const HEADING_PATTERNS: [RegExp, number][] = [
  [new RegExp(`^第${NUMERAL}编`), 1],
  [new RegExp(`^第${NUMERAL}章`), 2],
  [new RegExp(`^第${NUMERAL}节`), 3],
  [/^[一二三四五六七八九十]+、/, 3],
  [/^[（(][一二三四五六七八九十]+[）)]/, 4],
];

/** Heading level (1–4) of a block that reads as a heading (第二章 基本养老保险, 一、参保), or 0. */
export function headingLevelOfText(raw: string): number {
  const text = raw.trim();
  if (text.length === 0 || text.length > 40) return 0;
  for (const [pattern, level] of HEADING_PATTERNS) {
    if (!pattern.test(text)) continue;
    // 第X章 lines are headings; numbered lines only when short and not a sentence.
    if (level <= 3 && text.startsWith('第')) return level;
    return text.length <= 30 && !text.includes('。') ? level : 0;
  }
  return 0;
}

/**
 * From headings met walking backwards (nearest first, with their levels), those that govern: the nearest,
 * then each earlier one of a higher rank (smaller level), up to level 1. `ownLevel`: the block's own
 * level when it is itself a heading.
 */
export function governingHeadings(previous: Iterable<{ text: string; level: number }>, ownLevel = Infinity): string[] {
  const chain: string[] = [];
  // A heading is governed only by headings of a higher rank, never by the sibling section before it.
  let ceiling = ownLevel;
  for (const heading of previous) {
    if (heading.level >= ceiling) continue;
    chain.push(heading.text);
    ceiling = heading.level;
    if (ceiling <= 1) break;
  }
  return chain;
}
