/**
 * The hover card, loaded by the content script only when the first card is
 * shown (React and the full glossary text never weigh on pages where nobody
 * hovers). It registers itself on the content script's isolated global.
 *
 * A card opens in a short first view (展开 shows the rest in place). Choosing a
 * related term opens it at its top; the back control or its keys (lib/keys/keymap.ts: Backspace, Alt+←) go
 * back to the previous card where it was scrolled to.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  StrictMode,
  useEffect,
  useLayoutEffect,
  useRef,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createRoot } from 'react-dom/client';
import cards from '@/generated/cards.json';
import cardCss from '@/lib/card/termCard.css?inline';
import { TermCard } from '@/lib/card/TermCard';
import senseCards from '@/generated/sense-cards.json';
import documentCards from '@/generated/document-cards.json';
import { DocumentCard, documentCardName } from '@/lib/card/DocumentCard';
import type { DocumentCardRecord } from '@/lib/card/documentTitles';
import { SenseCard, type SenseCardRecord } from '@/lib/card/SenseCard';
import type { CardRecord } from '@/lib/card/records';
import { senseDisplayName } from '@/lib/matcher/senses';
import { placeCard, type RectLike } from './placement';
import { LENS_TUNABLES } from '@/entrypoints/content/tunables';
import {
  LENS_CARD_GLOBAL,
  type LensCardGlobals,
  type LensCardHandlers,
  type LensCardModule,
  type LensCardShowRequest,
  type LensDocumentShowRequest,
  type LensCardView,
} from '@/lib/card/contract';
import hostCss from './card.css?inline';
import { keyActionOf } from '@/lib/keys/keymap';
import { readLensSettings, watchLensSettings, TEXT_SIZE_SCALE, type LensSettings } from '@/lib/settings/settings';
import type { PartialDate } from '@/lib/card/firstView';
import { parsePublicationDate, readPageText } from '@/lib/pageNumbers/pageDate';

const recordById = new Map((cards as CardRecord[]).map((r) => [r.id, r]));
const senseById = new Map((senseCards as SenseCardRecord[]).map((r) => [r.id, r]));
const documentById = new Map((documentCards as DocumentCardRecord[]).map((r) => [r.id, r]));
const senseNameOf = (senseId: string, termId: string) => {
  const sense = senseById.get(senseId);
  return sense && senseDisplayName(sense, recordById.get(termId)?.term ?? '');
};

interface Shown {
  termId: string;
  /** Look-alike sense shown instead of the 医保 card of termId. */
  sense?: string;
  expanded: boolean;
}

interface CardState {
  request: LensCardShowRequest | null;
  /** A held document's card, for its 《…》 title on the page (instead of a term's). */
  document: LensDocumentShowRequest | null;
  lines: RectLike[];
  current: Shown | null;
  /** Cards this one was reached from, newest last, with where each was scrolled to. */
  history: (Shown & { scrollTop: number })[];
  /** Scroll position to apply once the card on screen is laid out; bumped with every move between cards. */
  scroll: { top: number; serial: number };
  pinned: boolean;
  theme: 'system' | 'light' | 'dark';
  /** 本页写的是, per term: the page's own values (set by the engine once read). */
  pageNumbers: Map<string, { index: number; text: string }[]>;
  /** 字号 from the settings, raised to the page's own text size where that is larger. */
  scale: number;
  /** When the page was published (read once per address). */
  published: PartialDate | null;
  /** The note left after 我懂了, with 撤销. */
  toast: Toast | null;
  /** Which occurrence of its term the card opened from the page is about. */
  occurrence?: { index: number; count: number };
}

interface Toast {
  termId: string;
  term: string;
  left: number;
  top: number;
  /** The card had the keyboard focus: 撤销 takes it. */
  focus: boolean;
  /** Where that focus goes back when the note leaves. */
  focusReturn?: Element | null;
}

/** How long the 撤销 note stays. */
const TOAST_MS = 8000;
/** The card's type grows with the page's reading text, up to this much. */
const MAX_PAGE_SCALE = 1.5;
const READING_TEXT_MAX_PX = 28;

/**
 * The page's text size at the term, as a scale of our 16 px body (1 when the page's text is not larger). Display
 * type (a banner, a hostile page's 48 px) is not reading text: above READING_TEXT_MAX_PX it is not followed.
 */
function pageTextScale(lines: RectLike[]): number {
  const line = lines[0];
  if (!line) return 1;
  const element = document.elementFromPoint((line.left + line.right) / 2, (line.top + line.bottom) / 2);
  const size = element ? parseFloat(getComputedStyle(element).fontSize) : NaN;
  if (!Number.isFinite(size) || size > READING_TEXT_MAX_PX) return 1;
  return Math.min(Math.max(size / 16, 1), MAX_PAGE_SCALE);
}

