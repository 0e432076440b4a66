/**
 * Wires the engine together: settings → scanner → highlights → hover and keys → card (cardDisplay.ts), and the
 * page's questions (pageQuestions.ts). Starts and stops live when settings change; everything it listens to is
 * removed through one AbortSignal when this copy goes away (ctx.signal) or is switched off.
 */
import { COMPILED_MATCHER, COMPILED_SENSES, DOCUMENT_TITLES } from '@/generated/engineData';
import highlightCss from './style.css?inline';
import { findTermAtPoint } from './hitTest';
import { createHoverController, type HoverController } from './hoverController';
import { listenForTermKeys } from './keyboardNav';
import { onLensMessage } from '@/lib/messaging/protocol';
import { parseRevealNumberRequest, parseRevealRequest, type PageQuestions } from '@/lib/messaging/pageQuestions';
import { isLensActiveOn, readLensSettings, watchLensSettings, type LensSettings } from '@/lib/settings/settings';
import { currentFrameLocation, topSiteKeyOf } from './frameSite';
import { DEFAULT_LENS_SETTINGS } from '@/lib/settings/table';
import { createLazyTermMatcher } from '@/lib/matcher/matcher';
import { createPageScanner, type PageScanner } from './scanner';
import { createSenseRefiner, type SensedMatch } from './senseContext';
import { senseById, senseDisplayName } from '@/lib/matcher/senses';
import { createTermHighlighter, type TermHighlighter } from './highlights';
import { LENS_TUNABLES } from './tunables';
import type { LensContentContext } from './engineContract';
import { isFirstInBlock, type MarkRules } from './markPlan';
import { createCardDisplay } from './cardDisplay';
import { createPageQuestions } from './pageQuestions';
import { createEnginePageNumbers } from './pageNumbers';
import type { PageNumberSource } from '@/lib/pageNumbers/moduleContract';
import { inRunningText } from './readingContext';
import { documentTitleAround } from './documentTitle';
import { occurrencesInOrder, sameOccurrence } from './readingOrder';

// Built on the first Chinese text node. The tables are literals of the engine module (generated/engineData.ts):
// nothing is parsed on the page.
const matcher = createLazyTermMatcher(() => COMPILED_MATCHER);
// Senses of ambiguous forms (个人账户 in a 养老 paragraph…).
const loadSenses = () => COMPILED_SENSES;
const refineSenses = createSenseRefiner(loadSenses);

/**
 * `storedSettings`: the settings read the loader started while the engine was loading, if any. `numbers`: where the
 * page's numbers come from when not from its DOM (the PDF reader reads them from its text items' positions).
 */
