/**
 * Renders assets/icon.svg into the PNG icons the manifest names (public/icon/<size>.png)
 * and the store logo (store/logo-300.png). Run by hand after changing the SVG
 * (`npm run icons`); the PNGs are committed, so the build never needs this script.
 *
 * The 128 px icon keeps 16 px of transparent padding around 96 px of artwork, as the
 * Chrome Web Store asks; the toolbar sizes (16, 32, 48) use the whole square so the
 * mark stays legible.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;

/** Transparent padding, in output pixels, per rendered size. */
export const ICON_PADDING: Record<number, number> = { 128: 16 };

/** Widens the SVG's viewBox so that `padding` px of an `size` px render stay empty on each side. */
export function padIconSvg(svg: string, size: number, padding: number): string {
  if (!padding) return svg;
  const match = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg);
  if (!match) throw new Error('assets/icon.svg needs a viewBox');
  const [x, y, w, h] = match.slice(1).map(Number) as [number, number, number, number];
  const scale = size / (size - 2 * padding);
  const nw = w * scale;
  const nh = h * scale;
  const viewBox = `${x - (nw - w) / 2} ${y - (nh - h) / 2} ${nw} ${nh}`;
  return svg.replace(match[0], `viewBox="${viewBox}"`);
}

export function renderIcon(svg: string, size: number, padding = ICON_PADDING[size] ?? 0): Buffer {
  return new Resvg(padIconSvg(svg, size, padding), {
    fitTo: { mode: 'width', value: size },
    background: 'rgba(0,0,0,0)',
  })
    .render()
    .asPng();
}

function main() {
  const svg = readFileSync(resolve('assets/icon.svg'), 'utf8');
  const outputs: [string, Buffer][] = [
    ...ICON_SIZES.map((size): [string, Buffer] => [`public/icon/${size}.png`, renderIcon(svg, size)]),
    // Edge Add-ons asks for a 300×300 logo; the artwork fills it like the toolbar icons.
    ['store/logo-300.png', renderIcon(svg, 300, 0)],
  ];
  for (const [path, png] of outputs) {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(resolve(path), png);
    console.log(`${path}  ${png.length} B`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
