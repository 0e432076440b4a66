// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  createFocusReturn,
  isFirstInBlock,
  occurrencesInOrder,
  pickNeighbour,
  shortcutDirection,
  type ViewportPosition,
} from './keyboardNav';
import type { TermMatch } from '@/lib/matcher/matcher';

describe('pickNeighbour', () => {
  // Five occurrences: two above the viewport, two in it, one below.
  const layout: ViewportPosition[] = ['above', 'above', 'in', 'in', 'below'];
  const position = (i: number) => layout[i]!;
  it.each([
    ['next from the open card', 2, 1, 3],
    ['previous from the open card', 3, -1, 2],
    ['next wraps from the last to the first', 4, 1, 0],
    ['previous wraps from the first to the last', 0, -1, 4],
    ['next without a card: the first from the viewport top down', null, 1, 2],
    ['previous without a card: the last up to the viewport bottom', null, -1, 3],
  ] as const)('%s', (_name, current, direction, expected) => {
    expect(pickNeighbour(layout.length, current, direction, position)).toBe(expected);
  });

  it('wraps when everything is above or below the viewport, and has nothing on a page without terms', () => {
    expect(pickNeighbour(3, null, 1, () => 'above')).toBe(0);
    expect(pickNeighbour(3, null, -1, () => 'below')).toBe(2);
    expect(pickNeighbour(0, null, 1, () => 'in')).toBeNull();
  });
});

describe('shortcutDirection', () => {
  const key = (code: string, init: KeyboardEventInit = {}, target: Element = document.body) => {
    const event = new KeyboardEvent('keydown', { code, altKey: true, bubbles: true, ...init });
    let direction: 1 | -1 | null = null;
    target.addEventListener('keydown', (e) => (direction = shortcutDirection(e as KeyboardEvent)), { once: true });
    target.dispatchEvent(event);
    return direction;
  };
  it('is Alt+J for next and Alt+K for previous', () => {
    expect(key('KeyJ')).toBe(1);
    expect(key('KeyK')).toBe(-1);
  });
  it('leaves other keys, other modifiers and text fields alone', () => {
    expect(key('KeyJ', { altKey: false })).toBeNull();
    expect(key('KeyJ', { ctrlKey: true })).toBeNull();
    expect(key('KeyJ', { shiftKey: true })).toBeNull();
    expect(key('KeyL')).toBeNull();
    const input = document.createElement('input');
    document.body.append(input);
    expect(key('KeyJ', {}, input)).toBeNull();
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    expect(key('KeyJ', {}, editor)).toBeNull();
  });
});

describe('occurrencesInOrder', () => {
  it('orders the scanner map by document position (it is filled in scan order), then by offset', () => {
    document.body.innerHTML = '<p id="a">甲</p><div><p id="b">乙</p></div><p id="c">丙</p>';
    const text = (id: string) => document.getElementById(id)!.firstChild as Text;
    const m = (start: number, entry = 1): TermMatch => ({ start, end: start + 1, entry });
    const tracked = new Map<Text, TermMatch[]>([
      [text('c'), [m(0)]],
      [text('a'), [m(0), m(3, 2), m(5)]],
      [text('b'), [m(0)]],
    ]);
    const order = occurrencesInOrder(tracked, (match) => match.entry !== 2).map(
      (o) => `${o.node.parentElement!.id}${o.match.start}`,
    );
    expect(order).toEqual(['a0', 'a5', 'b0', 'c0']);
  });
});

describe('occurrencesInOrder on many nodes', () => {
  it('walks the text once and still puts nodes in shadow trees where their host is', () => {
    const count = 120;
    document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">段${i}</p>`).join('');
    const host = document.createElement('div');
    document.getElementById('p60')!.after(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>影子里</span>';
    const inShadow = shadow.querySelector('span')!.firstChild as Text;
    const texts = Array.from({ length: count }, (_, i) => document.getElementById(`p${i}`)!.firstChild as Text);
    // Scan order: the middle first (priority roots), the shadow node last.
    const scanOrder = [...texts.slice(50), ...texts.slice(0, 50), inShadow];
    const tracked = new Map(scanOrder.map((node) => [node, [{ start: 0, end: 1, entry: 1 }]]));
    const order = occurrencesInOrder(tracked, () => true).map((o) => o.node);
    expect(order).toEqual([...texts.slice(0, 61), inShadow, ...texts.slice(61)]);
  });
});

describe('isFirstInBlock', () => {
  it('is true only for the first occurrence of an entry in its paragraph, as the marks are drawn', () => {
    document.body.innerHTML = '<div><p id="a">甲<b>乙</b>甲</p><p id="b">甲</p>丙</div>';
    const a = document.getElementById('a')!;
    const [first, bold, last] = [a.firstChild as Text, a.querySelector('b')!.firstChild as Text, a.lastChild as Text];
    const other = document.getElementById('b')!.firstChild as Text;
    const loose = document.querySelector('div')!.lastChild as Text;
    const entryOf: Record<string, number> = { 甲: 1, 乙: 2, 丙: 3 };
    const matchesOf = (node: Text) => [{ start: 0, end: 1, entry: entryOf[node.data]! }];
    expect(isFirstInBlock(first, matchesOf(first)[0]!, matchesOf)).toBe(true);
    expect(isFirstInBlock(bold, matchesOf(bold)[0]!, matchesOf)).toBe(true);
    expect(isFirstInBlock(last, matchesOf(last)[0]!, matchesOf)).toBe(false);
    expect(isFirstInBlock(other, matchesOf(other)[0]!, matchesOf)).toBe(true);
    expect(isFirstInBlock(loose, matchesOf(loose)[0]!, matchesOf)).toBe(true);
    const twice = [
      { start: 0, end: 1, entry: 1 },
      { start: 3, end: 4, entry: 1 },
    ];
    expect(isFirstInBlock(first, twice[1]!, () => twice)).toBe(false);
  });
});

describe('createFocusReturn', () => {
  it('gives the focus back to what had it when the card closes', () => {
    document.body.innerHTML = '<button id="before">前</button><div id="host" tabindex="-1"></div>';
    const before = document.getElementById('before')!;
    const host = document.getElementById('host')!;
    const focus = createFocusReturn(document, (el) => el === host);
    before.focus();
    focus.remember();
    host.focus();
    focus.remember(); // moving from card to card keeps the first
    focus.restore(true);
    expect(document.activeElement).toBe(before);
  });

  it('leaves the focus alone when nothing had it, and when the card no longer held it', () => {
    document.body.innerHTML = '<button id="other">别处</button><div id="host" tabindex="-1"></div>';
    const host = document.getElementById('host')!;
    const other = document.getElementById('other')!;
    const focus = createFocusReturn(document, (el) => el === host);
    (document.activeElement as HTMLElement | null)?.blur();
    focus.remember();
    host.focus();
    focus.restore(true);
    expect(document.activeElement).not.toBe(host);
    other.focus();
    focus.remember();
    host.focus();
    other.focus();
    focus.restore(false);
    expect(document.activeElement).toBe(other);
  });
});
