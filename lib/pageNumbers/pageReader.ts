/**
 * 本页的数字 on a web page: reads the document once when asked (the popup list, the checker or a card), again only
 * after the page changed, and shows a number in place (scrolled to, marked with a CSS highlight; no page node
 * changes). Lives in the lazily loaded page-numbers module, never in the engine every page loads.
 */
import { extractPageNumbers } from './extract';
import { readPageDate } from './pageDate';
import { pageMeta, readDom, type DomPage } from './readDom';
import type { PageNumber } from './types';
import {
  PAGE_NUMBER_TERMS,
  describePageNumberScope,
  formatPageNumberValue,
  toPageNumberItems,
  type PageNumbersAnswer,
} from './wire';

export const PAGE_NUMBER_HIGHLIGHT = 'yibao-lens-number';

/** One link of the card's 「本页写的是」 line. */
export interface PageNumberLink {
  index: number;
  text: string;
}

export interface PageNumberReader {
  answer(): PageNumbersAnswer;
  reveal(index: number): boolean;
  forTerm(termId: string): PageNumberLink[];
  stop(): void;
}

interface Reading {
  dom: DomPage;
  found: PageNumber[];
  answer: PageNumbersAnswer;
}

export function createPageNumberReader(doc: Document): PageNumberReader {
  let reading: Reading | null = null;
  const observer = new MutationObserver((records) => {
    // Our own host (the card) changing is not the page changing.
    if (records.some((r) => !(r.target as Element).closest?.('yibao-lens-host'))) reading = null;
  });
  let observing = false;

  const read = (): Reading => {
    if (reading) return reading;
    const root = doc.body ?? doc.documentElement;
    const dom = readDom(root, doc.title);
    const found = extractPageNumbers(dom.page);
    const date = readPageDate(pageMeta(doc), (root.textContent ?? '').slice(0, 3000));
    reading = {
      dom,
      found,
      answer: { title: doc.title, url: doc.location?.href ?? '', date, numbers: toPageNumberItems(found) },
    };
    if (!observing) {
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      observing = true;
    }
    return reading;
  };

  return {
    answer: () => read().answer,
    reveal(index) {
      const { dom, found } = read();
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
    forTerm(termId) {
      const params = PAGE_NUMBER_TERMS[termId];
      if (!params) return [];
      const { answer } = read();
      return answer.numbers
        .filter((n) => params.includes(n.param))
        .map((n) => {
          const scope = describePageNumberScope(n);
          return { index: n.index, text: scope ? `${scope} ${formatPageNumberValue(n)}` : formatPageNumberValue(n) };
        });
    },
    stop() {
      observer.disconnect();
      reading = null;
    },
  };
}
