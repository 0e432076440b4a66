/**
 * The right sense from context: decides whether a match of an ambiguous entry
 * (个人账户, 等待期, 先行支付…) means the 医保 term, a look-alike from another
 * scheme (养老保险个人账户, 商业医疗险等待期…) or something unrelated. Pure
 * functions over strings; the DOM side lives in entrypoints/content/senseContext.ts.
 *
 * Every entry whose card depends on the scheme of its passage has a plan: the
 * words that name each scheme (工伤, 养老保险, 住房公积金, 保险公司…) and the
 * entry's own cue words. Cues are looked at in widening scopes — sentence,
 * block, governing headings (nearest first), page title, the document's
 * opening — and the nearest scope with a decisive cue wins. When no scope
 * decides, near-only words of the sentence further from the match (银行 a few
 * words before) do; without any cue the 医保 sense stays, except for everyday
 * and health-system words (报销, 急诊抢救), which need a cue or a 医保-only term
 * beside them.
 */

/** The 医保 sense, returned when the glossary card is right. */
export const YIBAO_SENSE = 'yibao';

/** Where a cue word points. Sense indexes are >= 0. */
export const CUE_YIBAO = -1;
/** Claims its span so shorter cues inside it do not count (养老机构 holds 养老), and points nowhere. */
export const CUE_NEUTRAL = -2;
/** A word that rules the 医保 sense out, from the glossary's blocking context: unrelated, show nothing. */
export const CUE_BLOCKED = -3;
/**
 * Social insurance as a whole (社会保险, 五险一金), or a list naming several schemes with 医保 among them: no single
 * scheme is meant, so nothing is shown (a 医保 sentence in such a passage names 医保 itself).
 */
export const CUE_SOCIAL = -4;

export interface CompiledSense {
  id: string;
  name: string;
  /** False for unrelated senses (a bank account): nothing is marked or shown. */
  shown: boolean;
  /** A scheme note (工伤保险：直接结算): its display name is the scheme's name and the entry's term. */
  note?: true;
}

/** What the cue words mean for one entry. */
export interface CompiledSensePlan {
  /** The entry's own cue words, flat triples: index in CompiledSenses.words, target (a sense index or CUE_*), 1 if near-only. */
  cues: number[];
  /** The target of each scheme's words for this entry (by scheme index): CUE_YIBAO, a sense index or CUE_BLOCKED. */
  schemes: number[];
  /**
   * 1 for everyday and health-system words (报销, 近亲属, 急诊抢救, 二级医院): with no cue anywhere, and no 医保 term
   * beside them, they show nothing rather than the 医保 card.
   */
  needsCue?: 1;
  /**
   * 1 for the contribution words every scheme shares (缴费基数, 统筹地区): like a needsCue word, with no cue anywhere
   * and no 医保 term beside them they show nothing, since their meaning depends on a scheme the text does not name.
   */
  needsScheme?: 1;
  /** 1 for terms that exist only in 医保 (门诊统筹, 异地就医备案): beside a needsCue word they say the passage is 医保. */
  yibaoTerm?: 1;
  /**
   * 1 for entries whose own words name one scheme of the 医保 family (长期护理保险): a passage holding them is about
   * insurance, so neither not-insurance words nor social insurance as a whole take their card away; another
   * scheme's words (商业长期护理保险) still do.
   */
  selfNamed?: 1;
}

/** Shipped to the content script in generated/engineData.ts; built by scripts/compile/senses.ts. */
export interface CompiledSenses {
  version: 4;
  nearWindow: number;
  senses: CompiledSense[];
  /** Every cue word of every entry and scheme: a text is scanned once, whatever entries its matches belong to. */
  words: string[];
  /** Scheme ids by index (yibao, pension, injury…). */
  schemes: string[];
  /** Indexes of the schemes that pay for medical care themselves (工伤, 商业, 军人): see schemeOverMedicalWord. */
  medicalCare?: number[];
  /** Words that name a scheme, flat triples: word index, scheme index, 1 if near-only. */
  schemeCues: number[];
  /** Words that name social insurance as a whole (社会保险, 五险一金): word indexes, CUE_SOCIAL for every entry. */
  socialCues?: number[];
  /** Cue triples every plan shares (as in CompiledSensePlan.cues), stored once; a plan's own cues come after them. */
  sharedCues?: number[];
  /** Keyed by matcher entry index; entries without a plan keep their 医保 card in any passage. */
  plans: Record<string, CompiledSensePlan>;
}

/** A text with the match's position in it. */
export interface SenseSpan {
  text: string;
  start: number;
  end: number;
}

/** The match's sentence; `inBlock` says where it starts in block().text when it was cut from it. */
export interface SentenceSpan extends SenseSpan {
  inBlock?: number;
}

/** Context around one match, computed only when asked for (nearest scope first). */
export interface SenseScopes {
  sentence(): SentenceSpan;
  block(): SenseSpan | null;
  /** Texts of the headings that govern the match, nearest first. */
  headings(): string[];
  title(): string;
  /**
   * The document's opening: its first top-level heading (《工伤保险条例》 on a law page) and a regulation's first
   * article (第一条 为了…), which names the subject of a document with a generic title; or ''.
   */
  opening(): string;
  /** True when a term that exists only in 医保 is matched beside this match (in its text node). */
  yibaoTermNearby?(): boolean;
  /** True when a term that exists only in 医保 (异地就医备案) is matched in this match's sentence, the match aside. */
  yibaoTermInSentence?(): boolean;
}

/** Outcome: YIBAO_SENSE, the id of a shown look-alike sense, or null (unrelated: show nothing). */
export type SenseOutcome = string | null;

/** A cue word found in a text: flat pairs (start, word index), sorted by start. */
type WordHits = Int32Array;

