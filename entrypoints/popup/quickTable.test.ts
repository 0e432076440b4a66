// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POPUP_QUICK_TABLE_ELEMENT_ID } from '@/lib/search/quickTableElement';
import { dataBlockFor } from '@/scripts/build/pageDataBlock';

/** A fresh copy of the module (it keeps what it parsed). */
const load = async () => {
  vi.resetModules();
  return (await import('./quickTable')).quickSearchTable;
};
afterEach(() => document.getElementById(POPUP_QUICK_TABLE_ELEMENT_ID)?.remove());

describe('the quick table read from popup.html’s data block', () => {
  it('is parsed from the block once, on first use', async () => {
    const table = { docs: [[0, 'grzh', '个人账户', '说明']], queries: { 个人账户: [[0, 1, [[0]]]] }, suggestions: {} };
    document.body.insertAdjacentHTML('beforeend', dataBlockFor(POPUP_QUICK_TABLE_ELEMENT_ID, JSON.stringify(table)));
    const quickSearchTable = await load();
    expect(quickSearchTable()).toEqual(table);
    expect(quickSearchTable()).toBe(quickSearchTable());
  });

  it('without the block, or with a broken one, there is no quick table (the full search answers)', async () => {
    expect((await load())()).toBeNull();
    document.body.insertAdjacentHTML(
      'beforeend',
      `<script type="application/json" id="${POPUP_QUICK_TABLE_ELEMENT_ID}">{"docs": [</script>`,
    );
    expect((await load())()).toBeNull();
  });
});
