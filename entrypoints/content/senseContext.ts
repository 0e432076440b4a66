/**
 * DOM side of sense resolution: gives lib/matcher/senses.ts the context of a
 * match — its sentence, its block (readingOrder.ts's blockOf, a bounded
 * window of it), the headings that govern it (h1–h6 or blocks that read as
 * headings, found by a bounded backwards walk) and the page title — each
 * computed only when asked for. Also the scanner hook that attaches senses to
 * matches and drops unrelated ones.
 */
import type { TermMatch } from '@/lib/matcher/matcher';
import {
  YIBAO_SENSE,
  entryHasSenses,
  governingHeadings,
  headingLevelOfText,
  resolveSense,
  sentenceAround,
  yibaoSettler,
  type CompiledSenses,
  type SenseScopes,
  type SenseSpan,
} from '@/lib/matcher/senses';
import { blockOf, isBlockElement } from './readingOrder';

/** A tracked match; `sense` is set when the match means a look-alike sense rather than the 医保 term. */
export interface SensedMatch extends TermMatch {
  sense?: string;
}

/** 1–6 for H1–H6, else 0 (no RegExp: see headingLevelOfText). */
const headingTagLevel = (tag: string) =>
  tag.length === 2 && tag[0] === 'H' && tag[1]! >= '1' && tag[1]! <= '6' ? Number(tag[1]) : 0;
/** Tags that may hold a heading-like line (第二章 基本养老保险, 一、参保, a short bold line). */
const LINE_TAGS = new Set(['P', 'DIV', 'DT', 'LI', 'STRONG', 'B']);
/** Characters of block text gathered on each side of the text node. */
const BLOCK_CONTEXT_CHARS = 600;
/** Nodes visited, at most, on each side when gathering block text. */
const BLOCK_NODE_BUDGET = 200;
/** Elements looked at, at most, when walking back for headings. */
const HEADING_WALK_BUDGET = 400;
const HEADING_TEXT_CHARS = 80;

/** Node before `node` in document order, inside `root` (ancestors included), or null. */
function previousNodeWithin(node: Node, root: Node): Node | null {
  if (node === root) return null;
  let prev = node.previousSibling;
  if (prev) {
    while (prev.lastChild) prev = prev.lastChild;
    return prev;
  }
  const parent = node.parentNode;
  return parent === root ? null : parent;
}

