/**
 * The date a page (or a PDF) states for itself, one reader for every context: meta tags (article:published_time,
 * PubDate…), labelled lines (发布日期：, 发文日期：, 发布时间：, 成文日期：), or else a date on a short line of
 * the title block. Parsing is pure (parsePublicationDate); readPageText gathers its input from a document.
 * The card asks when the page was published (a rule newer than the page gets a line); 本页的数字 asks how fresh
 * the page's numbers are, so it also takes an update date (更新时间, modified meta tags) and a bare date near the top.
 */
import type { PartialDate } from '@/lib/card/firstView';
import { parseChineseNumeral } from './numerals';

export interface PageDateInput {
  /** Meta tags: name, property or itemprop, and content. */
  meta: { key: string; content: string }[];
  /** Short pieces of text from the top of the page, in reading order. */
  lines: string[];
  /** Index in `lines` of the page's title (its first h1), if known: the title block follows it. */
  titleIndex?: number;
}

/** Meta keys that name the publication date, best first (lower case). */
const DATE_META_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'firstpublishedtime',
  'dc.date.issued',
  'dcterms.issued',
  'citation_publication_date',
  'dc.date',
];

/** Meta keys that also date the page's content when publication is not stated (本页的数字 only). */
const UPDATE_META_KEYS = ['date', 'og:release_date', 'lastmodifiedtime', 'article:modified_time'];

const LABEL = /(发布日期|发文日期|发布时间|成文日期|印发日期|发表时间|发表日期|公开日期|发布于)\s*[:：]?\s*/;
const LABEL_WITH_UPDATES =
  /(发布日期|发文日期|发布时间|成文日期|印发日期|发表时间|发表日期|公开日期|发布于|更新时间|更新日期|公布时间|公布日期|修改时间|修改日期)\s*[:：]?\s*/;

export interface PageDateOptions {
  /** Also accept an update date (更新时间, modified meta tags): how fresh the page's numbers are, not when it was published. */
  includeUpdates?: boolean;
}

/** 二〇二一 → 2021; 十二 → 12; 二十三 → 23. */
const hanNumber = (text: string): number => parseChineseNumeral(text) ?? 0;

const NUMERIC_DATE = /((?:19|20)\d{2})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?/;
const HAN_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?/;

function valid(date: PartialDate, today: Date): PartialDate | null {
  if (date.year < 1990 || date.year > today.getFullYear()) return null;
  if (date.month !== undefined && (date.month < 1 || date.month > 12)) return null;
  if (date.day !== undefined && (date.day < 1 || date.day > 31)) return null;
  return date;
}

/** The first date in `text` (2021-05-12, 2021/5/12, 2021.05.12, 2021年5月12日, 二〇二一年五月十二日), or null. */
export function parseDate(text: string, today = new Date()): PartialDate | null {
  const han = HAN_DATE.exec(text);
  const numeric = NUMERIC_DATE.exec(text);
  if (han && (!numeric || han.index < numeric.index)) {
    const date: PartialDate = { year: hanNumber(han[1]!), month: hanNumber(han[2]!) };
    if (han[3]) date.day = hanNumber(han[3]);
    return valid(date, today);
  }
  if (!numeric) return null;
  // A bare year inside a longer number (a phone or document number) is not a date.
  const before = text[numeric.index - 1];
  if (before && /\d/.test(before)) return null;
  const date: PartialDate = { year: Number(numeric[1]) };
  if (numeric[2]) date.month = Number(numeric[2]);
  if (numeric[2] && numeric[3]) date.day = Number(numeric[3]);
  // A year alone is a date only when written as one (2021年), not any four digits.
  if (!numeric[2] && !/^\s*年/.test(text.slice(numeric.index + 4))) return null;
  return valid(date, today);
}

/** Lines of the title block: the title and the few short lines under it. */
const TITLE_BLOCK_LINES = 6;
const TITLE_BLOCK_MAX_CHARS = 60;

