/**
 * 查询: a combobox over the glossary and the articles. Focus stays in the
 * search box; ↑ ↓ move the active option (aria-activedescendant), Enter opens
 * it (or the first result), Esc closes the detail, then clears the box.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchDoc } from '@/lib/card/records';
import { groupGlossaryHits, type GlossarySearchHit } from '@/lib/search/glossarySearch';
import { DetailView, type DetailRef } from './DetailView';
import { popupSearchIndex, popupSuggestions } from './popupData';

export const SEARCH_RENDERED_MARK = 'yibao-popup-search-rendered';

interface SearchPanelProps {
  query: string;
  onQueryChange(query: string): void;
  details: DetailRef[];
  onOpenDetail(detail: DetailRef): void;
  onBack(): void;
  onCloseDetails(): void;
  /** Focus the open detail instead of the search box on mount (opened at a term/article route). */
  focusDetailOnMount: boolean;
}

const MAX_TERMS = 20;
const MAX_ARTICLES = 8;

type PopupSuggestions = ReturnType<typeof popupSuggestions>;

/**
 * Suggestions need the popularity of every term (a pass over all summaries), so they are worked out
 * just after the first paint; the search index is warmed up right after, before the first keystroke.
 */
function useDeferredSuggestions(): PopupSuggestions | null {
  const [suggestions, setSuggestions] = useState<PopupSuggestions | null>(null);
  useEffect(() => {
    const first = setTimeout(() => setSuggestions(popupSuggestions()), 0);
    const second = setTimeout(() => popupSearchIndex().search('yibaoka'), 30);
    return () => {
      clearTimeout(first);
      clearTimeout(second);
    };
  }, []);
  return suggestions;
}

