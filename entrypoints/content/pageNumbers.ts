/**
 * 本页的数字 for the engine: the number reader is its own file of the package (entrypoints/page-numbers.ts),
 * imported only when the popup list, the checker or a card asks, and only on a page where the engine found 医保
 * terms. The engine itself carries only this loader.
 */
import { browser } from 'wxt/browser';
import { LENS_PAGE_NUMBERS_SCRIPT } from '@/lib/package/builtFiles';
import {
  LENS_PAGE_NUMBERS_GLOBAL,
  type LensPageNumbersModule,
  type PageNumberSource,
} from '@/lib/pageNumbers/moduleContract';

async function importReader(): Promise<LensPageNumbersModule> {
  const world = globalThis as { [LENS_PAGE_NUMBERS_GLOBAL]?: LensPageNumbersModule };
  // An own property of the isolated world only: a page element with that id is a named property of the window too.
  const own = () => (Object.hasOwn(world, LENS_PAGE_NUMBERS_GLOBAL) ? world[LENS_PAGE_NUMBERS_GLOBAL] : undefined);
  if (!own()) {
    const ownPage = location.host === browser.runtime.id;
    await import(
      /* @vite-ignore */ ownPage ? LENS_PAGE_NUMBERS_SCRIPT : browser.runtime.getURL(LENS_PAGE_NUMBERS_SCRIPT)
    );
  }
  const module = own();
  if (!module) throw new Error('page-numbers module did not register');
  return module;
}

/** `hasTerms`: whether the page has any 医保 term (a page without any is never read for numbers). */
export function createEnginePageNumbers(
  doc: Document,
  hasTerms: () => Promise<boolean>,
  signal: AbortSignal,
): PageNumberSource {
  let reader: Promise<PageNumberSource & { stop(): void }> | null = null;
  const load = () =>
    (reader ??= importReader().then((module) => {
      const created = module.createPageNumberReader(doc);
      signal.addEventListener('abort', () => created.stop(), { once: true });
      return created;
    }));
  const ifTerms = async <T>(empty: T, ask: (r: PageNumberSource) => Promise<T>): Promise<T> =>
    (await hasTerms()) ? ask(await load()) : empty;
  return {
    answer: () => ifTerms({ title: doc.title, url: location.href, date: null, numbers: [] }, (r) => r.answer()),
    reveal: (index) => ifTerms(false, (r) => r.reveal(index)),
    forTerm: (termId) => ifTerms([], (r) => r.forTerm(termId)),
  };
}
