/**
 * The content script every page loads: a small loader. On a page without Chinese text it only watches for
 * Chinese text arriving later; otherwise it imports the engine (content-engine.js, a module of the
 * extension package, so Chromium can cache its compiled code) and starts it. Before the engine is there it
 * also answers the popup's questions by starting it, so 本页术语 works on any page.
 */
import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { whenChineseText } from './chineseText';
import { importPackageScript } from './packageModule';
import {
  LENS_ENGINE_GLOBAL,
  LENS_ENGINE_SCRIPT,
  type LensContentContext,
  type LensEngine,
  type LensEngineModule,
} from './engineContract';

let engine: Promise<LensEngine> | null = null;

function startEngine(ctx: LensContentContext): Promise<LensEngine> {
  return (engine ??= (async () => {
    const global = globalThis as { [LENS_ENGINE_GLOBAL]?: LensEngineModule };
    if (!global[LENS_ENGINE_GLOBAL]) await importPackageScript(LENS_ENGINE_SCRIPT);
    const module = global[LENS_ENGINE_GLOBAL];
    if (!module) throw new Error('懂医保：引擎未能加载');
    return module.start(ctx);
  })());
}

interface PopupQuestion {
  type: 'listPageTerms' | 'revealPageTerm';
  data?: { id?: unknown; sense?: unknown; occurrence?: unknown };
  timestamp: number;
}

/** The occurrence a 下一处 request names: an index or 'next'; anything else means the first. */
function occurrenceOf(value: unknown): number | 'next' | undefined {
  return value === 'next' || (typeof value === 'number' && Number.isInteger(value)) ? value : undefined;
}

function isPopupQuestion(message: unknown): message is PopupQuestion {
  const m = message as Partial<PopupQuestion> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    (m.type === 'listPageTerms' || m.type === 'revealPageTerm') &&
    typeof m.timestamp === 'number'
  );
}

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // Old copies are told to stop by a DOM event only: no window.postMessage that the page's own listeners would see.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const stopWatching = whenChineseText(document, () => void startEngine(ctx).catch(() => undefined));
    ctx.onInvalidated(stopWatching);
    if (window !== window.top) return;
    // Once the engine runs, its own listeners answer (in the messaging library's { res } / { err } form).
    const onMessage = (message: unknown, _sender: unknown, reply: (response: unknown) => void) => {
      if (engine !== null || !isPopupQuestion(message)) return undefined;
      stopWatching();
      void startEngine(ctx)
        .then((started): Promise<unknown> =>
          message.type === 'listPageTerms'
            ? started.listPageTerms()
            : started.revealPageTerm(
                String(message.data?.id ?? ''),
                typeof message.data?.sense === 'string' ? message.data.sense : undefined,
                occurrenceOf(message.data?.occurrence),
              ),
        )
        .then(
          (res) => reply({ res }),
          (error: unknown) => reply({ err: { message: String(error) } }),
        );
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // The extension is gone; so is the listener.
      }
    });
  },
});