/** Run-time tables, built once per compiled senses object. */
interface SenseTables {
  /**
   * By character: 1 + the index of the first word starting with it, or 0 when none does. CompiledSenses.words are
   * grouped by first character, longest first within a group (compileSenses sorts them so).
   */
  groupStart: Uint16Array;
  /** By word: its first character. */
  firstChar: Uint16Array;
  /** By word: its second character, or -1 for a one-character word (most candidates fail on it). */
  secondChar: Int32Array;
  /** The scheme index a word names, or -1 (entry cue words, words for social insurance as a whole). */
  wordScheme: Int16Array;
  /** Per plan: what each word says for that entry (see PlanTargets). */
  targets: Map<CompiledSensePlan, PlanTargets>;
  /** Per word: the cue every entry shares (packCue), or NO_CUE. */
  sharedCue: Int32Array;
  /** Per word: 1 when it names a scheme near the match only. */
  schemeNear: Uint8Array;
  /** Per word: 1 when it names social insurance as a whole. */
  social: Uint8Array;
  /**
   * Per word: 1 when it could take some entry away from its 医保 card (see leavesYibao). Most words of a 医保
   * paragraph never do: the per-entry check runs only for these.
   */
  suspect: Uint8Array;
  /** Per word: 1 when it names 医保 (医保, 医疗保险) and says so for every entry at any distance. */
  namesYibaoForAll: Uint8Array;
  /** The index of the 医保 scheme in CompiledSenses.schemes. */
  yibaoScheme: number;
  /** Recent scans: the matches of one text node share their block, headings and title. */
  memo: Map<string, WordHits>;
  /** Per plan, what a heading, the title or the opening says (the same few texts for every match of a page). */
  majorities: Map<CompiledSensePlan, Map<string, number | undefined>>;
}

/** Characters of the block looked at on each side of the match. */
const BLOCK_REACH = 600;
/** The part of a block's `text` looked at around the match [start, end). */
const reachOf = (text: string, start: number, end: number) => ({
  from: Math.max(0, start - BLOCK_REACH),
  to: Math.min(text.length, end + BLOCK_REACH),
});
/** A word that is a cue for some entries and not for this one. */
const CUE_NONE = -9;
const MEMO_SIZE = 32;
const tablesOf = new WeakMap<CompiledSenses, SenseTables>();

function tables(compiled: CompiledSenses): SenseTables {
  let t = tablesOf.get(compiled);
  if (t) return t;
  // Plain loops only: this runs once per page, in code that is still cold.
  const { words, schemeCues } = compiled;
  const count = words.length;
  const groupStart = new Uint16Array(65536);
  const firstChar = new Uint16Array(count);
  const secondChar = new Int32Array(count);
  for (let w = 0; w < count; w++) {
    const word = words[w]!;
    firstChar[w] = word.charCodeAt(0);
    secondChar[w] = word.length > 1 ? word.charCodeAt(1) : -1;
    if (groupStart[firstChar[w]!] === 0) groupStart[firstChar[w]!] = w + 1;
  }
  const wordScheme = new Int16Array(count).fill(-1);
  const schemeNear = new Uint8Array(count);
  for (let k = 0; k < schemeCues.length; k += 3) {
    wordScheme[schemeCues[k]!] = schemeCues[k + 1]!;
    schemeNear[schemeCues[k]!] = schemeCues[k + 2]!;
  }
  const social = new Uint8Array(count);
  const socialCues = compiled.socialCues ?? [];
  for (let k = 0; k < socialCues.length; k++) social[socialCues[k]!] = 1;
  const sharedCue = new Int32Array(count).fill(NO_CUE);
  const shared = compiled.sharedCues ?? [];
  for (let k = 0; k < shared.length; k += 3) sharedCue[shared[k]!] = packCue(shared[k + 1]!, shared[k + 2]!);
  const yibaoScheme = compiled.schemes.indexOf(YIBAO_SENSE);
  t = {
    groupStart,
    firstChar,
    secondChar,
    wordScheme,
    schemeNear,
    social,
    sharedCue,
    ...suspectWords(compiled, social, yibaoScheme, wordScheme, schemeNear),
    yibaoScheme,
    targets: new Map(),
    memo: new Map(),
    majorities: new Map(),
  };
  tablesOf.set(compiled, t);
  return t;
}

/**
 * SenseTables.suspect (a word some entry's own cues, the shared cues or some reading of the schemes send elsewhere)
 * and .namesYibaoForAll.
 */
function suspectWords(
  compiled: CompiledSenses,
  social: Uint8Array,
  yibaoScheme: number,
  wordScheme: Int16Array,
  schemeNear: Uint8Array,
): { suspect: Uint8Array; namesYibaoForAll: Uint8Array } {
  const suspect = social.slice();
  // Words some entry's own cues (or the shared ones) read as anything but 医保 at any distance.
  const readOtherwise = new Uint8Array(suspect.length);
  const leaves = (target: number) => target !== CUE_YIBAO && target !== CUE_NONE && target !== CUE_NEUTRAL;
  const mark = (cues: number[]) => {
    for (let k = 0; k < cues.length; k += 3) {
      if (leaves(cues[k + 1]!)) suspect[cues[k]!] = 1;
      if (cues[k + 1] !== CUE_YIBAO || cues[k + 2] === 1) readOtherwise[cues[k]!] = 1;
    }
  };
  // Every other scheme's words are suspect; the 医保 scheme's only if some entry reads that scheme otherwise.
  let yibaoReadOtherwise = false;
  mark(compiled.sharedCues ?? []);
  for (const entry in compiled.plans) {
    const plan = compiled.plans[entry]!;
    if (yibaoScheme >= 0 && plan.schemes[yibaoScheme] !== CUE_YIBAO) yibaoReadOtherwise = true;
    mark(plan.cues);
  }
  const schemeCues = compiled.schemeCues;
  for (let k = 0; k < schemeCues.length; k += 3)
    if (schemeCues[k + 1] !== yibaoScheme || yibaoReadOtherwise) suspect[schemeCues[k]!] = 1;
  const namesYibaoForAll = new Uint8Array(suspect.length);
  for (let w = 0; w < suspect.length; w++)
    namesYibaoForAll[w] =
      yibaoScheme >= 0 && wordScheme[w] === yibaoScheme && schemeNear[w] === 0 && !suspect[w] && !readOtherwise[w]
        ? 1
        : 0;
  return { suspect, namesYibaoForAll };
}

/** A cue's target and near flag in one number: target * 2 + near. */
const packCue = (target: number, near: number) => target * 2 + near;
const NO_CUE = packCue(CUE_NONE, 0);

