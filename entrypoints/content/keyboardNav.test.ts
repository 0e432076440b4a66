// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pickNeighbour, shortcutDirection, type ViewportPosition } from './keyboardNav';

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
  const key = (code: string, init: KeyboardEventInit = {}, target: Element = document.body, trusted = true) => {
    const event = new KeyboardEvent('keydown', { code, altKey: true, bubbles: true, ...init });
    // The browser's own key events are trusted; a page script's are not.
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    let direction: 1 | -1 | null = null;
    target.addEventListener('keydown', (e) => (direction = shortcutDirection(e as KeyboardEvent)), { once: true });
    target.dispatchEvent(event);
    return direction;
  };
  it('is Alt+J for next and Alt+K for previous', () => {
    expect(key('KeyJ')).toBe(1);
    expect(key('KeyK')).toBe(-1);
  });
  it('ignores a page script’s synthetic Alt+J / Alt+K', () => {
    expect(key('KeyJ', {}, document.body, false)).toBeNull();
    expect(key('KeyK', {}, document.body, false)).toBeNull();
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
