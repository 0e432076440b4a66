/**
 * Wires the content script together: settings → scanner → highlights → hover
 * card, plus the popup's questions. Starts and stops live when settings change.
 */
import { COMPILED_MATCHER, COMPILED_SENSES } from '@/generated/engineData';
import highlightCss from './style.css?inline';
import { createCardHost, type CardHost } from './cardHost';
import { findTermAtPoint } from './hitTest';
import { createHoverController, termLineRects, type HoverController, type ShownTerm } from './hoverController';
import {
  createFocusReturn,
  createKeyboardNavigator,
  goToNeighbour,
  isFirstInBlock,
  occurrencesInOrder,
} from './keyboardNav';
import { onLensMessage, sendLensMessage, type PageTermCount } from '@/lib/messaging/protocol';
import {
  isLensActiveOn,
  readLensSettings,
  updateLensSettings,
  siteKeyOf,
  watchLensSettings,
  type LensSettings,
} from '@/lib/settings/settings';
import { createLazyTermMatcher } from '@/lib/matcher/matcher';
import { parsePopupRoute } from '@/lib/messaging/popupRoute';
import { createPageScanner, type PageScanner } from './scanner';
import { createSenseRefiner, type SensedMatch } from './senseContext';
import { senseById, senseDisplayName } from '@/lib/matcher/senses';
import { createTermHighlighter, type TermHighlighter } from './highlights';
import { LENS_TUNABLES } from './tunables';
import type { LensContentContext, LensEngine } from './engineContract';
import { inDocumentOrder, type MarkRules } from './markPlan';

// Built on the first Chinese text node. The tables are literals of the engine module (generated/engineData.ts):
// nothing is parsed on the page.
const matcher = createLazyTermMatcher(() => COMPILED_MATCHER);
// Senses of ambiguous forms (个人账户 in a 养老 paragraph…).
const loadSenses = () => COMPILED_SENSES;
const refineSenses = createSenseRefiner(loadSenses);

