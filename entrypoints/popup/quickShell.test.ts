// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POPUP_QUICK_TABLE_ELEMENT_ID } from '@/lib/search/quickTableElement';
import { dataBlockFor } from '@/scripts/build/pageDataBlock';
import { mountQuickShell, type QuickShell } from './quickShell';

// As in the built popup.html: the quick table is a data block of the page (written in at build time).
beforeAll(() => {
  const table = readFileSync('generated/popup-quick.json', 'utf8');
  document.head.insertAdjacentHTML('beforeend', dataBlockFor(POPUP_QUICK_TABLE_ELEMENT_ID, table));
});

let shell: QuickShell | null = null;
afterEach(() => {
  shell?.remove();
  shell = null;
});

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const options = () => [...document.querySelectorAll<HTMLElement>('[role="option"]')];

describe('the popup’s first view (no React)', () => {
  it('search: labelled combobox, focused; a whole name shows its rows at once, a prefix waits for the full search', () => {
    shell = mountQuickShell(document.body, { view: 'search', text: '' });
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(input.getAttribute('role')).toBe('combobox');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('搜索医保术语和常见问题');
    expect(document.activeElement).toBe(input);
    expect(document.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('查询');
    expect(document.querySelectorAll('.suggestions .yl-chip').length).toBeGreaterThan(3);

    type(input, '个人账户');
    expect(options()[0]?.querySelector('.option-title')?.textContent).toBe('个人账户');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector('[role="listbox"]')?.getAttribute('aria-label')).toBe('搜索结果');

    type(input, '个人');
    expect(options()).toHaveLength(0);
    expect(document.querySelector('[role="status"]')?.textContent).toBe('正在查找…');

    type(input, '个账');
    expect(options()[0]?.textContent).toContain('也叫“个账”');
    input.setSelectionRange(1, 1);
    expect(shell.snapshot()).toMatchObject({
      tab: 'search',
      query: '个账',
      focus: { kind: 'search', start: 1, end: 1 },
    });
    expect(shell.acted()).toBe(true);
  });

  it('search keys: ↓ moves the active option, Enter chooses it (opened by the app), Esc clears', () => {
    shell = mountQuickShell(document.body, { view: 'search', text: '' });
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    type(input, '个人账户');
    const key = (k: string) => input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    key('ArrowDown');
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    key('Enter');
    expect(shell.snapshot().open).toEqual({ kind: 'term', id: options()[1]!.dataset.docId });
    key('Escape');
    expect(input.value).toBe('');
    expect(options()).toHaveLength(0);
  });

  it('#search/<text> starts with the text and its rows', () => {
    shell = mountQuickShell(document.body, { view: 'search', text: '个人账户' });
    expect(document.querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('个人账户');
    expect(options().length).toBeGreaterThan(0);
  });

  it('#checker/<tool>: the tool’s form with labels; what is typed is kept per field and handed over', () => {
    shell = mountQuickShell(document.body, { view: 'checker', tool: 'inpatient' });
    expect(document.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('计算器');
    expect(document.querySelector('.checker .fields :is(input[inputmode=decimal], select)')).not.toBeNull();
    const first = document.querySelector<HTMLInputElement>('.checker .fields input[inputmode=decimal]')!;
    expect(document.querySelector(`label[for="${first.id}"]`)?.textContent).toBeTruthy();
    expect(document.querySelector<HTMLInputElement>('.checker input[type="radio"][value="inpatient"]')?.checked).toBe(
      true,
    );
    first.focus();
    type(first, '8000');
    first.setSelectionRange(4, 4);
    expect(shell.snapshot()).toMatchObject({
      tab: 'checker',
      checker: { tool: 'inpatient', edits: { inpatient: { [first.name]: '8000' } } },
      focus: { kind: 'field', key: first.name, start: 4, end: 4 },
    });
  });

  it('#checker without a tool waits for the saved choice; a tab chosen early is handed over', () => {
    shell = mountQuickShell(document.body, { view: 'checker', tool: null });
    expect(document.querySelector('.checker')).toBeNull();
    expect(document.querySelector('.state-message')?.textContent).toBe('正在读取上次的输入…');
    document.querySelector<HTMLButtonElement>('[role="tab"][data-tab="page"], #quick-tab-page')!.click();
    expect(shell.snapshot().tab).toBe('page');
    expect(shell.acted()).toBe(true);
  });

  it('the app waits for a word being composed with an input method before it takes over', async () => {
    shell = mountQuickShell(document.body, { view: 'search', text: '' });
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    let idle = false;
    const waiting = shell.whenIdle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    type(input, '个人账户');
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '个人账户' }));
    await waiting;
    expect(idle).toBe(true);
    expect(shell.snapshot().query).toBe('个人账户');
    await expect(shell.whenIdle()).resolves.toBeUndefined();
  });
});
