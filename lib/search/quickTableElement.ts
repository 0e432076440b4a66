/**
 * The id of popup.html's inert data block (`<script type="application/json">`) holding the quick search table
 * (./quickSearch.ts), shared by the build, which writes it (wxt.config.ts), and the popup, which reads it. Its own
 * module: the popup's first script carries it, with no other chunk to fetch.
 */
export const POPUP_QUICK_TABLE_ELEMENT_ID = 'yl-quick-table';
