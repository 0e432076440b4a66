/**
 * The popup's search over glossary terms and articles. Pure: no DOM, no storage,
 * so the unit tests and the benchmark call it directly.
 *
 * Query and keys are folded the same way first: lower case, half-width, no
 * spaces or punctuation, traditional and variant characters to simplified
 * (職工醫保 → 职工医保, 个人帐户 → 个人账户).
 *
 * Two passes:
 *   1. a cheap exact / prefix / substring pass over every key of every document
 *      (title, aliases, their full pinyin and initials, built at compile time;
 *      a title with a bracketed aside also without it, so 医保卡丢了 finds
 *      医保卡（社保卡）丢了怎么办？), then for Chinese queries "most of the
 *      query's words are in the title" (two-character overlap, for questions
 *      asked in other words) and "the answer mentions it";
 *   2. fuse.js for the fuzzy rest (typos such as 统愁基金 or tongchoujijing),
 *      only when pass 1 found no exact or prefix hit: guesses behind those are noise.
 * Every hit of pass 1 ranks above every fuzzy hit. An exact match of a title
 * ranks above an exact match of an alias, which ranks above any prefix. Within
 * a tier, a shorter key (the query covers more of it), the title over an
 * alias, and how central the entry is to the glossary (popularity) decide.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CardRecord, SearchDoc, SearchQueryWords } from '@/lib/card/records';
import { RESULT_GROUP_LABELS } from './resultGroups';
import { GLOSSARY_QUERY_MAX_CHARS, HAN, foldGlossaryText as fold, normalizeGlossaryQuery } from './queryFold';

export type GlossaryMatchKind = 'exact' | 'everyday' | 'prefix' | 'substring' | 'words' | 'summary' | 'fuzzy';

export interface GlossarySearchHit {
  doc: SearchDoc;
  /** Higher is better. exact ≥ 4, everyday ≥ 3.9, prefix ≥ 3, substring ≥ 2, words ≥ 1.5, summary ≥ 1.2, fuzzy < 1. */
  score: number;
  match: GlossaryMatchKind;
  /** The surface form that matched when it is not the title (an alias such as 个账), else null. */
  matchedAlias: string | null;
}

export interface GlossarySearchOptions {
  /**
   * How central each entry is (any non-negative number; see computeGlossaryPopularity).
   * Breaks ties inside a tier, e.g. tongchou → 统筹基金 before 统筹地区.
   */
  popularity?: ReadonlyMap<string, number>;
  /** Most hits returned (default 40). */
  limit?: number;
  /**
   * Skip, before fuse.js runs, the documents that cannot be within its error budget (default true).
   * It never changes the results; the tests compare both ways.
   */
  prefilterFuzzy?: boolean;
  /** Sound-alike slips and question fillers (generated/search-words.json); none when left out. */
  words?: SearchQueryWords;
}

export interface GlossarySearchIndex {
  readonly docs: readonly SearchDoc[];
  search(query: string, limit?: number): GlossarySearchHit[];
}

type KeyKind = 'han' | 'pinyin' | 'initials';

interface PreparedKey {
  text: string;
  kind: KeyKind;
  /** Index in [title, ...aliases]; 0 is the title. -1 when unknown. */
  form: number;
}

interface PreparedDoc {
  doc: SearchDoc;
  keys: PreparedKey[];
  /** Every two-character run of the Chinese keys (title and aliases), for the words tier. */
  bigrams: Set<string>;
  /** Chinese forms (title, aliases, everyday words) looked for inside a longer query. */
  forms: string[];
  /** Everyday words (生孩子, 慢病), folded. */
  everyday: string[];
  summary: string;
  popularity: number;
}

const LATIN_ONLY = /^[a-z0-9]+$/;
export { GLOSSARY_QUERY_MAX_CHARS, normalizeGlossaryQuery };
const lower = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
/** An aside in brackets, full- or half-width: the （社保卡） of 医保卡（社保卡）丢了怎么办？ */
const BRACKETED = /[（(【[][^）)】\]]*[）)】\]]/g;

