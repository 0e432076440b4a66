/**
 * The page's questions, declared once: what terms a page has (本页术语) and "show me this occurrence". The engine
 * answers them (entrypoints/content/pageQuestions.ts), the popup asks them of a web page's content script through
 * the protocol (protocol.ts) or of the PDF reader through its channel (readerChannel.ts), and both receivers read
 * the request with `parsePageQuestion`. No imports: the content script carries this module (no zod there).
 */

export interface PageTermCount {
  id: string;
  /** The glossary term, or for a look-alike sense its own name (养老保险个人账户). */
  term: string;
  count: number;
  /** Set when these occurrences mean a look-alike sense, not the 医保 term; listed apart. */
  sense?: { id: string; name: string };
}

/**
 * Scroll to an occurrence of a term (in a look-alike `sense`, if given) and open its card (focus inside).
 * `occurrence`: its index in reading order (default 0, the first shown), or 'next' for the one after the open card
 * (or, with no card of it open, the first from the viewport down).
 */
export interface RevealRequest {
  id: string;
  sense?: string;
  occurrence?: number | 'next';
}

/** Show the page's `index`-th number (本页的数字) where the page states it. */
export interface RevealNumberRequest {
  index: number;
}

/** What a page (a web page's engine, the PDF reader) answers. */
export interface PageQuestions {
  listPageTerms(): Promise<PageTermCount[]>;
  revealPageTerm(request: RevealRequest): Promise<boolean>;
  /** 本页的数字: the policy numbers the page states (lib/pageNumbers/wire.ts's PageNumbersAnswer; checked on arrival). */
  listPageNumbers(): Promise<unknown>;
  revealPageNumber(request: RevealNumberRequest): Promise<boolean>;
}

export type PageQuestionName = keyof PageQuestions;

/** The same questions as messages of the protocol map (@webext-core/messaging's shape: data in, answer out). */
export type PageQuestionMessages = {
  [Name in PageQuestionName]: (...data: Parameters<PageQuestions[Name]>) => Awaited<ReturnType<PageQuestions[Name]>>;
};

export type PageQuestion =
  | { name: 'listPageTerms' }
  | { name: 'revealPageTerm'; request: RevealRequest }
  | { name: 'listPageNumbers' }
  | { name: 'revealPageNumber'; request: RevealNumberRequest };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The request of a reveal question, or null when its shape is wrong (ids are not checked here: unknown ones find nothing). */
export function parseRevealRequest(data: unknown): RevealRequest | null {
  if (!isRecord(data) || typeof data.id !== 'string' || data.id === '' || data.id.length > 200) return null;
  const { id, sense, occurrence } = data;
  if (sense !== undefined && typeof sense !== 'string') return null;
  if (
    occurrence !== undefined &&
    occurrence !== 'next' &&
    !(typeof occurrence === 'number' && Number.isInteger(occurrence) && occurrence >= 0)
  )
    return null;
  return {
    id,
    ...(sense !== undefined ? { sense } : {}),
    ...(occurrence !== undefined ? { occurrence } : {}),
  };
}

/** The request of a reveal-number question, or null when its shape is wrong. */
export function parseRevealNumberRequest(data: unknown): RevealNumberRequest | null {
  if (!isRecord(data) || typeof data.index !== 'number' || !Number.isInteger(data.index) || data.index < 0) return null;
  return { index: data.index };
}

/** A question by name and data, or null when the name is not one of ours or the data is malformed. */
export function parsePageQuestion(name: unknown, data: unknown): PageQuestion | null {
  if (name === 'listPageTerms' || name === 'listPageNumbers') return { name };
  if (name === 'revealPageNumber') {
    const request = parseRevealNumberRequest(data);
    return request ? { name, request } : null;
  }
  if (name !== 'revealPageTerm') return null;
  const request = parseRevealRequest(data);
  return request ? { name, request } : null;
}

/** Answers a parsed question with `answers`. */
export function answerPageQuestion(answers: PageQuestions, question: PageQuestion): Promise<unknown> {
  switch (question.name) {
    case 'listPageTerms':
      return answers.listPageTerms();
    case 'revealPageTerm':
      return answers.revealPageTerm(question.request);
    case 'listPageNumbers':
      return answers.listPageNumbers();
    case 'revealPageNumber':
      return answers.revealPageNumber(question.request);
  }
}

/** The shape of an answer to listPageTerms (what the popup accepts from a page). */
export function isPageTermList(value: unknown): value is PageTermCount[] {
  return (
    Array.isArray(value) &&
    value.every(
      (t) => isRecord(t) && typeof t.id === 'string' && typeof t.term === 'string' && typeof t.count === 'number',
    )
  );
}
