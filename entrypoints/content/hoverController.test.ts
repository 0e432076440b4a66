import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverController, type HoverControllerDeps } from './hoverController';
import type { TermOccurrence } from './readingOrder';
import type { TermHit } from './hitTest';
import { LENS_TUNABLES } from './tunables';

/** A window stand-in: events, animation frames on the (fake) clock, no layout. */
function fakeWindow() {
  const win = new EventTarget() as EventTarget & Record<string, unknown>;
  Object.assign(win, {
    innerHeight: 800,
    requestAnimationFrame: (callback: () => void) => setTimeout(callback, 16),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    document: Object.assign(new EventTarget(), { documentElement: new EventTarget() }),
  });
  return win as unknown as Window;
}

const DELAY = 220;
const nodeA = { id: 'A' } as unknown as Text;
const nodeB = { id: 'B' } as unknown as Text;
const rect = (left: number) =>
  ({ left, top: 0, right: left + 50, bottom: 20, x: left, y: 0, width: 50, height: 20 }) as DOMRect;
const termAt = (x: number): TermHit | null => {
  if (x >= 0 && x <= 50) return { node: nodeA, match: { start: 0, end: 4, entry: 1 }, rect: rect(0) };
  if (x >= 100 && x <= 150) return { node: nodeB, match: { start: 2, end: 5, entry: 2 }, rect: rect(100) };
  return null;
};

let win: Window;
let pointerInCard: boolean;
let shown: TermOccurrence[];
let hidden: number;
let controller: ReturnType<typeof createHoverController>;
let teardown: AbortController;

/** An event as the browser makes it for the user's own input (isTrusted), or as a page script makes it (not). */
const byUser = <E extends Event>(event: E, trusted = true): E =>
  Object.defineProperty(event, 'isTrusted', { value: trusted });
const escape = (trusted = true) => byUser(Object.assign(new Event('keydown'), { key: 'Escape' }), trusted);

function move(x: number, { buttons = 0, trusted = true }: { buttons?: number; trusted?: boolean } = {}) {
  const event = Object.assign(new Event('pointermove'), {
    buttons,
    clientX: x,
    clientY: 10,
    pointerType: 'mouse',
    altKey: false,
    shiftKey: false,
    ctrlKey: false,
  });
  win.dispatchEvent(byUser(event, trusted));
}

beforeEach(() => {
  vi.useFakeTimers();
  win = fakeWindow();
  pointerInCard = false;
  shown = [];
  hidden = 0;
  const deps: HoverControllerDeps = {
    hitTest: (x) => termAt(x),
    isInsideCard: () => pointerInCard,
    show: (term) => shown.push(term),
    hide: () => hidden++,
    reposition: () => undefined,
    showDelayMs: () => DELAY,
    holdKey: () => 'none',
  };
  teardown = new AbortController();
  controller = createHoverController(win, deps, teardown.signal);
});

afterEach(() => {
  teardown.abort();
  vi.useRealTimers();
});

/** Rest on term A until its card is shown. */
function showA() {
  move(20);
  vi.advanceTimersByTime(16 + DELAY + 1);
  expect(shown.map((t) => t.node)).toEqual([nodeA]);
}

describe('hover controller', () => {
  it('shows no card while a mouse button is held (dragging to select), and shows it once released', () => {
    move(20, { buttons: 1 });
    vi.advanceTimersByTime(16 + DELAY + 100);
    expect(shown).toEqual([]);
    move(25, { buttons: 0 });
    vi.advanceTimersByTime(16 + DELAY + 1);
    expect(shown.map((t) => t.node)).toEqual([nodeA]);
  });

  it('drops a card about to show when a button goes down or a selection starts', () => {
    move(20);
    vi.advanceTimersByTime(16 + DELAY / 2);
    win.dispatchEvent(byUser(new Event('pointerdown')));
    vi.advanceTimersByTime(DELAY);
    expect(shown).toEqual([]);
    move(120);
    vi.advanceTimersByTime(16 + DELAY / 2);
    win.document.dispatchEvent(new Event('selectstart'));
    vi.advanceTimersByTime(DELAY);
    expect(shown).toEqual([]);
  });

  it('shows a card only after the pointer rests for the show delay', () => {
    move(20);
    vi.advanceTimersByTime(16 + DELAY - 20);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.node).toBe(nodeA);
    expect(controller.currentTerm()?.node).toBe(nodeA);
  });

  it('ignores quick passes over terms', () => {
    move(20);
    vi.advanceTimersByTime(80);
    move(120);
    vi.advanceTimersByTime(80);
    move(300);
    vi.advanceTimersByTime(2000);
    expect(shown).toEqual([]);
    expect(hidden).toBe(0);
  });

  it('keeps the card while the pointer travels into it, and closes after it leaves', () => {
    showA();
    move(300); // off the term, towards the card: the hide grace starts
    vi.advanceTimersByTime(LENS_TUNABLES.hoverHideDelayMs / 2);
    pointerInCard = true;
    controller.setPointerInsideCard(true);
    move(600);
    vi.advanceTimersByTime(5000);
    expect(hidden).toBe(0);
    pointerInCard = false;
    controller.setPointerInsideCard(false);
    move(300);
    vi.advanceTimersByTime(LENS_TUNABLES.hoverHideDelayMs + 20);
    expect(hidden).toBe(1);
    expect(controller.currentTerm()).toBeNull();
  });

  it('closes a card the pointer leaves without reaching it', () => {
    showA();
    move(300);
    vi.advanceTimersByTime(16 + LENS_TUNABLES.hoverHideDelayMs + 1);
    expect(hidden).toBe(1);
  });

  it('keeps a pinned card when the pointer leaves or rests on another term', () => {
    showA();
    controller.setPinned(true);
    move(300);
    vi.advanceTimersByTime(5000);
    move(120);
    vi.advanceTimersByTime(5000);
    expect(hidden).toBe(0);
    expect(shown).toHaveLength(1);
    controller.setPinned(false);
    move(300);
    vi.advanceTimersByTime(16 + LENS_TUNABLES.hoverHideDelayMs + 1);
    expect(hidden).toBe(1);
  });

  it('closes on Esc', () => {
    showA();
    win.dispatchEvent(escape());
    expect(hidden).toBe(1);
    expect(controller.currentTerm()).toBeNull();
  });

  it('a page script’s synthetic pointer moves and Esc do nothing', () => {
    move(20, { trusted: false });
    vi.advanceTimersByTime(16 + DELAY + 1);
    expect(shown).toEqual([]);
    showA();
    win.dispatchEvent(escape(false));
    expect(hidden).toBe(0);
    expect(controller.currentTerm()?.node).toBe(nodeA);
  });

  it('switches to another term after resting on it', () => {
    showA();
    move(120);
    vi.advanceTimersByTime(16 + DELAY + 1);
    expect(shown.map((t) => t.node)).toEqual([nodeA, nodeB]);
  });

  it('remembers a card opened by other means (keyboard, popup) as the current one', () => {
    controller.markShown({ node: nodeB, match: { start: 2, end: 5, entry: 2 } });
    expect(controller.currentTerm()?.node).toBe(nodeB);
    win.dispatchEvent(escape());
    expect(hidden).toBe(1);
  });
});
