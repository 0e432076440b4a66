/**
 * The toolbar popup: 查询 (search + detail), 本页术语, 计算器, and a small 设置 area.
 * It may open at a route (utils/popupRoute.ts), from the hash or from the
 * background through storage.session.
 */
import { browser } from 'wxt/browser';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CheckerToolId } from '@/lib/checker/toolIds';
import { isLensActiveOn, siteKeyOf } from '@/lib/settings/settings';
import { rulesCovering } from '@/lib/settings/sites';
import { useSettings } from '@/lib/settings/useSettings';
import { setting, type SettingsIntent } from '@/lib/settings/intents';
import type { PopupRoute } from '@/lib/messaging/popupRoute';
import { lensReaderUrlFor, looksLikePdfUrl } from '@/lib/messaging/readerChannel';
import type { DetailRef } from './DetailView';
import { PageTermsPanel } from './PageTermsPanel';
import { PageNumbersPanel } from './PageNumbersPanel';
import { pageNumbersSourceFor } from './pageNumbersSource';
import { resolvePopupContext, type PopupContext } from './popupTarget';
import { SearchPanel } from './SearchPanel';
import { SettingsPanel } from './SettingsPanel';
import { applyPopupLook } from './popupLook';
import { POPUP_TABS, tabOfRoute, type PopupTab } from './popupShared';
import type { QuickHandoff } from './quickShell';

type CheckerModule = typeof import('./CheckerPanel');
let checkerModule: CheckerModule | null = null;
let checkerModuleLoading: Promise<CheckerModule> | null = null;
/** The checker's code, imported once on demand; once loaded, the panel renders in the same pass (no fallback). */
export const loadCheckerPanel = () =>
  (checkerModuleLoading ??= import('./CheckerPanel').then((m) => (checkerModule = m)));

function useCheckerModule(wanted: boolean): CheckerModule | null {
  const [loaded, setLoaded] = useState<CheckerModule | null>(checkerModule);
  useEffect(() => {
    if (loaded || !wanted) return;
    let live = true;
    void loadCheckerPanel().then((m) => live && setLoaded(m));
    return () => {
      live = false;
    };
  }, [loaded, wanted]);
  return loaded;
}

const TABS = POPUP_TABS;
const tabOf = tabOfRoute;

export interface PopupBoot {
  route: PopupRoute;
  /** location.search, for ?targetTab=<id>. */
  search: string;
  /** What the reader did in the first view before the app took over (./quickShell.ts). */
  handoff?: QuickHandoff | null;
}