let publishedFor: { url: string; date: PartialDate | null } | null = null;
function pagePublished(): PartialDate | null {
  if (publishedFor?.url !== location.href) publishedFor = { url: location.href, date: null };
  else return publishedFor.date;
  try {
    publishedFor.date = parsePublicationDate(readPageText(document));
  } catch {
    publishedFor.date = null;
  }
  return publishedFor.date;
}

/** The floating dialog every card is shown in: placed by FloatingCard, named by its card, sized by 字号. */
function CardShell({
  shellRef,
  state,
  handlers,
  label,
  onKeyDown,
  children,
}: {
  shellRef: RefObject<HTMLDivElement | null>;
  state: CardState;
  handlers: LensCardHandlers;
  label: string;
  onKeyDown(event: ReactKeyboardEvent<HTMLDivElement>): void;
  children: ReactNode;
}) {
  return (
    <div
      ref={shellRef}
      className="yl-theme yl-floating"
      data-theme={state.theme}
      style={{ left: '-10000px', top: '0px', ['--yl-scale' as string]: String(state.scale) }}
      role="dialog"
      aria-modal="false"
      aria-label={label}
      tabIndex={-1}
      onPointerEnter={() => handlers.onPointerInside(true)}
      onPointerLeave={() => handlers.onPointerInside(false)}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}

function FloatingCard({
  state,
  handlers,
  setState,
}: {
  state: CardState;
  handlers: LensCardHandlers;
  setState: (update: (s: CardState) => CardState) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const current = state.current;
  const record = current ? recordById.get(current.termId) : undefined;
  const sense = current?.sense ? senseById.get(current.sense) : undefined;

  // Placement is written straight onto the element so the scroll position can be set in the same pass.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || (!state.request && !state.document)) return;
    // max-height applies to the border box; scrollHeight leaves the borders out.
    const borders = element.offsetHeight - element.clientHeight;
    const height = Math.min(element.scrollHeight + borders, LENS_TUNABLES.cardMaxHeightPx);
    const p = placeCard(
      state.lines,
      { width: window.innerWidth, height: window.innerHeight },
      { width: Math.round(LENS_TUNABLES.cardWidthPx * state.scale), height },
      LENS_TUNABLES.cardGapPx,
    );
    Object.assign(element.style, {
      left: `${p.left}px`,
      top: `${p.top}px`,
      width: `${p.width}px`,
      maxHeight: `${p.maxHeight}px`,
    });
    element.dataset.side = p.side;
  }, [state.request, state.document, state.lines, state.scale, current?.termId, current?.sense, current?.expanded]);

  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = state.scroll.top;
  }, [state.scroll]);

  useLayoutEffect(() => {
    if (state.request?.focus || state.document?.focus) ref.current?.focus({ preventScroll: true });
  }, [state.request, state.document]);

  const documentRecord = state.document ? documentById.get(state.document.documentId) : undefined;
  if (documentRecord) {
    return (
      <CardShell
        shellRef={ref}
        state={state}
        handlers={handlers}
        label={documentCardName(documentRecord)}
        onKeyDown={(event) => {
          if (keyActionOf(event, ['closeCard']) === 'closeCard') handlers.onClose();
        }}
      >
        <DocumentCard record={documentRecord} onClose={handlers.onClose} />
      </CardShell>
    );
  }

  if (!record || !current || !state.request) return null;

  const moveTo = (next: Shown, history: CardState['history'], scrollTop: number) => {
    setState((s) => ({ ...s, current: next, history, scroll: { top: scrollTop, serial: s.scroll.serial + 1 } }));
    // The chip or back button that was pressed is gone now; keep the keyboard inside the card.
    ref.current?.focus({ preventScroll: true });
  };
  const previous = state.history[state.history.length - 1];
  const previousName = previous
    ? previous.sense
      ? senseNameOf(previous.sense, previous.termId)
      : recordById.get(previous.termId)?.term
    : undefined;
  const goBack = () => {
    if (!previous) return;
    const { scrollTop, ...shown } = previous;
    moveTo(shown, state.history.slice(0, -1), scrollTop);
  };
  const openRelated = (id: string) => {
    if (!recordById.has(id) || (id === current.termId && !current.sense)) return;
    const here = { ...current, scrollTop: ref.current?.scrollTop ?? 0 };
    moveTo({ termId: id, expanded: false }, [...state.history, here], 0);
  };

  return (
    <CardShell
      shellRef={ref}
      state={state}
      handlers={handlers}
      label={sense ? `${senseDisplayName(sense, record.term)}：${sense.what}` : `${record.term}：${record.summary}`}
      onKeyDown={(event) => {
        const action = keyActionOf(event, ['closeCard', 'cardBack']);
        if (action === 'closeCard') handlers.onClose();
        if (action === 'cardBack' && previous) {
          event.preventDefault();
          goBack();
        }
      }}
    >
      {sense ? (
        <SenseCard
          record={sense}
          yibaoTerm={{ id: record.id, term: record.term }}
          onSelectTerm={openRelated}
          onClose={handlers.onClose}
        />
      ) : (
        <TermCard
          record={record}
          pinned={state.pinned}
          expanded={current.expanded}
          onExpand={() => setState((s) => (s.current ? { ...s, current: { ...s.current, expanded: true } } : s))}
          onCollapse={() => setState((s) => (s.current ? { ...s, current: { ...s.current, expanded: false } } : s))}
          // The page's word and the occurrence belong to the card opened from the page, not to one reached from it.
          page={{
            word: state.history.length === 0 ? state.request.pageWord : undefined,
            published: state.published,
          }}
          occurrence={state.history.length === 0 ? state.occurrence : undefined}
          back={previousName ? { term: previousName, onBack: goBack } : undefined}
          onTogglePin={() => {
            const pinned = !state.pinned;
            setState((s) => ({ ...s, pinned }));
            handlers.onPinChange(pinned);
          }}
          onClose={handlers.onClose}
          onSelectTerm={openRelated}
          onOpenArticle={(id) => handlers.onOpenPopup({ view: 'article', id })}
          onOpenInPopup={handlers.onOpenPopup}
          onKnowTerm={() => {
            const box = ref.current?.getBoundingClientRect();
            const root = ref.current?.getRootNode();
            const focus =
              root instanceof ShadowRoot && !!root.activeElement && !!ref.current?.contains(root.activeElement);
            handlers.onKnowTerm(record.id);
            // Closing gives the focus back to where it was before the card took it (the engine's focus return).
            handlers.onClose();
            const focusReturn = focus ? document.activeElement : null;
            setState((s) => ({
              ...s,
              toast: {
                termId: record.id,
                term: record.term,
                left: box?.left ?? 8,
                top: box?.top ?? 8,
                focus,
                focusReturn,
              },
            }));
          }}
          pageNumbers={
            state.pageNumbers.has(record.id)
              ? { links: state.pageNumbers.get(record.id)!, onReveal: handlers.onRevealPageNumber }
              : undefined
          }
        />
      )}
    </CardShell>
  );
}

