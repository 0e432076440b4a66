/**
 * Where a statement's authority comes from, decided from the source record itself (issuer, document number,
 * title), never from a flag we set by hand. Pure functions: used by the data tests and the build.
 */

/** Bodies whose documents bind the whole country. An issuer list (甲、乙) is national when every body is. */
const NATIONAL_BODY =
  /^(全国人民代表大会常务委员会|全国人大常委会|国务院办公厅|国务院|国家医疗保障局|国家医保局|财政部|人力资源社会保障部|人力资源和社会保障部|国家卫生健康委员会|国家药品监督管理局)/;

/** Wording that marks a record as a report about a document rather than the document itself. */
const REPORT_WORDING = /报道|转载|解读|摘要|问答|汇总|新闻|网络/;

/** A law (…法) or an administrative regulation (…条例), judged from its title. */
const LAW_TITLE = /(法|条例)(（[^）]*）)?$/;

export interface SourceLike {
  id: string;
  title: string;
  issuer: string;
  docNumber?: string;
  date: string;
}

export function isNationalIssuer(issuer: string): boolean {
  return issuer
    .split(/[、，,]/)
    .map((part) => part.trim())
    .every((part) => NATIONAL_BODY.test(part));
}

/** A region's own document: issued by a province, city or district body. */
export function isLocalIssuer(issuer: string): boolean {
  return !isNationalIssuer(issuer) && /[省市区县州盟]/.test(issuer) && !REPORT_WORDING.test(issuer);
}

/**
 * The national document itself: a national issuer, a 文号 or the title of a law/regulation, and nothing in the
 * title or issuer saying it is a report, a summary or a Q&A about the document.
 */
export function isPrimaryNationalDocument(source: SourceLike): boolean {
  if (!isNationalIssuer(source.issuer)) return false;
  if (REPORT_WORDING.test(source.title) || REPORT_WORDING.test(source.issuer)) return false;
  return Boolean(source.docNumber) || LAW_TITLE.test(source.title);
}

/** The name a law or regulation goes by in ../shared/laws (中华人民共和国社会保险法（2018年修正） → 社会保险法). */
export function lawFileName(source: SourceLike): string {
  return `${source.title.replace(/^中华人民共和国/, '').replace(/（[^）]*）$/, '')}.md`;
}

/** Short name for a citation line: a law or regulation by its title in 《》, other documents by their 文号. */
export function shortDocumentName(source: { title: string; docNumber?: string }): string {
  const title = source.title.replace(/^中华人民共和国/, '').replace(/（[^）]*）$/, '');
  return LAW_TITLE.test(source.title) || !source.docNumber ? `《${title}》` : source.docNumber;
}

/** The pieces of a quote: exact runs joined by …… where words of the same passage are left out. */
export function quotePieces(quote: string): string[] {
  return quote
    .split('……')
    .map((piece) => piece.replace(/\s/g, ''))
    .filter(Boolean);
}

/** True when the pieces occur in the text in order (whitespace ignored). */
export function containsInOrder(text: string, pieces: string[]): boolean {
  const flat = text.replace(/\s/g, '');
  let from = 0;
  for (const piece of pieces) {
    const at = flat.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}
