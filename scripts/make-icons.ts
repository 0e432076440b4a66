/**
 * Renders assets/icon.svg into the PNG icons the manifest names (public/icon/<size>.png).
 * Run by hand after changing the SVG (`npm run icons`); the PNGs are committed, so the
 * build never needs this script or its renderer.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;

export function renderIcon(svg: string | Buffer, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

function main() {
  const svg = readFileSync(resolve('assets/icon.svg'));
  const outDir = resolve('public/icon');
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const png = renderIcon(svg, size);
    writeFileSync(resolve(outDir, `${size}.png`), png);
    console.log(`public/icon/${size}.png  ${png.length} B`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
