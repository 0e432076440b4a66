/** The contract between the content script and the lazily loaded card module (entrypoints/card-ui). */
import type { PopupRoute } from '@/lib/messaging/popupRoute';

/** A box in viewport coordinates (a DOMRect or anything shaped like one). */
export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LensCardShowRequest {
  termId: string;
  /** A look-alike sense (养老保险个人账户): its short card is shown instead of the 医保 card of termId. */
  sense?: string;
  /** Every line box of the term on the page (a wrapped term has several); the card covers none. */
  lines: RectLike[];
  pinned?: boolean;
  /** Move keyboard focus into the card (when opened from the keyboard or the popup). */
  focus?: boolean;
  /** The words on the page the card is for (中断缴费 for the card 断保): the card bridges them to its title. */
  pageWord?: string;
  /** Which occurrence of the term on the page this is, in reading order (1-based), when known. */
  occurrence?: { index: number; count: number };
}

/** A 《…》 title on the page names a document we hold: its short card (generated/document-cards.json). */
export interface LensDocumentShowRequest {
  documentId: string;
  /** Every line box of the title on the page; the card covers none. */
  lines: RectLike[];
  focus?: boolean;
}

export interface LensCardHandlers {
  onClose(): void;
  onPinChange(pinned: boolean): void;
  /** 在弹窗中查看, 打开计算器, an article link: where the popup should open (a value; the background checks it). */
  onOpenPopup(route: PopupRoute): void;
  onPointerInside(inside: boolean): void;
  /** 我懂了，不再标出: stop marking this term everywhere (it still answers a hover). */
  onKnowTerm(termId: string): void;
  /** 本页写的是: show the page's `index`-th number where the page states it. */
  onRevealPageNumber(index: number): void;
  /** 撤销 after 我懂了: mark the term again. */
  onUnknowTerm?(termId: string): void;
}

export interface LensCardView {
  /** Opens a card for a term (a fresh card: no way back, short first view, scrolled to the top). */
  show(request: LensCardShowRequest): void;
  /** Opens the short card of a document we hold, for its 《…》 title on the page. */
  showDocument(request: LensDocumentShowRequest): void;
  /** Which occurrence the open card is about, once counted (the count can come after the card). */
  setOccurrence(occurrence: { index: number; count: number } | undefined): void;
  /** The term moved (scrolling): place the same card again, keeping what it shows. */
  reposition(lines: RectLike[]): void;
  hide(): void;
  /** 本页写的是: the page's values for a term, shown in its card while that card is open (and when it is reopened). */
  setPageNumbers(termId: string, links: { index: number; text: string }[]): void;
  setTheme(theme: 'system' | 'light' | 'dark'): void;
  currentTermId(): string | null;
  currentSense(): string | undefined;
  destroy(): void;
}

export interface LensCardModule {
  mount(shadowRoot: ShadowRoot, handlers: LensCardHandlers): LensCardView;
}

/** Where the card module registers itself in the content script's isolated world (an own property of its global). */
export const LENS_CARD_GLOBAL = '__yibaoLensCard';
export type LensCardGlobals = { [LENS_CARD_GLOBAL]?: LensCardModule };