/**
 * What each word (by index) says for one entry: its own cue words first, then the cues every entry shares, then
 * the words for social insurance as a whole, then the schemes' words as the entry reads them. No table per entry:
 * an entry's own cue words are few, the rest is read from tables every entry shares.
 */
class PlanTargets {
  private readonly own = new Map<number, number>();
  private readonly t: SenseTables;
  private readonly schemes: number[];

  constructor(t: SenseTables, plan: CompiledSensePlan) {
    this.t = t;
    this.schemes = plan.schemes;
    const cues = plan.cues;
    for (let k = 0; k < cues.length; k += 3) this.own.set(cues[k]!, packCue(cues[k + 1]!, cues[k + 2]!));
  }

  /** A sense index or CUE_*; CUE_NONE where the word says nothing for the entry. */
  target(w: number): number {
    return this.packed(w) >> 1;
  }

  /** True for a near-only word. */
  near(w: number): boolean {
    return (this.packed(w) & 1) === 1;
  }

  private packed(w: number): number {
    const t = this.t;
    const cue = this.own.get(w) ?? t.sharedCue[w]!;
    if (cue !== NO_CUE) return cue;
    if (t.social[w] === 1) return packCue(CUE_SOCIAL, t.schemeNear[w]!);
    const scheme = t.wordScheme[w]!;
    return scheme >= 0 ? packCue(this.schemes[scheme]!, t.schemeNear[w]!) : NO_CUE;
  }
}

function planTargets(compiled: CompiledSenses, plan: CompiledSensePlan): PlanTargets {
  const t = tables(compiled);
  let p = t.targets.get(plan);
  if (!p) t.targets.set(plan, (p = new PlanTargets(t, plan)));
  return p;
}

/** True for a word that names a scheme or social insurance as a whole: it decides even as the matched form itself. */
function namesAScheme(t: SenseTables, w: number): boolean {
  return t.wordScheme[w]! >= 0 || t.social[w] === 1;
}

/**
 * True when word `w` may take the entry away from its 医保 card: a look-alike's word, a blocking one, social
 * insurance as a whole, or any other scheme's word, whatever it says for this entry (it can sway which scheme a
 * block names).
 */
function leavesYibao(t: SenseTables, p: PlanTargets, w: number): boolean {
  const cue = p.target(w);
  const scheme = t.wordScheme[w]!;
  return (cue !== CUE_YIBAO && cue !== CUE_NONE && cue !== CUE_NEUTRAL) || (scheme >= 0 && scheme !== t.yibaoScheme);
}

/** True when word `w` names 医保 (医保, 医疗保险) and says 医保 for the entry at any distance. */
function namesYibao(t: SenseTables, p: PlanTargets, w: number): boolean {
  const scheme = t.wordScheme[w]!;
  return scheme >= 0 && scheme === t.yibaoScheme && p.target(w) === CUE_YIBAO && !p.near(w);
}

/** Every cue word in `text`, one pass; a word inside a longer one does not count (医疗保险 in 商业医疗保险). */
function scanWords(compiled: CompiledSenses, text: string): WordHits {
  const t = tables(compiled);
  const known = t.memo.get(text);
  if (known) return known;
  const { words } = compiled;
  const { groupStart, firstChar, secondChar } = t;
  const found: number[] = [];
  let coverEnd = -1;
  for (let at = 0, length = text.length; at < length; at++) {
    const code = text.charCodeAt(at);
    const start = groupStart[code]!;
    if (start === 0) continue;
    // Longest word starting here (the longest comes first); a word ending inside an earlier, longer one is dropped.
    const next = text.charCodeAt(at + 1);
    let best = -1;
    for (let w = start - 1; w < words.length && firstChar[w] === code; w++) {
      const second = secondChar[w]!;
      if (second >= 0 && second !== next) continue;
      if (text.startsWith(words[w]!, at)) {
        best = w;
        break;
      }
    }
    if (best < 0 || at + words[best]!.length <= coverEnd) continue;
    found.push(at, best);
    coverEnd = at + words[best]!.length;
  }
  const hits = Int32Array.from(found);
  if (t.memo.size >= MEMO_SIZE) t.memo.clear();
  t.memo.set(text, hits);
  return hits;
}

/**
 * What may stand between two items of a list of schemes (基本养老保险费、基本医疗保险费和失业保险费; 职工基本养老保险和
 * 职工基本医疗保险, where the next item repeats whose insurance it is).
 */
function isListGap(gap: string): boolean {
  // Read character by character, not with a RegExp: a page's first RegExp costs more than these comparisons.
  let i = 0;
  while (i < gap.length && i < 4 && LIST_GAP_TAIL_OF_ITEM.includes(gap[i]!)) i++;
  const separator = LIST_SEPARATORS.find((word) => gap.startsWith(word, i));
  if (!separator) return false;
  const rest = gap.slice(i + separator.length);
  return rest === '' || LIST_ITEM_OWNERS.includes(rest);
}
/** What may end an item before the separator (基本养老保险【费】、). */
const LIST_GAP_TAIL_OF_ITEM = '保险费基金制度';
/** Longest first: 以及 before 及, 或者 before 或. */
const LIST_SEPARATORS = ['以及', '或者', '、', '和', '及', '与', '或'];
/** Whose insurance the next item is, when it repeats it. */
const LIST_ITEM_OWNERS = ['职工', '城镇职工', '城乡居民', '城镇居民'];
/** A cue joined to the match by nothing or by 的 qualifies it directly (失业保险的缴费基数): a list item decides then. */
function isAttached(text: string, hit: CueHit, start: number, end: number): boolean {
  const gap = hit.end <= start ? text.slice(hit.end, start) : text.slice(end, hit.at);
  return hit.distance <= 0 || gap === '的';
}

/** Added to the rank of a cue in another clause of the sentence: any cue of the match's own clause comes first. */
const CLAUSE_PENALTY = 1 << 20;
function crossesClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c) return true;
  }
  return false;
}

interface CueHit {
  at: number;
  end: number;
  word: number;
  cue: number;
  rank: number;
  distance: number;
}

