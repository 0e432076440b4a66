/**
 * What the hover card's first view (a glance) holds, decided from the card record and what the page tells us:
 * the page's word bridged to the title, the one fact that matters most, the top myth as one line, and one
 * line about the page (a rule that took effect after the page was published). Pure.
 */
import type { CardFact, CardRecord } from './records';

/** A date as precise as it is known: 2021, 2021-05 or 2021-05-12. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export interface FirstView {
  /** 页面上的“医保卡”，正式叫法是“社会保障卡”。 (null when the page says the title itself) */
  bridge: string | null;
  fact: CardFact | null;
  /** Whether the fact's label goes before it (left out when only the value fits the fact's lines). */
  factLabel: boolean;
  /** Lines the fact may take: 2, or 3 when the glance has no bridge or no page line. */
  factLines: number;
  /** The fact is too long for its lines: its 原文 control goes before it, where it stays in view. */
  quoteFirst: boolean;
  myth: { myth: string; truth: string } | null;
  /**
   * The last line: a national rule in the card that took effect after the page was published, or else, where
   * the rules differ from place to place (and the fact shown is not a local one with its own caveat), that.
   */
  pageLine: string | null;
}

/** Spaces and full-width/half-width quirks a page may put inside a term do not make it another word. */
const normalizeWord = (word: string) => word.replace(/\s+/g, '');

/** The bridge has one line: about 25 characters of 14 px type in a 380 px card. */
export const BRIDGE_LINE_UNITS = 25;

/**
 * 页面上的“中断缴费”，正式叫法是“断保”。, said shorter when the two names are long (the title above already
 * gives the formal name), or nothing when the page says the title itself. Pure.
 */
export function bridgeLine(pageWord: string | undefined, term: string): string | null {
  if (!pageWord) return null;
  const word = normalizeWord(pageWord);
  if (!word || word === normalizeWord(term)) return null;
  const forms = [`页面上的“${word}”，正式叫法是“${term}”。`, `页面上的“${word}”即“${term}”。`, `页面上写作“${word}”。`];
  return forms.find((line) => textUnits(line) <= BRIDGE_LINE_UNITS) ?? forms[forms.length - 1]!;
}

/** The truth's first clause: what the one-line myth shows after the arrow (the rest is behind 展开). */
export function leadClause(text: string): string {
  const cut = text.search(/[，。；：！？,;!?]/);
  return (cut > 0 ? text.slice(0, cut) : text).trim();
}

/**
 * The date a fact took effect, as the day it starts from: the latest date named in `effective` (a rule
 * changed in 2024-07 after starting in 2021 counts from 2024-07). Not a start date: 长期有效, 现行…, 截至….
 */
export function effectiveStart(effective: string): PartialDate | null {
  if (/^\s*(截至|现行|长期)/.test(effective)) return null;
  let latest: PartialDate | null = null;
  for (const m of effective.matchAll(/((?:19|20)\d{2})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/g)) {
    const date: PartialDate = { year: Number(m[1]) };
    if (m[2]) date.month = Number(m[2]);
    if (m[3]) date.day = Number(m[3]);
    if (!latest || compareStart(date, latest) > 0) latest = date;
  }
  return latest;
}

const startKey = (d: PartialDate) => d.year * 10000 + (d.month ?? 1) * 100 + (d.day ?? 1);
const endKey = (d: PartialDate) => d.year * 10000 + (d.month ?? 12) * 100 + (d.day ?? 31);
const compareStart = (a: PartialDate, b: PartialDate) => startKey(a) - startKey(b);

/** True only when `start` is surely after `published` (a page dated only 2021 may be from December). */
export function tookEffectAfter(start: PartialDate, published: PartialDate): boolean {
  return startKey(start) > endKey(published);
}

function describeStart(start: PartialDate): string {
  return start.month ? `${start.year}年${start.month}月` : `${start.year}年`;
}

/** The first national fact that took effect after the page was published, with when. */
export function newerNationalFact(
  facts: readonly CardFact[],
  published: PartialDate | null,
): { fact: CardFact; start: PartialDate } | null {
  if (!published) return null;
  for (const fact of facts) {
    if (fact.local) continue;
    const start = effectiveStart(fact.effective);
    if (start && tookEffectAfter(start, published)) return { fact, start };
  }
  return null;
}

/** The glance gives a fact two lines of about 21 characters each (16 px type in a 380 px card). */
export const FACT_LINE_UNITS = 42;

/** Width of text in CJK characters: Han and full-width marks count 1, ASCII about half. Pure. */
export function textUnits(text: string): number {
  let units = 0;
  for (const char of text) units += char.charCodeAt(0) < 0x80 ? 0.55 : 1;
  return units;
}

/** Said after a local fact wherever it is shown (regional differences are always stated). */
export const LOCAL_CAVEAT_SHORT = '（以当地政策为准）';

/** The glance's last line for an entry whose rules differ from place to place. */
export const REGIONAL_LINE = '各地规定不同，以当地政策为准。';

/** The quiet 原文 control at the end of a quoted fact (13 px, with its margin). */
const QUOTE_CONTROL_UNITS = 2;

const valueText = (fact: CardFact) => (fact.local ? `${fact.value}${LOCAL_CAVEAT_SHORT}` : fact.value);
const valueUnits = (fact: CardFact) => textUnits(valueText(fact)) + (fact.quote ? QUOTE_CONTROL_UNITS : 0);
const labelledUnits = (fact: CardFact) => textUnits(`${fact.label}：`) + valueUnits(fact);

export function firstView(
  record: Pick<CardRecord, 'term' | 'facts' | 'myths'> & { hasLocalFacts?: boolean },
  /** `numbers`: the page's own values for the term take the glance's last line (本页写的是). */
  page: { word?: string; published?: PartialDate | null; numbers?: boolean } = {},
): FirstView {
  const newer = newerNationalFact(record.facts, page.published ?? null);
  const bridge = bridgeLine(page.word, record.term);
  const newerLine =
    newer && page.published
      ? `本页发布于${page.published.year}年；${describeStart(newer.start)}起全国规定如上。`
      : null;
  // Where places differ, the glance says so: on its last line, unless the fact shown is a local one that
  // carries its own caveat.
  const lastLine = newerLine ?? (record.hasLocalFacts ? REGIONAL_LINE : null);
  // A glance without a bridge or a last line has room for a third line of the fact.
  const factLines = bridge && (lastLine || page.numbers) ? 2 : 3;
  const budget = (FACT_LINE_UNITS / 2) * factLines;
  // The newer rule is what a reader of an old page most needs; otherwise the data's first fact leads,
  // unless it would be cut short and a later one fits whole.
  const fact = newer?.fact ?? record.facts.find((f) => labelledUnits(f) <= budget) ?? record.facts[0] ?? null;
  const factLabel = !!fact && (labelledUnits(fact) <= budget || valueUnits(fact) > budget);
  const top = record.myths[0];
  return {
    bridge,
    fact,
    factLabel,
    factLines,
    // Cut short, the fact would hide a 原文 at its end: it goes first.
    quoteFirst: !!fact?.quote && (factLabel ? labelledUnits(fact) : valueUnits(fact)) > budget,
    myth: top ? { myth: top.myth, truth: leadClause(top.truth) } : null,
    pageLine: lastLine === REGIONAL_LINE && fact?.local ? null : lastLine,
  };
}