/** What a person does in the card; each of these reaches the card's controls only when the browser made it. */
const USER_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'pointerdown',
  'pointerup',
  'pointerover',
  'pointerout',
  'pointerenter',
  'pointerleave',
  'mousedown',
  'mouseup',
  'mouseover',
  'mouseout',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
  'focusin',
  'focusout',
];

/**
 * Keeps synthetic events (isTrusted false: a script's click() or dispatchEvent) away from the card's controls, so
 * nothing but the user can press 我懂了, 在弹窗中查看, 打开计算器 or a related term. The listener sits on the shadow
 * root in the capture phase, ahead of React's listeners on the container below it.
 */
function acceptOnlyUserEvents(shadowRoot: ShadowRoot) {
  const stop = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of USER_EVENTS) shadowRoot.addEventListener(type, stop, true);
  return () => {
    for (const type of USER_EVENTS) shadowRoot.removeEventListener(type, stop, true);
  };
}

/** 已不再标出“…” with 撤销, where the card was; it leaves by itself after a few seconds. */
function KnownTermToast({
  toast,
  theme,
  scale,
  onUndo,
  onDismiss,
}: {
  toast: Toast;
  theme: CardState['theme'];
  scale: number;
  onUndo(): void;
  onDismiss(): void;
}) {
  const undo = useRef<HTMLButtonElement>(null);
  // A note left from the keyboard takes the focus, so 撤销 is one Enter away.
  useEffect(() => {
    if (toast.focus) undo.current?.focus({ preventScroll: true });
  }, [toast]);
  return (
    <div
      className="yl-theme yl-toast"
      data-theme={theme}
      role="status"
      style={{
        left: `${Math.max(8, Math.min(toast.left, window.innerWidth - 300))}px`,
        top: `${Math.max(8, Math.min(toast.top, window.innerHeight - 60))}px`,
        ['--yl-scale' as string]: String(scale),
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDismiss();
      }}
    >
      <span>已不再标出“{toast.term}”</span>
      <button ref={undo} type="button" className="yl-action" onClick={onUndo}>
        撤销
      </button>
    </div>
  );
}

