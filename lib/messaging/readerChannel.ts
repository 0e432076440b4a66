/**
 * The popup ↔ PDF reader channel. The reader (pdf.html) is an extension page,
 * where no content script runs, so the popup's tabs.sendMessage cannot reach
 * it. For a tab showing the reader, the popup sends the same two questions by
 * runtime messaging instead, naming the reader's tab; each reader answers only
 * questions addressed to its own tab (several readers may be open).
 */
import { browser } from 'wxt/browser';
import { sendLensMessage, type PageTermCount } from './protocol';

export const LENS_READER_PATH = '/pdf.html';

type ReaderQuestion =
  | { yibaoReader: 'listPageTerms'; tabId: number }
  | { yibaoReader: 'revealPageTerm'; tabId: number; id: string; sense?: string };

export interface ReaderAnswers {
  listPageTerms(): Promise<PageTermCount[]>;
  revealPageTerm(id: string, sense?: string): Promise<boolean>;
}

/** True for this extension's own PDF reader page. */
export function isLensReaderUrl(url: string | undefined): boolean {
  if (!url) return false;
  return url.split(/[?#]/)[0] === browser.runtime.getURL(LENS_READER_PATH);
}

/** The reader's address for a PDF on the web. */
export function lensReaderUrlFor(pdfUrl: string): string {
  return `${browser.runtime.getURL(LENS_READER_PATH)}?src=${encodeURIComponent(pdfUrl)}`;
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
  id: string,
  sense?: string,
  /** Which occurrence (protocol.ts); the reader page answers with its first one. */
  occurrence?: number | 'next',
): Promise<unknown> {
  if (isLensReaderUrl(target.url))
    return browser.runtime.sendMessage({
      yibaoReader: 'revealPageTerm',
      tabId: target.tabId,
      id,
      sense,
    } satisfies ReaderQuestion);
  return sendLensMessage('revealPageTerm', { id, sense, occurrence }, { tabId: target.tabId, frameId: 0 });
}

/** In the reader: answers the popup's questions for `ownTabId`. Returns the remover. */
export function answerReaderQuestions(ownTabId: number, answers: ReaderAnswers): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const question = message as Partial<ReaderQuestion> | null;
    if (typeof question !== 'object' || question === null || question.tabId !== ownTabId) return false;
    let answer: Promise<unknown>;
    if (question.yibaoReader === 'listPageTerms') answer = answers.listPageTerms();
    else if (question.yibaoReader === 'revealPageTerm' && typeof question.id === 'string')
      answer = answers.revealPageTerm(question.id, typeof question.sense === 'string' ? question.sense : undefined);
    else return false;
    answer.then(sendResponse, () => sendResponse(null));
    // Keeps the channel open for the answer, which comes once the page is fully matched.
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
