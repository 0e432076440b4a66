import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { isLensReaderUrl, lensReaderUrlFor, looksLikePdfUrl } from './readerChannel';

describe('PDF reader addresses', () => {
  it('offers the reader for http(s) addresses whose path ends in .pdf, and nothing else', () => {
    expect(looksLikePdfUrl('https://ybj.example.gov.cn/files/2024/通知.pdf')).toBe(true);
    expect(looksLikePdfUrl('http://example.cn/a/B.PDF?download=1#page=2')).toBe(true);
    expect(looksLikePdfUrl('https://example.cn/a.pdf.html')).toBe(false);
    expect(looksLikePdfUrl('https://example.cn/view?file=a.pdf')).toBe(false);
    expect(looksLikePdfUrl('file:///home/me/a.pdf')).toBe(false);
    expect(looksLikePdfUrl('chrome://settings/a.pdf')).toBe(false);
    expect(looksLikePdfUrl(undefined)).toBe(false);
    expect(looksLikePdfUrl('not a url')).toBe(false);
  });

  it('puts the PDF address in ?src= and reads back exactly that http(s) address', () => {
    const pdf = 'https://example.cn/files/医保 政策.pdf?v=2&x=1#p3';
    const reader = lensReaderUrlFor(pdf);
    expect(reader.startsWith(browser.runtime.getURL('/pdf.html'))).toBe(true);
    expect(isLensReaderUrl(reader)).toBe(true);
    expect(new URL(reader).searchParams.get('src')).toBe(pdf);
    expect(isLensReaderUrl(browser.runtime.getURL('/popup.html'))).toBe(false);
    expect(isLensReaderUrl('https://example.cn/pdf.html')).toBe(false);
  });
});
