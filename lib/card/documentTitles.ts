/**
 * 《…》 titles of the documents we hold (data/sources.json): which sources have a document card, what that card
 * says, and how a title written on a page is matched to one. Pure and dependency-free: the build writes the index
 * (scripts/compile-data.ts), the content engine matches a hovered 《…》 title with it, the card module shows the record.
 */

/** A held document's short card: what it is, issuer, number, date, link. */
export interface DocumentCardRecord {
  id: string;
  title: string;
  /** One plain line: who issued it and what kind of document it is (国务院办公厅发布的指导意见。). */
  what: string;
  issuer: string;
  docNumber?: string;
  /** As in the data: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  url?: string;
}

/** What the content engine carries to match a title: a key per held document, and who may stand before 关于. */
export interface DocumentTitleIndex {
  /** Normalised title (from 关于 on, for a 关于… title) → source id. */
  keys: Record<string, string>;
  /** Per source id: the normalised names of its lead issuer, the only ones that may precede 关于 on a page. */
  leads: Record<string, string[]>;
}

/** The part of a source the index and the card are built from (data/schema.ts's Source has these). */
export interface HeldDocumentSource {
  id: string;
  title: string;
  issuer: string;
  docNumber?: string;
  date: string;
  url?: string;
  trust: string;
}

/** Long and short names of the same body, written both ways on pages; compared in the short form. */
const SHORT_NAMES: [string, string][] = [
  ['国家医疗保障局', '国家医保局'],
  ['国家卫生健康委员会', '国家卫生健康委'],
  ['国家药品监督管理局', '国家药监局'],
  ['人力资源和社会保障部', '人力资源社会保障部'],
];

/** Edition notes that do not change which document a title names: （2018年修正）, （修订）. */
const EDITION_NOTE = /\((?:\d{4}年)?(?:修正|修订)(?:本)?\)$/;

/**
 * The form titles are compared in: no 《》 or spaces, half-width brackets, no leading 中华人民共和国, no edition
 * note, long names of bodies in their short form.
 */
export function normalizeDocumentTitle(text: string): string {
  let title = text
    .replace(/[\s\u3000]+/g, '')
    .replace(/^《/, '')
    .replace(/》$/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^中华人民共和国/, '')
    .replace(EDITION_NOTE, '');
  for (const [long, short] of SHORT_NAMES) title = title.split(long).join(short);
  return title;
}

/** The kinds of document a held title ends in (after any parenthesised years), longest first. */
const KINDS = [
  '指导意见',
  '实施意见',
  '意见',
  '通知',
  '决定',
  '暂行办法',
  '办法',
  '实施方案',
  '方案',
  '行动计划',
  '计划',
  '若干措施',
  '措施',
  '药品目录',
  '目录',
  '规定',
];

/** Titles of what is not the document itself: a report, a repost, a Q&A, a reading of it. */
const NOT_THE_DOCUMENT = /解读|问答|报道|转载|摘要|说明|：/;

/** The lead issuer: the first body named (国家医疗保障局、财政部 → 国家医疗保障局), without notes in brackets. */
function leadIssuer(issuer: string): string {
  return issuer
    .replace(/[（(].*?[）)]/g, '')
    .split(/[、，,\s]|等/)[0]!
    .trim();
}

/** One plain line saying what the document is, from facts the data state (issuer, title), or null: not held. */
export function describeDocument(source: HeldDocumentSource): string | null {
  const title = normalizeDocumentTitle(source.title).replace(/\([^()]*\d{4}[^()]*\)$/, '');
  // The card lists the issuer in full; the line names it without notes in brackets (（转发…）).
  const issuer = source.issuer.replace(/\s+/g, '').replace(/[（(].*?[）)]/g, '');
  if (title.endsWith('法') && /全国人民代表大会/.test(issuer)) return `${issuer}通过的法律。`;
  if (title.endsWith('条例')) {
    if (issuer === '国务院') return '国务院公布的行政法规。';
    if (issuer.endsWith('人民代表大会常务委员会')) return `${issuer}通过的地方性法规。`;
    return null;
  }
  const kind = KINDS.find((k) => title.endsWith(k));
  return kind ? `${issuer}发布的${kind.replace(/^药品/, '')}。` : null;
}

/** Sources that are documents we hold as issued (primary text, the document's own title): they get a card. */
export function documentCardRecords(sources: readonly HeldDocumentSource[]): DocumentCardRecord[] {
  const records: DocumentCardRecord[] = [];
  for (const source of sources) {
    if (source.trust !== 'primary' || NOT_THE_DOCUMENT.test(source.title)) continue;
    const what = describeDocument(source);
    if (!what) continue;
    const { id, title, issuer, docNumber, date, url } = source;
    records.push({ id, title, what, issuer, docNumber, date, url });
  }
  return records;
}

/** The key a title is looked up by: from 关于 on where it has one (the issuer before it is checked apart). */
function splitTitle(normalized: string): { prefix: string; key: string } {
  const about = normalized.indexOf('关于');
  return about > 0
    ? { prefix: normalized.slice(0, about), key: normalized.slice(about) }
    : { prefix: '', key: normalized };
}

/** The index the engine matches with. Two documents with one key are both left out: a wrong card is worse than none. */
export function buildDocumentTitleIndex(records: readonly DocumentCardRecord[]): DocumentTitleIndex {
  const keys: Record<string, string> = {};
  const leads: Record<string, string[]> = {};
  const taken = new Set<string>();
  for (const record of records) {
    const { prefix, key } = splitTitle(normalizeDocumentTitle(record.title));
    if (taken.has(key)) {
      delete keys[key];
      continue;
    }
    taken.add(key);
    keys[key] = record.id;
    leads[record.id] = [...new Set([prefix, normalizeDocumentTitle(leadIssuer(record.issuer))].filter(Boolean))];
  }
  return { keys, leads };
}

/**
 * The held document a title on a page names, or null. 《关于…的通知》 without an issuer matches ours; with one, the
 * issuer must be our document's lead issuer (一省的《XX省医疗保障局关于…的通知》 is not the national notice).
 */
export function findHeldDocument(pageTitle: string, index: DocumentTitleIndex): string | null {
  const { prefix, key } = splitTitle(normalizeDocumentTitle(pageTitle));
  const id = Object.hasOwn(index.keys, key) ? index.keys[key]! : null;
  if (!id || !prefix) return id;
  return (index.leads[id] ?? []).some((lead) => prefix.startsWith(lead)) ? id : null;
}

/** 2024-07-26 → 2024年7月26日; 2021-11 → 2021年11月; 2020 → 2020年. */
export function documentDateText(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}
