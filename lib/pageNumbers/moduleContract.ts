/** The contract between the content engine and the lazily loaded page-numbers module (type-only apart from names). */
import type { PageNumberReader } from './pageReader';

export const LENS_PAGE_NUMBERS_SCRIPT = '/page-numbers.js';
export const LENS_PAGE_NUMBERS_GLOBAL = '__yibaoLensPageNumbers';

export interface LensPageNumbersModule {
  createPageNumberReader(doc: Document): PageNumberReader;
}