function prepareKeys(doc: SearchDoc): PreparedKey[] {
  const forms = [doc.title, ...doc.aliases];
  const keys: PreparedKey[] = [];
  forms.forEach((form, i) => {
    keys.push({ text: fold(form), kind: 'han', form: i });
    const withoutAside = form.replace(BRACKETED, '');
    if (withoutAside !== form) keys.push({ text: fold(withoutAside), kind: 'han', form: i });
  });
  // pinyin/initials are de-duplicated at compile time; map them back to forms only when the lengths agree.
  const mapForms = (list: string[], kind: KeyKind) =>
    list.forEach((text, i) =>
      keys.push({ text: lower(text), kind, form: list.length === forms.length ? i : i === 0 ? 0 : -1 }),
    );
  mapForms(doc.pinyin, 'pinyin');
  mapForms(doc.initials, 'initials');
  return keys.filter((k) => k.text.length > 0);
}

function bigramsOf(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * How central each term is: other documents whose summary (a term's summary,
 * an article's answer) or title names it, plus, when the cards are given,
 * how many terms list it as related and how many articles link to it.
 */
export function computeGlossaryPopularity(
  docs: readonly SearchDoc[],
  cards: readonly CardRecord[] = [],
): Map<string, number> {
  const popularity = new Map<string, number>();
  // Surface forms by first character, so each text is read once instead of once per form.
  const formsByFirstChar = new Map<string, { form: string; id: string }[]>();
  for (const doc of docs) {
    if (doc.kind !== 'term') continue;
    popularity.set(doc.id, 0);
    for (const form of new Set([doc.title, ...doc.aliases])) {
      if (form.length < 2) continue;
      const list = formsByFirstChar.get(form[0]!) ?? [];
      list.push({ form, id: doc.id });
      formsByFirstChar.set(form[0]!, list);
    }
  }
  for (const doc of docs) {
    const text = doc.kind === 'article' ? `${doc.title}${doc.summary}` : doc.summary;
    const named = new Set<string>();
    for (let i = 0; i < text.length; i += 1) {
      for (const { form, id } of formsByFirstChar.get(text[i]!) ?? []) {
        if (id !== doc.id && !named.has(id) && text.startsWith(form, i)) named.add(id);
      }
    }
    for (const id of named) popularity.set(id, (popularity.get(id) ?? 0) + 1);
  }
  for (const card of cards) {
    for (const related of card.related) popularity.set(related.id, (popularity.get(related.id) ?? 0) + 1);
    popularity.set(card.id, (popularity.get(card.id) ?? 0) + card.articles.length);
  }
  return popularity;
}

interface Candidate {
  score: number;
  match: GlossaryMatchKind;
  form: number;
}

const TIER_BASE: Record<Exclude<GlossaryMatchKind, 'fuzzy'>, number> = {
  exact: 4,
  everyday: 3.9,
  prefix: 3,
  substring: 2,
  words: 1.5,
  summary: 1.2,
};
/**
 * An exact match of the title outranks an exact match of any alias whatever the popularity
 * (个人帐户 → 个人账户, not an entry that merely lists it as an alias); elsewhere the title's edge is small.
 */
const EXACT_TITLE_BONUS = 0.5;
const TITLE_BONUS = 0.1;
/**
 * The words tier: the share of the query's content (its characters outside question fillers such as 怎么办, 吗)
 * covered by a document's forms (title, aliases, everyday words) found in it, or by two-character runs of its
 * title and aliases. A document qualifies with at least WORDS_MIN_CHARS covered and either a whole form inside the
 * query or WORDS_MIN_SHARE of the content's two-character runs in its title or aliases: so a phrase selected on a
 * page finds each known term it holds, and a question finds the article asking it in other words.
 */
const WORDS_MIN_SHARE = 0.6;
const WORDS_MIN_CHARS = 2;
/** A specialist's term (payment methods) behind plain entries and articles when a short word is only part of it. */
const SPECIALIST_PENALTY = 0.6;
const SHORT_QUERY_CHARS = 4;
/** A hit found only after correcting a sound-alike slip ranks just below the same hit found as typed. */
const SOUND_ALIKE_PENALTY = 0.02;

const KIND_BONUS: Record<KeyKind, number> = { han: 0.05, pinyin: 0.03, initials: 0 };

function matchKey(query: string, key: PreparedKey, queryHasHan: boolean): 'exact' | 'prefix' | 'substring' | null {
  if (key.text === query) return 'exact';
  if (key.text.startsWith(query)) return 'prefix';
  if (!key.text.includes(query)) return null;
  // Substrings: any Chinese fragment; Latin only from 3 letters and never inside initials (zh in grzh means little).
  if (queryHasHan) return key.kind === 'han' ? 'substring' : null;
  if (key.kind === 'initials') return null;
  return query.length >= 3 ? 'substring' : null;
}

/** fuse.js threshold: with ignoreLocation a match may have at most threshold × query length errors. */
const FUZZY_THRESHOLD = 0.35;

const FUSE_OPTIONS: IFuseOptions<PreparedDoc> = {
  keys: [
    { name: 'title', weight: 3, getFn: (p) => lower(p.doc.title) },
    { name: 'aliases', weight: 2, getFn: (p) => p.doc.aliases.map(lower) },
    // Pinyin of terms only: an article title's pinyin is long and costly to scan, and pass 1 already finds its prefixes.
    // Initials are left out: a typo in 4 letters matches half the glossary.
    { name: 'pinyin', weight: 1, getFn: (p) => (p.doc.kind === 'term' ? p.doc.pinyin : []) },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: FUZZY_THRESHOLD,
  minMatchCharLength: 2,
};

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/**
 * fuse.js over the documents, with a prefilter: an approximate match with at most k edits keeps at
 * least (length − k) of the query's characters, so a document none of whose keys holds that many of
 * them cannot match and is left out of the (costly) bitap scan. fuse.js scores each record on its
 * own, so searching the remaining records gives exactly the results of searching all of them.
 */
function createFuzzyPass(prepared: readonly PreparedDoc[], prefilter: boolean) {
  let fuse: Fuse<PreparedDoc> | null = null;
  let charsByDoc: Map<string, number>[] = [];
  const full = () => {
    if (!fuse) {
      fuse = new Fuse(prepared, FUSE_OPTIONS);
      // For each document, the most times each character occurs in any one of its fuzzy keys.
      charsByDoc = prepared.map((p) => {
        const keys = [lower(p.doc.title), ...p.doc.aliases.map(lower), ...(p.doc.kind === 'term' ? p.doc.pinyin : [])];
        const most = new Map<string, number>();
        for (const key of keys) for (const [ch, n] of countChars(key)) most.set(ch, Math.max(most.get(ch) ?? 0, n));
        return most;
      });
    }
    return fuse;
  };
  return (query: string, limit: number) => {
    const all = full();
    const length = query.length;
    // Mirrors fuse.js: errors / length ≤ threshold.
    let errors = 0;
    while ((errors + 1) / length <= FUZZY_THRESHOLD) errors += 1;
    // Without an error allowed, fuzzy is a substring search, which pass 1 has done.
    if (errors === 0) return [];
    // fuse.js cuts patterns longer than 32 characters into pieces; no prefilter there.
    if (!prefilter || length > 32) return all.search(query, { limit });
    const wanted = countChars(query);
    const need = length - errors;
    const keep = new Set<number>();
    charsByDoc.forEach((most, i) => {
      let shared = 0;
      for (const [ch, n] of wanted) shared += Math.min(n, most.get(ch) ?? 0);
      if (shared >= need) keep.add(i);
    });
    if (keep.size === 0) return [];
    const { keys, records } = all.getIndex().toJSON();
    const index = Fuse.parseIndex<PreparedDoc>({ keys, records: records.filter((r) => keep.has(r.i)) });
    return new Fuse(prepared, FUSE_OPTIONS, index).search(query, { limit });
  };
}

export function createGlossarySearch(
  docs: readonly SearchDoc[],
  options: GlossarySearchOptions = {},
): GlossarySearchIndex {
  const popularity = options.popularity ?? computeGlossaryPopularity(docs);
  const maxPopularity = Math.max(1, ...popularity.values());
  const popularityOf = (id: string) => Math.log1p(Math.max(0, popularity.get(id) ?? 0)) / Math.log1p(maxPopularity);
  const prepared: PreparedDoc[] = docs.map((doc) => {
    const keys = prepareKeys(doc);
    const hanKeys = keys.filter((k) => k.kind === 'han').map((k) => k.text);
    const bigrams = new Set(hanKeys.flatMap(bigramsOf));
    const everyday = [...new Set((doc.everyday ?? []).map(fold).filter(Boolean))];
    const forms = [...new Set([...hanKeys, ...everyday])].filter((f) => f.length >= 2 && HAN.test(f));
    return { doc, keys, bigrams, forms, everyday, summary: fold(doc.summary), popularity: popularityOf(doc.id) };
  });
  const soundAlikes = (options.words?.soundAlikes ?? []).map((s) => ({ typed: fold(s.typed), meant: fold(s.meant) }));
  const fillers = [...new Set((options.words?.questionFillers ?? []).map(fold).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  /** The query with every sound-alike slip corrected (交费 → 缴费), or null when there is none. */
  const corrected = (query: string): string | null => {
    let out = query;
    for (const { typed, meant } of soundAlikes) out = out.split(typed).join(meant);
    return out === query ? null : out;
  };
  /** Which characters of the query carry its subject: false where a question filler (怎么办, 吗) stands. */
  const contentMask = (chars: string[]): boolean[] => {
    const mask = chars.map(() => true);
    const text = chars.join('');
    for (const filler of fillers) {
      for (let at = text.indexOf(filler); at >= 0; at = text.indexOf(filler, at + 1)) {
        for (let i = at; i < at + filler.length; i += 1) mask[i] = false;
      }
    }
    return mask;
  };
  const fuzzy = createFuzzyPass(prepared, options.prefilterFuzzy ?? true);

  function candidates(query: string): Map<PreparedDoc, Candidate> {
    const queryHasHan = HAN.test(query);
    const chars = [...query];
    const content = queryHasHan ? contentMask(chars) : [];
    const contentChars = content.filter(Boolean).length;
    const best = new Map<PreparedDoc, Candidate>();
    const offer = (p: PreparedDoc, candidate: Candidate) => {
      const current = best.get(p);
      if (!current || candidate.score > current.score) best.set(p, candidate);
    };
    const short = chars.length <= SHORT_QUERY_CHARS;

    for (const p of prepared) {
      for (const key of p.keys) {
        const match = matchKey(query, key, queryHasHan);
        if (!match) continue;
        const coverage = query.length / key.text.length;
        const titleBonus = key.form === 0 ? (match === 'exact' ? EXACT_TITLE_BONUS : TITLE_BONUS) : 0;
        const penalty = short && match === 'substring' && p.doc.specialist ? SPECIALIST_PENALTY : 0;
        const score =
          TIER_BASE[match] + 0.3 * coverage + 0.35 * p.popularity + titleBonus + KIND_BONUS[key.kind] - penalty;
        offer(p, { score, match, form: key.form });
      }
      if (p.everyday.includes(query)) {
        offer(p, { score: TIER_BASE.everyday + 0.35 * p.popularity, match: 'everyday', form: 0 });
      }
      if (queryHasHan && contentChars >= WORDS_MIN_CHARS && chars.length >= 3 && !best.has(p)) {
        const covered = chars.map(() => false);
        let wholeForm = false;
        for (const form of p.forms) {
          for (let at = query.indexOf(form); at >= 0; at = query.indexOf(form, at + 1)) {
            wholeForm = true;
            for (let i = at; i < at + form.length; i += 1) covered[i] = true;
          }
        }
        let bigramsFound = 0;
        let bigramsTotal = 0;
        for (let i = 0; i + 1 < chars.length; i += 1) {
          if (!content[i] || !content[i + 1]) continue;
          bigramsTotal += 1;
          if (p.bigrams.has(chars[i]! + chars[i + 1]!)) {
            bigramsFound += 1;
            covered[i] = covered[i + 1] = true;
          }
        }
        const found = covered.filter((c, i) => c && content[i]).length;
        const share = Math.min(1, found / contentChars);
        const mostWords = bigramsFound >= 2 && bigramsFound / Math.max(1, bigramsTotal) >= WORDS_MIN_SHARE;
        if (found >= WORDS_MIN_CHARS && (wholeForm || mostWords)) {
          const penalty = short && p.doc.specialist ? SPECIALIST_PENALTY : 0;
          offer(p, { score: TIER_BASE.words + 0.9 * share + 0.1 * p.popularity - penalty, match: 'words', form: 0 });
        }
      }
      if (queryHasHan && query.length >= 2 && !best.has(p) && p.summary.includes(query)) {
        const penalty = p.doc.specialist ? SPECIALIST_PENALTY : 0;
        offer(p, { score: TIER_BASE.summary + 0.35 * p.popularity - penalty, match: 'summary', form: 0 });
      }
    }
    return best;
  }

  function search(raw: string, limit = options.limit ?? 40): GlossarySearchHit[] {
    const query = normalizeGlossaryQuery(raw);
    if (!query) return [];
    const queryHasHan = HAN.test(query);
    const best = candidates(query);
    const fixedQuery = queryHasHan ? corrected(query) : null;
    if (fixedQuery) {
      for (const [p, c] of candidates(fixedQuery)) {
        const score = c.score - SOUND_ALIKE_PENALTY;
        const current = best.get(p);
        if (!current || score > current.score) best.set(p, { ...c, score });
      }
    }
    const offer = (p: PreparedDoc, candidate: Candidate) => {
      const current = best.get(p);
      if (!current || candidate.score > current.score) best.set(p, candidate);
    };

    // Fuzzy: Chinese from 2 characters, pinyin from 3 letters (two letters are initials, where typos mean little).
    // Fuzzy hits rank below every hit of pass 1. They are guesses: behind an exact or prefix hit (the query
    // is spelled right, so far) they are noise, and when pass 1 already fills the limit they cannot show.
    const wantsFuzzy = (queryHasHan && query.length >= 2) || (LATIN_ONLY.test(query) && query.length >= 3);
    const spelledRight = [...best.values()].some(
      (c) => c.match === 'exact' || c.match === 'everyday' || c.match === 'prefix',
    );
    if (wantsFuzzy && !spelledRight && best.size < limit) {
      for (const result of fuzzy(query, limit * 2)) {
        if (best.has(result.item)) continue;
        const score = 0.85 * (1 - (result.score ?? 1)) + 0.1 * result.item.popularity;
        offer(result.item, { score, match: 'fuzzy', form: aliasFormOf(result.item, query) });
      }
    }

    return [...best]
      .sort(
        ([a, x], [b, y]) => y.score - x.score || b.popularity - a.popularity || a.doc.title.length - b.doc.title.length,
      )
      .slice(0, limit)
      .map(([p, c]) => ({
        doc: p.doc,
        score: c.score,
        match: c.match,
        matchedAlias: c.form > 0 ? (p.doc.aliases[c.form - 1] ?? null) : null,
      }));
  }

  return { docs, search };
}

/** For a fuzzy hit, the alias that shares the most characters with the query, if it beats the title. */
function aliasFormOf(p: PreparedDoc, query: string): number {
  const shared = (text: string) => [...new Set(query)].filter((ch) => text.includes(ch)).length;
  let bestForm = 0;
  let bestShared = shared(lower(p.doc.title));
  p.doc.aliases.forEach((alias, i) => {
    const n = shared(lower(alias));
    if (n > bestShared) {
      bestShared = n;
      bestForm = i + 1;
    }
  });
  return HAN.test(query) ? bestForm : 0;
}

export interface GlossaryHitGroup {
  kind: SearchDoc['kind'];
  /** 术语 or 文章. */
  label: string;
  hits: GlossarySearchHit[];
}

/** Splits ranked hits into 术语 and 文章; the group holding the best hit comes first, order inside is kept. */
export function groupGlossaryHits(
  hits: readonly GlossarySearchHit[],
  maxPerGroup: Partial<Record<SearchDoc['kind'], number>> = {},
): GlossaryHitGroup[] {
  const groups: GlossaryHitGroup[] = [];
  for (const hit of hits) {
    let group = groups.find((g) => g.kind === hit.doc.kind);
    if (!group) {
      group = { kind: hit.doc.kind, label: RESULT_GROUP_LABELS[hit.doc.kind], hits: [] };
      groups.push(group);
    }
    const max = maxPerGroup[hit.doc.kind];
    if (max === undefined || group.hits.length < max) group.hits.push(hit);
  }
  return groups;
}

/** The most central terms and the articles about them, for the empty search box. */
export function pickGlossarySuggestions(
  docs: readonly SearchDoc[],
  popularity: ReadonlyMap<string, number>,
  counts: { terms: number; articles: number } = { terms: 8, articles: 4 },
  articleTerms: ReadonlyMap<string, readonly string[]> = new Map(),
): { terms: SearchDoc[]; articles: SearchDoc[] } {
  const pop = (id: string) => popularity.get(id) ?? 0;
  const byPopularity = (a: SearchDoc, b: SearchDoc, score: (d: SearchDoc) => number) =>
    score(b) - score(a) || docs.indexOf(a) - docs.indexOf(b);
  const terms = docs
    .filter((d) => d.kind === 'term')
    .sort((a, b) => byPopularity(a, b, (d) => pop(d.id)))
    .slice(0, counts.terms);
  const articleScore = (d: SearchDoc) => (articleTerms.get(d.id) ?? []).reduce((sum, id) => sum + pop(id), 0);
  const articles = docs
    .filter((d) => d.kind === 'article')
    .sort((a, b) => byPopularity(a, b, articleScore))
    .slice(0, counts.articles);
  return { terms, articles };
}
