/**
 * The contract between the loader (entrypoints/content/index.ts, on every page) and the engine
 * (entrypoints/content-engine.ts, imported from the package only on pages with Chinese text).
 * Type-only apart from the file name, so the loader carries none of the engine.
 */
import type { PageTermCount } from '@/lib/messaging/protocol';

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
  start(ctx: LensContentContext): LensEngine;
}

export const LENS_ENGINE_GLOBAL = '__yibaoLensEngine';
