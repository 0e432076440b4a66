/**
 * The hover card, loaded by the content script only when the first card is
 * shown (React and the full glossary text never weigh on pages where nobody
 * hovers). It registers itself on the content script's isolated global.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { StrictMode, useLayoutEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import cards from '@/generated/cards.json';
import cardCss from '@/lib/card/termCard.css?inline';
import { TermCard } from '@/lib/card/TermCard';
import senseCards from '@/generated/sense-cards.json';
import { SenseCard, type SenseCardRecord } from '@/lib/card/SenseCard';
import type { CardRecord } from '@/lib/card/records';
import { placeCard, type RectLike } from './placement';
import { LENS_TUNABLES } from '@/entrypoints/content/tunables';
import type { LensCardHandlers, LensCardModule, LensCardShowRequest, LensCardView } from '@/lib/card/contract';
import hostCss from './card.css?inline';

const recordById = new Map((cards as CardRecord[]).map((r) => [r.id, r]));
const senseById = new Map((senseCards as SenseCardRecord[]).map((r) => [r.id, r]));

interface CardState {
  request: LensCardShowRequest | null;
  termId: string | null;
  /** Look-alike sense shown instead of the 医保 card of termId. */
  sense?: string;
  pinned: boolean;
  theme: 'system' | 'light' | 'dark';
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
  const [placement, setPlacement] = useState<{ left: number; top: number; maxHeight: number } | null>(null);
  const record = state.termId ? recordById.get(state.termId) : undefined;
  const sense = state.sense ? senseById.get(state.sense) : undefined;

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !state.request) return;
    const height = Math.min(element.scrollHeight, LENS_TUNABLES.cardMaxHeightPx);
    setPlacement(
      placeCard(
        state.request.anchor,
        { width: window.innerWidth, height: window.innerHeight },
        { width: LENS_TUNABLES.cardWidthPx, height },
        LENS_TUNABLES.cardGapPx,
      ),
    );
    if (state.request.focus) element.focus();
  }, [state.request, state.termId, state.sense]);

  if (!record || !state.request) return null;
  const style = placement
    ? { left: `${placement.left}px`, top: `${placement.top}px`, maxHeight: `${placement.maxHeight}px` }
    : { left: '-10000px', top: '0px' };
  return (
    <div
      ref={ref}
      className="yl-theme yl-floating"
      data-theme={state.theme}
      role="dialog"
      aria-modal="false"
      aria-label={sense ? `${sense.name}：${sense.what}` : `${record.term}：${record.summary}`}
      tabIndex={-1}
      style={style}
      onPointerEnter={() => handlers.onPointerInside(true)}
      onPointerLeave={() => handlers.onPointerInside(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') handlers.onClose();
      }}
    >
      {sense ? (
        <SenseCard
          record={sense}
          yibaoTerm={{ id: record.id, term: record.term }}
          onSelectTerm={(id) => setState((s) => ({ ...s, termId: id, sense: undefined }))}
          onClose={handlers.onClose}
        />
      ) : (
        <TermCard
          record={record}
          pinned={state.pinned}
          onTogglePin={() => {
            const pinned = !state.pinned;
            setState((s) => ({ ...s, pinned }));
            handlers.onPinChange(pinned);
          }}
          onClose={handlers.onClose}
          onSelectTerm={(id) => setState((s) => ({ ...s, termId: id }))}
          onOpenArticle={(id) => handlers.onOpenPopup(`article/${id}`)}
          onOpenInPopup={handlers.onOpenPopup}
        />
      )}
    </div>
  );
}

function mount(shadowRoot: ShadowRoot, handlers: LensCardHandlers): LensCardView {
  const style = document.createElement('style');
  style.textContent = hostCss + cardCss;
  const container = document.createElement('div');
  shadowRoot.append(style, container);
  const root = createRoot(container);
  let state: CardState = { request: null, termId: null, pinned: false, theme: 'system' };
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
      state = { ...state, request, termId: request.termId, sense: request.sense, pinned: request.pinned ?? false };
      render();
    },
    hide() {
      state = { ...state, request: null, termId: null, sense: undefined, pinned: false };
      render();
    },
    setTheme(theme) {
      state = { ...state, theme };
      render();
    },
    currentTermId: () => state.termId,
    currentSense: () => state.sense,
    destroy() {
      root.unmount();
      style.remove();
      container.remove();
    },
  };
}

const cardModule: LensCardModule = { mount };

export default defineUnlistedScript(() => {
  (globalThis as { __yibaoLensCard?: LensCardModule }).__yibaoLensCard = cardModule;
});

export type { RectLike };