/** Node after `node` in document order, inside `root`, or null. */
function nextNodeWithin(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

const isText = (node: Node): node is Text => node.nodeType === 3;

/** Text of `block` around `node` (bounded), with where `node` starts in it. */
export function blockWindow(block: Element, node: Text): { text: string; nodeStart: number } {
  let before = '';
  let budget = BLOCK_NODE_BUDGET;
  for (let n = previousNodeWithin(node, block); n && budget-- > 0 && before.length < BLOCK_CONTEXT_CHARS;) {
    if (isText(n)) before = n.data + before;
    n = previousNodeWithin(n, block);
  }
  before = before.slice(-BLOCK_CONTEXT_CHARS);
  let after = '';
  budget = BLOCK_NODE_BUDGET;
  for (let n = nextNodeWithin(node, block); n && budget-- > 0 && after.length < BLOCK_CONTEXT_CHARS;) {
    if (isText(n)) after += n.data;
    n = nextNodeWithin(n, block);
  }
  return { text: before + node.data + after.slice(0, BLOCK_CONTEXT_CHARS), nodeStart: before.length };
}

const hasClausePunctuation = (text: string) => text.includes('。') || text.includes('，') || text.includes('；');
/** A question set on its own line (问：我母亲在老家看病，能不能直接报？): on a Q&A page it heads its answer. */
const isQuestionLine = (text: string) =>
  text.startsWith('问：') || text.startsWith('问:') || text.endsWith('？') || text.endsWith('?');

const isBold = (element: Element | null) => element?.tagName === 'STRONG' || element?.tagName === 'B';

/** True when `element` (whose trimmed text is `text`) is a block all in bold, or the bold element filling one. */
function isBoldLine(element: Element, text: string): boolean {
  if (isBold(element)) {
    const parent = element.parentElement;
    return !!parent && isBlockElement(parent) && (parent.textContent ?? '').trim() === text;
  }
  const only = element.childElementCount === 1 ? element.firstElementChild : null;
  return isBlockElement(element) && isBold(only) && (only!.textContent ?? '').trim() === text;
}

/** Level of an element that is a heading or reads as one, else 0. */
export function headingLevelOf(element: Element): number {
  const tagLevel = headingTagLevel(element.tagName);
  if (tagLevel) return tagLevel;
  if (!LINE_TAGS.has(element.tagName) || element.childElementCount > 2) return 0;
  // Most blocks are long paragraphs: ruled out by their first text without building textContent.
  const first = element.firstChild;
  if (first && first.nodeType === 3 && (first as Text).data.length > 60) return 0;
  const text = (element.textContent ?? '').trim();
  if (text.length === 0 || text.length > 40) return 0;
  const level = headingLevelOfText(text);
  if (level) return level;
  // A short bold line on its own (<p><strong>个人账户管理</strong></p>), or a bold question on its own: both the
  // line and its bold element read as a heading.
  const headingLike = (text.length <= 20 && !hasClausePunctuation(text)) || isQuestionLine(text);
  return headingLike && isBoldLine(element, text) ? 4 : 0;
}

/**
 * Governing headings per block, remembered: the next paragraph reuses the chain of the one before it when no
 * heading lies between them, so a long page costs a few steps per block instead of a long walk each.
 * (Weak keys: nothing is kept for blocks that leave the page. A heading added later is not seen by earlier blocks.)
 */
const chainOfBlock = new WeakMap<Element, string[]>();

/** Headings that govern `block`, nearest first: a bounded walk back through the document (or shadow root). */
export function headingsBefore(block: Element): string[] {
  const known = chainOfBlock.get(block);
  if (known) return known;
  const root = block.getRootNode();
  const ownLevel = headingLevelOf(block) || Infinity;
  const found: { text: string; level: number }[] = [];
  let budget = HEADING_WALK_BUDGET;
  let ancestor = block.parentNode;
  let inherited: string[] | undefined;
  for (let n = previousNodeWithin(block, root); n && budget-- > 0; n = previousNodeWithin(n, root)) {
    // Ancestors hold the block itself: never a heading for it.
    if (n === ancestor) {
      ancestor = n.parentNode;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const level = headingLevelOf(el);
    if (!level) {
      // An earlier block with no heading in between is governed by the same headings.
      inherited = found.length === 0 && ownLevel === Infinity ? chainOfBlock.get(el) : undefined;
      if (inherited) break;
      continue;
    }
    found.push({ text: (el.textContent ?? '').trim().slice(0, HEADING_TEXT_CHARS), level });
    if (level <= 1) break;
  }
  const chain = inherited ?? governingHeadings(found, ownLevel);
  chainOfBlock.set(block, chain);
  return chain;
}

/** Elements looked at, at most, from the top of the body for the document's opening heading and first article. */
const OPENING_WALK_BUDGET = 300;
/** Characters of a regulation's first article kept for the opening: its purpose clause names the subject. */
const FIRST_ARTICLE_CHARS = 120;
const openingOfDocument = new WeakMap<Document, string>();

/**
 * The document's opening: its first h1 when one comes early in the body (a law page's 《工伤保险条例》), followed by
 * a regulation's first article (第一条 为了健全本市城乡居民基本医疗保险制度…) when one starts an element early on: a
 * document with a generic title (某市实施办法, 通知) names its subject only there. '' when neither is found. Found
 * once per document by a bounded walk, so a huge page is not searched whole; only an element's first text is
 * looked at, never a large container's whole text.
 */
export function openingOf(document: Document): string {
  const known = openingOfDocument.get(document);
  if (known !== undefined) return known;
  let heading: string | undefined;
  let article: string | undefined;
  const walker = document.createTreeWalker(document.body ?? document, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(), budget = OPENING_WALK_BUDGET; n && budget-- > 0; n = walker.nextNode()) {
    if (heading === undefined && (n as Element).tagName === 'H1') {
      heading = (n.textContent ?? '').trim().slice(0, HEADING_TEXT_CHARS);
      continue;
    }
    const first = n.firstChild;
    if (first?.nodeType === 3 && (first as Text).data.trimStart().startsWith('第一条')) {
      article = (n.textContent ?? '').trim().slice(0, FIRST_ARTICLE_CHARS);
      break;
    }
  }
  const opening = [heading, article].filter(Boolean).join('\n');
  openingOfDocument.set(document, opening);
  return opening;
}

/** What the matches of one text node share: its block's window, the headings governing it. */
type NodeCache = { block?: { text: string; nodeStart: number } | null; headings?: string[] };

/** blockWindow of the node's block (null outside any block), computed once per node. */
function cachedBlockWindow(node: Text, cache: NodeCache) {
  if (cache.block === undefined) {
    const element = blockOf(node);
    cache.block = element ? blockWindow(element, node) : null;
  }
  return cache.block;
}

/** Lazy scopes for one match in `node`; `cache` is shared by the matches of one text node. */
export function senseScopesFor(
  node: Text,
  start: number,
  end: number,
  cache: NodeCache = {},
  yibaoTermNearby?: () => boolean,
  yibaoTermInSentence?: () => boolean,
): SenseScopes {
  const block = () => cachedBlockWindow(node, cache);
  const blockSpan = (): SenseSpan | null => {
    const b = block();
    return b ? { text: b.text, start: b.nodeStart + start, end: b.nodeStart + end } : null;
  };
  return {
    sentence() {
      const span = blockSpan();
      if (!span) return sentenceAround(node.data, start, end);
      const sentence = sentenceAround(span.text, span.start, span.end);
      return { ...sentence, inBlock: span.start - sentence.start };
    },
    block: blockSpan,
    headings() {
      if (cache.headings === undefined) {
        const element = blockOf(node);
        cache.headings = element ? headingsBefore(element) : [];
      }
      return cache.headings;
    },
    title: () => node.ownerDocument.title,
    opening: () => openingOf(node.ownerDocument),
    ...(yibaoTermNearby ? { yibaoTermNearby } : {}),
    ...(yibaoTermInSentence ? { yibaoTermInSentence } : {}),
  };
}

/**
 * The scanner hook: for matches of ambiguous entries, decides the sense; look-alike senses are kept with
 * `sense` set, unrelated ones dropped, 医保 ones left as they are. Other matches cost one lookup.
 */
export function createSenseRefiner(load: () => CompiledSenses, resolve = resolveSense, settleNodes = true) {
  let compiled: CompiledSenses | null = null;
  function refine(node: Text, matches: TermMatch[]): SensedMatch[] {
    compiled ??= load();
    let out: SensedMatch[] | null = null;
    const cache: NodeCache = {};
    // Most nodes stand in a paragraph naming 医保 and nothing that could send their entries elsewhere: the block is
    // scanned once for all their matches, with no scopes per match (yibaoSettler; the walk would end on the 医保
    // card for each).
    let settle: ReturnType<typeof yibaoSettler> | undefined = settleNodes ? undefined : null;
    let nearby: boolean | undefined;
    // A term that exists only in 医保 among the node's matches: looked for once, when a match first asks.
    const yibaoTermNearby = () => (nearby ??= matches.some((m) => compiled!.plans[m.entry]?.yibaoTerm === 1));
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i]!;
      if (!entryHasSenses(compiled, m.entry)) {
        out?.push(m);
        continue;
      }
      if (settle === undefined) {
        const window = cachedBlockWindow(node, cache);
        settle = window ? yibaoSettler(compiled, window.text) : null;
      }
      const offset = cache.block?.nodeStart ?? 0;
      if (settle?.(offset + m.start, offset + m.end, m.entry)) {
        out?.push(m);
        continue;
      }
      // The same, within the match's own sentence (of this text node), the match itself aside.
      const yibaoTermInSentence = () => {
        const sentence = sentenceAround(node.data, m.start, m.end);
        const from = m.start - sentence.start;
        const to = from + sentence.text.length;
        return matches.some(
          (o) => o !== m && o.start >= from && o.end <= to && compiled!.plans[o.entry]?.yibaoTerm === 1,
        );
      };
      const scopes = senseScopesFor(node, m.start, m.end, cache, yibaoTermNearby, yibaoTermInSentence);
      const sense = resolve(compiled, m.entry, scopes);
      if (sense === YIBAO_SENSE) {
        out?.push(m);
        continue;
      }
      out ??= matches.slice(0, i);
      if (sense !== null) out.push({ ...m, sense });
    }
    return out ?? matches;
  }
  return function refineMatches(node: Text, matches: TermMatch[]): SensedMatch[] {
    try {
      return refine(node, matches);
    } catch {
      // The right sense or nothing: if senses cannot be decided, ambiguous matches are dropped, never guessed.
      const plans = compiled?.plans;
      return plans ? matches.filter((m) => plans[m.entry] === undefined) : matches;
    }
  };
}
