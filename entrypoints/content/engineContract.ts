/**
 * The contract between the loader (entrypoints/content/loader.ts, on every page) and the engine
 * (entrypoints/content-engine.ts, imported from the package only on pages with Chinese text). Type-only apart from
 * the names, so the loader carries none of the engine.
 */
import type { PageTermCount } from '@/lib/messaging/protocol';
import type { LENS_WAKE_GLOBAL } from '@/lib/messaging/loaderNames';

export const LENS_ENGINE_SCRIPT = '/content-engine.js';

export interface LensContentContext {
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): void;
}

/** What a started engine answers for the popup (the same questions its message listeners answer). */
export interface LensEngine {
  listPageTerms(): Promise<PageTermCount[]>;
  /** `occurrence`: its index in reading order, or 'next' after the open card (see protocol.ts). */
  revealPageTerm(id: string, sense?: string, occurrence?: number | 'next'): Promise<boolean>;
}

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
