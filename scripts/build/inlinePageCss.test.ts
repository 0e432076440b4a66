import { describe, expect, it } from 'vitest';
import { inlineStylesheets, styleElementFor } from './inlinePageCss';

const PAGE = `<head>
    <script type="module" crossorigin src="/chunks/popup-abc.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/popup-D9xEddZ2.css">
    <link rel="stylesheet" crossorigin href="/assets/other-12345678.css">
  </head>`;

describe('the popup’s stylesheet inside its page (scripts/build/inlinePageCss.ts)', () => {
  it('puts a built stylesheet in place of its link, leaves links to files it does not have', () => {
    const files: Record<string, string> = { 'assets/popup-D9xEddZ2.css': '.yl-theme{color:red}\n' };
    const out = inlineStylesheets(PAGE, (name) => files[name] ?? null);
    expect(out).toContain('<style>.yl-theme{color:red}</style>');
    expect(out).not.toContain('popup-D9xEddZ2.css');
    expect(out).toContain('<link rel="stylesheet" crossorigin href="/assets/other-12345678.css">');
    expect(out).toContain('<script type="module" crossorigin src="/chunks/popup-abc.js"></script>');
  });

  it('a stylesheet’s text cannot end the <style> element early', () => {
    const element = styleElementFor('.a::after{content:"</style><script>x()</script>"}');
    expect(element.match(/<\/style/gi)).toHaveLength(1);
    expect(element.endsWith('</style>')).toBe(true);
  });
});