function Suggestions({
  suggestions,
  onOpen,
}: {
  suggestions: PopupSuggestions | null;
  onOpen(detail: DetailRef): void;
}) {
  if (!suggestions) return null;
  const { terms, articles } = suggestions;
  return (
    <div className="suggestions">
      {terms.length > 0 && (
        <section aria-labelledby="suggest-terms">
          <h2 id="suggest-terms" className="section-label">
            常用术语
          </h2>
          <div className="yl-chips">
            {terms.map((t) => (
              <button type="button" key={t.id} className="yl-chip" onClick={() => onOpen({ kind: 'term', id: t.id })}>
                {t.title}
              </button>
            ))}
          </div>
        </section>
      )}
      {articles.length > 0 && (
        <section aria-labelledby="suggest-articles">
          <h2 id="suggest-articles" className="section-label">
            常见问题
          </h2>
          <ul className="question-list">
            {articles.map((a) => (
              <li key={a.id}>
                <button type="button" className="yl-link" onClick={() => onOpen({ kind: 'article', id: a.id })}>
                  {a.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function optionId(base: string, doc: SearchDoc): string {
  return `${base}-${doc.kind}-${doc.id}`;
}

export function SearchPanel({
  query,
  onQueryChange,
  details,
  onOpenDetail,
  onBack,
  onCloseDetails,
  focusDetailOnMount,
}: SearchPanelProps) {
  const base = useId().replace(/:/g, '');
  const listboxId = `${base}-results`;
  const inputRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The active option belongs to the query it was chosen for; a new query starts with none.
  const [activeFor, setActiveFor] = useState({ query, index: -1 });
  const active = activeFor.query === query ? activeFor.index : -1;
  const setActive = (next: number | ((current: number) => number)) =>
    setActiveFor({ query, index: typeof next === 'function' ? next(active) : next });
  // Set when a detail is opened by the user (or by the route): focus moves into it after the render.
  const focusDetail = useRef(focusDetailOnMount);
  const suggestions = useDeferredSuggestions();

  const hits = useMemo(() => (query.trim() ? popupSearchIndex().search(query, 40) : []), [query]);
  const groups = useMemo(() => groupGlossaryHits(hits, { term: MAX_TERMS, article: MAX_ARTICLES }), [hits]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const detail = details.at(-1) ?? null;
  const showingResults = !detail && flat.length > 0;

  useLayoutEffect(() => {
    if (!focusDetail.current) inputRef.current?.focus();
    performance.mark(SEARCH_RENDERED_MARK);
  }, []);

  useEffect(() => {
    if (focusDetail.current && detail && detailRef.current) {
      focusDetail.current = false;
      detailRef.current.focus({ preventScroll: true });
      detailRef.current.closest('.panel')?.scrollTo?.({ top: 0 });
    }
  });

  useEffect(() => {
    if (active < 0 || !listRef.current) return;
    const element = listRef.current.querySelector(`[data-index="${active}"]`);
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const open = (target: DetailRef) => {
    onOpenDetail(target);
    focusDetail.current = true;
  };
  const openHit = (hit: GlossarySearchHit) => open({ kind: hit.doc.kind, id: hit.doc.id });

  const closeDetails = () => {
    onCloseDetails();
    inputRef.current?.focus();
  };
  const back = () => {
    if (details.length > 1) {
      onBack();
      focusDetail.current = true;
    } else closeDetails();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        if (!showingResults) return;
        event.preventDefault();
        setActive((i) => (i + 1) % flat.length);
        break;
      case 'ArrowUp':
        if (!showingResults) return;
        event.preventDefault();
        setActive((i) => (i <= 0 ? flat.length - 1 : i - 1));
        break;
      case 'Enter': {
        if (!showingResults) return;
        event.preventDefault();
        const hit = flat[active >= 0 ? active : 0];
        if (hit) openHit(hit);
        break;
      }
      case 'Escape':
        if (detail) {
          event.preventDefault();
          onCloseDetails();
        } else if (query) {
          event.preventDefault();
          onQueryChange('');
        }
        // Otherwise Esc closes the popup, as the browser does.
        break;
    }
  };

  const positionOf = new Map(flat.map((hit, i) => [hit, i]));
  const activeHit = active >= 0 ? flat[active] : undefined;
  const countText = !query.trim()
    ? ''
    : flat.length === 0
      ? '没有找到结果'
      : `找到 ${flat.length} 个结果，用上下方向键选择，回车打开`;

  return (
    <div className="search-panel">
      <div className="search-box">
        <label htmlFor={`${base}-input`} className="sr-only">
          搜索医保术语和常见问题
        </label>
        <svg className="search-icon" aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M12.8 12.8 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          ref={inputRef}
          id={`${base}-input`}
          className="search-input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showingResults}
          aria-controls={listboxId}
          aria-activedescendant={showingResults && activeHit ? optionId(base, activeHit.doc) : undefined}
          aria-describedby={`${base}-hint`}
          placeholder="搜索术语或问题，如 个账、tcjj、异地就医"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id={`${base}-hint`} className="sr-only">
        支持汉字、全拼和拼音首字母。
      </p>
      <p className="sr-only" aria-live="polite">
        {countText}
      </p>

      {detail ? (
        <DetailView
          ref={detailRef}
          detail={detail}
          depth={details.length}
          onOpen={open}
          onBack={back}
          onClose={closeDetails}
        />
      ) : !query.trim() ? (
        <>
          <p className="search-tip">可以输入汉字、拼音或首字母，例如 tongchou、grzh；错一两个字也能找到。</p>
          <Suggestions suggestions={suggestions} onOpen={open} />
        </>
      ) : flat.length === 0 ? (
        <div className="no-results" role="status">
          <p className="state-title">没有找到与“{query.trim()}”相关的内容</p>
          <p className="state-message">试试更短的词、换个说法，或输入拼音首字母（如 grzh 查“个人账户”）。</p>
          <Suggestions suggestions={suggestions} onOpen={open} />
        </div>
      ) : null}

      <div
        ref={listRef}
        id={listboxId}
        role="listbox"
        aria-label="搜索结果"
        className="results"
        hidden={!showingResults}
        onMouseDown={(e) => e.preventDefault() /* keep focus in the search box */}
      >
        {showingResults &&
          groups.map((group) => (
            <div key={group.kind} role="group" aria-labelledby={`${base}-group-${group.kind}`} className="result-group">
              <div id={`${base}-group-${group.kind}`} className="section-label">
                {group.label}
                <span className="group-count">{group.hits.length}</span>
              </div>
              {group.hits.map((hit) => {
                const i = positionOf.get(hit) ?? -1;
                return (
                  <div
                    key={hit.doc.id}
                    id={optionId(base, hit.doc)}
                    role="option"
                    aria-selected={i === active}
                    data-index={i}
                    data-doc-id={hit.doc.id}
                    className={i === active ? 'option active' : 'option'}
                    onClick={() => openHit(hit)}
                    onMouseMove={() => i !== active && setActive(i)}
                  >
                    <span className="option-title">
                      {hit.doc.title}
                      {hit.matchedAlias && <span className="option-alias">也叫“{hit.matchedAlias}”</span>}
                    </span>
                    <span className="option-summary">{hit.doc.summary}</span>
                  </div>
                );
              })}
            </div>
          ))}
      </div>
    </div>
  );
}