/**
 * Nearest cue to the match [start, end) among those inside [from, to); a qualifier inside or right before
 * the match beats one after it. Near-only cues count only within `nearWindow` characters (never if < 0).
 * When the nearest cue is an item of a list naming several schemes and does
 * not qualify the match directly, the list speaks for no single scheme: a cue outside the list decides, else
 * the match belongs to all the list's schemes: the 医保 card where 医保 is one of them, else nothing.
 * `split` (for scopes beyond the match's sentence): undefined when the cues are split evenly between schemes.
 */
function nearestTarget(
  compiled: CompiledSenses,
  plan: CompiledSensePlan,
  text: string,
  span: { start: number; end: number; from: number; to: number },
  nearWindow: number,
  split = false,
  far?: number[],
  weak?: { yibao: boolean },
): number | undefined {
  const targets = planTargets(compiled, plan);
  const t = tables(compiled);
  const hits = scanWords(compiled, text);
  const { start, end, from, to } = span;
  const found: CueHit[] = [];
  // Hits are sorted by start: jump to the first one at or after `from` (long text nodes hold many).
  let lo = 0;
  let hi = hits.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[2 * mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = 2 * lo; k < hits.length && hits[k]! < to; k += 2) {
    const w = hits[k + 1]!;
    const cue = targets.target(w);
    if (cue === CUE_NONE || cue === CUE_NEUTRAL) continue;
    const hitStart = hits[k]!;
    const hitEnd = hitStart + compiled.words[w]!.length;
    if (hitEnd > to) continue;
    // The matched form itself says nothing (起付线 as a cue of 起付线), unless it names a scheme (工伤保险).
    if (hitStart === start && hitEnd === end && !namesAScheme(t, w)) continue;
    // A word across the match's edge (保单 in 医保【单位缴费】) is not read there: the match is the word.
    if (hitStart < end && hitEnd > start && (hitStart < start ? hitEnd < end : hitStart > start && hitEnd > end))
      continue;
    if (cue !== CUE_YIBAO && comparedWith(text, hitStart, hitEnd, start, end)) continue;
    if (targets.near(w) && isPaymentChannel(text, hitStart, hitEnd)) continue;
    let distance: number;
    let rank: number;
    if (hitEnd <= start) rank = 2 * (distance = start - hitEnd);
    else if (hitStart >= end) rank = 2 * (distance = hitStart - end) + 1;
    else rank = distance = -1;
    // Within the sentence, a cue in the match's own clause beats one across a comma (beyond it, clauses say nothing).
    if (
      rank >= 0 &&
      nearWindow >= 0 &&
      crossesClause(text, hitEnd <= start ? hitEnd : end, hitEnd <= start ? start : hitStart)
    )
      rank += CLAUSE_PENALTY;
    if (targets.near(w) && (nearWindow < 0 || distance > nearWindow)) {
      far?.push(cue);
      continue;
    }
    found.push({ at: hitStart, end: hitEnd, word: w, cue, rank, distance });
  }
  if (nearWindow >= 0) dropInsurerRunningScheme(compiled, plan, text, found, to);
  if (found.length === 0) return undefined;
  if (split && mostCommon(found.map((h) => h.cue)) === undefined) return undefined;
  const best = (hits: CueHit[]) =>
    hits.reduce<CueHit | undefined>((b, h) => (!b || h.rank < b.rank ? h : b), undefined);
  const nearest = best(found)!;
  // An entry's own 医保 word that names no scheme (就医, 住院, 医疗费用), with no word naming 医保 in the scope, says
  // the passage is medical, not whose.
  if (weak && nearest.cue === CUE_YIBAO && !found.some((h) => h.cue === CUE_YIBAO && namesAScheme(t, h.word)))
    weak.yibao = true;
  if (yibaoTermInYibaoSentence(compiled, plan, found, nearest, nearWindow)) return CUE_YIBAO;
  if (yibaoOverNoCareAcrossClauses(compiled, found, nearest, nearWindow)) return CUE_YIBAO;
  if (nearest.cue === CUE_SOCIAL) return nearest.cue;
  // A cue joined to the match qualifies it (失业保险的缴费基数); a list that the match owns (灵活就业人员的养老保险费和
  // 医疗保险费) is still read as a list.
  const attached = isAttached(text, nearest, start, end);
  if (attached && nearest.at < end) return nearest.cue;
  const specific = found.filter((h) => h.cue !== CUE_SOCIAL);
  const list = listAround(text, specific, nearest);
  if (attached && list.length < 2) return nearest.cue;
  if (list.length < 2 || list.every((h) => h.cue === list[0]!.cue)) return nearest.cue;
  // A scheme the list does not name, in the list's own clause (随军未就业的军人配偶参加养老保险和医疗保险), says
  // whose items they are.
  const outside = best(specific.filter((h) => !list.some((item) => item.cue === h.cue) && sameClause(text, h, list)));
  if (outside) return outside.cue;
  // Otherwise the match belongs to every scheme of the list: 医保 among them keeps its card (it holds for that
  // item), other schemes only show nothing. An everyday or social-assistance word (特困人员 beside 与基本养老保险、基本
  // 医疗保险相衔接) is not made 医保 by a list that also names a scheme paying for no care (医保和惠民保同时报销 is).
  if (!list.some((h) => h.cue === CUE_YIBAO)) return CUE_BLOCKED;
  return plan.needsCue && list.some((h) => paysNoCare(compiled, h.word)) ? CUE_BLOCKED : CUE_YIBAO;
}

/** What ends a clause inside a sentence. */
const CLAUSE_ENDS = '，,：:';
/** What ends a clause in a block, where sentence ends stand too. */
const CLAUSE_MARKS = CLAUSE_ENDS + '。；;！？!?';

/** Where the clause holding `at` starts, looking back no further than `limit`. */
function clauseStart(text: string, at: number, limit: number, marks = CLAUSE_MARKS): number {
  let i = at;
  while (i > limit && !marks.includes(text[i - 1]!)) i--;
  return i;
}

