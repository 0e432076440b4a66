/**
 * 查询: a combobox over the glossary and the articles. Focus stays in the
 * search box; ↑ ↓ move the active option (aria-activedescendant), Enter opens
 * it (or the first result), Esc closes the detail, then clears the box.
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { SearchDoc } from '@/lib/card/records';
import { groupGlossaryHits, type GlossarySearchHit } from '@/lib/search/glossarySearch';
import { POPUP_RESULT_LIMITS } from '@/lib/search/resultGroups';
import type { DetailRef } from './DetailView';
import {
  markSearchRendered,
  noResultsTitle,
  SEARCH_HINT,
  SEARCH_LABEL,
  SEARCH_PLACEHOLDER,
  SEARCH_TIP,
  searchCountText,
  SUGGESTION_LABELS,
} from './popupShared';

/** The detail view carries the cards and articles (about 650 KB): loaded when a detail opens or is about to. */
const loadDetailView = () => import('./DetailView');
const DetailView = lazy(() => loadDetailView().then((m) => ({ default: m.DetailView })));

type SearchModule = typeof import('./searchData');
let searchModule: SearchModule | null = null;
let searchModuleLoading: Promise<SearchModule> | null = null;
/** The search index, imported once on demand; the box is on screen and takes typing before it arrives. */
export const loadSearchModule = () => (searchModuleLoading ??= import('./searchData').then((m) => (searchModule = m)));

function useSearchModule(): SearchModule | null {
  const [loaded, setLoaded] = useState<SearchModule | null>(searchModule);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    void loadSearchModule().then((m) => live && setLoaded(m));
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}

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

type PopupSuggestions = SearchModule['popupSuggestions'];

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
            {SUGGESTION_LABELS.terms}
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
            {SUGGESTION_LABELS.articles}
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
  const detailRef = useRef<HTMLDivElement | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The active option belongs to the query it was chosen for; a new query starts with none.
  const [activeFor, setActiveFor] = useState({ query, index: -1 });
  const active = activeFor.query === query ? activeFor.index : -1;
  const setActive = (next: number | ((current: number) => number)) =>
    setActiveFor({ query, index: typeof next === 'function' ? next(active) : next });
  // Set when a detail is opened by the user (or by the route): focus moves into it after the render.
  const focusDetail = useRef(focusDetailOnMount);
  const search = useSearchModule();
  const suggestions = search?.popupSuggestions ?? null;
  const searching = query.trim() !== '' && !search;

  const hits = useMemo(
    () => (query.trim() && search ? search.popupSearchIndex.search(query, 40) : []),
    [query, search],
  );
  const groups = useMemo(() => groupGlossaryHits(hits, POPUP_RESULT_LIMITS), [hits]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const detail = details.at(-1) ?? null;
  const showingResults = !detail && flat.length > 0;

  useLayoutEffect(() => {
    if (!focusDetail.current) inputRef.current?.focus();
    markSearchRendered();
  }, []);

  const focusDetailNow = useCallback((element: HTMLDivElement | null) => {
    if (!focusDetail.current || !element) return;
    focusDetail.current = false;
    element.focus({ preventScroll: true });
    element.closest('.panel')?.scrollTo?.({ top: 0 });
  }, []);
  // The detail view arrives later the first time (loaded on demand): focus it when it mounts, or when it changes.
  const setDetailElement = useCallback(
    (element: HTMLDivElement | null) => {
      detailRef.current = element;
      focusDetailNow(element);
    },
    [focusDetailNow],
  );
  useEffect(() => {
    if (detail) focusDetailNow(detailRef.current);
  });
  // Results on screen: the detail view is likely next; load it while the reader looks.
  const hasResults = flat.length > 0;
  useEffect(() => {
    if (!hasResults) return;
    const timer = setTimeout(() => void loadDetailView(), 300);
    return () => clearTimeout(timer);
  }, [hasResults]);

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
  const countText = searchCountText(query, searching, flat.length);

  return (
    <div className="search-panel">
      <div className="search-box">
        <label htmlFor={`${base}-input`} className="sr-only">
          {SEARCH_LABEL}
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
          placeholder={SEARCH_PLACEHOLDER}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id={`${base}-hint`} className="sr-only">
        {SEARCH_HINT}
      </p>
      <p className="sr-only" aria-live="polite">
        {countText}
      </p>

      {detail ? (
        <Suspense
          fallback={
            <p className="state-message" role="status">
              正在打开…
            </p>
          }
        >
          <DetailView
            ref={setDetailElement}
            detail={detail}
            depth={details.length}
            onOpen={open}
            onBack={back}
            onClose={closeDetails}
          />
        </Suspense>
      ) : searching ? (
        <p className="state-message" role="status">
          正在查找…
        </p>
      ) : !query.trim() ? (
        <>
          <p className="search-tip">{SEARCH_TIP}</p>
          <Suggestions suggestions={suggestions} onOpen={open} />
        </>
      ) : flat.length === 0 ? (
        <div className="no-results" role="status">
          <p className="state-title">{noResultsTitle(query)}</p>
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
