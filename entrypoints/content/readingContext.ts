/**
 * Where a term is read as part of a whole rather than as a word to explain: headings (h1–h6, role=heading,
 * lines that read as headings, short "title" lines) and document titles in 《…》. Terms there are not
 * marked one by one (they still answer a hover).
 */
import type { TermMatch } from '@/lib/matcher/matcher';
import { inlineTextAround } from './inlineText';
import { blockOf } from './readingOrder';
import { headingLevelOf } from './senseContext';

/** Ancestors looked at, at most, between a text node and its block (<p><strong><span>…). */
const HEADING_ANCESTORS = 4;
/** A heading-like line is short and is not a sentence. */
const HEADING_MAX_CHARS = 40;
const SENTENCE_MARKS = /[。，；？！,;?!]/;
const TITLE_CLASS = /(^|[-_\s])(title|headline|heading|biaoti)([-_\s]|$)/i;

/** Characters looked at on each side of a match for the 《 and 》 of a document title (titles are short). */
const TITLE_REACH = 60;
/** A node this short is searched whole for a bracket before anything else. */
const SHORT_NODE_CHARS = 4 * TITLE_REACH;

/**
 * True when [start, end) lies inside one pair of 《》 in `text`. Pure. Only TITLE_REACH characters on each side
 * are read, so a long text node (a 3 MB <pre>) costs the same per match as a short one.
 */
export function insideDocumentTitle(text: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - TITLE_REACH); i--) {
    const ch = text[i];
    if (ch === '》') return false;
    if (ch === '《') {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  for (let i = end; i < Math.min(text.length, end + TITLE_REACH); i++) {
    const ch = text[i];
    if (ch === '《') return false;
    if (ch === '》') return true;
  }
  return false;
}

/** The nearest 《 or 》 within `reach` before `index`: '' when there is none, undefined when the text ends first. */
function bracketBefore(text: string, index: number, reach: number): string | undefined {
  for (let i = index - 1; i >= Math.max(0, index - reach); i--)
    if (text[i] === '《' || text[i] === '》') return text[i];
  return index >= reach ? '' : undefined;
}

/** The nearest 《 or 》 within `reach` from `index` on: '' when there is none, undefined when the text ends first. */
function bracketAfter(text: string, index: number, reach: number): string | undefined {
  for (let i = index; i < Math.min(text.length, index + reach); i++)
    if (text[i] === '《' || text[i] === '》') return text[i];
  return text.length - index >= reach ? '' : undefined;
}

/** Whether a block's text holds a 《 at all, per block; forgotten at each marking pass (the page may change). */
let titleBracketsByBlock = new WeakMap<Element, boolean>();

/** Starts a marking pass: what was learnt about blocks in the last one may be out of date. */
export function forgetTitleBlocks(): void {
  titleBracketsByBlock = new WeakMap();
}

/** False when the node's block holds no 《: most blocks, whose matches then need no reading across nodes. */
function blockMayHoldTitle(node: Text): boolean {
  const block = blockOf(node);
  if (!block) return true;
  let holds = titleBracketsByBlock.get(block);
  if (holds === undefined) titleBracketsByBlock.set(block, (holds = (block.textContent ?? '').includes('《')));
  return holds;
}

/**
 * insideDocumentTitle for a match on the page, where a title may be split by markup (《<a>关于…</a>》). Most
 * matches are decided within their own text node; only when a node ends within reach are the inline text nodes
 * next to it read (inlineText.ts: a bounded reach, within the block).
 */
export function insideDocumentTitleOnPage(node: Text, match: TermMatch): boolean {
  // Most nodes are short and hold no bracket: then only a block holding a 《 can put them in a title.
  // (includes, not a RegExp: a page's first RegExp costs more than these two scans of a short node.)
  const short = node.data.length <= SHORT_NODE_CHARS;
  if (short && !node.data.includes('《') && !node.data.includes('》') && !blockMayHoldTitle(node)) return false;
  const before = bracketBefore(node.data, match.start, TITLE_REACH);
  if (before === '》' || before === '') return false;
  const after = match.endNode ? undefined : bracketAfter(node.data, match.end, TITLE_REACH);
  if (after === '《' || after === '') return false;
  if (before === '《' && after === '》') return true;
  if (!blockMayHoldTitle(node)) return false;
  const around = inlineTextAround(node, match.start, match.end, TITLE_REACH, match.endNode ?? node);
  return insideDocumentTitle(around.text, around.start, around.end);
}

/** True for a short piece of text that is not a sentence. Pure. */
export function looksLikeHeadingText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= HEADING_MAX_CHARS && !SENTENCE_MARKS.test(trimmed);
}

const headingCache = new WeakMap<Element, boolean>();

function isHeadingElement(element: Element): boolean {
  let cached = headingCache.get(element);
  if (cached === undefined) {
    cached =
      headingLevelOf(element) > 0 ||
      element.getAttribute('role') === 'heading' ||
      // (Most elements have no class: no RegExp is run, or even compiled, for them.)
      (typeof element.className === 'string' &&
        element.className !== '' &&
        TITLE_CLASS.test(element.className) &&
        looksLikeHeadingText(element.textContent ?? ''));
    headingCache.set(element, cached);
  }
  return cached;
}

/**
 * True when `node` is (part of) a heading: h1–h6, role=heading, a line that reads as one (第二章…, 一、…, a
 * short bold line on its own: senseContext's headingLevelOf), or a short line styled as a title.
 */
export function inHeading(node: Text): boolean {
  const block = blockOf(node);
  let element = node.parentElement;
  for (let steps = 0; element && steps < HEADING_ANCESTORS; steps++, element = element.parentElement) {
    if (isHeadingElement(element)) return true;
    if (element === block) break;
  }
  return false;
}

/** Whether an occurrence is in running text, where it gets a mark. */
export function inRunningText(node: Text, match: TermMatch): boolean {
  if (insideDocumentTitleOnPage(node, match)) return false;
  return !inHeading(node);
}
