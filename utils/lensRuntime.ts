/**
 * Wires the content script together: settings → scanner → highlights → hover
 * card, plus the popup's questions. Starts and stops live when settings change.
 */
import compiled from '@/generated/matcher.json';
import { createCardHost, type CardHost } from './cardHost';
import { findTermAtPoint, rectOfMatch } from './hitTest';
import { createHoverController, type HoverController, type ShownTerm } from './hoverController';
import { onLensMessage, sendLensMessage, type PageTermCount } from './lensMessaging';
import { isLensActiveOn, readLensSettings, siteKeyOf, watchLensSettings, type LensSettings } from './lensSettings';
import { createTermMatcher, type CompiledTermMatcher } from './matcher';
import { createPageScanner, type PageScanner } from './pageScanner';
import { createTermHighlighter, type TermHighlighter } from './termHighlights';

interface ContentContext {
  isInvalid: boolean;
  onInvalidated(callback: () => void): void;
}

const matcher = createTermMatcher(compiled as CompiledTermMatcher);

/** Elements on screen now, so their text is scanned first. */
function elementsOnScreen(doc: Document): Element[] {
  const found = new Set<Element>();
  const { innerWidth: w, innerHeight: h } = doc.defaultView ?? { innerWidth: 0, innerHeight: 0 };
  for (const fy of [0.15, 0.5, 0.85]) {
    for (const fx of [0.25, 0.5, 0.75]) {
      const element = doc.elementFromPoint(w * fx, h * fy);
      const block = element?.closest('p, li, td, article, section, div, pre, blockquote, h1, h2, h3, h4, dd, dt');
      if (block && block !== doc.body && block !== doc.documentElement) found.add(block);
    }
  }
  return [...found];
}

