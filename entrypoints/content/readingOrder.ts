/**
 * Reading order, defined once for the engine: what a block (paragraph) is, the order of text nodes in the
 * document (nodes in shadow trees placed where their host is), and walks of the text from a point. The marks
 * (markPlan.ts), the senses (senseContext.ts), the keys (keyboardNav.ts) and the page questions
 * (pageQuestions.ts) all read the page through these, so 本页术语's order and the reveal index agree.
 */
import type { TermMatch } from '@/lib/matcher/matcher';

/** One occurrence of a term: a match in a text node. */
export interface TermOccurrence {
  node: Text;
  match: TermMatch;
}

export const sameOccurrence = (a: TermOccurrence | null, b: TermOccurrence | null) =>
  !!a && !!b && a.node === b.node && a.match.start === b.match.start;

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'TD',
  'TH',
  'DD',
  'DT',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'CAPTION',
  'MAIN',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'NAV',
  'BODY',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'FORM',
  'FIELDSET',
]);

export const isBlockElement = (element: Element) => BLOCK_TAGS.has(element.tagName);

/** The paragraph-like element a node belongs to: its nearest block-level ancestor by tag (else its parent). */
export function blockOf(node: Node): Element | null {
  for (let el = node.parentElement; el; el = el.parentElement) if (BLOCK_TAGS.has(el.tagName)) return el;
  return node.parentElement;
}

/** The node outside any shadow tree that contains `node` (the node itself if it is in the document's tree). */
export function inDocument(node: Node): Node {
  let current = node;
  for (let root = current.getRootNode(); root instanceof ShadowRoot; root = current.getRootNode()) current = root.host;
  return current;
}

/** Comparator of document order; a node in a shadow tree sorts where its host is. */
export function documentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const sameTree = a.getRootNode() === b.getRootNode();
  const x = sameTree ? a : inDocument(a);
  const y = sameTree ? b : inDocument(b);
  if (x === y) return 0;
  const relation = x.compareDocumentPosition(y);
  if (relation & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (relation & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/**
 * Text nodes in document order. A few are sorted by comparing positions; many (本页术语 on a long page) are picked
 * up by one walk of the document instead, since sorting with compareDocumentPosition grows far worse than linearly
 * there (seconds for 20,000 paragraphs). Nodes the walk does not reach (inside shadow trees) are then placed by
 * binary search, where their host is.
 */
export function inDocumentOrder(nodes: Iterable<Text>): Text[] {
  const list = [...nodes];
  if (list.length <= 64) return list.sort(documentOrder);
  const doc = list[0]!.ownerDocument;
  const wanted = new Set(list);
  const ordered: Text[] = [];
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && wanted.size > 0; node = walker.nextNode()) {
    if (wanted.delete(node as Text)) ordered.push(node as Text);
  }
  for (const node of wanted) {
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (documentOrder(ordered[mid]!, node) <= 0) low = mid + 1;
      else high = mid;
    }
    ordered.splice(low, 0, node);
  }
  return ordered;
}

/** Every occurrence in a map of tracked nodes (filled in scan order) that `include` keeps, in reading order. */
export function occurrencesInOrder(
  tracked: ReadonlyMap<Text, readonly TermMatch[]>,
  include: (match: TermMatch) => boolean,
): TermOccurrence[] {
  const nodes = inDocumentOrder([...tracked.keys()].filter((node) => node.isConnected));
  return nodes.flatMap((node) =>
    tracked
      .get(node)!
      .filter(include)
      .map((match) => ({ node, match })),
  );
}

/** Text nodes of the document after (or before) `from`, in reading order; `from` itself first if asked. */
export function* textNodesFrom(
  doc: Document,
  from: Node | null,
  direction: 1 | -1,
  includeFrom: boolean,
): Generator<Text> {
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const step = () => (direction === 1 ? walker.nextNode() : walker.previousNode()) as Text | null;
  if (from) {
    walker.currentNode = from;
    if (includeFrom && from.nodeType === Node.TEXT_NODE) yield from as Text;
  } else if (direction === -1) {
    let last: Node = root;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
    if (last.nodeType === Node.TEXT_NODE) yield last as Text;
  }
  for (let node = step(); node; node = step()) yield node;
}
