/**
 * 本页的数字 for the content engine: the number reader (lib/pageNumbers), built as its own file of the package
 * and imported by the engine only when the popup list, the checker or a card asks for a page's numbers, so pages
 * where nobody asks never load it. It registers itself on the content script's isolated global.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageNumberReader } from '@/lib/pageNumbers/pageReader';
import { LENS_PAGE_NUMBERS_GLOBAL, type LensPageNumbersModule } from '@/lib/pageNumbers/moduleContract';

const pageNumbersModule: LensPageNumbersModule = { createPageNumberReader };

export default defineUnlistedScript(() => {
  (globalThis as { [LENS_PAGE_NUMBERS_GLOBAL]?: LensPageNumbersModule })[LENS_PAGE_NUMBERS_GLOBAL] = pageNumbersModule;
});
