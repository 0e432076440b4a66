import { describe, expect, it } from 'vitest';
import { highlightName, markKinds } from './highlights';

describe('kinds of marks', () => {
  it('draws a term that starts where the last one ended apart from it, alternating along a run', () => {
    const m = (start: number, end: number, sense?: string) => ({ start, end, entry: 0, ...(sense ? { sense } : {}) });
    expect(markKinds([m(0, 4), m(4, 8), m(8, 11), m(12, 15)])).toEqual(['term', 'next', 'term', 'term']);
    expect(markKinds([m(0, 4), m(5, 9)])).toEqual(['term', 'term']);
  });

  it('marks a look-alike sense as its own, lighter kind', () => {
    expect(markKinds([{ start: 0, end: 4, entry: 0, sense: 'pension-account' }])).toEqual(['sense']);
  });

  it('names each style, kind and background tone, and nothing for 不标记', () => {
    expect(highlightName('underline', 'term', 'light')).toBe('yibao-lens-term');
    expect(highlightName('underline', 'sense', 'dark')).toBe('yibao-lens-term-sense-dark');
    expect(highlightName('background', 'next', 'light')).toBe('yibao-lens-term-bg-next');
    expect(highlightName('none', 'term', 'light')).toBeNull();
  });
});
