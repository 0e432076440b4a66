import { describe, expect, it } from 'vitest';
import { topSiteKeyOf, type FrameLocation } from './frameSite';

const frame = (over: Partial<FrameLocation>): FrameLocation => ({
  isTop: false,
  href: 'about:blank',
  origin: 'null',
  ancestorOrigins: [],
  topHref: null,
  ...over,
});

describe('the site a frame belongs to is the top-level page’s', () => {
  it('the top frame: its own address, or its origin where the address names no site', () => {
    expect(topSiteKeyOf(frame({ isTop: true, href: 'https://www.a.com/x', origin: 'https://www.a.com' }))).toBe(
      'www.a.com',
    );
    expect(topSiteKeyOf(frame({ isTop: true, href: 'about:blank', origin: 'https://a.com' }))).toBe('a.com');
    expect(topSiteKeyOf(frame({ isTop: true, href: 'blob:https://a.com/1-2', origin: 'https://a.com' }))).toBe('a.com');
    expect(topSiteKeyOf(frame({ isTop: true, href: 'file:///tmp/a.html', origin: 'file://' }))).toBe('file');
    expect(
      topSiteKeyOf(frame({ isTop: true, href: 'chrome-extension://id/pdf.html', origin: 'chrome-extension://id' })),
    ).toBeNull();
  });

  it.each([
    ['about:blank', 'about:blank', 'https://a.com'],
    ['srcdoc', 'about:srcdoc', 'https://a.com'],
    ['blob:', 'blob:https://a.com/0b1e', 'https://a.com'],
    ['data:', 'data:text/html,<p>x</p>', 'null'],
    ['a cross-site page', 'https://b.org/embed', 'https://b.org'],
  ])('a %s frame of a.com follows a.com', (_kind, href, origin) => {
    expect(topSiteKeyOf(frame({ href, origin, ancestorOrigins: ['https://a.com'] }))).toBe('a.com');
    // Nested: the outermost ancestor decides.
    expect(topSiteKeyOf(frame({ href, origin, ancestorOrigins: ['https://b.org', 'https://a.com'] }))).toBe('a.com');
  });

  it('a same-origin frame reads the top address; a hidden top origin falls back to the nearest known one', () => {
    expect(topSiteKeyOf(frame({ href: 'about:blank', topHref: 'https://a.com/page', ancestorOrigins: ['null'] }))).toBe(
      'a.com',
    );
    expect(
      topSiteKeyOf(
        frame({ href: 'https://c.net/', origin: 'https://c.net', ancestorOrigins: ['https://b.org', 'null'] }),
      ),
    ).toBe('b.org');
    expect(topSiteKeyOf(frame({ href: 'https://c.net/', origin: 'https://c.net', ancestorOrigins: ['null'] }))).toBe(
      'c.net',
    );
    expect(topSiteKeyOf(frame({ href: 'data:text/html,x', ancestorOrigins: ['null'] }))).toBeNull();
  });
});
