/**
 * Card show/hide: the card host (cardHost.ts), the card's actions wired to the rest of the extension, and the
 * focus: a card opened from the keyboard or the popup takes it, and when that card closes it goes back to where
 * it was.
 */
import type { LensSettings } from '@/lib/settings/table';
import { sendLensMessage } from '@/lib/messaging/protocol';
import { changeLensSettings } from '@/lib/settings/settings';
import { createCardHost, type CardHost } from './cardHost';
import { termLineRects, type HoverController } from './hoverController';
import { rangeOfMatch } from './hitTest';
import { createActiveMark } from './activeMark';
import { createToneFinder } from './markContrast';
import type { TermOccurrence } from './readingOrder';
import type { SensedMatch } from './senseContext';
import { isDocumentTitleMatch } from './documentTitle';
import type { PageNumberSource } from '@/lib/pageNumbers/moduleContract';
import { PAGE_NUMBER_TERMS } from '@/lib/pageNumbers/terms';

/**
 * Remembers what had the focus before a card took it, and gives it back when that card closes
 * (or leaves the focus where it was when nothing had it). Moving from card to card keeps the first.
 */
export function createFocusReturn(doc: Document, isOwnElement: (element: Element) => boolean) {
  let saved: Element | null | undefined;
  return {
    remember() {
      const active = doc.activeElement;
      if (active && isOwnElement(active)) return;
      saved = active;
    },
    /** `hadFocus`: the card held the focus when it closed. */
    restore(hadFocus: boolean) {
      const target = saved;
      saved = undefined;
      if (target === undefined || !hadFocus) return;
      if (target instanceof HTMLElement && target !== doc.body && target.isConnected)
        target.focus({ preventScroll: true });
      else if (doc.activeElement instanceof HTMLElement && isOwnElement(doc.activeElement)) doc.activeElement.blur();
    },
  };
}

export interface CardDisplayDeps {
  hover(): HoverController | null;
  settings(): LensSettings | null;
  /** The glossary id of a matcher entry. */
  termIdOf(entry: number): string | undefined;
  /** Which occurrence of its term (in that sense) `term` is, in reading order over the whole page, 1-based. */
  occurrenceOf(term: TermOccurrence): Promise<{ index: number; count: number } | undefined>;
  reportError(error: unknown): void;
  /** 本页的数字: the page's own values for the card's term (「本页写的是」). */
  pageNumbers: PageNumberSource;
}

/** The words on the page the occurrence spans (a term split by markup, 个人<b>账户</b>, read as one). */
export function pageWordOf(term: TermOccurrence): string {
  const { node, match } = term;
  return match.endNode
    ? node.data.slice(match.start) + match.endNode.data.slice(0, match.end)
    : node.data.slice(match.start, match.end);
}

export interface CardDisplay {
  readonly host: CardHost;
  /** Shows the card of an occurrence; `focus`: opened from the keyboard or the popup (the focus moves inside). */
  show(term: TermOccurrence, focus?: boolean): Promise<void>;
  hide(): void;
  /** Opens a card as the keys and the popup do: the hover controller counts it as shown, the focus goes inside. */
  openWithFocus(term: TermOccurrence): void;
  /** Starts loading the card module (the pointer rests on a term), so the card is ready when the delay ends. */
  preload(): void;
  reposition(term: TermOccurrence): void;
  /** Removes the active-occurrence highlight for good (this copy of the engine goes away). */
  dispose(): void;
}

export function createCardDisplay(doc: Document, deps: CardDisplayDeps): CardDisplay {
  const host = createCardHost(doc, {
    onClose: () => deps.hover()?.close(),
    onPinChange: (pinned) => deps.hover()?.setPinned(pinned),
    // A route value; the background checks it (and that it came from our content script) before opening anything.
    onOpenPopup: (route) => void sendLensMessage('openLensPopup', { route }).catch(() => undefined),
    onPointerInside: (inside) => deps.hover()?.setPointerInsideCard(inside),
    // The content script never writes settings itself: the intent goes to the owner (the background), which adds
    // the id to the latest stored list.
    onKnowTerm: (termId) => void changeLensSettings({ op: 'knowTerm', id: termId }).catch(deps.reportError),
    onRevealPageNumber: (index) => void deps.pageNumbers.reveal(index).catch(deps.reportError),
    // 撤销 after 我懂了.
    onUnknowTerm: (termId) => void changeLensSettings({ op: 'unknowTerm', id: termId }).catch(deps.reportError),
  });
  const focusReturn = createFocusReturn(doc, (element) => host.isHost(element));
  // The occurrence whose card is open is drawn apart (yibao-lens-active), on a tint that suits its background.
  const active = createActiveMark();
  const tones = createToneFinder(doc.defaultView!);
  let shown: TermOccurrence | null = null;

  function markActive(term: TermOccurrence) {
    const range = rangeOfMatch(term.node, term.match);
    if (!range) return active.clear();
    tones.clear();
    active.show(range, tones.toneOf(term.node.parentElement));
  }

  async function show(term: TermOccurrence, focus = false) {
    if (isDocumentTitleMatch(term.match)) return showDocument(term, term.match.document, focus);
    const termId = deps.termIdOf(term.match.entry);
    if (!termId) return;
    if (focus) focusReturn.remember();
    const view = await host.view();
    const settings = deps.settings();
    if (settings) view.setTheme(settings.theme);
    const sense = (term.match as SensedMatch).sense;
    shown = term;
    view.show({
      termId,
      sense,
      lines: termLineRects(term),
      focus,
      pageWord: pageWordOf(term),
    });
    markActive(term);
    // Counting needs the whole page matched (idle slices): the card says 第 n / m 处 once it is known.
    void deps
      .occurrenceOf(term)
      .then((occurrence) => {
        if (shown === term && occurrence) view.setOccurrence(occurrence);
      })
      .catch(deps.reportError);
    // The card opens at once; the page's own values for its term follow when read (only cards that have them ask).
    if (!sense && PAGE_NUMBER_TERMS[termId]) {
      void deps.pageNumbers
        .forTerm(termId)
        .then((links) => links.length && view.setPageNumbers(termId, links))
        .catch(deps.reportError);
    }
  }

  /** A 《…》 title of a document we hold: its short card, and the title drawn as the active occurrence. */
  async function showDocument(term: TermOccurrence, documentId: string, focus: boolean) {
    if (focus) focusReturn.remember();
    const view = await host.view();
    const settings = deps.settings();
    if (settings) view.setTheme(settings.theme);
    shown = term;
    view.showDocument({ documentId, lines: termLineRects(term), focus });
    markActive(term);
  }

  return {
    host,
    show,
    hide() {
      const hadFocus = host.contains(doc.activeElement);
      shown = null;
      active.clear();
      host.loadedView()?.hide();
      focusReturn.restore(hadFocus);
    },
    openWithFocus(term) {
      deps.hover()?.markShown(term);
      void show(term, true).catch(deps.reportError);
    },
    preload() {
      if (!host.loadedView()) void host.view().catch(deps.reportError);
    },
    reposition(term) {
      host.loadedView()?.reposition(termLineRects(term));
    },
    dispose() {
      shown = null;
      active.dispose();
    },
  };
}
