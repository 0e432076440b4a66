/**
 * 本页的数字 on a web page: reads the document once when asked (the popup list, the checker or a card), again only
 * after the page changed, and shows a number in place (scrolled to, marked with a CSS highlight; no page node
 * changes). Lives in the lazily loaded page-numbers module, never in the engine every page loads.
 */
import { extractPageNumbersInSlices } from './extract';
import { readPageDate, readPageText } from './pageDate';
import { readDom, type DomPage } from './readDom';
import type { PageNumber } from './types';
import type { PageNumberLink } from './moduleContract';
import { linksForTerm, toPageNumberItems, type PageNumbersAnswer } from './wire';

export const PAGE_NUMBER_HIGHLIGHT = 'yibao-lens-number';

export interface PageNumberReader {
  answer(): Promise<PageNumbersAnswer>;
  reveal(index: number): Promise<boolean>;
  forTerm(termId: string): Promise<PageNumberLink[]>;
  stop(): void;
}

interface Reading {
  dom: DomPage;
  found: PageNumber[];
  answer: PageNumbersAnswer;
}

export function createPageNumberReader(doc: Document): PageNumberReader {
  let reading: Promise<Reading> | null = null;
  const observer = new MutationObserver((records) => {
    // Our own host (the card) changing is not the page changing.
    if (records.some((r) => !(r.target as Element).closest?.('yibao-lens-host'))) reading = null;
  });
  let observing = false;

  const readNow = async (): Promise<Reading> => {
    const root = doc.body ?? doc.documentElement;
    if (!observing) {
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      observing = true;
    }
    const dom = readDom(root, doc.title);
    const found = await extractPageNumbersInSlices(dom.page);
    const date = readPageDate(readPageText(doc));
    return {
      dom,
      found,
      answer: { title: doc.title, url: doc.location?.href ?? '', date, numbers: toPageNumberItems(found) },
    };
  };
  const read = (): Promise<Reading> => (reading ??= readNow());

  return {
    answer: async () => (await read()).answer,
    async reveal(index) {
      const { dom, found } = await read();
      const place = found[index]?.place;
      if (!place) return false;
      const range = dom.rangeOf(place);
      const element = dom.elementOf(place);
      if (!range || !element) return false;
      element.scrollIntoView({ block: 'center' });
      const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
      const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
      if (registry && HighlightCtor) registry.set(PAGE_NUMBER_HIGHLIGHT, new HighlightCtor(range));
      return true;
    },
    forTerm: async (termId) => linksForTerm((await read()).answer, termId),
    stop() {
      observer.disconnect();
      reading = null;
    },
  };
}
