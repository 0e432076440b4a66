import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { answerReaderQuestions, isLensReaderUrl, lensReaderUrlFor, looksLikePdfUrl } from './readerChannel';

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

describe('the reader answers the page questions', () => {
  const ownPage = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
  const ask = async (message: unknown, sender: { id?: string; url?: string }) => {
    let answer: unknown = 'unanswered';
    const results = await fakeBrowser.runtime.onMessage.trigger(message, sender, (value: unknown) => (answer = value));
    await Promise.resolve();
    await Promise.resolve();
    return { kept: results.some((r) => (r as unknown) === true), answer };
  };

  it('passes the occurrence on (下一处 goes to the next one), only for its own tab and from our own pages', async () => {
    fakeBrowser.reset();
    const answers = {
      listPageTerms: vi.fn(async () => []),
      revealPageTerm: vi.fn(async () => true),
      listPageNumbers: vi.fn(async () => null),
      revealPageNumber: vi.fn(async () => true),
    };
    const remove = answerReaderQuestions(7, answers);
    const reveal = { yibaoReader: 'revealPageTerm', tabId: 7, data: { id: 'grzh', occurrence: 'next' } };
    expect(await ask(reveal, ownPage())).toEqual({ kept: true, answer: true });
    expect(answers.revealPageTerm).toHaveBeenCalledWith({ id: 'grzh', occurrence: 'next' });
    // Another tab's reader, a content script of a web page, another extension, a malformed request: no answer.
    expect((await ask({ ...reveal, tabId: 8 }, ownPage())).kept).toBe(false);
    expect((await ask(reveal, { id: browser.runtime.id, url: 'https://example.cn/' })).kept).toBe(false);
    expect((await ask(reveal, { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' })).kept).toBe(
      false,
    );
    expect((await ask({ ...reveal, data: { id: 3 } }, ownPage())).kept).toBe(false);
    expect(answers.revealPageTerm).toHaveBeenCalledTimes(1);
    remove();
  });
});
