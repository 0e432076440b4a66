/**
 * The content engine: everything the content script does once a page has Chinese text (scanner, marks,
 * hover card host, popup questions). Built as its own file of the package and imported by the loader
 * (entrypoints/content/loader.ts), so pages without Chinese never compile it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LENS_ENGINE_GLOBAL, type LensEngineModule, type LensWorldGlobals } from './content/engineContract';
import { createExtensionContext } from './content/extensionContext';
import { startLensRuntime } from './content/runtime';

const engineModule: LensEngineModule = {
  start: (storedSettings) => startLensRuntime(createExtensionContext(), storedSettings),
};

export default defineUnlistedScript(() => {
  (globalThis as LensWorldGlobals)[LENS_ENGINE_GLOBAL] = engineModule;
});
