/**
 * A Vite plugin for the build: the stylesheet linked by the named extension pages is written into the page itself as
 * a <style> element instead of a <link> to a file, so the first frame waits on no file (a linked stylesheet blocks
 * rendering until it arrives). The extension pages' CSP restricts scripts, not styles. The file itself still ships:
 * a lazy chunk that shares modules with the page's entry lists it among its deps, and Vite's preload links it
 * (after the first view; the same rules, so nothing changes on screen) before that chunk runs.
 */
import type { Plugin } from 'vite';

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g;

/** The <style> text of a stylesheet: `</style` can never close the element early (CSS escapes it as `<\/style`). */
export function styleElementFor(css: string): string {
  return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
}

/** Replaces every stylesheet link of `html` found in `files` by its text; links to files not found stay. */
export function inlineStylesheets(html: string, files: (fileName: string) => string | null): string {
  return html.replace(STYLESHEET_LINK, (link, fileName: string) => {
    const css = files(fileName);
    return css === null ? link : styleElementFor(css.trim());
  });
}

/** `pages`: each page as the last two parts of its source path (`popup/index.html`). */
export function inlinePageCss(pages: string[]): Plugin {
  return {
    name: 'yibao-lens:inline-page-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const page = ctx.filename.split(/[\\/]/).slice(-2).join('/');
        if (!ctx.bundle || !pages.includes(page)) return html;
        const bundle = ctx.bundle;
        return inlineStylesheets(html, (fileName) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return null;
          return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        });
      },
    },
  };
}
