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
import { StrictMode, useLayoutEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import cards from '@/generated/cards.json';
import cardCss from '@/lib/card/termCard.css?inline';
import { TermCard } from '@/lib/card/TermCard';
import senseCards from '@/generated/sense-cards.json';
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
  type LensCardView,
} from '@/lib/card/contract';
import hostCss from './card.css?inline';
import { keyActionOf } from '@/lib/keys/keymap';

const recordById = new Map((cards as CardRecord[]).map((r) => [r.id, r]));
const senseById = new Map((senseCards as SenseCardRecord[]).map((r) => [r.id, r]));
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
    if (!element || !state.request) return;
    // max-height applies to the border box; scrollHeight leaves the borders out.
    const borders = element.offsetHeight - element.clientHeight;
    const height = Math.min(element.scrollHeight + borders, LENS_TUNABLES.cardMaxHeightPx);
    const p = placeCard(
      state.lines,
      { width: window.innerWidth, height: window.innerHeight },
      { width: LENS_TUNABLES.cardWidthPx, height },
      LENS_TUNABLES.cardGapPx,
    );
    Object.assign(element.style, {
      left: `${p.left}px`,
      top: `${p.top}px`,
      width: `${p.width}px`,
      maxHeight: `${p.maxHeight}px`,
    });
    element.dataset.side = p.side;
  }, [state.request, state.lines, current?.termId, current?.sense, current?.expanded]);

  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = state.scroll.top;
  }, [state.scroll]);

  useLayoutEffect(() => {
    if (state.request?.focus) ref.current?.focus({ preventScroll: true });
  }, [state.request]);

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
    <div
      ref={ref}
      className="yl-theme yl-floating"
      data-theme={state.theme}
      role="dialog"
      aria-modal="false"
      aria-label={
        sense ? `${senseDisplayName(sense, record.term)}：${sense.what}` : `${record.term}：${record.summary}`
      }
      tabIndex={-1}
      style={{ left: '-10000px', top: '0px' }}
      onPointerEnter={() => handlers.onPointerInside(true)}
      onPointerLeave={() => handlers.onPointerInside(false)}
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
            handlers.onKnowTerm(record.id);
            handlers.onClose();
          }}
          pageNumbers={
            state.pageNumbers.has(record.id)
              ? { links: state.pageNumbers.get(record.id)!, onReveal: handlers.onRevealPageNumber }
              : undefined
          }
        />
      )}
    </div>
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

function mount(shadowRoot: ShadowRoot, handlers: LensCardHandlers): LensCardView {
  const stopGuard = acceptOnlyUserEvents(shadowRoot);
  const style = document.createElement('style');
  style.textContent = hostCss + cardCss;
  const container = document.createElement('div');
  shadowRoot.append(style, container);
  const root = createRoot(container);
  let state: CardState = {
    request: null,
    lines: [],
    current: null,
    history: [],
    scroll: { top: 0, serial: 0 },
    pinned: false,
    theme: 'system',
    pageNumbers: new Map(),
  };
  const setState = (update: (s: CardState) => CardState) => {
    state = update(state);
    render();
  };
  const render = () =>
    root.render(
      <StrictMode>
        <FloatingCard state={state} handlers={handlers} setState={setState} />
      </StrictMode>,
    );
  return {
    show(request) {
      setState((s) => ({
        ...s,
        request,
        lines: request.lines,
        current: { termId: request.termId, sense: request.sense, expanded: false },
        history: [],
        scroll: { top: 0, serial: s.scroll.serial + 1 },
        pinned: request.pinned ?? false,
      }));
    },
    reposition(lines) {
      if (state.request) setState((s) => ({ ...s, lines }));
    },
    hide() {
      setState((s) => ({ ...s, request: null, current: null, history: [], pinned: false }));
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
