/**
 * 本页术语: asks the content script of the target tab (top frame) which glossary
 * terms it found; choosing one scrolls the page to it and opens its card, and
 * 下一处 goes on to its next occurrence (after the one whose card is open).
 * Each row carries the entry's one-line meaning; the list can be grouped by category.
 */
import { browser } from 'wxt/browser';
import { useEffect, useId, useState } from 'react';
import type { PageTermMeta } from '@/lib/card/records';
import { isPageTermList, type PageTermCount } from '@/lib/messaging/pageQuestions';
import { LENS_CATEGORY_LABELS, type LensCategory } from '@/lib/settings/categories';
import { askPageTerms, askRevealPageTerm, isLensReaderUrl } from '@/lib/messaging/readerChannel';
import { askAwake } from '@/lib/messaging/pageWake';
import type { PopupTarget } from './popupTarget';
import { isScriptablePageUrl } from './popupTarget';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; terms: PageTermCount[] }
  | { status: 'unavailable'; reason: 'no-tab' | 'restricted' | 'no-script' };

interface PageTermsPanelProps {
  target: PopupTarget | null | undefined;
  /** The lens is switched off for this page (globally or for the site). */
  lensOff: boolean;
  onTurnOn(): void;
  /** Opened as a page in a tab rather than as the toolbar popup. */
  inTab: boolean;
}

const UNAVAILABLE_TEXT: Record<'no-tab' | 'restricted' | 'no-script', { title: string; body: string }> = {
  'no-tab': {
    title: '没有可以查看的网页',
    body: '请先切换到一个普通网页，再从浏览器工具栏打开懂医保。',
  },
  restricted: {
    title: '这个页面不能使用懂医保',
    body: '浏览器自带的页面（如设置页、新标签页、扩展商店）不允许扩展读取内容。请在普通网页上使用。',
  },
  'no-script': {
    title: '无法读取本页的术语',
    body: '浏览器自带的页面（如 chrome:// 设置页、新标签页、扩展商店）不允许扩展读取内容。如果这是普通网页：懂医保只在有中文的网页上查找术语；页面有中文的话，可能是在安装或更新懂医保之前打开的，请刷新页面后再试。',
  },
};

/** Asks the tab's top frame for its terms; never throws. */
async function fetchPageTerms(target: PopupTarget | null): Promise<LoadState> {
  if (target === null) return { status: 'unavailable', reason: 'no-tab' };
  if (target.url !== undefined && !isScriptablePageUrl(target.url) && !isLensReaderUrl(target.url))
    return { status: 'unavailable', reason: 'restricted' };
  try {
    // Our PDF reader is answered by runtime messaging, a web page by its content script (lib/messaging/readerChannel.ts).
    // A page where the loader saw no Chinese text (or opened before the extension) has no listener yet: wake it.
    const terms: unknown = await askAwake(target.tabId, () => askPageTerms(target));
    return isPageTermList(terms) ? { status: 'ready', terms } : { status: 'unavailable', reason: 'no-script' };
  } catch {
    return { status: 'unavailable', reason: 'no-script' };
  }
}

/** Meanings and categories (about 20 KB), read with this panel only. */
function usePageTermMeta(): PageTermMeta | null {
  const [meta, setMeta] = useState<PageTermMeta | null>(null);
  useEffect(() => {
    let live = true;
    void import('@/generated/page-term-meta.json').then((m) => live && setMeta(m.default as PageTermMeta));
    return () => {
      live = false;
    };
  }, []);
  return meta;
}

const CATEGORY_ORDER = Object.keys(LENS_CATEGORY_LABELS) as LensCategory[];

