/**
 * A Vite plugin: a JSON file is written into an extension page as an inert data block
 * (`<script type="application/json" id="…">`), which the page's script reads with JSON.parse. The page's first
 * script then carries no data: it is smaller to fetch and compile. A data block is never run, so the extension
 * pages' CSP (script-src 'self') allows it.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The block's text: JSON whose `<` are escaped (\u003c), so no `</script` or `<!--` can end it early. */
export function dataBlockFor(id: string, json: string): string {
  const text = JSON.stringify(JSON.parse(json)).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${id}">${text}</script>`;
}

export function pageDataBlock(options: { page: string; id: string; file: string }): Plugin {
  return {
    name: 'yibao-lens:page-data-block',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.filename.split(/[\\/]/).slice(-2).join('/') !== options.page) return html;
        const block = dataBlockFor(options.id, readFileSync(options.file, 'utf8'));
        return html.replace('</body>', `${block}\n</body>`);
      },
    },
  };
}