/** Where the clause holding `from` ends, looking on no further than `limit`. */
function clauseEnd(text: string, from: number, limit: number, marks = CLAUSE_MARKS): number {
  let i = from;
  while (i < limit && !marks.includes(text[i]!)) i++;
  return i;
}

/** Joins the thing compared to (和养老保险不同); 同 is left out, as it starts too many other words (同时, 同一). */
const COMPARE_WITH = '和与跟';
/** Say that two things are compared (缴费基数和养老保险的基数一致; 这和养老金是两笔账). */
const COMPARISONS = ['不一样', '两笔账', '两回事', '一致', '相同', '不同', '一样', '有别', '类似', '相比'];
const COMPARED_REACH_BEFORE = 8;
const COMPARED_REACH_AFTER = 12;

/**
 * True when the cue word [at, end) is what something is compared with (…和职工本人的养老保险基数一致; 这和养老金是两笔账)
 * and the match [start, matchEnd) stands outside that comparison: the word names the scheme the passage is set
 * against, not its own. Within the comparison (和养老保险的【缴费基数】相同) the word still qualifies the match.
 */
function comparedWith(text: string, at: number, end: number, start: number, matchEnd: number): boolean {
  let joiner = -1;
  const from = clauseStart(text, at, Math.max(0, at - COMPARED_REACH_BEFORE));
  for (let i = at - 1; i >= from; i--)
    if (COMPARE_WITH.includes(text[i]!)) {
      joiner = i;
      break;
    }
  if (joiner < 0) return false;
  const after = text.slice(end, clauseEnd(text, end, Math.min(text.length, end + COMPARED_REACH_AFTER)));
  let comparisonEnd = -1;
  for (const word of COMPARISONS) {
    const found = after.indexOf(word);
    if (found >= 0) {
      comparisonEnd = end + found + word.length;
      break;
    }
  }
  if (comparisonEnd < 0) return false;
  return !(start >= joiner && matchEnd <= comparisonEnd);
}

/** Verbs of paying: a near-only word (微信, 银行) before them in its clause is how one pays, not what for. */
const PAYING = ['缴费', '缴纳', '交费', '交纳', '缴款', '扣缴'];
/** How a channel is introduced (通过微信、支付宝缴费); not a bare 用, which stands in 费用 and 用于 too. */
const BY_WAY_OF = ['通过', '使用', '登录', '打开'];
const CHANNEL_REACH = 24;

/**
 * True when the near-only cue [at, end) names a way of paying (通过微信、支付宝、手机银行缴费): in a sentence on paying
 * contributions it says nothing about which scheme the payment is for.
 */
function isPaymentChannel(text: string, at: number, end: number): boolean {
  const before = text.slice(clauseStart(text, at, Math.max(0, at - CHANNEL_REACH)), at);
  if (!BY_WAY_OF.some((word) => before.includes(word))) return false;
  const after = text.slice(end, clauseEnd(text, end, Math.min(text.length, end + CHANNEL_REACH)));
  return PAYING.some((word) => after.includes(word));
}

/** Verbs saying that an insurer runs a social scheme for the government (保险公司受托经办长期护理保险). */
const RUNS_SCHEME = ['承办', '受托经办', '受委托', '委托经办'];

/**
 * In a sentence where an insurer runs a social scheme (保险公司按照政府委托承办城乡居民大病保险的，…), the insurer named
 * before the verb is the one running it, not a commercial policy: it names the scheme it runs, which is of the 医保
 * family (大病保险, 长期护理保险; a scheme named in the sentence still decides where it stands nearer). Other commercial
 * words of that sentence tell what the scheme is kept apart from (与商业保险业务分开管理) or what the insurer may not
 * add (不得另行设定赔付条件): they speak only in their own clause. Edits `found` (sentence scope only).
 */
function dropInsurerRunningScheme(
  compiled: CompiledSenses,
  plan: CompiledSensePlan,
  text: string,
  found: CueHit[],
  to: number,
): void {
  const commercial = compiled.schemes.indexOf('commercial');
  if (commercial < 0) return;
  const { wordScheme } = tables(compiled);
  const lookAlike = plan.schemes[commercial]!;
  const isCommercial = (h: CueHit) => wordScheme[h.word] === commercial || (lookAlike >= 0 && h.cue === lookAlike);
  const runsScheme = (h: CueHit) => {
    const rest = text.slice(h.end, clauseEnd(text, h.end, to, CLAUSE_ENDS));
    return RUNS_SCHEME.some((verb) => rest.includes(verb));
  };
  const runner = found.filter((h) => isCommercial(h) && runsScheme(h));
  if (runner.length === 0) return;
  for (let i = found.length - 1; i >= 0; i--) {
    const h = found[i]!;
    if (runner.includes(h)) found[i] = { ...h, cue: CUE_YIBAO };
    else if (isCommercial(h) && h.rank >= CLAUSE_PENALTY) found.splice(i, 1);
  }
}

/**
 * A 医保 term (定点医疗机构, 异地就医; not an everyday or social-assistance word) in a sentence naming 医保 is 医保
 * talk, even where a word of a subject that is not insurance (养老机构, 社会救助) stands nearer: that word says what
 * the text is about, not that 医保 is absent (养老机构内设的医疗机构申请纳入定点医疗机构，费用由基本医疗保险基金支付).
 * Sentence scope only; near-only words (银行) keep deciding beside the match.
 */
function yibaoTermInYibaoSentence(
  compiled: CompiledSenses,
  plan: CompiledSensePlan,
  found: CueHit[],
  nearest: CueHit,
  nearWindow: number,
): boolean {
  if (plan.needsCue || nearWindow < 0 || nearest.cue !== CUE_BLOCKED) return false;
  const t = tables(compiled);
  if (t.schemeNear[nearest.word] === 1 || compiled.schemes[t.wordScheme[nearest.word]!] !== 'none') return false;
  return namesYibaoAmong(t, found);
}

/** True when one of the cues found names 医保 itself (医保, 基本医疗保险) and says 医保 for the entry. */
function namesYibaoAmong(t: SenseTables, found: CueHit[]): boolean {
  return found.some((h) => h.cue === CUE_YIBAO && t.wordScheme[h.word] === t.yibaoScheme);
}

