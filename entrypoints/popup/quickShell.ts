/**
 * The popup's first view, drawn without React: the header, the tabs and the opening panel (the search box with
 * quick results from the build-time table, or a 计算器 tool's form), in the same markup and classes as the React
 * app (PopupApp, SearchPanel, CheckerFields), so it takes typing the moment the page opens. The React app loads
 * right after the first frame and takes over (./main.tsx) with what the reader did here: the query, the checker
 * values typed, the tab or result chosen, the focus and the caret. Nothing typed here is lost.
 */
import checkerShellJson from '@/generated/checker-shell.json';
import type { CheckerShell, CheckerShellField } from '@/lib/checker/shellFields';
import { CHECKER_TOOL_IDS, CHECKER_TOOL_LABELS, type CheckerToolId } from '@/lib/checker/toolIds';
import type { PopupRoute } from '@/lib/messaging/popupRouteSchema';
import { quickSearchTable } from './quickTable';
import { lookupQuickSearch, type QuickSearchGroup, type QuickSearchTable } from '@/lib/search/quickSearch';
import {
  markSearchRendered,
  noResultsTitle,
  POPUP_TABS,
  SEARCH_HINT,
  SEARCH_LABEL,
  SEARCH_PLACEHOLDER,
  SEARCH_TIP,
  searchCountText,
  SUGGESTION_LABELS,
  tabOfRoute,
  type PopupTab,
} from './popupShared';

/** The quick table comes with the page (a data block, no round trip when the reader types); parsed on first use. */
const quickTable = (): QuickSearchTable | null => quickSearchTable();
const checkerShell = checkerShellJson as unknown as CheckerShell;

export type QuickFocus =
  | { kind: 'search'; start: number | null; end: number | null; direction: 'forward' | 'backward' | 'none' | null }
  | {
      kind: 'field';
      key: string;
      start: number | null;
      end: number | null;
      direction: 'forward' | 'backward' | 'none' | null;
    }
  | { kind: 'tab'; tab: PopupTab }
  | { kind: 'tool'; tool: CheckerToolId }
  | { kind: 'settings' };

/** What the reader did in the first view, handed to the React app when it takes over. */
export interface QuickHandoff {
  tab: PopupTab;
  /** The search box's text (null: the search box was never shown). */
  query: string | null;
  /** A result or suggestion chosen before the app arrived: opened by the app. */
  open: { kind: 'term' | 'article'; id: string } | null;
  settingsOpen: boolean;
  /** The checker tool on screen and the values typed into each tool's fields (only the fields touched). */
  checker: { tool: CheckerToolId; edits: Partial<Record<CheckerToolId, Record<string, string | boolean>>> } | null;
  focus: QuickFocus | null;
}

type Attrs = Record<string, string | number | boolean | null | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

