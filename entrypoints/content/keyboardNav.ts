/**
 * Keyboard reading of the marked terms: Alt+J goes to the next marked term in
 * reading order and Alt+K to the previous one (from the open card, or else from
 * the viewport), scrolling it into view and opening its card with focus inside.
 * When a card that had the focus closes, the focus goes back to where it was.
 *
 * Alt+J / Alt+K are free in Chrome and Edge on every platform and are not used
 * for text editing; keys pressed in a text field are left to the field.
 *
 * The next term is found by walking the page's text from where we are (cost
 * follows the distance, not the page size: sorting all tracked nodes by
 * document position took seconds on a page of 20,000 paragraphs). Terms inside
 * shadow trees are not reached this way (the walk stays in the document).
 */
import type { TermMatch } from '@/lib/matcher/matcher';
import { blockOf } from './markPlan';
import { rectOfMatch } from './hitTest';

export interface TermOccurrence {
  node: Text;
  match: TermMatch;
}

export type ViewportPosition = 'above' | 'in' | 'below';

export const NEXT_TERM_KEY = { code: 'KeyJ', label: 'Alt+J' } as const;
export const PREVIOUS_TERM_KEY = { code: 'KeyK', label: 'Alt+K' } as const;

/**
 * The index to go to among `count` occurrences in reading order: the neighbour of the current one
 * (wrapping around), or without a current one the first at or below the viewport's top (next) or the
 * last at or above its bottom (previous). Pure.
 */
export function pickNeighbour(
  count: number,
  current: number | null,
  direction: 1 | -1,
  position: (index: number) => ViewportPosition,
): number | null {
  if (count === 0) return null;
  if (current !== null) return (current + direction + count) % count;
  if (direction === 1) {
    for (let i = 0; i < count; i++) if (position(i) !== 'above') return i;
    return 0;
  }
  for (let i = count - 1; i >= 0; i--) if (position(i) !== 'below') return i;
  return count - 1;
}

/** Which way the shortcut in `event` goes, or null when it is not ours. */
export function shortcutDirection(event: KeyboardEvent): 1 | -1 | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) return null;
  const direction = event.code === NEXT_TERM_KEY.code ? 1 : event.code === PREVIOUS_TERM_KEY.code ? -1 : null;
  if (direction === null) return null;
  const target = event.composedPath()[0];
  if (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')
  )
    return null;
  return direction;
}

/** The element outside any shadow tree that contains `node` (the node's own tree if it is in the document). */
function inDocument(node: Node): Node {
  let current = node;
  for (let root = current.getRootNode(); root instanceof ShadowRoot; root = current.getRootNode()) current = root.host;
  return current;
}

function documentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const sameTree = a.getRootNode() === b.getRootNode();
  const x = sameTree ? a : inDocument(a);
  const y = sameTree ? b : inDocument(b);
  if (x === y) return 0;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * Nodes in document order. compareDocumentPosition walks sibling lists, so sorting thousands of nodes
 * with it is slow (seconds for 20,000 paragraphs); a single walk of the text is linear. Nodes in shadow
 * trees, which the walk does not enter, are then placed by binary search.
 */
function inDocumentOrder(nodes: Text[]): Text[] {
  if (nodes.length <= 64) return nodes.sort(documentOrder);
  const doc = nodes[0]!.ownerDocument;
  const wanted = new Set(nodes);
  const ordered: Text[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (wanted.delete(node as Text)) ordered.push(node as Text);
  }
  for (const node of wanted) {
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (documentOrder(ordered[mid]!, node) < 0) low = mid + 1;
      else high = mid;
    }
    ordered.splice(low, 0, node);
  }
  return ordered;
}