export function PopupApp({ boot }: { boot: PopupBoot }) {
  const base = useId().replace(/:/g, '');
  const { route, handoff = null } = boot;
  const openingTab = handoff?.tab ?? tabOf(route);
  // Opened at 计算器: its code and the saved inputs start loading now, alongside the first render.
  if (openingTab === 'checker') void loadCheckerPanel();
  const [tab, setTab] = useState<PopupTab>(openingTab);
  const [visited, setVisited] = useState<Set<PopupTab>>(() => new Set([openingTab]));
  const [query, setQuery] = useState(handoff?.query ?? (route.view === 'search' ? route.text : ''));
  const [details, setDetails] = useState<DetailRef[]>(
    handoff?.open
      ? [handoff.open]
      : route.view === 'term' || route.view === 'article'
        ? [{ kind: route.view, id: route.id }]
        : [],
  );
  const [checkerTool] = useState<CheckerToolId | null>(
    handoff?.checker?.tool ?? (route.view === 'checker' ? route.tool : null),
  );
  const [checkerEdits] = useState(() => handoff?.checker ?? null);
  const CheckerPanel = useCheckerModule(visited.has('checker'))?.default ?? null;
  const { settings, change: changeSettings } = useSettings();
  const [context, setContext] = useState<PopupContext | undefined>(undefined);
  const [settingsOpen, setSettingsOpen] = useState(handoff?.settingsOpen ?? false);
  const tabRefs = useRef<Record<PopupTab, HTMLButtonElement | null>>({
    search: null,
    page: null,
    numbers: null,
    checker: null,
  });

  useEffect(() => {
    void resolvePopupContext(boot.search).then(setContext);
  }, [boot.search]);
  // 本页的数字 of the target page: asked only when the list or the checker's 「用本页的数字」 wants them.
  const numbersSource = useMemo(
    () => (context === undefined ? undefined : pageNumbersSourceFor(context.target)),
    [context],
  );

  // Opened at 本页术语 or 计算器, the keyboard starts on that tab (the search box is hidden).
  useLayoutEffect(() => {
    if (openingTab !== 'search') tabRefs.current[openingTab]?.focus();
  }, [openingTab]);

  // Theme and 字号, live (the first view applied the stored ones already; the card and the PDF reader follow 字号
  // by themselves).
  const theme = settings?.theme;
  const textSize = settings?.textSize;
  useEffect(() => {
    if (theme && textSize) applyPopupLook({ theme, textSize });
  }, [theme, textSize]);

  const siteKey = context?.target?.url ? siteKeyOf(context.target.url) : null;
  const lensOff = settings !== null && !isLensActiveOn(settings, siteKey);

  // Optimistic: the switch moves at once, storage follows.
  const applyIntents = (...intents: SettingsIntent[]) => void changeSettings(...intents);

  const selectTab = (next: PopupTab, focus = false) => {
    setTab(next);
    setVisited((v) => (v.has(next) ? v : new Set(v).add(next)));
    if (focus) tabRefs.current[next]?.focus();
  };

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    selectTab(TABS[(to + TABS.length) % TABS.length]!.id, true);
  };

  const onQueryChange = (text: string) => {
    setQuery(text);
    if (details.length) setDetails([]);
  };

  const panelId = (id: PopupTab) => `${base}-panel-${id}`;
  const tabId = (id: PopupTab) => `${base}-tab-${id}`;

  return (
    <div className="popup">
      <header className="popup-header">
        <h1 className="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          懂医保
        </h1>
        <button
          type="button"
          className={settingsOpen ? 'settings-toggle open' : 'settings-toggle'}
          aria-expanded={settingsOpen}
          aria-controls={`${base}-settings`}
          onClick={() => setSettingsOpen((open) => !open)}
        >
          <span aria-hidden="true">⚙</span> 设置
        </button>
      </header>
      {/* PDF reader: Chromium's own PDF viewer runs no extension script, so a PDF tab gets a way into ours. */}
      {context?.target?.url && looksLikePdfUrl(context.target.url) && (
        <p className="open-pdf">
          <button
            type="button"
            className="primary-button"
            onClick={() => {
              const pdfUrl = context.target!.url!;
              void browser.tabs.create({ url: lensReaderUrlFor(pdfUrl) }).then(() => {
                if (!context.inTab) window.close();
              });
            }}
          >
            用懂医保阅读器打开此 PDF
          </button>
        </p>
      )}
      {settingsOpen && settings && (
        <SettingsPanel
          id={`${base}-settings`}
          settings={settings}
          siteKey={siteKey}
          pageUrlKnown={Boolean(context?.target?.url)}
          onChange={applyIntents}
        />
      )}

      <div role="tablist" aria-label="功能" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={tabId(t.id)}
            data-tab={t.id}
            aria-selected={tab === t.id}
            aria-controls={panelId(t.id)}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => selectTab(t.id)}
            onKeyDown={onTabKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>

      <main className="panels">
        <section
          role="tabpanel"
          id={panelId('search')}
          aria-labelledby={tabId('search')}
          hidden={tab !== 'search'}
          className="panel"
        >
          {visited.has('search') && (
            <SearchPanel
              query={query}
              onQueryChange={onQueryChange}
              details={details}
              onOpenDetail={(d) => setDetails((stack) => [...stack, d])}
              onBack={() => setDetails((stack) => stack.slice(0, -1))}
              onCloseDetails={() => setDetails([])}
              focusDetailOnMount={tab === 'search' && details.length > 0}
            />
          )}
        </section>
        <section
          role="tabpanel"
          id={panelId('page')}
          aria-labelledby={tabId('page')}
          hidden={tab !== 'page'}
          className="panel"
        >
          {tab === 'page' && (
            <PageTermsPanel
              target={context?.target}
              inTab={context?.inTab ?? false}
              lensOff={lensOff}
              onTurnOn={() =>
                siteKey &&
                applyIntents(
                  setting('enabled', true),
                  ...rulesCovering(settings?.disabledSites ?? [], siteKey).map((rule): SettingsIntent => ({
                    op: 'removeSiteRule',
                    rule,
                  })),
                )
              }
            />
          )}
        </section>
        <section
          role="tabpanel"
          id={panelId('numbers')}
          aria-labelledby={tabId('numbers')}
          hidden={tab !== 'numbers'}
          className="panel"
        >
          {tab === 'numbers' && <PageNumbersPanel source={numbersSource} inTab={context?.inTab ?? false} />}
        </section>
        <section
          role="tabpanel"
          id={panelId('checker')}
          aria-labelledby={tabId('checker')}
          hidden={tab !== 'checker'}
          className="panel"
        >
          {visited.has('checker') &&
            (CheckerPanel ? (
              <CheckerPanel initialTool={checkerTool} shellEdits={checkerEdits} pageNumbers={numbersSource ?? null} />
            ) : (
              <p className="state-message">正在打开计算器…</p>
            ))}
        </section>
      </main>
    </div>
  );
}