/** An SVG element with its attributes. */
function svg(tag: string, attrs: Record<string, string>, ...children: Element[]): SVGElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** The magnifier SearchPanel draws, built as elements (no markup parsed). */
const searchIcon = () =>
  svg(
    'svg',
    { class: 'search-icon', 'aria-hidden': 'true', viewBox: '0 0 20 20', width: '16', height: '16' },
    svg('circle', { cx: '8.5', cy: '8.5', r: '5.5', fill: 'none', stroke: 'currentColor', 'stroke-width': '2' }),
    svg('path', { d: 'M12.8 12.8 17 17', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round' }),
  );

export interface QuickShell {
  /** The shell's root element (in the page until the app takes over). */
  element: HTMLElement;
  /** Resolves when no input method composition is under way in the shell (a takeover mid-word would lose it). */
  whenIdle(): Promise<void>;
  /** What the reader did so far. */
  snapshot(): QuickHandoff;
  /** Whether the reader has done anything here yet (typed, chosen, moved the focus). */
  acted(): boolean;
  /** Removes the shell and its listeners (the app has taken over). */
  remove(): void;
}

/** Draws the first view for the route into `container`. */
export function mountQuickShell(container: HTMLElement, route: PopupRoute): QuickShell {
  const state: Omit<QuickHandoff, 'focus'> = {
    tab: tabOfRoute(route),
    query: null,
    open: null,
    settingsOpen: false,
    checker: null,
  };
  let composing = false;
  let acted = false;
  const idleWaiters: (() => void)[] = [];

  const root = h('div', { class: 'popup', 'data-quick-shell': '' });
  const settingsButton = h(
    'button',
    { type: 'button', class: 'settings-toggle', 'aria-expanded': 'false' },
    h('span', { 'aria-hidden': 'true' }, '⚙'),
    ' 设置',
  );
  settingsButton.addEventListener('click', () => {
    state.settingsOpen = !state.settingsOpen;
    settingsButton.setAttribute('aria-expanded', String(state.settingsOpen));
    settingsButton.classList.toggle('open', state.settingsOpen);
  });
  root.append(
    h(
      'header',
      { class: 'popup-header' },
      h('h1', { class: 'brand' }, h('img', { src: '/icon/32.png', alt: '', width: 20, height: 20 }), '懂医保'),
      settingsButton,
    ),
  );

  const tablist = h('div', { role: 'tablist', 'aria-label': '功能', class: 'tabs' });
  const tabButtons = new Map<PopupTab, HTMLButtonElement>();
  const panel = h('section', { role: 'tabpanel', id: 'quick-panel', class: 'panel' });
  for (const t of POPUP_TABS) {
    const button = h('button', {
      type: 'button',
      role: 'tab',
      id: `quick-tab-${t.id}`,
      'aria-controls': 'quick-panel',
      class: 'tab',
    });
    button.textContent = t.label;
    button.addEventListener('click', () => selectTab(t.id));
    button.addEventListener('keydown', (event) => {
      const i = POPUP_TABS.findIndex((x) => x.id === state.tab);
      const to = (
        { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: POPUP_TABS.length - 1 } as Record<string, number>
      )[event.key];
      if (to === undefined) return;
      event.preventDefault();
      selectTab(POPUP_TABS[(to + POPUP_TABS.length) % POPUP_TABS.length]!.id);
      tabButtons.get(state.tab)?.focus();
    });
    tabButtons.set(t.id, button);
    tablist.append(button);
  }
  root.append(tablist, h('main', { class: 'panels' }, panel));

  function selectTab(tab: PopupTab) {
    state.tab = tab;
    for (const [id, button] of tabButtons) {
      button.setAttribute('aria-selected', String(id === tab));
      button.tabIndex = id === tab ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `quick-tab-${tab}`);
    panel.replaceChildren(
      tab === 'search'
        ? searchPanel()
        : tab === 'checker' && route.view === 'checker' && route.tool
          ? checkerPanel(state.checker?.tool ?? route.tool)
          : h('p', { class: 'state-message' }, tab === 'checker' ? '正在读取上次的输入…' : '正在打开…'),
    );
  }

  // 查询: the box, and the quick table's answer for what is typed (the full search answers the rest on takeover).
  const shown: { searchInput: HTMLInputElement | null } = { searchInput: null };
  function searchPanel(): HTMLElement {
    const input = h('input', {
      id: 'quick-search-input',
      class: 'search-input',
      type: 'search',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'quick-results',
      'aria-describedby': 'quick-search-hint',
      placeholder: SEARCH_PLACEHOLDER,
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: 64,
    });
    input.value = state.query ?? (route.view === 'search' ? route.text : '');
    state.query = input.value;
    shown.searchInput = input;
    const box = h('div', { class: 'search-box' }, h('label', { for: input.id, class: 'sr-only' }, SEARCH_LABEL));
    box.append(searchIcon(), input);
    const live = h('p', { class: 'sr-only', 'aria-live': 'polite' });
    const body = h('div', { class: 'quick-search-body' });
    const listbox = h('div', {
      id: 'quick-results',
      role: 'listbox',
      'aria-label': '搜索结果',
      class: 'results',
      hidden: true,
    });
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    let active = -1;
    let rows: HTMLElement[] = [];

    const setActive = (next: number) => {
      active = next;
      rows.forEach((row, i) => {
        row.classList.toggle('active', i === active);
        row.setAttribute('aria-selected', String(i === active));
      });
      if (active >= 0 && rows[active]) input.setAttribute('aria-activedescendant', rows[active]!.id);
      else input.removeAttribute('aria-activedescendant');
      rows[active]?.scrollIntoView?.({ block: 'nearest' });
    };
    const render = () => {
      const query = input.value;
      state.query = query;
      active = -1;
      input.removeAttribute('aria-activedescendant');
      const table = quickTable();
      const groups = !query.trim() ? [] : table ? lookupQuickSearch(table, query) : null;
      rows = [];
      listbox.replaceChildren(...(groups ?? []).map((group) => resultGroup(group, rows)));
      const showing = rows.length > 0;
      listbox.hidden = !showing;
      input.setAttribute('aria-expanded', String(showing));
      body.replaceChildren(
        !query.trim()
          ? emptyState()
          : groups === null
            ? h('p', { class: 'state-message', role: 'status' }, '正在查找…')
            : showing
              ? ''
              : h(
                  'div',
                  { class: 'no-results', role: 'status' },
                  h('p', { class: 'state-title' }, noResultsTitle(query)),
                ),
      );
      const total = (groups ?? []).reduce((n, g) => n + g.count, 0);
      live.textContent = searchCountText(query, groups === null, total);
    };
    input.addEventListener('input', render);
    input.addEventListener('compositionstart', () => (composing = true));
    input.addEventListener('compositionend', () => {
      composing = false;
      for (const resolve of idleWaiters.splice(0)) resolve();
    });
    input.addEventListener('keydown', (event) => {
      if (event.isComposing) return;
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && rows.length) {
        event.preventDefault();
        const n = rows.length;
        setActive(event.key === 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
      } else if (event.key === 'Enter' && rows.length) {
        event.preventDefault();
        rows[Math.max(active, 0)]?.click();
      } else if (event.key === 'Escape' && input.value) {
        event.preventDefault();
        input.value = '';
        render();
      }
    });
    const resultGroup = (group: QuickSearchGroup, into: HTMLElement[]) => {
      const labelId = `quick-group-${group.kind}`;
      return h(
        'div',
        { role: 'group', 'aria-labelledby': labelId, class: 'result-group' },
        h(
          'div',
          { id: labelId, class: 'section-label' },
          group.label,
          h('span', { class: 'group-count' }, String(group.count)),
        ),
        ...group.hits.map((hit) => {
          const index = into.length;
          const row = h(
            'div',
            {
              id: `quick-${hit.kind}-${hit.id}`,
              role: 'option',
              'aria-selected': 'false',
              'data-index': index,
              'data-doc-id': hit.id,
              class: 'option',
            },
            h(
              'span',
              { class: 'option-title' },
              hit.title,
              hit.matchedAlias ? h('span', { class: 'option-alias' }, `也叫“${hit.matchedAlias}”`) : null,
            ),
            h('span', { class: 'option-summary' }, hit.summary),
          );
          row.addEventListener('click', () => (state.open = { kind: hit.kind, id: hit.id }));
          row.addEventListener('mousemove', () => active !== index && setActive(index));
          into.push(row);
          return row;
        }),
      );
    };
    render();
    markSearchRendered();
    return h(
      'div',
      { class: 'search-panel' },
      box,
      h('p', { id: 'quick-search-hint', class: 'sr-only' }, SEARCH_HINT),
      live,
      body,
      listbox,
    );
  }

  function emptyState(): DocumentFragment {
    const fragment = document.createDocumentFragment();
    fragment.append(h('p', { class: 'search-tip' }, SEARCH_TIP));
    const table = quickTable();
    if (!table) return fragment;
    const { terms, articles } = table.suggestions;
    const doc = (i: number) => table.docs[i]!;
    const open = (kind: 'term' | 'article', i: number) => () => (state.open = { kind, id: doc(i)[1] });
    fragment.append(
      h(
        'div',
        { class: 'suggestions' },
        h(
          'section',
          { 'aria-labelledby': 'quick-suggest-terms' },
          h('h2', { id: 'quick-suggest-terms', class: 'section-label' }, SUGGESTION_LABELS.terms),
          h(
            'div',
            { class: 'yl-chips' },
            ...terms.map((i) => {
              const chip = h('button', { type: 'button', class: 'yl-chip' }, doc(i)[2]);
              chip.addEventListener('click', open('term', i));
              return chip;
            }),
          ),
        ),
        h(
          'section',
          { 'aria-labelledby': 'quick-suggest-articles' },
          h('h2', { id: 'quick-suggest-articles', class: 'section-label' }, SUGGESTION_LABELS.articles),
          h(
            'ul',
            { class: 'question-list' },
            ...articles.map((i) => {
              const link = h('button', { type: 'button', class: 'yl-link' }, doc(i)[2]);
              link.addEventListener('click', open('article', i));
              return h('li', {}, link);
            }),
          ),
        ),
      ),
    );
    return fragment;
  }

  // 计算器: the tool's form as the build described it; what is typed is kept per tool and field.
  function checkerPanel(tool: CheckerToolId): HTMLElement {
    state.checker ??= { tool, edits: {} };
    state.checker.tool = tool;
    const edits = (state.checker.edits[tool] ??= {});
    const segments = CHECKER_TOOL_IDS.map((id) => {
      const radio = h('input', { type: 'radio', name: 'quick-tool', value: id, checked: id === tool });
      radio.addEventListener('change', () => {
        panel.replaceChildren(checkerPanel(id));
        panel.querySelector<HTMLInputElement>(`input[value="${id}"]`)?.focus();
      });
      return h('label', { class: id === tool ? 'segment selected' : 'segment' }, radio, CHECKER_TOOL_LABELS[id]);
    });
    const fields = checkerShell[tool].map((field) => shellField(tool, field, edits));
    return h(
      'div',
      { class: 'checker' },
      h('fieldset', { class: 'segmented' }, h('legend', { class: 'sr-only' }, '选择计算工具'), ...segments),
      h('h2', { class: 'sr-only' }, CHECKER_TOOL_LABELS[tool]),
      h('div', { class: 'fields' }, ...fields),
    );
  }

  function shellField(tool: CheckerToolId, field: CheckerShellField, edits: Record<string, string | boolean>) {
    const id = `quick-${tool}-${field.key}`;
    const hintId = `${id}-hint`;
    const hint = field.help ? h('p', { id: hintId, class: 'field-hint' }, field.help) : null;
    const describedBy = field.help ? hintId : null;
    const value = edits[field.key] ?? field.value;
    switch (field.type) {
      case 'number': {
        const input = h('input', {
          id,
          name: field.key,
          type: 'text',
          inputmode: 'decimal',
          autocomplete: 'off',
          spellcheck: 'false',
          maxlength: field.maxLength,
          placeholder: field.placeholder,
          'aria-describedby': describedBy,
        });
        input.value = String(value);
        input.addEventListener('input', () => (edits[field.key] = input.value));
        input.addEventListener('compositionstart', () => (composing = true));
        input.addEventListener('compositionend', () => {
          composing = false;
          for (const resolve of idleWaiters.splice(0)) resolve();
        });
        return h(
          'div',
          { class: 'field', 'data-field': id },
          h(
            'label',
            { for: id },
            field.label,
            h('span', { class: 'field-unit' }, `（${field.unit}）`),
            field.optional ? h('span', { class: 'field-unit' }, '（可不填）') : null,
          ),
          input,
          h('p', { id: `${id}-error`, class: 'field-error', 'aria-live': 'polite' }),
          hint,
        );
      }
      case 'choice': {
        const select = h(
          'select',
          { id, name: field.key, 'aria-describedby': describedBy },
          ...field.options.map((o) => h('option', { value: o.value }, o.label)),
        );
        select.value = String(value);
        select.addEventListener('change', () => (edits[field.key] = select.value));
        return h('div', { class: 'field' }, h('label', { for: id }, field.label), select, hint);
      }
      case 'flag': {
        const box = h('input', { id, name: field.key, type: 'checkbox', 'aria-describedby': describedBy });
        box.checked = value === true;
        box.addEventListener('change', () => (edits[field.key] = box.checked));
        return h('div', { class: 'field field-check' }, box, h('label', { for: id }, field.label), hint);
      }
    }
  }

  selectTab(state.tab);
  for (const type of ['input', 'change', 'click', 'keydown']) root.addEventListener(type, () => (acted = true), true);
  container.append(root);
  // The app's first focus on the search route: the search box (elsewhere the app sets it when it takes over).
  if (route.view === 'search') shown.searchInput?.focus();

  const selectionOf = (element: HTMLInputElement | HTMLSelectElement) =>
    element instanceof HTMLInputElement && (element.type === 'text' || element.type === 'search')
      ? { start: element.selectionStart, end: element.selectionEnd, direction: element.selectionDirection }
      : { start: null, end: null, direction: null };

  return {
    element: root,
    whenIdle: () => (composing ? new Promise((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
    snapshot() {
      const active = document.activeElement;
      let focus: QuickFocus | null = null;
      if (active && root.contains(active)) {
        if (active === shown.searchInput) focus = { kind: 'search', ...selectionOf(shown.searchInput) };
        else if (active === settingsButton) focus = { kind: 'settings' };
        else if (active.getAttribute('role') === 'tab') focus = { kind: 'tab', tab: state.tab };
        else if (active instanceof HTMLInputElement && active.type === 'radio')
          focus = { kind: 'tool', tool: active.value as CheckerToolId };
        else if ((active instanceof HTMLInputElement || active instanceof HTMLSelectElement) && active.name)
          focus = { kind: 'field', key: active.name, ...selectionOf(active) };
      }
      return { ...state, checker: state.checker && { ...state.checker }, focus };
    },
    acted: () => acted,
    remove: () => root.remove(),
  };
}
