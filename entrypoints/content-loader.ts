/**
 * The content script of every page (declared in wxt.config.ts, not by defineContentScript: WXT's content-script
 * wrapper would set up its context and touch chrome.runtime on every page). See content/loader.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLoader } from './content/loader';

export default defineUnlistedScript(startLoader);
