/**
 * Where a term is read as part of a whole rather than as a word to explain: headings (h1–h6, role=heading,
 * and short bold or "title" lines that stand alone) and document titles in 《…》. Terms there are not
 * marked one by one (they still answer a hover).
 */
import type { TermMatch } from '@/lib/matcher/matcher';

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** A heading-like line is short and is not a sentence. */
const HEADING_MAX_CHARS = 40;
const SENTENCE_MARKS = /[。，；？！,;?!]/;
const TITLE_CLASS = /(^|[-_\s])(title|headline|heading|biaoti)([-_\s]|$)/i;
const LINE_SELECTOR = 'p, div, li, dt, dd, td, th, caption, figcaption, header, section, article';

/** True when `index` (and `end`) lie inside one pair of 《》 in `text`. Pure. */
export function insideDocumentTitle(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('《', start - 1);
  if (open < 0) return false;
  const closeBefore = text.lastIndexOf('》', start - 1);
  if (closeBefore > open) return false;
  const close = text.indexOf('》', end);
  if (close < 0) return false;
  const reopen = text.indexOf('《', open + 1);
  return reopen < 0 || reopen >= close;
}

/** True for a short piece of text that is not a sentence. Pure. */
export function looksLikeHeadingText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= HEADING_MAX_CHARS && !SENTENCE_MARKS.test(trimmed);
}

const headingCache = new WeakMap<Element, boolean>();

function isHeadingLine(line: Element): boolean {
  if (!looksLikeHeadingText(line.textContent ?? '')) return false;
  if (TITLE_CLASS.test(line.className && typeof line.className === 'string' ? line.className : '')) return true;
  // Bold all through (<p><strong>第三章 个人账户</strong></p>, or a bold style).
  const weight = Number(line.ownerDocument.defaultView?.getComputedStyle(line).fontWeight ?? 400);
  if (weight >= 600) return true;
  const onlyChild = line.children.length === 1 ? line.children[0]! : null;
  return (
    !!onlyChild &&
    /^(STRONG|B)$/.test(onlyChild.tagName) &&
    (onlyChild.textContent ?? '').trim() === (line.textContent ?? '').trim()
  );
}

/** True when `node` is (part of) a heading or a heading-like line. */
export function inHeading(node: Text): boolean {
  const parent = node.parentElement;
  if (!parent) return false;
  if (parent.closest(HEADING_SELECTOR)) return true;
  const line = parent.closest(LINE_SELECTOR);
  if (!line) return false;
  let cached = headingCache.get(line);
  if (cached === undefined) headingCache.set(line, (cached = isHeadingLine(line)));
  return cached;
}

/** Whether an occurrence is in running text, where it gets a mark. */
export function inRunningText(node: Text, match: TermMatch): boolean {
  if (match.endNode === undefined && insideDocumentTitle(node.data, match.start, match.end)) return false;
  return !inHeading(node);
}
