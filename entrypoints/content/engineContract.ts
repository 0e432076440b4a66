/**
 * The contract between the loader (entrypoints/content/loader.ts, on every page) and the engine
 * (entrypoints/content-engine.ts, imported from the package only on pages with Chinese text). Type-only apart from
 * the names, so the loader carries none of the engine.
 */
import type { PageQuestions } from '@/lib/messaging/pageQuestions';
import type { LENS_WAKE_GLOBAL } from '@/lib/messaging/loaderNames';

export interface LensContentContext {
  /** True once the extension this copy belongs to was reloaded, updated or removed (reading it may find that out). */
  readonly isInvalid: boolean;
  /** Aborted when isInvalid becomes true: every listener and teardown of the engine hangs on it. */
  readonly signal: AbortSignal;
}

/** What a started engine answers for the popup: the page's questions, as its message listeners answer them. */
export type LensEngine = PageQuestions;

export interface LensEngineModule {
  /**
   * Starts the engine in this frame; it watches for its extension going away by itself. `storedSettings`: the
   * loader's storage.local.get of the settings, asked for while the engine loaded, so marks need no further wait.
   */
  start(storedSettings?: Promise<Record<string, unknown>>): LensEngine;
}

export const LENS_ENGINE_GLOBAL = '__yibaoLensEngine';

export type LensWorldGlobals = { [LENS_ENGINE_GLOBAL]?: LensEngineModule } & {
  /** Set by the loader; the popup calls it (lib/messaging/pageWake.ts). */
  [key in typeof LENS_WAKE_GLOBAL]?: () => Promise<boolean>;
};
