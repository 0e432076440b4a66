// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dataBlockFor } from './pageDataBlock';

describe('a JSON file as an inert data block of a page (scripts/build/pageDataBlock.ts)', () => {
  it('is a <script type="application/json"> whose text parses back to the same value, even with </script> inside', () => {
    const value = { docs: [[0, 'a', '标题 </script><script>alert(1)</script>', '<!-- 注 -->']], n: 1 };
    const block = dataBlockFor('yl-quick-table', JSON.stringify(value, null, 2));
    expect(block.startsWith('<script type="application/json" id="yl-quick-table">')).toBe(true);
    expect(block.match(/<\/script/gi)).toHaveLength(1);
    expect(block).not.toContain('<!--');
    document.body.innerHTML = `<main>${block}<p id="after">后面</p></main>`;
    const element = document.getElementById('yl-quick-table')!;
    expect(element.getAttribute('type')).toBe('application/json');
    expect(JSON.parse(element.textContent!)).toEqual(value);
    expect(document.getElementById('after')?.textContent).toBe('后面');
  });
});
