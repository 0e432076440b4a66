/**
 * The name of every built file the code refers to, in one place (wxt.config.ts, the loader, the card host, the popup's
 * wake, the reader channel, the background). No imports: the loader carries this module.
 */

/** The loader, the manifest's one content script, and its stylesheet (the marks' ::highlight rules). */
export const LENS_LOADER_SCRIPT = '/content-loader.js';
export const LENS_MARK_STYLESHEET = '/content-marks.css';
/** The engine, imported by the loader on pages with Chinese text. */
export const LENS_ENGINE_SCRIPT = '/content-engine.js';
/** The card module (React and the card texts), imported on the first hover. */
export const LENS_CARD_SCRIPT = '/card-ui.js';
/** The page-number reader (本页的数字), imported when the popup, the checker or a card asks for a page's numbers. */
export const LENS_PAGE_NUMBERS_SCRIPT = '/page-numbers.js';
/** The PDF reader page and the popup page. */
export const LENS_READER_PAGE = '/pdf.html';
export const LENS_POPUP_PAGE = '/popup.html';
