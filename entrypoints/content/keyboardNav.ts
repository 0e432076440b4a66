/**
 * Keyboard reading of the marked terms: Alt+J goes to the next marked term in
 * reading order and Alt+K to the previous one (from the open card, or else from
 * the viewport), scrolling it into view and opening its card with focus inside.
 * When a card that had the focus closes, the focus goes back to where it was.
 *
 * Alt+J / Alt+K are free in Chrome and Edge on every platform and are not used
 * for text editing; keys pressed in a text field are left to the field.
 */
import type { TermMatch } from '@/lib/matcher/matcher';

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

/** Every shown occurrence in the scanner's map, in reading (document) order. */
export function occurrencesInOrder(
  tracked: ReadonlyMap<Text, TermMatch[]>,
  include: (match: TermMatch) => boolean,
): TermOccurrence[] {
  const nodes = [...tracked.keys()].filter((node) => node.isConnected).sort(documentOrder);
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
  const { node, match } = occurrence;
  if (node.length < match.end) return null;
  const range = node.ownerDocument.createRange();
  range.setStart(node, match.start);
  range.setEnd(node, match.end);
  return range.getClientRects()[0] ?? null;
}

/** The term's first line box if it is drawn (not hidden or collapsed), else null. */
function drawnRect(occurrence: TermOccurrence): DOMRect | null {
  return occurrence.node.parentElement?.checkVisibility?.() === false ? null : rectOf(occurrence);
}

/**
 * The occurrence to go to from `current` (or from the viewport), skipping ones that are not drawn;
 * it is scrolled into view if it is not on screen. Null when there is none.
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
    return rect.bottom <= 0 ? 'above' : rect.top >= win.innerHeight ? 'below' : 'in';
  };
  let index = pickNeighbour(count, currentIndex >= 0 ? currentIndex : null, direction, position);
  for (let step = 0; index !== null && step < count; step++, index = (index + direction + count) % count) {
    const target = occurrences[index]!;
    const rect = drawnRect(target);
    if (!rect) continue;
    if (rect.top < 0 || rect.bottom > win.innerHeight || rect.left < 0 || rect.right > win.innerWidth)
      target.node.parentElement!.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    return target;
  }
  return null;
}

export interface KeyboardNavigatorDeps {
  occurrences(): TermOccurrence[];
  current(): TermOccurrence | null;
  open(occurrence: TermOccurrence): void;
}

/** Listens for Alt+J / Alt+K on the page (and inside our card, whose key events reach the window). */
export function createKeyboardNavigator(win: Window, deps: KeyboardNavigatorDeps): { dispose(): void } {
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = shortcutDirection(event);
    if (direction === null) return;
    const target = goToNeighbour(win, deps.occurrences(), deps.current(), direction);
    if (!target) return;
    event.preventDefault();
    deps.open(target);
  };
  win.addEventListener('keydown', onKeyDown, true);
  return { dispose: () => win.removeEventListener('keydown', onKeyDown, true) };
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
