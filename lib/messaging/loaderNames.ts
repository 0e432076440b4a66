/**
 * Names the loader (entrypoints/content/loader.ts) and the popup (lib/messaging/pageWake.ts) share. No imports:
 * the loader runs on every page and carries nothing else of ours.
 */

/** The loader's wake function in the extension's isolated world: starts the engine (if not yet); resolves true once it answers messages. */
export const LENS_WAKE_GLOBAL = '__yibaoLensWake';