/**
 * With no cue in the match's own clause, a sentence naming 医保 in another clause keeps the match 医保 even where a
 * scheme paying for no care stands nearer (失业人员医保由失业保险基金代缴，住院的，在【定点医疗机构】出院时直接结算).
 */
function yibaoOverNoCareAcrossClauses(
  compiled: CompiledSenses,
  found: CueHit[],
  nearest: CueHit,
  nearWindow: number,
): boolean {
  if (nearWindow < 0 || nearest.rank < CLAUSE_PENALTY || !paysNoCare(compiled, nearest.word)) return false;
  return namesYibaoAmong(tables(compiled), found);
}

/** True for a word naming an insurance scheme other than 医保 that pays for no medical care (养老, 失业, 公积金). */
function paysNoCare(compiled: CompiledSenses, word: number): boolean {
  return schemePaysNoCare(compiled, tables(compiled).wordScheme[word]!);
}

/** True for an insurance scheme other than 医保 that pays for no medical care; false for -1 (no scheme). */
function schemePaysNoCare(compiled: CompiledSenses, scheme: number): boolean {
  if (scheme < 0 || compiled.medicalCare?.includes(scheme)) return false;
  const id = compiled.schemes[scheme];
  return id !== YIBAO_SENSE && id !== 'none';
}

/**
 * The items of the list `hit` stands in: hits joined to it by list separators only (、和及与), `hit` included, in
 * text order. Overlapping hits are one item, named by the first (基本养老 and 养老保险 in 基本养老保险).
 */
function listAround(text: string, hits: CueHit[], hit: CueHit): CueHit[] {
  const items: CueHit[] = [];
  let own = -1;
  for (const h of hits) {
    const last = items[items.length - 1];
    if (last && h.at < last.end) {
      if (h === hit) own = items.length - 1;
      continue;
    }
    if (h === hit) own = items.length;
    items.push(h);
  }
  const joined = (a: CueHit, b: CueHit) => isListGap(text.slice(a.end, b.at));
  let i = own;
  let j = own;
  while (i > 0 && joined(items[i - 1]!, items[i]!)) i--;
  while (j < items.length - 1 && joined(items[j]!, items[j + 1]!)) j++;
  return items.slice(i, j + 1);
}

/** True when no comma or colon stands between `hit` and the list. */
function sameClause(text: string, hit: CueHit, list: CueHit[]): boolean {
  const first = list[0]!;
  const last = list[list.length - 1]!;
  const between = hit.end <= first.at ? text.slice(hit.end, first.at) : text.slice(last.end, hit.at);
  for (const ch of between) if (CLAUSE_ENDS.includes(ch)) return false;
  return true;
}

/** The target with strictly the most cues in `text` (near-only ones included), or undefined on a tie or none. */
function majorityTarget(compiled: CompiledSenses, plan: CompiledSensePlan, text: string): number | undefined {
  if (!text) return undefined;
  const t = tables(compiled);
  let known = t.majorities.get(plan);
  if (!known) t.majorities.set(plan, (known = new Map()));
  if (known.has(text)) return known.get(text);
  if (known.size >= MEMO_SIZE) known.clear();
  const best = countMajority(compiled, plan, text);
  known.set(text, best);
  return best;
}

function countMajority(compiled: CompiledSenses, plan: CompiledSensePlan, text: string): number | undefined {
  const targets = planTargets(compiled, plan);
  const hits = scanWords(compiled, text);
  const cues: number[] = [];
  for (let k = 1; k < hits.length; k += 2) {
    const cue = targets.target(hits[k]!);
    if (cue !== CUE_NONE && cue !== CUE_NEUTRAL) cues.push(cue);
  }
  const best = mostCommon(cues);
  // A document-wide scope naming social insurance as a whole says nothing against 医保: look further.
  return best === CUE_SOCIAL ? undefined : best;
}

/**
 * The scheme a heading, title or opening names by scheme words alone (the most named, or undefined on a tie or
 * none), as a scheme index.
 */
function namedScheme(compiled: CompiledSenses, text: string): number | undefined {
  if (!text) return undefined;
  const { wordScheme } = tables(compiled);
  const hits = scanWords(compiled, text);
  const named: number[] = [];
  for (let k = 1; k < hits.length; k += 2) if (wordScheme[hits[k]!]! >= 0) named.push(wordScheme[hits[k]!]!);
  return mostCommon(named);
}

/**
 * After an entry's own medical word (就医, 住院) decided for 医保: the block beyond the sentence, else the nearest
 * heading, else the title or opening, that names a scheme paying for medical care itself (工伤医疗, 《工伤保险条例》)
 * says whose care it is. One naming 医保 or another scheme (看病 in a pension handbook is 医保 talk) keeps the card.
 */
function schemeOverMedicalWord(
  compiled: CompiledSenses,
  plan: CompiledSensePlan,
  scopes: SenseScopes,
): number | undefined {
  if (!compiled.medicalCare?.length) return undefined;
  const scheme = firstSchemeNamed(compiled, scopes.block()?.text ?? '', scopes);
  return scheme !== undefined && compiled.medicalCare.includes(scheme) ? plan.schemes[scheme] : undefined;
}

/** The scheme named by `nearest`, else by the nearest heading, else by the title or opening, that names one. */
function firstSchemeNamed(compiled: CompiledSenses, nearest: string, scopes: SenseScopes): number | undefined {
  for (const text of [nearest, ...scopes.headings(), scopes.title(), scopes.opening()]) {
    const scheme = namedScheme(compiled, text);
    if (scheme !== undefined) return scheme;
  }
  return undefined;
}

/**
 * True when the first scope beyond the sentence that names a scheme (the block, the nearest heading, the title or
 * the opening) names one that pays for no care (养老, 失业, 公积金). Such a scheme has no 异地就医备案 or 生育津贴: a
 * sentence holding a term that exists only in 医保 is 医保 talk there (看病先办理异地就医备案 in a pension handbook),
 * with no word of its own naming 医保. A scheme that pays for care (工伤, 商业, 军人) or a text that is not about
 * insurance still decides.
 */
