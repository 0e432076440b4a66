/**
 * The contract between the content engine and the lazily loaded page-number module (entrypoints/page-numbers.ts).
 * Type-only apart from the global's name, so the engine carries none of the reader.
 */
import type { PageNumbersAnswer } from './wire';

/** One link of the card's 「本页写的是」 line. */
export interface PageNumberLink {
  index: number;
  text: string;
}

/** What a page's numbers answer: the list, showing one, and the links for a term's card. */
export interface PageNumberSource {
  answer(): Promise<PageNumbersAnswer | null>;
  reveal(index: number): Promise<boolean>;
  forTerm(termId: string): Promise<PageNumberLink[]>;
}

export interface LensPageNumbersModule {
  createPageNumberReader(doc: Document): PageNumberSource & { stop(): void };
}

export const LENS_PAGE_NUMBERS_GLOBAL = '__yibaoLensPageNumbers';