export function startLensRuntime(ctx: ContentContext) {
  const doc = document;
  const siteKey = siteKeyOf(location.href);
  const isTopFrame = window === window.top;
  const shadowRoots: ShadowRoot[] = [];
  let settings: LensSettings | null = null;
  let scanner: PageScanner | null = null;
  let highlighter: TermHighlighter | null = null;
  let hover: HoverController | null = null;
  let shadowSheet: CSSStyleSheet | null = null;
  const disabledEntryIndexes = new Set<number>();

  const cardHost: CardHost = createCardHost(doc, {
    onClose: () => hover?.close(),
    onPinChange: (pinned) => hover?.setPinned(pinned),
    onOpenPopup: (route) => void sendLensMessage('openLensPopup', { route }).catch(() => undefined),
    onPointerInside: (inside) => hover?.setPointerInsideCard(inside),
  });

  async function showCard(term: ShownTerm, rect: DOMRect, focus = false) {
    const entry = matcher.entries[term.match.entry];
    if (!entry) return;
    const view = await cardHost.view();
    if (settings) view.setTheme(settings.theme);
    view.show({ termId: entry.id, anchor: rect, focus });
  }

  function styleShadowRoot(root: ShadowRoot) {
    shadowRoots.push(root);
    // Highlight styles from the page's stylesheet do not reach into shadow trees; adopt ours there.
    try {
      if (!shadowSheet) {
        shadowSheet = new CSSStyleSheet();
        shadowSheet.replaceSync(
          '::highlight(yibao-lens-term){text-decoration:underline dotted #2a7de1;text-decoration-thickness:1.5px;text-underline-offset:3px}' +
            '::highlight(yibao-lens-term-bg){background-color:rgba(42,125,225,.16)}',
        );
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, shadowSheet];
    } catch {
      // A page may freeze adoptedStyleSheets; marks then fall back to the page's own styling.
    }
  }

  function activate(current: LensSettings) {
    disabledEntryIndexes.clear();
    matcher.entries.forEach((entry, index) => {
      if (entry.category && current.disabledCategories.includes(entry.category)) disabledEntryIndexes.add(index);
    });
    highlighter = createTermHighlighter(current.markStyle, (entry) => !disabledEntryIndexes.has(entry));
    const activeHighlighter = highlighter;
    scanner = createPageScanner(
      doc,
      matcher,
      {
        onMatches: (node, matches) => activeHighlighter.setNodeMatches(node, matches),
        onForget: (node) => activeHighlighter.forgetNode(node),
        onShadowRoot: styleShadowRoot,
      },
      { isOwnElement: (element) => cardHost.isHost(element), priorityRoots: () => elementsOnScreen(doc) },
    );
    const activeScanner = scanner;
    hover = createHoverController(window, {
      hitTest: (x, y) => findTermAtPoint(doc, activeScanner.tracked, x, y, shadowRoots),
      isInsideCard: (target) => cardHost.contains(target),
      show: (term, rect) => void showCard(term, rect).catch(reportOnce),
      hide: () => void cardHost.view().then((view) => view.hide()),
      reposition: (rect) => {
        void cardHost.view().then((view) => {
          const id = view.currentTermId();
          if (id) view.show({ termId: id, anchor: rect });
        });
      },
      showDelayMs: () => settings?.hoverDelayMs ?? 220,
      holdKey: () => settings?.holdKey ?? 'none',
    });
    scanner.start();
  }

  function deactivate() {
    hover?.dispose();
    scanner?.stop();
    highlighter?.dispose();
    hover = null;
    scanner = null;
    highlighter = null;
    shadowRoots.length = 0;
    void cardHost.view().then((view) => view.hide()).catch(() => undefined);
  }

  function apply(next: LensSettings) {
    const wasActive = !!scanner;
    const styleChanged = settings?.markStyle !== next.markStyle;
    const categoriesChanged = settings?.disabledCategories.join() !== next.disabledCategories.join();
    settings = next;
    const active = isLensActiveOn(next, siteKey);
    if (active && wasActive && categoriesChanged) {
      deactivate();
      activate(next);
    } else if (active && !wasActive) activate(next);
    else if (!active && wasActive) deactivate();
    else if (active && styleChanged) highlighter?.setStyle(next.markStyle);
  }

  let reported = false;
  function reportOnce(error: unknown) {
    if (reported || ctx.isInvalid) return;
    reported = true;
    console.debug('懂医保：', error);
  }

  function listPageTerms(): PageTermCount[] {
    const counts = new Map<number, number>();
    for (const [node, matches] of scanner?.tracked ?? []) {
      if (!node.isConnected) continue;
      for (const m of matches) if (!disabledEntryIndexes.has(m.entry)) counts.set(m.entry, (counts.get(m.entry) ?? 0) + 1);
    }
    return [...counts]
      .map(([entry, count]) => ({ id: matcher.entries[entry]!.id, term: matcher.entries[entry]!.term, count }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term, 'zh-CN'));
  }

  function revealPageTerm(id: string): boolean {
    for (const [node, matches] of scanner?.tracked ?? []) {
      const match = matches.find((m) => matcher.entries[m.entry]?.id === id);
      if (!match || !node.isConnected || !node.parentElement?.checkVisibility?.()) continue;
      node.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      const rect = rectOfMatch(node, match);
      if (!rect) continue;
      hover?.markShown({ node, match });
      void showCard({ node, match }, rect, true).catch(reportOnce);
      return true;
    }
    return false;
  }

  void readLensSettings()
    .then(apply)
    .catch(reportOnce);
  const unwatch = watchLensSettings((next) => {
    if (!ctx.isInvalid) apply(next);
  });
  const removeListeners: (() => void)[] = [];
  if (isTopFrame) {
    removeListeners.push(onLensMessage('listPageTerms', () => listPageTerms()));
    removeListeners.push(onLensMessage('revealPageTerm', ({ data }) => revealPageTerm(data.id)));
  }
  const onFullscreen = () => cardHost.followFullscreen();
  doc.addEventListener('fullscreenchange', onFullscreen);

  // After the extension is reloaded or updated, this old copy goes quiet.
  ctx.onInvalidated(() => {
    unwatch();
    for (const remove of removeListeners) remove();
    doc.removeEventListener('fullscreenchange', onFullscreen);
    deactivate();
    cardHost.destroy();
  });
}