export function parsePublicationDate(
  input: PageDateInput,
  today = new Date(),
  options: PageDateOptions = {},
): PartialDate | null {
  const metaKeys = options.includeUpdates ? [...DATE_META_KEYS, ...UPDATE_META_KEYS] : DATE_META_KEYS;
  const labelPattern = options.includeUpdates ? LABEL_WITH_UPDATES : LABEL;
  for (const key of metaKeys) {
    for (const meta of input.meta) {
      if (meta.key.toLowerCase() !== key) continue;
      const date = parseDate(meta.content, today);
      if (date) return date;
    }
  }
  for (let i = 0; i < input.lines.length; i++) {
    const line = input.lines[i]!;
    const label = labelPattern.exec(line);
    if (!label) continue;
    // The date is after the label, on the same line or the next piece of text.
    const after = line.slice(label.index + label[0].length);
    const date = parseDate(after, today) ?? (after.trim() === '' ? parseDate(input.lines[i + 1] ?? '', today) : null);
    if (date) return date;
  }
  const start = input.titleIndex ?? 0;
  for (const line of input.lines.slice(start, start + TITLE_BLOCK_LINES)) {
    if (line.length > TITLE_BLOCK_MAX_CHARS) continue;
    const date = parseDate(line, today);
    if (date?.month) return date;
  }
  return null;
}

/** How much of the page's top is read, at most. */
const MAX_LINES = 120;
const MAX_CHARS = 8000;
const BLOCKS = 'p, div, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, header, section, article, span, time, font';

/** Not the page's own text: code, navigation, and our card's host (data-yibao-lens, see the content tunables). */
const SKIPPED = 'script, style, noscript, template, nav, [data-yibao-lens]';

/** Meta tags and the first short pieces of text of a document (no layout is read). */
export function readPageText(doc: Document): PageDateInput {
  const meta = [...doc.querySelectorAll('meta[content]')].map((m) => ({
    key: m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '',
    content: m.getAttribute('content') ?? '',
  }));
  for (const time of doc.querySelectorAll('time[datetime][itemprop="datePublished"], time[pubdate]'))
    meta.push({ key: 'datePublished', content: time.getAttribute('datetime') ?? '' });
  const lines: string[] = [];
  let titleIndex: number | undefined;
  let chars = 0;
  const root = doc.body;
  if (!root) return { meta, lines };
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let lastBlock: Element | null = null;
  for (let node = walker.nextNode(); node && lines.length < MAX_LINES && chars < MAX_CHARS; node = walker.nextNode()) {
    const text = (node as Text).data.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const block = node.parentElement?.closest(BLOCKS) ?? null;
    // Pieces of one small element (发布日期：<span>2021-05-12</span>) read as one line.
    if (block && block === lastBlock && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
    if (titleIndex === undefined && node.parentElement?.closest('h1')) titleIndex = lines.length - 1;
    lastBlock = block;
    chars += text.length;
  }
  return { meta, lines, titleIndex };
}

/** How far from the top a bare date (no label) still dates the page's numbers. */
const BARE_DATE_REACH = 600;

/**
 * The page's date as YYYY-MM-DD for 本页的数字 (a day must be stated), from the same reading as the card's, with
 * update dates accepted and, failing all else, the first full date near the top.
 */
export function readPageDate(input: PageDateInput, today = new Date()): string | null {
  const stated = parsePublicationDate(input, today, { includeUpdates: true });
  if (stated?.day !== undefined) return isoDate(stated);
  const top = input.lines.join(' ').slice(0, BARE_DATE_REACH);
  for (const year of top.matchAll(/(?:19|20)\d{2}/g)) {
    if (/\d/.test(top[year.index - 1] ?? '')) continue;
    const date = parseDate(top.slice(year.index), today);
    if (date?.day !== undefined) return isoDate(date);
  }
  return null;
}

function isoDate(date: PartialDate): string {
  const two = (n: number | undefined) => String(n ?? 1).padStart(2, '0');
  return `${date.year}-${two(date.month)}-${two(date.day)}`;
}

/** More than two years before `now` (the checker warns: the numbers may have changed since). */
export function isOlderThanTwoYears(date: string, now: Date): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const limit = new Date(now.getFullYear() - 2, now.getMonth(), now.getDate());
  return new Date(y, m - 1, d) < limit;
}
