/**
 * 本页的数字 as the popup, the card and the checker receive it from a page (the engine or the PDF reader): plain
 * data, checked on arrival (the page is untrusted). No imports beyond types: the content engine carries this.
 */
import { PAGE_NUMBER_TERMS } from './terms';
import {
  PAGE_NUMBER_NAMES,
  PAGE_NUMBER_PARAMS,
  type PageNumber,
  type PageNumberParam,
  type PageNumberScope,
  type PageNumberUnit,
} from './types';

export interface PageNumberItem extends PageNumberScope {
  /** Its index in the page's list: what revealPageNumber asks for. */
  index: number;
  param: PageNumberParam;
  value: number | string;
  unit: PageNumberUnit;
  /** The sentence, or a table cell with its headers. */
  source: string;
}

export interface PageNumbersAnswer {
  title: string;
  url: string;
  /** The page's own date (YYYY-MM-DD), when it states one. */
  date: string | null;
  numbers: PageNumberItem[];
}

export function toPageNumberItems(found: readonly PageNumber[]): PageNumberItem[] {
  return found.map(({ place: _place, ...rest }, index) => ({ ...rest, index }));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optionalString = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= 40);

export function isPageNumberItem(v: unknown): v is PageNumberItem {
  if (!isRecord(v)) return false;
  return (
    typeof v.index === 'number' &&
    Number.isInteger(v.index) &&
    v.index >= 0 &&
    (PAGE_NUMBER_PARAMS as readonly unknown[]).includes(v.param) &&
    ((typeof v.value === 'number' && Number.isFinite(v.value)) ||
      (typeof v.value === 'string' && v.value.length <= 20)) &&
    (v.unit === '元' || v.unit === '%' || v.unit === 'date') &&
    typeof v.source === 'string' &&
    v.source.length <= 2000 &&
    (v.scheme === undefined || v.scheme === '职工' || v.scheme === '居民') &&
    optionalString(v.level) &&
    optionalString(v.group) &&
    (v.year === undefined || (typeof v.year === 'number' && Number.isInteger(v.year))) &&
    (v.area === undefined || v.area === '本地' || v.area === '异地')
  );
}

export function isPageNumbersAnswer(v: unknown): v is PageNumbersAnswer {
  return (
    isRecord(v) &&
    typeof v.title === 'string' &&
    typeof v.url === 'string' &&
    (v.date === null || (typeof v.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.date))) &&
    Array.isArray(v.numbers) &&
    v.numbers.length <= 500 &&
    v.numbers.every(isPageNumberItem)
  );
}

/** The request of revealPageNumber: an index in the list, or null when malformed. */
export function parseRevealNumberRequest(data: unknown): { index: number } | null {
  if (!isRecord(data) || typeof data.index !== 'number' || !Number.isInteger(data.index) || data.index < 0) return null;
  return { index: data.index };
}

export const pageNumberName = (param: PageNumberParam) => PAGE_NUMBER_NAMES[param];

function yuanText(value: number): string {
  if (value >= 10_000 && value % 100 === 0) return `${value / 10_000} 万元`;
  return `${value} 元`;
}

/** "900 元", "20 万元", "85%", "9月1日至12月31日"; 元 a month for a monthly account credit. */
export function formatPageNumberValue(n: Pick<PageNumberItem, 'value' | 'unit' | 'param'>): string {
  if (n.unit === 'date' && typeof n.value === 'string') {
    const [from = '', to = ''] = n.value.split('~');
    const md = (s: string) => {
      const [m, d] = s.split('-').map(Number);
      return `${m}月${d}日`;
    };
    return `${md(from)}至${md(to)}`;
  }
  if (typeof n.value !== 'number') return String(n.value);
  if (n.unit === '%') return `${n.value}%`;
  return yuanText(n.value);
}

/** The scope in words: 居民医保 · 三级 · 退休 · 2025年 · 异地; empty when the page names none. */
export function describePageNumberScope(n: PageNumberScope): string {
  const parts: string[] = [];
  if (n.scheme) parts.push(`${n.scheme}医保`);
  if (n.level) parts.push(n.level);
  if (n.group) parts.push(/^\d+(?:-\d+|\+)$/.test(n.group) ? bandText(n.group) : n.group);
  if (n.year) parts.push(`${n.year}年`);
  if (n.area) parts.push(n.area);
  return parts.join(' · ');
}

/** A 大病保险 cost band in words: 15000-100000 → 1.5万–10万元部分, 100000+ → 10万元以上部分. */
function bandText(group: string): string {
  const w = (n: number) => (n >= 10_000 ? `${n / 10_000}万` : `${n}`);
  if (group.endsWith('+')) return `${w(Number(group.slice(0, -1)))}元以上部分`;
  const [a, b] = group.split('-').map(Number) as [number, number];
  return `${w(a)}–${w(b)}元部分`;
}

/**
 * The card's 「本页写的是」 links for a term: the page's readings of the parameters its card is about, short enough
 * for one line — a scope every reading shares is said once, on the first ("居民医保 社区 100元；二级 300元").
 */
export function linksForTerm(answer: PageNumbersAnswer, termId: string): { index: number; text: string }[] {
  const params = PAGE_NUMBER_TERMS[termId];
  if (!params) return [];
  const items = answer.numbers.filter((n) => params.includes(n.param));
  const fields = ['scheme', 'level', 'group', 'year', 'area'] as const;
  const shared = fields.filter(
    (f) => items.length > 1 && items.every((n) => n[f] !== undefined && n[f] === items[0]![f]),
  );
  return items.map((n, i) => {
    const scope: PageNumberScope = {};
    for (const f of fields) if (i === 0 || !shared.includes(f)) Object.assign(scope, { [f]: n[f] });
    const words = describePageNumberScope(scope).replace(/ · /g, ' ');
    const value = formatPageNumberValue(n).replace(' ', '');
    return { index: n.index, text: words ? `${words} ${value}` : value };
  });
}