export function PageTermsPanel({ target, lensOff, onTurnOn, inTab }: PageTermsPanelProps) {
  const base = useId().replace(/:/g, '');
  const meta = usePageTermMeta();
  const [grouped, setGrouped] = useState(false);
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (target === undefined) return;
    let live = true;
    void fetchPageTerms(target).then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [target, attempt, lensOff]);

  const reload = () => {
    setNotice(null);
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  const reveal = async (term: PageTermCount, occurrence: 0 | 'next' = 0) => {
    if (!target) return;
    setNotice(null);
    let shown = false;
    try {
      shown =
        (await askAwake(target.tabId, () =>
          askRevealPageTerm(target, { id: term.id, sense: term.sense?.id, occurrence }),
        )) === true;
    } catch {
      shown = false;
    }
    if (!shown) {
      setNotice(`没能在页面上定位到“${term.term}”：它可能在折叠或隐藏的内容里，或页面已经变化。`);
      return;
    }
    if (inTab) await browser.tabs.update(target.tabId, { active: true }).catch(() => undefined);
    else window.close();
  };

  if (target === undefined || state.status === 'loading') {
    return (
      <p className="state-message" role="status">
        正在统计本页的术语…
      </p>
    );
  }
  if (state.status === 'unavailable') {
    const text = UNAVAILABLE_TEXT[state.reason];
    return (
      <div className="page-state" role="status">
        <p className="state-title">{text.title}</p>
        <p className="state-message">{text.body}</p>
        {state.reason === 'no-script' && (
          <button type="button" className="secondary-button" onClick={reload}>
            重试
          </button>
        )}
      </div>
    );
  }
  if (lensOff) {
    return (
      <div className="page-state" role="status">
        <p className="state-title">懂医保在这个网站上已关闭</p>
        <p className="state-message">打开后会在页面上标出医保术语，这里也会列出它们。</p>
        <button type="button" className="primary-button" onClick={onTurnOn}>
          在这个网站上启用
        </button>
      </div>
    );
  }
  if (state.terms.length === 0) {
    return (
      <div className="page-state" role="status">
        <p className="state-title">本页没有找到医保术语</p>
        <p className="state-message">如果页面内容还在加载，稍后可以再试一次。</p>
        <button type="button" className="secondary-button" onClick={reload}>
          重新读取
        </button>
      </div>
    );
  }
  const total = state.terms.reduce((n, t) => n + t.count, 0);
  const wanted = filter.trim().toLowerCase();
  const shown = wanted ? state.terms.filter((t) => t.term.toLowerCase().includes(wanted)) : state.terms;
  const meaningOf = (term: PageTermCount) => (term.sense ? meta?.senses[term.sense.id] : meta?.terms[term.id]?.summary);
  const renderTerm = (term: PageTermCount) => {
    const meaning = meaningOf(term);
    const meaningId = `${base}-meaning-${term.id}-${term.sense?.id ?? ''}`;
    return (
      <li key={`${term.id}/${term.sense?.id ?? ''}`}>
        <button
          type="button"
          className="page-term"
          data-term-id={term.id}
          data-sense={term.sense?.id}
          aria-label={`${term.term}，出现 ${term.count} 次，在页面上查看`}
          aria-describedby={meaning ? meaningId : undefined}
          onClick={() => void reveal(term)}
        >
          <span className="page-term-text">
            <span className="page-term-name">{term.term}</span>
            {meaning && (
              <span id={meaningId} className="page-term-meaning" title={meaning}>
                {meaning}
              </span>
            )}
          </span>
          <span className="page-term-count" aria-hidden="true">
            {term.count} 次
          </span>
        </button>
        {term.count > 1 && (
          <button
            type="button"
            className="page-term-next"
            aria-label={`${term.term}的下一处`}
            onClick={() => void reveal(term, 'next')}
          >
            下一处
          </button>
        )}
      </li>
    );
  };
  const plainTerms = shown.filter((term) => !term.sense);
  const categoryOf = (term: PageTermCount) => meta?.terms[term.id]?.category as LensCategory | undefined;
  const groups = CATEGORY_ORDER.map((category) => ({
    category,
    terms: plainTerms.filter((term) => categoryOf(term) === category),
  })).filter((g) => g.terms.length > 0);
  const uncategorized = plainTerms.filter((term) => !categoryOf(term) || !CATEGORY_ORDER.includes(categoryOf(term)!));
  return (
    <div className="page-terms">
      <p className="page-summary" role="status">
        本页有 {state.terms.length} 个术语，共出现 {total} 次，{grouped ? '按类别分组' : '按首次出现的顺序排列'}
        。选择一个，页面会滚动到它并打开解释卡片。
      </p>
      <label className="page-term-grouping">
        <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
        按类别分组
      </label>
      {state.terms.length > 5 && (
        <input
          type="search"
          className="page-term-filter"
          placeholder="筛选术语"
          aria-label="筛选本页术语"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      {wanted && shown.length === 0 && <p className="state-message">没有包含“{filter.trim()}”的术语。</p>}
      {notice && (
        <p className="field-error" role="alert">
          {notice}
        </p>
      )}
      {grouped && meta ? (
        <>
          {groups.map((group) => (
            <section
              key={group.category}
              className="page-term-group"
              aria-labelledby={`${base}-group-${group.category}`}
            >
              <h3 id={`${base}-group-${group.category}`} className="page-term-group-title">
                {LENS_CATEGORY_LABELS[group.category]}
                <span className="group-count">{group.terms.length}</span>
              </h3>
              <ul className="page-term-list" aria-label={LENS_CATEGORY_LABELS[group.category]}>
                {group.terms.map(renderTerm)}
              </ul>
            </section>
          ))}
          {uncategorized.length > 0 && (
            <ul className="page-term-list" aria-label="其他术语">
              {uncategorized.map(renderTerm)}
            </ul>
          )}
        </>
      ) : (
        <ul className="page-term-list" aria-label="本页术语">
          {plainTerms.map(renderTerm)}
        </ul>
      )}
      {shown.some((term) => term.sense) && (
        <>
          <h3 className="page-other-senses">同样的字，在这里不是医保的意思</h3>
          <ul className="page-term-list" aria-label="其他制度的同形词">
            {shown.filter((term) => term.sense).map(renderTerm)}
          </ul>
        </>
      )}
    </div>
  );
}