function mount(shadowRoot: ShadowRoot, handlers: LensCardHandlers): LensCardView {
  const stopGuard = acceptOnlyUserEvents(shadowRoot);
  const style = document.createElement('style');
  style.textContent = hostCss + cardCss;
  const container = document.createElement('div');
  shadowRoot.append(style, container);
  const root = createRoot(container);
  let state: CardState = {
    request: null,
    document: null,
    lines: [],
    current: null,
    history: [],
    scroll: { top: 0, serial: 0 },
    pinned: false,
    theme: 'system',
    pageNumbers: new Map(),
    scale: 1,
    published: null,
    toast: null,
  };
  let settingScale = 1;
  const applySettings = (settings: LensSettings) => {
    settingScale = TEXT_SIZE_SCALE[settings.textSize];
    // Live: an open card takes the new size at once.
    if (state.request || state.document)
      setState((s) => ({ ...s, scale: Math.max(settingScale, pageTextScale(s.lines)) }));
  };
  void readLensSettings()
    .then(applySettings)
    .catch(() => undefined);
  let unwatch = () => {};
  try {
    unwatch = watchLensSettings(applySettings);
  } catch {
    // Without storage events (extension gone) the card keeps its size.
  }
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** The note leaves (撤销, Escape, its time is up); if it held the focus, the focus goes back where it was. */
  const leaveToast = () => {
    const hadFocus = !!shadowRoot.activeElement?.closest('.yl-toast');
    const back = state.toast?.focusReturn;
    setState((s) => ({ ...s, toast: null }));
    if (!hadFocus) return;
    if (back instanceof HTMLElement && back !== shadowRoot.host && back !== document.body && back.isConnected)
      back.focus({ preventScroll: true });
    else (shadowRoot.activeElement as HTMLElement | null)?.blur();
  };
  const setState = (update: (s: CardState) => CardState) => {
    const toastBefore = state.toast;
    state = update(state);
    // Each new note starts its own clock.
    if (state.toast !== toastBefore) {
      clearTimeout(toastTimer);
      if (state.toast) toastTimer = setTimeout(leaveToast, TOAST_MS);
    }
    render();
  };
  const render = () =>
    root.render(
      <StrictMode>
        <FloatingCard state={state} handlers={handlers} setState={setState} />
        {state.toast && (
          <KnownTermToast
            toast={state.toast}
            theme={state.theme}
            scale={state.scale}
            onUndo={() => {
              const termId = state.toast?.termId;
              leaveToast();
              if (termId) handlers.onUnknowTerm?.(termId);
            }}
            onDismiss={leaveToast}
          />
        )}
      </StrictMode>,
    );
  return {
    show(request) {
      setState((s) => ({
        ...s,
        request,
        document: null,
        lines: request.lines,
        current: { termId: request.termId, sense: request.sense, expanded: false },
        history: [],
        scroll: { top: 0, serial: s.scroll.serial + 1 },
        pinned: request.pinned ?? false,
        scale: Math.max(settingScale, pageTextScale(request.lines)),
        published: pagePublished(),
        toast: null,
        occurrence: request.occurrence,
      }));
    },
    showDocument(document) {
      setState((s) => ({
        ...s,
        request: null,
        document,
        lines: document.lines,
        current: null,
        history: [],
        scroll: { top: 0, serial: s.scroll.serial + 1 },
        pinned: false,
        scale: Math.max(settingScale, pageTextScale(document.lines)),
        toast: null,
        occurrence: undefined,
      }));
    },
    setOccurrence(occurrence) {
      if (state.request) setState((s) => ({ ...s, occurrence }));
    },
    reposition(lines) {
      if (state.request || state.document) setState((s) => ({ ...s, lines }));
    },
    hide() {
      setState((s) => ({ ...s, request: null, document: null, current: null, history: [], pinned: false }));
    },
    setPageNumbers(termId, links) {
      setState((s) => ({ ...s, pageNumbers: new Map(s.pageNumbers).set(termId, links) }));
    },
    setTheme(theme) {
      if (theme !== state.theme) setState((s) => ({ ...s, theme }));
    },
    currentTermId: () => state.current?.termId ?? null,
    currentSense: () => state.current?.sense,
    destroy() {
      stopGuard();
      unwatch();
      clearTimeout(toastTimer);
      root.unmount();
      style.remove();
      container.remove();
    },
  };
}

const cardModule: LensCardModule = { mount };

export default defineUnlistedScript(() => {
  (globalThis as LensCardGlobals)[LENS_CARD_GLOBAL] = cardModule;
});

export type { RectLike };