/** `storedSettings`: the settings read the loader started while the engine was loading, if any. */
export function startLensRuntime(
  ctx: LensContentContext,
  storedSettings?: Promise<Record<string, unknown>>,
): LensEngine {
  const doc = document;
  const siteKey = siteKeyOf(location.href);
  const isTopFrame = window === window.top;
  const shadowRoots: ShadowRoot[] = [];
  let settings: LensSettings | null = null;
  let scanner: PageScanner | null = null;
  let highlighter: TermHighlighter | null = null;
  let hover: HoverController | null = null;
  let keyboardNav: { dispose(): void } | null = null;
  let shadowSheet: CSSStyleSheet | null = null;
  let disabledCategories: string[] = [];
  let knownTerms = new Set<string>();
  const markRules = (): MarkRules => ({
    amount: settings?.markAmount ?? 'firstInBlock',
    isMarkable: (entry) => isEntryShown(entry) && !knownTerms.has(matcher.entries[entry]?.id ?? ''),
  });
  const isEntryShown = (entry: number) => {
    const category = matcher.entries[entry]?.category;
    return !(category && disabledCategories.includes(category));
  };

  const cardHost: CardHost = createCardHost(doc, {
    onClose: () => hover?.close(),
    onPinChange: (pinned) => hover?.setPinned(pinned),
    onOpenPopup: (text) => {
      const route = parsePopupRoute(text);
      if (route) void sendLensMessage('openLensPopup', { route }).catch(() => undefined);
    },
    onPointerInside: (inside) => hover?.setPointerInsideCard(inside),
    // The content script never writes settings itself: the change goes to the owner (the background).
    onKnowTerm: (termId) => {
      const known = settings?.knownTerms ?? [];
      if (!known.includes(termId)) void updateLensSettings({ knownTerms: [...known, termId] }).catch(reportOnce);
    },
  });

  /**
   * ctx.isInvalid notices that the extension was reloaded, updated or removed (chrome.runtime.id is gone)
   * and then runs onInvalidated. Reading chrome.runtime costs a little, so it is looked at once a second.
   */
  let lastAliveCheck = -Infinity;
  function extensionGone(): boolean {
    const now = performance.now();
    if (now - lastAliveCheck < LENS_TUNABLES.aliveCheckMs) return false;
    lastAliveCheck = now;
    return ctx.isInvalid;
  }

  // Card wiring (keyboard reading, focus return): see keyboardNav.ts.
  const focusReturn = createFocusReturn(doc, (element) => cardHost.isHost(element));
  async function showCard(term: ShownTerm, focus = false) {
    const entry = matcher.entries[term.match.entry];
    if (!entry) return;
    if (focus) focusReturn.remember();
    const view = await cardHost.view();
    if (settings) view.setTheme(settings.theme);
    view.show({ termId: entry.id, sense: (term.match as SensedMatch).sense, lines: termLineRects(term), focus });
  }
  function hideCard() {
    const hadFocus = cardHost.contains(doc.activeElement);
    cardHost.loadedView()?.hide();
    focusReturn.restore(hadFocus);
  }
  function openFromKeyboard(term: ShownTerm) {
    hover?.markShown(term);
    void showCard(term, true).catch(reportOnce);
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
        isOwnElement: (element) => cardHost.isHost(element),
        // An old copy left behind by an extension reload or update tears itself down at its next slice.
        scheduleSlice: (work) => requestIdleCallback(() => extensionGone() || work(), { timeout: 200 }),
        refineMatches: refineSenses,
      },
    );
    scanner = newScanner;
    hover = createHoverController(window, {
      // …or at the next pointer move.
      hitTest: (x, y) => {
        if (extensionGone()) return null;
        const hit = findTermAtPoint(doc, newScanner.matchesOf, x, y, shadowRoots);
        // The pointer rests on a term: fetch the card module during the hover delay, so the card is ready in time.
        if (hit && !cardHost.loadedView()) void cardHost.view().catch(reportOnce);
        return hit;
      },
      isInsideCard: (target) => cardHost.contains(target),
      show: (term) => void showCard(term).catch(reportOnce),
      hide: hideCard,
      reposition: (term) => cardHost.loadedView()?.reposition(termLineRects(term)),
      showDelayMs: () => settings?.hoverDelayMs ?? 220,
      holdKey: () => settings?.holdKey ?? 'none',
    });
    keyboardNav = createKeyboardNavigator(window, {
      // Matched on demand as the walk reaches them: the scanner only keeps the band around the viewport.
      matchesOf: (node) => newScanner.matchesOf(node),
      include: (node, match) => {
        const rules = markRules();
        if (!rules.isMarkable(match.entry)) return false;
        return rules.amount === 'all' || isFirstInBlock(node, match, (n) => newScanner.matchesOf(n));
      },
      current: () => hover?.currentTerm() ?? null,
      open: openFromKeyboard,
    });
    scanner.start();
  }

  function deactivate() {
    hover?.dispose();
    keyboardNav?.dispose();
    keyboardNav = null;
    scanner?.stop();
    highlighter?.dispose();
    hover = null;
    scanner = null;
    highlighter = null;
    shadowRoots.length = 0;
    cardHost.loadedView()?.hide();
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

  // The popup's questions need every term of the page: the whole document is matched first (in idle slices).
  async function answerListPageTerms(): Promise<PageTermCount[]> {
    await ready;
    await scanner?.scanAll();
    return listPageTerms();
  }

  async function answerRevealPageTerm(id: string, sense?: string, occurrence?: number | 'next'): Promise<boolean> {
    await ready;
    await scanner?.scanAll();
    return revealPageTerm(id, sense, occurrence);
  }

  /**
   * Every term of the page with its count, in the order the terms first appear; look-alike senses
   * (养老保险个人账户) are listed apart under their own name.
   */
  function listPageTerms(): PageTermCount[] {
    const counts = new Map<string, PageTermCount>();
    const nodes = inDocumentOrder([...(scanner?.tracked.keys() ?? [])].filter((node) => node.isConnected));
    for (const node of nodes) {
      for (const m of scanner!.tracked.get(node)! as SensedMatch[]) {
        if (!isEntryShown(m.entry)) continue;
        const entry = matcher.entries[m.entry]!;
        const key = `${m.entry}/${m.sense ?? ''}`;
        const known = counts.get(key);
        if (known) known.count++;
        else if (!m.sense) counts.set(key, { id: entry.id, term: entry.term, count: 1 });
        else {
          const sense = senseById(loadSenses(), m.sense);
          const name = sense ? senseDisplayName(sense, entry.term) : m.sense;
          counts.set(key, { id: entry.id, term: name, count: 1, sense: { id: m.sense, name } });
        }
      }
    }
    return [...counts.values()];
  }

  /**
   * Opens the card of an occurrence of the entry in that sense (without a sense, a look-alike one if no 医保
   * one is left): the `occurrence`-th in reading order, or 'next' after the open card.
   */
  function revealPageTerm(id: string, sense?: string, occurrence: number | 'next' = 0): boolean {
    const ofEntry = (m: SensedMatch) => isEntryShown(m.entry) && matcher.entries[m.entry]?.id === id;
    return (
      revealOccurrence((m) => ofEntry(m) && m.sense === sense, occurrence) ||
      (sense === undefined && revealOccurrence(ofEntry, occurrence))
    );
  }

  function revealOccurrence(wanted: (m: SensedMatch) => boolean, occurrence: number | 'next'): boolean {
    const nodes = new Map([...(scanner?.tracked ?? [])].filter(([, matches]) => matches.some(wanted)));
    const all = occurrencesInOrder(nodes, wanted);
    if (all.length === 0) return false;
    const count = all.length;
    // Going on from the occurrence before the wanted one lands on it (skipping any that are hidden).
    const before = all[(((occurrence === 'next' ? 0 : occurrence) % count) + count - 1) % count]!;
    const from = occurrence === 'next' ? (hover?.currentTerm() ?? null) : before;
    const target = goToNeighbour(window, all, from, 1);
    if (!target) return false;
    openFromKeyboard(target);
    return true;
  }

  const ready = readLensSettings(storedSettings).then(apply).catch(reportOnce);
  const unwatch = watchLensSettings((next) => {
    if (!ctx.isInvalid) apply(next);
  });
  const removeListeners: (() => void)[] = [];
  if (isTopFrame) {
    removeListeners.push(onLensMessage('listPageTerms', () => answerListPageTerms()));
    removeListeners.push(
      onLensMessage('revealPageTerm', ({ data }) => answerRevealPageTerm(data.id, data.sense, data.occurrence)),
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
  const onFullscreen = () => cardHost.followFullscreen();
  doc.addEventListener('fullscreenchange', onFullscreen);

  // After the extension is reloaded or updated, this old copy goes quiet.
  ctx.onInvalidated(() => {
    doc.removeEventListener('fullscreenchange', onFullscreen);
    deactivate();
    cardHost.destroy();
    // With the extension gone, chrome.* may be gone too: removing its listeners can throw, and nothing is left to tell.
    for (const remove of [unwatch, ...removeListeners]) {
      try {
        remove();
      } catch {
        // ignored
      }
    }
  });

  return {
    listPageTerms: answerListPageTerms,
    revealPageTerm: answerRevealPageTerm,
  };
}
