/**
 * The popup ↔ PDF reader channel. The reader (pdf.html) is an extension page,
 * where no content script runs, so the popup's tabs.sendMessage cannot reach
 * it. For a tab showing the reader, the popup sends the same two questions by
 * runtime messaging instead, naming the reader's tab; each reader answers only
 * questions addressed to its own tab (several readers may be open).
 */
import { browser } from 'wxt/browser';
import { sendLensMessage } from './protocol';
import { senderKindOf, type SenderLike } from './senders';
import { LENS_READER_PAGE } from '@/lib/package/builtFiles';
import {
  answerPageQuestion,
  parsePageQuestion,
  type PageQuestionName,
  type PageQuestions,
  type RevealNumberRequest,
  type RevealRequest,
} from './pageQuestions';

/** A page question (pageQuestions.ts) addressed to the reader in one tab. */
interface ReaderQuestion {
  yibaoReader: PageQuestionName;
  tabId: number;
  data?: RevealRequest | RevealNumberRequest;
}

/** True for this extension's own PDF reader page. */
export function isLensReaderUrl(url: string | undefined): boolean {
  if (!url) return false;
  return url.split(/[?#]/)[0] === browser.runtime.getURL(LENS_READER_PAGE);
}

/** The reader's address for a PDF on the web. */
export function lensReaderUrlFor(pdfUrl: string): string {
  return `${browser.runtime.getURL(LENS_READER_PAGE)}?src=${encodeURIComponent(pdfUrl)}`;
}

/** An http(s) address whose path ends in .pdf: what the popup button and the context menu offer to open. */
export function looksLikePdfUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, pathname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && /\.pdf$/i.test(pathname);
  } catch {
    return false;
  }
}

/** A web page's tab: its content script (top frame); the reader's tab: the reader. */
export async function askPageTerms(target: { tabId: number; url?: string }): Promise<unknown> {
  if (isLensReaderUrl(target.url))
    return browser.runtime.sendMessage({ yibaoReader: 'listPageTerms', tabId: target.tabId } satisfies ReaderQuestion);
  return sendLensMessage('listPageTerms', undefined, { tabId: target.tabId, frameId: 0 });
}

export async function askRevealPageTerm(
  target: { tabId: number; url?: string },
  request: RevealRequest,
): Promise<unknown> {
  if (isLensReaderUrl(target.url))
    return browser.runtime.sendMessage({
      yibaoReader: 'revealPageTerm',
      tabId: target.tabId,
      data: request,
    } satisfies ReaderQuestion);
  return sendLensMessage('revealPageTerm', request, { tabId: target.tabId, frameId: 0 });
}

/** 本页的数字 of a web page's tab or the reader's tab (the answer is checked by the asker). */
export async function askPageNumbers(target: { tabId: number; url?: string }): Promise<unknown> {
  if (isLensReaderUrl(target.url))
    return browser.runtime.sendMessage({
      yibaoReader: 'listPageNumbers',
      tabId: target.tabId,
    } satisfies ReaderQuestion);
  return sendLensMessage('listPageNumbers', undefined, { tabId: target.tabId, frameId: 0 });
}

export async function askRevealPageNumber(
  target: { tabId: number; url?: string },
  request: RevealNumberRequest,
): Promise<unknown> {
  if (isLensReaderUrl(target.url))
    return browser.runtime.sendMessage({
      yibaoReader: 'revealPageNumber',
      tabId: target.tabId,
      data: request,
    } satisfies ReaderQuestion);
  return sendLensMessage('revealPageNumber', request, { tabId: target.tabId, frameId: 0 });
}

/** True for a message sent by one of this extension's own pages (the popup), not by a content script or another extension. */
function fromOwnPage(sender: SenderLike | undefined): boolean {
  return senderKindOf(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }) === 'extensionPage';
}

/**
 * In the reader: answers the popup's questions for `ownTabId`; questions from anything but our own pages, or of the
 * wrong shape, are not answered. Returns the remover.
 */
export function answerReaderQuestions(ownTabId: number, answers: PageQuestions): () => void {
  const listener = (message: unknown, sender: SenderLike, sendResponse: (answer: unknown) => void) => {
    if (typeof message !== 'object' || message === null) return false;
    const { yibaoReader, tabId, data } = message as Partial<ReaderQuestion>;
    if (tabId !== ownTabId || !fromOwnPage(sender)) return false;
    const question = parsePageQuestion(yibaoReader, data);
    if (!question) return false;
    answerPageQuestion(answers, question).then(sendResponse, () => sendResponse(null));
    // Keeps the channel open for the answer, which comes once the page is fully matched.
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