/** Every shown occurrence in a map of tracked nodes (filled in scan order), in reading (document) order. */
export function occurrencesInOrder(
  tracked: ReadonlyMap<Text, TermMatch[]>,
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

export const sameOccurrence = (a: TermOccurrence | null, b: TermOccurrence | null) =>
  !!a && !!b && a.node === b.node && a.match.start === b.match.start;

function rectOf(occurrence: TermOccurrence): DOMRect | null {
  return rectOfMatch(occurrence.node, occurrence.match);
}

/** The term's first line box if it is drawn (not hidden or collapsed), else null. */
function drawnRect(occurrence: TermOccurrence): DOMRect | null {
  return occurrence.node.parentElement?.checkVisibility?.() === false ? null : rectOf(occurrence);
}

/** Scrolls an occurrence into view if any of it is off screen. */
function revealOnScreen(win: Window, occurrence: TermOccurrence) {
  let rect = rectOf(occurrence);
  if (!rect || (rect.top >= 0 && rect.bottom <= win.innerHeight && rect.left >= 0 && rect.right <= win.innerWidth))
    return;
  occurrence.node.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  // A parent taller than the viewport (a long <pre>) can leave the term itself off screen.
  rect = rectOf(occurrence);
  if (rect && (rect.top < 0 || rect.bottom > win.innerHeight))
    win.scrollBy({ top: rect.top - win.innerHeight / 2, behavior: 'instant' });
}

/**
 * The occurrence to go to among `occurrences` (already in reading order) from `current`, or from the
 * viewport, skipping ones that are not drawn; it is scrolled into view. Null when there is none.
 */
export function goToNeighbour(
  win: Window,
  occurrences: TermOccurrence[],
  current: TermOccurrence | null,
  direction: 1 | -1,
): TermOccurrence | null {
  const count = occurrences.length;
  const currentIndex = occurrences.findIndex((o) => sameOccurrence(o, current));
  const position = (i: number): ViewportPosition => {
    const rect = drawnRect(occurrences[i]!);
    // Not drawn: passed over, as if on the side we come from.
    if (!rect) return direction === 1 ? 'above' : 'below';
    return positionOf(win, rect);
  };
  let index = pickNeighbour(count, currentIndex >= 0 ? currentIndex : null, direction, position);
  for (let step = 0; index !== null && step < count; step++, index = (index + direction + count) % count) {
    const target = occurrences[index]!;
    if (!drawnRect(target)) continue;
    revealOnScreen(win, target);
    return target;
  }
  return null;
}

const positionOf = (win: Window, rect: { top: number; bottom: number }): ViewportPosition =>
  rect.bottom <= 0 ? 'above' : rect.top >= win.innerHeight ? 'below' : 'in';

/** Text nodes of the document after (or before) `from`, in reading order; `from` itself first if asked. */
function* textNodesFrom(doc: Document, from: Node | null, direction: 1 | -1, includeFrom: boolean): Generator<Text> {
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

/** Where a walk from the viewport starts: text at the viewport's top (next) or bottom (previous) edge, backed off past that edge. */
function viewportStart(doc: Document, win: Window, direction: 1 | -1): Node | null {
  const caretDoc = doc as unknown as { caretPositionFromPoint?(x: number, y: number): CaretPosition | null };
  const caret = caretDoc.caretPositionFromPoint?.(win.innerWidth / 2, direction === 1 ? 1 : win.innerHeight - 2);
  let start: Node | null = caret ? (caret.offsetNode.childNodes[caret.offset] ?? caret.offsetNode) : null;
  if (!start || start === doc.documentElement || start === doc.body) return null;
  start = inDocument(start);
  // Text of the same screen area can come earlier in the document (a column on the left): step back
  // until the text is past the edge we start from.
  const outside: ViewportPosition = direction === 1 ? 'above' : 'below';
  let budget = 2000;
  for (const node of textNodesFrom(doc, start, direction === 1 ? -1 : 1, false)) {
    if (--budget < 0) break;
    if (node.data.trim() === '' || !node.parentElement) continue;
    if (positionOf(win, node.parentElement.getBoundingClientRect()) === outside) break;
    start = node;
  }
  return start;
}

/** Longest stretch of walking and matching before the search lets the page run (no long task). */
const SEARCH_SLICE_MS = 8;

/**
 * The marked term after (or before) the open card's term, or else the first one from the viewport's
 * top down (the last from its bottom up), wrapping round the page; scrolled into view. Null if none.
 * Long stretches of text without terms are walked in slices; `cancelled()` stops a search that a newer
 * key press replaced.
 */
export async function findNeighbour(
  doc: Document,
  matchesOfNode: (node: Text) => readonly TermMatch[] | undefined,
  include: (node: Text, match: TermMatch) => boolean,
  current: TermOccurrence | null,
  direction: 1 | -1,
  cancelled: () => boolean = () => false,
): Promise<TermOccurrence | null> {
  const win = doc.defaultView!;
  const matchesOf = (node: Text) => {
    // Whitespace between tags cannot hold a term; skip it without asking the matcher.
    const shown = node.data.trim() === '' ? [] : (matchesOfNode(node) ?? []).filter((m) => include(node, m));
    return direction === 1 ? shown : shown.reverse();
  };
  let sliceStart = performance.now();
  let stopped = false;
  const first = async (nodes: Iterable<Text>, accept: (rect: DOMRect) => boolean): Promise<TermOccurrence | null> => {
    let count = 0;
    for (const node of nodes) {
      if (++count % 32 === 0 && performance.now() - sliceStart > SEARCH_SLICE_MS) {
        await new Promise((resume) => setTimeout(resume, 0));
        sliceStart = performance.now();
        if ((stopped ||= cancelled())) return null;
      }
      for (const match of matchesOf(node)) {
        const occurrence = { node, match };
        const rect = drawnRect(occurrence);
        if (rect && accept(rect)) return occurrence;
      }
    }
    return null;
  };
  const anywhere = () => true;
  let found: TermOccurrence | null;
  if (current && current.node.isConnected) {
    const later = (m: TermMatch) => (direction === 1 ? m.start > current.match.start : m.start < current.match.start);
    const rest = matchesOf(current.node).filter(later);
    found =
      rest.map((match) => ({ node: current.node, match })).find((o) => !!drawnRect(o)) ??
      (await first(textNodesFrom(doc, inDocument(current.node), direction, false), anywhere)) ??
      (stopped ? null : await first(textNodesFrom(doc, null, direction, true), anywhere));
  } else {
    const behind: ViewportPosition = direction === 1 ? 'above' : 'below';
    found =
      (await first(
        textNodesFrom(doc, viewportStart(doc, win, direction), direction, true),
        (r) => positionOf(win, r) !== behind,
      )) ?? (stopped ? null : await first(textNodesFrom(doc, null, direction, true), anywhere));
  }
  if (!found || stopped || cancelled() || !found.node.isConnected) return null;
  revealOnScreen(win, found);
  return found;
}

/**
 * True if `match` is the first occurrence of its entry in its block (paragraph), the one markPlan.ts marks
 * by default. Looks only at the text of that block.
 */
export function isFirstInBlock(
  node: Text,
  match: TermMatch,
  matchesOf: (node: Text) => readonly TermMatch[] | undefined,
): boolean {
  const sameEntry = (m: TermMatch) => m.entry === match.entry;
  if ((matchesOf(node) ?? []).some((m) => sameEntry(m) && m.start < match.start)) return false;
  const block = blockOf(node);
  if (!block) return true;
  const walker = node.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (
    let other = walker.nextNode() as Text | null;
    other && other !== node;
    other = walker.nextNode() as Text | null
  ) {
    if (other.data.trim() !== '' && blockOf(other) === block && (matchesOf(other) ?? []).some(sameEntry)) return false;
  }
  return true;
}

export interface KeyboardNavigatorDeps {
  /** A text node's matches (matched now if it was not yet). */
  matchesOf(node: Text): readonly TermMatch[] | undefined;
  /** Whether an occurrence is marked (the keys move between marked terms only). */
  include(node: Text, match: TermMatch): boolean;
  current(): TermOccurrence | null;
  open(occurrence: TermOccurrence): void;
}

/** Listens for Alt+J / Alt+K on the page (and inside our card, whose key events reach the window). */
export function createKeyboardNavigator(win: Window, deps: KeyboardNavigatorDeps): { dispose(): void } {
  let search = 0;
  let disposed = false;
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = shortcutDirection(event);
    if (direction === null) return;
    event.preventDefault();
    const mine = ++search;
    const cancelled = () => disposed || mine !== search;
    void findNeighbour(win.document, deps.matchesOf, deps.include, deps.current(), direction, cancelled).then(
      (target) => {
        if (target && !cancelled()) deps.open(target);
      },
    );
  };
  win.addEventListener('keydown', onKeyDown, true);
  return {
    dispose() {
      disposed = true;
      win.removeEventListener('keydown', onKeyDown, true);
    },
  };
}

/**
 * Remembers what had the focus before a card took it, and gives it back when that card closes
 * (or leaves the focus where it was when nothing had it). Moving from card to card keeps the first.
 */
export function createFocusReturn(doc: Document, isOwnElement: (element: Element) => boolean) {
  let saved: Element | null | undefined;
  return {
    remember() {
      const active = doc.activeElement;
      if (active && isOwnElement(active)) return;
      saved = active;
    },
    /** `hadFocus`: the card held the focus when it closed. */
    restore(hadFocus: boolean) {
      const target = saved;
      saved = undefined;
      if (target === undefined || !hadFocus) return;
      if (target instanceof HTMLElement && target !== doc.body && target.isConnected)
        target.focus({ preventScroll: true });
      else if (doc.activeElement instanceof HTMLElement && isOwnElement(doc.activeElement)) doc.activeElement.blur();
    },
  };
}
