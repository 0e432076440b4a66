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
import { keyActionOf } from '@/lib/keys/keymap';
import { rectOfMatch } from './hitTest';
import { inDocument, sameOccurrence, textNodesFrom, type TermOccurrence } from './readingOrder';

export type ViewportPosition = 'above' | 'in' | 'below';

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
  // A page script's synthetic key (isTrusted false) never moves through the terms or opens a card.
  if (!event.isTrusted || event.repeat) return null;
  const action = keyActionOf(event, ['nextTerm', 'previousTerm']);
  if (action === null) return null;
  const direction = action === 'nextTerm' ? 1 : -1;
  const target = event.composedPath()[0];
  if (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')
  )
    return null;
  return direction;
}

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

export interface KeyboardNavigatorDeps {
  /** A text node's matches (matched now if it was not yet). */
  matchesOf(node: Text): readonly TermMatch[] | undefined;
  /** Whether an occurrence is marked (the keys move between marked terms only). */
  include(node: Text, match: TermMatch): boolean;
  current(): TermOccurrence | null;
  open(occurrence: TermOccurrence): void;
}

/**
 * Listens for Alt+J / Alt+K on the page (and inside our card, whose key events reach the window) until `signal`
 * aborts.
 */
export function listenForTermKeys(win: Window, deps: KeyboardNavigatorDeps, signal: AbortSignal): void {
  let search = 0;
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = shortcutDirection(event);
    if (direction === null) return;
    event.preventDefault();
    const mine = ++search;
    const cancelled = () => signal.aborted || mine !== search;
    void findNeighbour(win.document, deps.matchesOf, deps.include, deps.current(), direction, cancelled).then(
      (target) => {
        if (target && !cancelled()) deps.open(target);
      },
    );
  };
  win.addEventListener('keydown', onKeyDown, { capture: true, signal });
}