function namedBeyondPaysNoCare(compiled: CompiledSenses, scopes: SenseScopes): boolean {
  const sentence = scopes.sentence();
  const block = scopes.block();
  let beyond = '';
  if (block && block.text.length > sentence.text.length) {
    const from = sentence.inBlock ?? block.text.indexOf(sentence.text);
    beyond = from < 0 ? block.text : block.text.slice(0, from) + '。' + block.text.slice(from + sentence.text.length);
  }
  return schemePaysNoCare(compiled, firstSchemeNamed(compiled, beyond, scopes) ?? -1);
}

/** The target found strictly most often, or undefined on a tie or none. */
function mostCommon(cues: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const cue of cues) counts.set(cue, (counts.get(cue) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  let tie = false;
  for (const [cue, count] of counts) {
    if (count > bestCount) {
      best = cue;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) tie = true;
  }
  return tie ? undefined : best;
}

function outcomeOf(compiled: CompiledSenses, target: number, plan?: CompiledSensePlan): SenseOutcome {
  if (target === CUE_YIBAO) return YIBAO_SENSE;
  // A word naming its own scheme is about that scheme wherever it stands, unless another scheme is named.
  if (plan?.selfNamed && (target === CUE_SOCIAL || target === CUE_BLOCKED)) return YIBAO_SENSE;
  if (target === CUE_SOCIAL) return null;
  if (target === CUE_BLOCKED) return null;
  const sense = compiled.senses[target];
  return sense?.shown ? sense.id : null;
}

/** True when matches of this matcher entry need a sense decision. */
export function entryHasSenses(compiled: CompiledSenses, entry: number): boolean {
  return compiled.plans[entry] !== undefined;
}

/** Everyday words (needsCue) and shared contribution words (needsScheme): with no cue anywhere, nothing is shown. */
const showsNothingUncued = (plan: CompiledSensePlan) => plan.needsCue === 1 || plan.needsScheme === 1;

/** True when `text` holds a word that may take the entry away from its 医保 card. */
function mayLeaveYibao(compiled: CompiledSenses, p: PlanTargets, text: string): boolean {
  if (!text) return false;
  const t = tables(compiled);
  const hits = scanWords(compiled, text);
  for (let k = 1; k < hits.length; k += 2) if (t.suspect[hits[k]!] === 1 && leavesYibao(t, p, hits[k]!)) return true;
  return false;
}

/**
 * True when the walk through the scopes (resolveSenseInFull) would surely end on the 医保 card. The match's block
 * (its sentence when it has none) must hold no word that could take the entry elsewhere. Then either the block
 * names 医保 within its reach (the sentence or else the block decides for 医保, and a medical word's check for a
 * scheme paying for care stops at that block), or, for an entry that needs no cue, no scope at all (headings,
 * title, opening) holds such a word.
 */
function plainlyYibao(compiled: CompiledSenses, plan: CompiledSensePlan, scopes: SenseScopes): boolean {
  const t = tables(compiled);
  const p = planTargets(compiled, plan);
  const block = scopes.block();
  const span = block ?? scopes.sentence();
  const text = span.text;
  if (mayLeaveYibao(compiled, p, text)) return false;
  const { from, to } = block ? reachOf(text, span.start, span.end) : { from: 0, to: text.length };
  const hits = scanWords(compiled, text);
  for (let k = 0; k < hits.length && hits[k]! < to; k += 2)
    if (hits[k]! >= from && namesYibao(t, p, hits[k + 1]!) && hits[k]! + compiled.words[hits[k + 1]!]!.length <= to)
      return true;
  if (showsNothingUncued(plan)) return false;
  return (
    !scopes.headings().some((heading) => mayLeaveYibao(compiled, p, heading)) &&
    !mayLeaveYibao(compiled, p, scopes.title()) &&
    !mayLeaveYibao(compiled, p, scopes.opening())
  );
}

/**
 * For all the matches of one text node at once: given the text of their block (the bounded window around the node),
 * returns a test that is true for a match [start, end) of entry `entry` that keeps its 医保 card, or null when
 * the text names 医保 for no entry at all (then each match is decided on its own). The text is scanned once: the
 * test holds where no word of the text could take this entry elsewhere and a word naming 医保 for every entry lies
 * within the block's reach, which is when plainlyYibao, and so the full walk, says 医保.
 */
export function yibaoSettler(
  compiled: CompiledSenses,
  text: string,
): ((start: number, end: number, entry: number) => boolean) | null {
  const t = tables(compiled);
  const hits = scanWords(compiled, text);
  const names: number[] = [];
  const suspects: number[] = [];
  for (let k = 0; k < hits.length; k += 2) {
    const w = hits[k + 1]!;
    if (t.suspect[w] === 1) {
      if (!suspects.includes(w)) suspects.push(w);
    } else if (t.namesYibaoForAll[w] === 1) names.push(hits[k]!, hits[k]! + compiled.words[w]!.length);
  }
  if (names.length === 0) return null;
  return (start, end, entry) => {
    const plan = compiled.plans[entry];
    if (!plan) return true;
    if (suspects.length > 0) {
      const p = planTargets(compiled, plan);
      for (const w of suspects) if (leavesYibao(t, p, w)) return false;
    }
    const { from, to } = reachOf(text, start, end);
    for (let k = 0; k < names.length; k += 2) if (names[k]! >= from && names[k + 1]! <= to) return true;
    return false;
  };
}

/**
 * Decides the sense of one match of matcher entry `entry`. Most matches stand in passages that name no other
 * scheme: the walk through the scopes (resolveSenseInFull) would end on the 医保 card there, and is skipped.
 */
export function resolveSense(compiled: CompiledSenses, entry: number, scopes: SenseScopes): SenseOutcome {
  const plan = compiled.plans[entry];
  if (!plan) return YIBAO_SENSE;
  if (plainlyYibao(compiled, plan, scopes)) return YIBAO_SENSE;
  return resolveSenseInFull(compiled, entry, scopes);
}

/** The walk through the scopes, nearest first; resolveSense's shortcut must always agree with it. */
export function resolveSenseInFull(compiled: CompiledSenses, entry: number, scopes: SenseScopes): SenseOutcome {
  const plan = compiled.plans[entry];
  if (!plan) return YIBAO_SENSE;
  const sentence = scopes.sentence();
  const window = compiled.nearWindow;
  let block: SenseSpan | null | undefined;
  let target: number | undefined;
  // Near-only words of the sentence too far from the match to decide: they speak only when no scope does.
  const far: number[] = [];
  const weak = { yibao: false };
  if (sentence.inBlock !== undefined) {
    // The sentence was cut from the block: one scan of the block serves every match in it.
    block = scopes.block()!;
    const from = sentence.inBlock;
    const to = from + sentence.text.length;
    const span = { start: block.start, end: block.end, from, to };
    target = nearestTarget(compiled, plan, block.text, span, window, false, far, weak);
  } else {
    const span = { start: sentence.start, end: sentence.end, from: 0, to: sentence.text.length };
    target = nearestTarget(compiled, plan, sentence.text, span, window, false, far, weak);
  }
  if (target !== undefined) {
    if (weak.yibao) target = schemeOverMedicalWord(compiled, plan, scopes) ?? target;
    return outcomeOf(compiled, target, plan);
  }
  if ((plan.yibaoTerm || scopes.yibaoTermInSentence?.()) && namedBeyondPaysNoCare(compiled, scopes)) return YIBAO_SENSE;
  block ??= scopes.block();
  if (block && block.text.length > sentence.text.length) {
    // Near-only words are about the match's own sentence: they do not count from the rest of the block.
    const { from, to } = reachOf(block.text, block.start, block.end);
    // Beyond the sentence, a block whose cues are split evenly between schemes says nothing about this match.
    const span = { start: block.start, end: block.end, from, to };
    target = nearestTarget(compiled, plan, block.text, span, -1, true, undefined, weak);
    if (target !== undefined) {
      if (weak.yibao) target = schemeOverMedicalWord(compiled, plan, scopes) ?? target;
      return outcomeOf(compiled, target, plan);
    }
  }
  // Headings and the title are short and speak for the whole section or page: near-only words count there too.
  for (const heading of scopes.headings()) {
    target = majorityTarget(compiled, plan, heading);
    if (target !== undefined) return outcomeOf(compiled, target, plan);
  }
  // The document as a whole: its title, then its opening heading, set the scheme of passages naming none.
  target = majorityTarget(compiled, plan, scopes.title()) ?? majorityTarget(compiled, plan, scopes.opening());
  if (target !== undefined) return outcomeOf(compiled, target, plan);
  // Nothing decided: the sentence's own far near-only words (银行 a few words before), when they agree, do.
  if (far.length > 0 && far.every((cue) => cue === far[0])) return outcomeOf(compiled, far[0]!, plan);
  // An everyday or health-system word with no cue anywhere: a 医保 term beside it still says the passage is 医保.
  return showsNothingUncued(plan) && !scopes.yibaoTermNearby?.() ? null : YIBAO_SENSE;
}

export function senseById(compiled: CompiledSenses, id: string): CompiledSense | undefined {
  return compiled.senses.find((s) => s.id === id);
}

/** What a reader sees as the name of a sense of an entry: 养老保险个人账户, or for a scheme note 工伤保险：直接结算. */
export function senseDisplayName(sense: { name: string; note?: true }, term: string): string {
  return sense.note ? `${sense.name}：${term}` : sense.name;
}

/** 。！？；!?; and line breaks end a sentence. */
const SENTENCE_END = new Set([...'。！？；!?;\n'].map((c) => c.charCodeAt(0)));

/** The sentence around [start, end) of `text`: bounded by 。！？；\n (and their ASCII forms). */
export function sentenceAround(text: string, start: number, end: number): SenseSpan {
  let from = start;
  while (from > 0 && !SENTENCE_END.has(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.has(text.charCodeAt(to))) to++;
  return { text: text.slice(from, to), start: start - from, end: end - from };
}

const CHINESE_NUMERALS = '一二三四五六七八九十';
/** Numerals of 第…章 headings: Chinese ones, 百零〇两 and ASCII digits. */
const isChapterNumeral = (ch: string) =>
  CHINESE_NUMERALS.includes(ch) || '百零〇两'.includes(ch) || (ch >= '0' && ch <= '9');
const CHAPTER_LEVELS: Record<string, number> = { 编: 1, 章: 2, 节: 3 };

/** Index just after the run of numerals starting at `from` (`from` itself when there is none). */
function afterNumerals(text: string, from: number, isNumeral: (ch: string) => boolean): number {
  let i = from;
  while (i < text.length && isNumeral(text[i]!)) i++;
  return i;
}

/**
 * The level a line's opening gives it: 第X编 and 第X部分 1, 第X章 2, 第X节 3, 一、 3, （一） 4, or 0. Read character by
 * character: a page's first RegExps cost it more than these few comparisons.
 */
function headingOpening(text: string): number {
  const first = text[0]!;
  if (first === '第') {
    const end = afterNumerals(text, 1, isChapterNumeral);
    if (end === 1) return 0;
    // 第一部分 opens the top-level parts of a notice or plan.
    if (text[end] === '部' && text[end + 1] === '分') return 1;
    return CHAPTER_LEVELS[text[end] ?? ''] ?? 0;
  }
  const isNumeral = (ch: string) => CHINESE_NUMERALS.includes(ch);
  if (isNumeral(first)) return text[afterNumerals(text, 0, isNumeral)] === '、' ? 3 : 0;
  if (first === '（' || first === '(') {
    const end = afterNumerals(text, 1, isNumeral);
    return end > 1 && (text[end] === '）' || text[end] === ')') ? 4 : 0;
  }
  return 0;
}

/** Heading level (1–4) of a block that reads as a heading (第二章 基本养老保险, 一、参保), or 0. */
export function headingLevelOfText(raw: string): number {
  const text = raw.trim();
  if (text.length === 0 || text.length > 40) return 0;
  const level = headingOpening(text);
  // 第X章 lines are headings; numbered lines only when short and not a sentence, nor an item of a list (；).
  if (level === 0 || text.startsWith('第')) return level;
  const last = text[text.length - 1];
  return text.length <= 30 && !text.includes('。') && last !== '；' && last !== ';' ? level : 0;
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