export function startLensRuntime(
  ctx: LensContentContext,
  storedSettings?: Promise<Record<string, unknown>>,
  numbers?: PageNumberSource,
): PageQuestions {
  const doc = document;
  // The off switch of the top-level page's site holds in every frame of it (frameSite.ts).
  const siteKey = topSiteKeyOf(currentFrameLocation());
  const isTopFrame = window === window.top;
  const shadowRoots: ShadowRoot[] = [];
  let settings: LensSettings | null = null;
  let scanner: PageScanner | null = null;
  let highlighter: TermHighlighter | null = null;
  let hover: HoverController | null = null;
  /** Aborted when marking stops (switched off here) or this copy goes away. */
  let activeRun: AbortController | null = null;
  let shadowSheet: CSSStyleSheet | null = null;
  let disabledCategories: string[] = [];
  let knownTerms = new Set<string>();
  const markRules = (): MarkRules => ({
    amount: settings?.markAmount ?? DEFAULT_LENS_SETTINGS.markAmount,
    isMarkable: (entry) => isEntryShown(entry) && !knownTerms.has(matcher.entries[entry]?.id ?? ''),
  });
  const isEntryShown = (entry: number) => {
    const category = matcher.entries[entry]?.category;
    return !(category && disabledCategories.includes(category));
  };

  // 本页的数字 are read only where the engine found 医保 terms (all of the page matched first, in idle slices).
  const pageNumbers =
    numbers ??
    createEnginePageNumbers(
      doc,
      async () => {
        await ready;
        await scanner?.scanAll();
        return (scanner?.tracked.size ?? 0) > 0;
      },
      ctx.signal,
    );
  const card = createCardDisplay(doc, {
    hover: () => hover,
    settings: () => settings,
    termIdOf: (entry) => matcher.entries[entry]?.id,
    occurrenceOf: async (term) => {
      const current = scanner;
      if (!current) return undefined;
      await current.scanAll();
      const sense = (term.match as SensedMatch).sense;
      const wanted = (m: SensedMatch) => m.entry === term.match.entry && m.sense === sense;
      // Only the nodes holding the term are put in order (a long page has thousands of others).
      const holding = new Map([...current.tracked].filter(([, matches]) => matches.some(wanted)));
      const all = occurrencesInOrder(holding, wanted);
      const index = all.findIndex((o) => sameOccurrence(o, term));
      return index < 0 ? undefined : { index: index + 1, count: all.length };
    },
    reportError: reportOnce,
    pageNumbers,
  });

  /**
   * ctx.isInvalid notices that the extension was reloaded, updated or removed (chrome.runtime.id is gone)
   * and then aborts ctx.signal. Reading chrome.runtime costs a little, so it is looked at once a second.
   */
  let lastAliveCheck = -Infinity;
  function extensionGone(): boolean {
    const now = performance.now();
    if (now - lastAliveCheck < LENS_TUNABLES.aliveCheckMs) return false;
    lastAliveCheck = now;
    return ctx.isInvalid;
  }

  function styleShadowRoot(root: ShadowRoot) {
    shadowRoots.push(root);
    // Highlight styles from the page's stylesheet do not reach into shadow trees; adopt ours there.
    try {
      if (shadowSheet && root.adoptedStyleSheets.includes(shadowSheet)) return;
      if (!shadowSheet) {
        shadowSheet = new CSSStyleSheet();
        shadowSheet.replaceSync(highlightCss);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, shadowSheet];
    } catch {
      // A page may freeze adoptedStyleSheets; marks then fall back to the page's own styling.
    }
  }

  function activate(current: LensSettings) {
    disabledCategories = current.disabledCategories;
    const run = (activeRun = new AbortController());
    const signal = AbortSignal.any([ctx.signal, run.signal]);
    let activeHighlighter: TermHighlighter | null = null;
    // Created with the first term found: a page without terms never registers a highlight.
    const ensureHighlighter = () =>
      (activeHighlighter ??= highlighter =
        createTermHighlighter(doc, (settings ?? current).markStyle, {
          tracked: newScanner.tracked,
          rules: markRules,
          bandNodes: () => newScanner.bandNodes(),
        }));
    const newScanner = createPageScanner(
      doc,
      matcher,
      {
        onMatches: (node) => ensureHighlighter().setNodeMatches(node),
        onForget: (node) => activeHighlighter?.forgetNode(node),
        onShadowRoot: styleShadowRoot,
        onShadowRootGone: (root) => {
          const index = shadowRoots.indexOf(root);
          if (index >= 0) shadowRoots.splice(index, 1);
        },
        onIdle: () => activeHighlighter?.redraw(),
      },
      {
        isOwnElement: (element) => card.host.isHost(element),
        // An old copy left behind by an extension reload or update tears itself down at its next slice.
        scheduleSlice: (work) => requestIdleCallback(() => extensionGone() || work(), { timeout: 200 }),
        refineMatches: refineSenses,
      },
    );
    scanner = newScanner;
    hover = createHoverController(
      window,
      {
        // …or at the next pointer move.
        hitTest: (x, y) => {
          if (extensionGone()) return null;
          const hit = findTermAtPoint(doc, newScanner.matchesOf, x, y, shadowRoots, (node, offset) =>
            documentTitleAround(node, offset, DOCUMENT_TITLES),
          );
          // The pointer rests on a term: fetch the card module during the hover delay, so the card is ready in time.
          if (hit) card.preload();
          return hit;
        },
        isInsideCard: (target) => card.host.contains(target),
        show: (term) => void card.show(term).catch(reportOnce),
        hide: card.hide,
        reposition: card.reposition,
        showDelayMs: () => settings?.hoverDelayMs ?? DEFAULT_LENS_SETTINGS.hoverDelayMs,
        holdKey: () => settings?.holdKey ?? DEFAULT_LENS_SETTINGS.holdKey,
      },
      signal,
    );
    listenForTermKeys(
      window,
      {
        // Matched on demand as the walk reaches them: the scanner only keeps the band around the viewport.
        matchesOf: (node) => newScanner.matchesOf(node),
        include: (node, match) => {
          const rules = markRules();
          // The keys go where the marks are: not into headings or 《…》 titles.
          if (!rules.isMarkable(match.entry) || !inRunningText(node, match)) return false;
          return rules.amount === 'all' || isFirstInBlock(node, match, (n) => newScanner.matchesOf(n));
        },
        current: () => hover?.currentTerm() ?? null,
        open: card.openWithFocus,
      },
      signal,
    );
    scanner.start();
  }

  function deactivate() {
    activeRun?.abort();
    activeRun = null;
    scanner?.stop();
    highlighter?.dispose();
    hover = null;
    scanner = null;
    highlighter = null;
    shadowRoots.length = 0;
    card.hide();
  }

  function apply(next: LensSettings) {
    const wasActive = !!scanner;
    const styleChanged = settings?.markStyle !== next.markStyle;
    const categoriesChanged = settings?.disabledCategories.join() !== next.disabledCategories.join();
    const markingChanged =
      settings?.markAmount !== next.markAmount || settings?.knownTerms.join() !== next.knownTerms.join();
    settings = next;
    knownTerms = new Set(next.knownTerms);
    const active = isLensActiveOn(next, siteKey);
    if (active && wasActive && categoriesChanged) {
      deactivate();
      activate(next);
    } else if (active && !wasActive) activate(next);
    else if (!active && wasActive) deactivate();
    else if (active && styleChanged) highlighter?.setStyle(next.markStyle);
    if (active && markingChanged) highlighter?.redraw();
  }

  let reported = false;
  function reportOnce(error: unknown) {
    if (reported || ctx.isInvalid) return;
    reported = true;
    console.debug('懂医保：', error);
  }

  const ready = readLensSettings(storedSettings).then(apply).catch(reportOnce);
  const questions = createPageQuestions({
    win: window,
    ready,
    scanner: () => scanner,
    entries: () => matcher.entries,
    isEntryShown,
    senseName: (id, term) => {
      const sense = senseById(loadSenses(), id);
      return sense ? senseDisplayName(sense, term) : id;
    },
    current: () => hover?.currentTerm() ?? null,
    open: card.openWithFocus,
    numbers: pageNumbers,
  });

  const unwatch = watchLensSettings((next) => {
    if (!ctx.isInvalid) apply(next);
  });
  const removeListeners: (() => void)[] = [unwatch];
  if (isTopFrame) {
    removeListeners.push(
      onLensMessage('listPageTerms', () => questions.listPageTerms()),
      onLensMessage('revealPageTerm', ({ data }) => {
        const request = parseRevealRequest(data);
        return request ? questions.revealPageTerm(request) : false;
      }),
      onLensMessage('listPageNumbers', () => questions.listPageNumbers()),
      onLensMessage('revealPageNumber', ({ data }) => {
        const request = parseRevealNumberRequest(data);
        return request ? questions.revealPageNumber(request) : false;
      }),
    );
  }
  // For tests and DevTools only: this global lives in the content script's isolated world, which
  // the page cannot reach. Tests read counters and shorten the mutation batch window through it.
  (globalThis as { __yibaoLensProbe?: unknown }).__yibaoLensProbe = {
    tunables: LENS_TUNABLES,
    scanAll: () => scanner?.scanAll(),
    stats: () => ({
      active: !!scanner,
      tracked: scanner?.tracked.size ?? 0,
      matches: [...(scanner?.tracked.values() ?? [])].reduce((sum, m) => sum + m.length, 0),
      pending: scanner?.pendingWork() ?? 0,
      drawn: highlighter?.drawnCount() ?? 0,
      shadowRoots: shadowRoots.length,
      ...(scanner?.stats() ?? { batches: 0, observedRoots: 0 }),
    }),
  };
  doc.addEventListener('fullscreenchange', () => card.host.followFullscreen(), { signal: ctx.signal });

  // After the extension is reloaded or updated, this old copy goes quiet.
  ctx.signal.addEventListener(
    'abort',
    () => {
      deactivate();
      card.dispose();
      card.host.destroy();
      // With the extension gone, chrome.* may be gone too: removing its listeners can throw, and nothing is left to tell.
      for (const remove of removeListeners) {
        try {
          remove();
        } catch {
          // ignored
        }
      }
    },
    { once: true },
  );

  return questions;
}
