import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import { manifestCommands } from './lib/keys/keymap';
import { inlinePageCss } from './scripts/build/inlinePageCss';
import { pageDataBlock } from './scripts/build/pageDataBlock';
import {
  LENS_CARD_SCRIPT,
  LENS_PAGE_NUMBERS_SCRIPT,
  LENS_ENGINE_SCRIPT,
  LENS_LOADER_SCRIPT,
  LENS_MARK_STYLESHEET,
} from './lib/package/builtFiles';
import { POPUP_QUICK_TABLE_ELEMENT_ID } from './lib/search/quickTableElement';

// The popup's quick search table (npm run compile-data), written into popup.html as a data block.
const QUICK_TABLE_FILE = join(import.meta.dirname, 'generated/popup-quick.json');

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// PDF reader: pdf.js needs a character map (CMap) to read Chinese text set in fonts the PDF does not embed, common in
// policy documents. Only the simplified-Chinese (GB) ones are shipped (about 290 KB), as files of the package.
const PDFJS_CMAP_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
const PDFJS_GB_CMAPS = readdirSync(PDFJS_CMAP_DIR).filter((name) => /GB/.test(name) && name.endsWith('.bcmap'));

// The content script of every page is the loader, declared here rather than by defineContentScript (see
// entrypoints/content-loader.ts). Its stylesheet holds only the ::highlight rules of the marks.
const MARK_STYLESHEET = LENS_MARK_STYLESHEET.slice(1);
const LOADER_CONTENT_SCRIPT = {
  matches: ['<all_urls>'],
  js: [LENS_LOADER_SCRIPT.slice(1)],
  css: [MARK_STYLESHEET],
  all_frames: true,
  match_about_blank: true,
  match_origin_as_fallback: true,
  run_at: 'document_idle' as const,
};

// V8's explicit compile hint: every function of the engine is compiled with the file, and so kept in Chromium's code
// cache, instead of compiled lazily on every page as it first runs (measured: about a fifth of the engine's
// main-thread time on a news page).
const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const ENGINE_FILE = LENS_ENGINE_SCRIPT.slice(1);

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Project code imports what it uses; no auto-imports hiding the dependency graph.
  imports: false,
  vite: () => ({
    json: { stringify: true },
    build: { minify: process.env.LENS_NO_MINIFY ? false : undefined },
    // The popup's first frame waits on no stylesheet file.
    plugins: [
      inlinePageCss(['popup/index.html']),
      pageDataBlock({ page: 'popup/index.html', id: POPUP_QUICK_TABLE_ELEMENT_ID, file: QUICK_TABLE_FILE }),
    ],
  }),
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Custom Highlight API (105), storage.session (102), match_origin_as_fallback (119).
    minimum_chrome_version: '123',
    // storage: settings and checker inputs, on this device only.
    // contextMenus: 「用懂医保查询“%s”」 on selected text.
    // activeTab: the popup and the toggle-site shortcut read the current tab's address (after a click or a shortcut only).
    // scripting: with activeTab, the popup wakes the loader of the page it was opened on (or injects it into a page
    // opened before the extension was installed), so 本页术语 answers there too; it reaches no other tab.
    // The content script is declared with <all_urls>, which needs no host_permissions.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    content_scripts: [LOADER_CONTENT_SCRIPT],
    icons: ICONS,
    // The toolbar tooltip (default_title) comes from the popup's <title>.
    action: { default_icon: ICONS },
    // Their keys and labels are declared with every other key in lib/keys/keymap.ts.
    commands: manifestCommands(),
    // The engine, the card and the page-number reader are imported by the content script from the package; use_dynamic_url keeps their
    // address unguessable for pages (a per-session id instead of the extension's fixed one).
    web_accessible_resources: [
      {
        resources: [LENS_ENGINE_SCRIPT.slice(1), LENS_CARD_SCRIPT.slice(1), LENS_PAGE_NUMBERS_SCRIPT.slice(1)],
        matches: ['<all_urls>'],
        use_dynamic_url: true,
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
  hooks: {
    'build:done': (wxt) => {
      const file = join(wxt.config.outDir, ENGINE_FILE);
      const code = readFileSync(file, 'utf8');
      if (!code.startsWith(EAGER_COMPILE_HINT)) writeFileSync(file, EAGER_COMPILE_HINT + code);
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: join(import.meta.dirname, 'entrypoints/content/style.css'),
        relativeDest: MARK_STYLESHEET,
      });
      for (const name of PDFJS_GB_CMAPS)
        files.push({ absoluteSrc: join(PDFJS_CMAP_DIR, name), relativeDest: `pdfjs/cmaps/${name}` });
    },
  },
  // `npm run zip`: .output/yibao-lens-<package.json version>-chrome.zip and …-edge.zip, both MV3 from the same source.
  zip: {
    name: 'yibao-lens',
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    zipSources: false,
  },
});
