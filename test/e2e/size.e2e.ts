/**
 * What every page downloads and compiles from us stays small: the loader (content-loader.js, injected into every
 * page) and the engine (content-engine.js, imported on pages with Chinese text) are checked against size
 * budgets on the built extension. The bench (npm run bench) prints the same sizes with their gzip figures.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = resolve(process.env.YIBAO_EXTENSION_DIR || '.output/chrome-mv3');

/**
 * Raw bytes; the loader is paid by every page, the engine only by pages with Chinese text. The engine is about
 * 100 KB today: the automaton (~41 KB of tables), the sense cues (~9 KB), scanner, marks, hover, keyboard.
 */
const LOADER_BUDGET_BYTES = 4 * 1024;
const ENGINE_BUDGET_BYTES = 128 * 1024;

function builtFile(relative: string): string {
  const file = join(DIR, relative);
  if (!existsSync(file)) throw new Error(`${file} 不存在：先运行 npx wxt build`);
  return file;
}

describe('size budgets of what pages load', () => {
  it('the manifest injects exactly one script into every page: the loader', () => {
    const manifest = JSON.parse(readFileSync(builtFile('manifest.json'), 'utf8')) as {
      content_scripts: { js?: string[] }[];
    };
    expect(manifest.content_scripts.flatMap((c) => c.js ?? [])).toEqual(['content-loader.js']);
  });

  it(`the loader (content-loader.js) stays under ${LOADER_BUDGET_BYTES / 1024} KB`, () => {
    const bytes = statSync(builtFile('content-loader.js')).size;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(LOADER_BUDGET_BYTES);
  });

  it('the engine parses no JSON on a page: its tables are literals of the module (generated/engineData.ts)', () => {
    expect(readFileSync(builtFile('content-engine.js'), 'utf8')).not.toContain('JSON.parse');
  });

  it('the engine carries V8’s compile hint, so its functions come from the code cache instead of compiling on each page', () => {
    expect(readFileSync(builtFile('content-engine.js'), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(
      true,
    );
  });

  it(`the engine (content-engine.js) stays under ${ENGINE_BUDGET_BYTES / 1024} KB`, () => {
    const bytes = statSync(builtFile('content-engine.js')).size;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(ENGINE_BUDGET_BYTES);
  });
});
