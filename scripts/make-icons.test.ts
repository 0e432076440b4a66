import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_PADDING, ICON_SIZES, padIconSvg, renderIcon } from './make-icons';

const svg = readFileSync(resolve('assets/icon.svg'), 'utf8');

describe('icons', () => {
  it('pads by widening the viewBox around the same centre', () => {
    const padded = padIconSvg('<svg viewBox="0 0 128 128">', 128, 16);
    expect(padded).toBe('<svg viewBox="-21.33333333333333 -21.33333333333333 170.66666666666666 170.66666666666666">');
    expect(padIconSvg(svg, 16, 0)).toBe(svg);
  });

  it('the committed PNGs are the current renders of assets/icon.svg (else run npm run icons)', () => {
    for (const size of ICON_SIZES) {
      const committed = readFileSync(resolve(`public/icon/${size}.png`));
      expect(committed.readUInt32BE(16)).toBe(size);
      expect(committed.readUInt32BE(20)).toBe(size);
      expect(renderIcon(svg, size).equals(committed), `public/icon/${size}.png`).toBe(true);
    }
    expect(renderIcon(svg, 300, 0).equals(readFileSync(resolve('store/logo-300.png')))).toBe(true);
  });

  it('keeps the store padding only on the 128 px icon', () => {
    expect(ICON_PADDING).toEqual({ 128: 16 });
  });
});
