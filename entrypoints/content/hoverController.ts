/**
 * Turns pointer movement into card decisions: a short rest on a term shows its
 * card, quick passes show nothing, the card stays open while the pointer
 * travels into it, and Esc, leaving or scrolling the term away closes it.
 */
import type { TermHit } from './hitTest';
import { rangeOfMatch, rectOfMatch } from './hitTest';
import { keyActionOf } from '@/lib/keys/keymap';
import { sameOccurrence, type TermOccurrence } from './readingOrder';
import { LENS_TUNABLES } from './tunables';

export interface HoverControllerDeps {
  hitTest(x: number, y: number): TermHit | null;
  isInsideCard(target: EventTarget | null): boolean;
  show(term: TermOccurrence, rect: DOMRect): void;
  hide(): void;
  /** The shown term moved (scrolling) but is still on screen. */
  reposition(term: TermOccurrence): void;
  showDelayMs(): number;
  /** Modifier that must be held for cards to appear, or 'none'. */
  holdKey(): 'none' | 'Alt' | 'Shift' | 'Control';
}

export interface HoverController {
  /** Called when the card was shown by other means (popup reveal). */
  markShown(term: TermOccurrence): void;
  /** The term whose card is open, or null. */
  currentTerm(): TermOccurrence | null;
  setPinned(pinned: boolean): void;
  setPointerInsideCard(inside: boolean): void;
  close(): void;
}

/** Every line box of a term on screen now (a term wrapped over lines has several); empty if it is gone. */
export function termLineRects(term: TermOccurrence): DOMRect[] {
  const range = rangeOfMatch(term.node, term.match);
  return range ? [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0) : [];
}

/** Follows the pointer in `win` until `signal` aborts (then closes the card). */
export function createHoverController(win: Window, deps: HoverControllerDeps, signal: AbortSignal): HoverController {
  let shown: TermOccurrence | null = null;
  let pending: TermOccurrence | null = null;
  let showTimer: ReturnType<typeof setTimeout> | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  let frame = 0;
  let lastEvent: PointerEvent | null = null;
  let pinned = false;
  let insideCard = false;

  const clearShow = () => {
    if (showTimer !== null) clearTimeout(showTimer);
    showTimer = null;
    pending = null;
  };
  const clearHide = () => {
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
  };
  const close = () => {
    clearShow();
    clearHide();
    if (shown) deps.hide();
    shown = null;
    pinned = false;
    insideCard = false;
  };
  const scheduleHide = () => {
    if (pinned || insideCard || hideTimer !== null || !shown) return;
    hideTimer = setTimeout(() => {
      hideTimer = null;
      if (!pinned && !insideCard) close();
    }, LENS_TUNABLES.hoverHideDelayMs);
  };

  function holdKeyDown(event: PointerEvent): boolean {
    switch (deps.holdKey()) {
      case 'none':
        return true;
      case 'Alt':
        return event.altKey;
      case 'Shift':
        return event.shiftKey;
      case 'Control':
        return event.ctrlKey;
    }
  }

  function evaluate() {
    frame = 0;
    const event = lastEvent;
    if (!event) return;
    if (deps.isInsideCard(event.target) || insideCard) {
      clearHide();
      return;
    }
    // A held button means the reader is selecting or dragging: no card comes up over what they are doing.
    if (event.buttons !== 0) {
      clearShow();
      return;
    }
    const hit = holdKeyDown(event) ? deps.hitTest(event.clientX, event.clientY) : null;
    const term = hit ? { node: hit.node, match: hit.match } : null;
    if (term && sameOccurrence(term, shown)) {
      clearShow();
      clearHide();
      return;
    }
    if (term && hit) {
      if (sameOccurrence(term, pending)) return;
      clearShow();
      pending = term;
      showTimer = setTimeout(() => {
        showTimer = null;
        pending = null;
        clearHide();
        if (pinned) return;
        shown = term;
        deps.show(term, hit.rect);
      }, deps.showDelayMs());
      return;
    }
    clearShow();
    scheduleHide();
  }

  // Only the user's own pointer and keys count: a page script's dispatchEvent (isTrusted false) never opens or
  // closes a card.
  const onPointerMove = (event: PointerEvent) => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    lastEvent = event;
    if (!frame) frame = win.requestAnimationFrame(evaluate);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isTrusted && shown && keyActionOf(event, ['closeCard'])) close();
  };
  const onScroll = (event: Event) => {
    if (!event.isTrusted || !shown) return;
    const rect = rectOfMatch(shown.node, shown.match);
    const offScreen = !rect || rect.bottom < 0 || rect.top > win.innerHeight;
    if (offScreen && !pinned) close();
    else if (rect) deps.reposition(shown);
  };
  const onPointerDown = (event: PointerEvent) => {
    if (!event.isTrusted || deps.isInsideCard(event.target)) return;
    clearShow();
    if (shown) close();
  };
  // A selection started by keyboard or by a long press: a card waiting to show would cover it.
  const onSelectStart = () => clearShow();
  const onLeaveWindow = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    clearShow();
    scheduleHide();
  };

  const listen = { capture: true, passive: true, signal } as const;
  win.addEventListener('pointermove', onPointerMove, listen);
  win.addEventListener('pointerdown', onPointerDown, listen);
  win.document.addEventListener('selectstart', onSelectStart, listen);
  win.addEventListener('keydown', onKeyDown, { capture: true, signal });
  win.addEventListener('scroll', onScroll, listen);
  win.document.documentElement.addEventListener('pointerleave', onLeaveWindow, listen);
  signal.addEventListener(
    'abort',
    () => {
      close();
      if (frame) win.cancelAnimationFrame(frame);
    },
    { once: true },
  );

  return {
    markShown(term) {
      clearShow();
      clearHide();
      shown = term;
    },
    currentTerm: () => shown,
    setPinned(value) {
      pinned = value;
      if (!pinned) scheduleHide();
    },
    setPointerInsideCard(inside) {
      insideCard = inside;
      if (inside) clearHide();
      else scheduleHide();
    },
    close,
  };
}
