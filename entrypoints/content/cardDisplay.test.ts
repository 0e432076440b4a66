// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createFocusReturn, pageWordOf } from './cardDisplay';

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

describe('pageWordOf', () => {
  it('reads the words the page uses for an occurrence, also across markup', () => {
    document.body.innerHTML = '<p>中断缴费以后</p><p>个人<b>账户</b></p>';
    const first = document.querySelector('p')!.firstChild as Text;
    expect(pageWordOf({ node: first, match: { start: 0, end: 4, entry: 0 } })).toBe('中断缴费');
    const split = document.querySelectorAll('p')[1]!;
    const endNode = split.querySelector('b')!.firstChild as Text;
    expect(pageWordOf({ node: split.firstChild as Text, match: { start: 0, end: 2, entry: 0, endNode } })).toBe(
      '个人账户',
    );
  });
});
