import { describe, expect, it } from 'vitest';
import {
  LENS_COMMANDS,
  LENS_PAGE_KEYS,
  chordLabel,
  keyActionOf,
  manifestCommands,
  pageKeyLabel,
  type PageKeyAction,
} from './keymap';

const press = (
  init: Partial<{ code: string; key: string; alt: boolean; shift: boolean; ctrl: boolean; meta: boolean }>,
) => ({
  code: init.code ?? '',
  key: init.key ?? '',
  altKey: !!init.alt,
  shiftKey: !!init.shift,
  ctrlKey: !!init.ctrl,
  metaKey: !!init.meta,
});
const ALL = Object.keys(LENS_PAGE_KEYS) as PageKeyAction[];

describe('the keymap: every key declared once', () => {
  it('finds the action of a key press, with exactly the declared modifiers', () => {
    expect(keyActionOf(press({ code: 'KeyJ', key: 'j', alt: true }), ALL)).toBe('nextTerm');
    expect(keyActionOf(press({ code: 'KeyK', key: 'k', alt: true }), ALL)).toBe('previousTerm');
    expect(keyActionOf(press({ code: 'KeyJ', key: 'j', alt: true, shift: true }), ALL)).toBeNull();
    expect(keyActionOf(press({ code: 'KeyJ', key: 'j', ctrl: true }), ALL)).toBeNull();
    expect(keyActionOf(press({ code: 'KeyJ', key: 'j' }), ALL)).toBeNull();
    expect(keyActionOf(press({ key: 'Escape', shift: true }), ALL)).toBe('closeCard');
    expect(keyActionOf(press({ key: 'Backspace' }), ALL)).toBe('cardBack');
    expect(keyActionOf(press({ key: 'ArrowLeft', alt: true }), ALL)).toBe('cardBack');
    expect(keyActionOf(press({ key: 'ArrowLeft' }), ALL)).toBeNull();
  });

  it('asks only the actions a handler answers', () => {
    expect(keyActionOf(press({ key: 'Escape' }), ['nextTerm', 'previousTerm'])).toBeNull();
  });

  it('writes keys for people and gives the manifest its commands', () => {
    expect(chordLabel(LENS_PAGE_KEYS.nextTerm.chords[0])).toBe('Alt+J');
    expect(pageKeyLabel('closeCard')).toBe('Esc');
    expect(pageKeyLabel('cardBack')).toBe('Backspace 或 Alt+←');
    expect(manifestCommands()).toEqual({
      _execute_action: { suggested_key: { default: LENS_COMMANDS._execute_action.suggestedKey } },
      'toggle-site': { suggested_key: { default: 'Alt+Shift+U' }, description: '__MSG_cmdToggleSite__' },
    });
  });
});
