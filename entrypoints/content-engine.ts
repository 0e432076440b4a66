/**
 * The content engine: everything the content script does once a page has Chinese text (scanner, marks,
 * hover card host, popup questions). Built as its own file of the package and imported by the loader
 * (entrypoints/content/index.ts), so pages without Chinese never compile it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LENS_ENGINE_GLOBAL, type LensEngineModule } from './content/engineContract';
import { startLensRuntime } from './content/runtime';

const engineModule: LensEngineModule = { start: startLensRuntime };

export default defineUnlistedScript(() => {
  (globalThis as { [LENS_ENGINE_GLOBAL]?: LensEngineModule })[LENS_ENGINE_GLOBAL] = engineModule;
});
