/**
 * The one element we add to a page: a host whose shadow root holds the card.
 * Created on first use; the card module (React + full glossary text) is
 * imported from the extension package at the same moment.
 *
 * The page cannot reach into the card or stand in for it: the shadow root is closed (page scripts cannot read,
 * rewrite or click what is inside; assistive technology still sees a dialog named by its title), and the host is a
 * plain <div>, whose behaviour no page can define (a custom element name such as yibao-lens-host could be defined
 * by the page first, running its code in our element or forbidding its shadow root).
 */
import { browser } from 'wxt/browser';
import {
  LENS_CARD_GLOBAL,
  type LensCardGlobals,
  type LensCardHandlers,
  type LensCardModule,
  type LensCardView,
} from '@/lib/card/contract';
import { LENS_CARD_SCRIPT } from '@/lib/package/builtFiles';
import { LENS_HOST_ATTRIBUTE } from './tunables';

const HOST_STYLE =
  'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; ' +
  'margin: 0 !important; padding: 0 !important; border: 0 !important; z-index: 2147483647 !important; display: block !important; ' +
  'overflow: visible !important; pointer-events: none !important; transform: none !important; contain: none !important;';

/**
 * On web pages the card's address comes from runtime.getURL (a per-session one: use_dynamic_url); our own extension
 * page (the PDF reader) may import only from the extension's own origin (CSP 'self').
 */
async function importCardModule(): Promise<void> {
  const ownPage = location.host === browser.runtime.id;
  await import(/* @vite-ignore */ ownPage ? LENS_CARD_SCRIPT : browser.runtime.getURL(LENS_CARD_SCRIPT));
}

/**
 * The card module, once it registered itself: an own property of the isolated world's global, never an element
 * whose id is __yibaoLensCard (a named property of the window, found through the prototype chain).
 */
function ownCardModule(): LensCardModule | undefined {
  return Object.hasOwn(globalThis, LENS_CARD_GLOBAL) ? (globalThis as LensCardGlobals)[LENS_CARD_GLOBAL] : undefined;
}

export interface CardHost {
  /** Resolves to the card view, loading the card module the first time. */
  view(): Promise<LensCardView>;
  /** The card view if it has been loaded (nothing is loaded or added to the page otherwise). */
  loadedView(): LensCardView | null;
  /** True for our host element (so the scanner and observers skip it). */
  isHost(element: Element): boolean;
  /** Moves the host into the fullscreen element (or back) so the card stays visible. */
  followFullscreen(): void;
  contains(target: EventTarget | null): boolean;
  destroy(): void;
}

const REPLACED_ELEMENTS = new Set([
  'IFRAME',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'IMG',
  'OBJECT',
  'EMBED',
  'INPUT',
  'TEXTAREA',
  'SELECT',
]);

export function createCardHost(doc: Document, handlers: LensCardHandlers): CardHost {
  let host: HTMLElement | null = null;
  let loading: Promise<LensCardView> | null = null;
  let view: LensCardView | null = null;

  /**
   * Inside the fullscreen element (the top layer hides everything else), looking through open shadow
   * roots for the element that is really fullscreen; never inside a replaced element such as a video,
   * whose children are not drawn and whose child list the page's own script may rely on.
   */
  function parentForHost(): Element {
    let fullscreen = doc.fullscreenElement;
    while (fullscreen?.shadowRoot?.fullscreenElement) fullscreen = fullscreen.shadowRoot.fullscreenElement;
    return fullscreen && !REPLACED_ELEMENTS.has(fullscreen.tagName) ? fullscreen : doc.documentElement;
  }

  async function load(): Promise<LensCardView> {
    if (!ownCardModule()) await importCardModule();
    const module = ownCardModule();
    if (!module) throw new Error('懂医保：卡片模块未能加载');
    host = doc.createElement('div');
    host.setAttribute(LENS_HOST_ATTRIBUTE, '');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    parentForHost().append(host);
    view = module.mount(shadow, handlers);
    return view;
  }

  return {
    view() {
      loading ??= load();
      return loading;
    },
    loadedView: () => view,
    isHost: (element) => element === host,
    followFullscreen() {
      if (!host) return;
      const parent = parentForHost();
      if (host.parentElement !== parent) parent.append(host);
    },
    contains(target) {
      return !!host && target instanceof Node && (target === host || host.contains(target));
    },
    destroy() {
      view?.destroy();
      host?.remove();
      host = null;
      view = null;
      loading = null;
    },
  };
}
