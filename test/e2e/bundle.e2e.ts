/**
 * What every web page loads from us: the content script (and, once it decides a page needs it, the engine
 * module) must carry no React, zod or fuse.js. Lint forbids the imports; this checks the built files, using
 * markers that each library's own code contains (verified against the installed packages).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESEARCH_WORDING } from '../../data/researchWording';

const DIR = resolve('.output/chrome-mv3');

const LIBRARY_MARKERS: Record<string, string[]> = {
  React: ['__REACT_DEVTOOLS_GLOBAL_HOOK__', 'react.transitional.element'],
  zod: ['ZodError', '$ZodType'],
  'fuse.js': ['Pattern length exceeds max of'],
};
/** Where each marker occurs in the library's own files. */
const LIBRARY_FILES: Record<string, string[]> = {
  React: [
    'node_modules/react-dom/cjs/react-dom-client.production.js',
    'node_modules/react/cjs/react-jsx-runtime.production.js',
  ],
  zod: ['node_modules/zod/v4/classic/errors.js', 'node_modules/zod/v4/core/api.js'],
  'fuse.js': ['node_modules/fuse.js/dist/fuse.basic.mjs'],
};

/**
 * The content scripts the manifest injects into every page, plus the engine module they import and the page-number
 * reader the engine imports when asked (本页的数字), if built.
 */
function pageFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
    content_scripts: { js?: string[] }[];
  };
  const files = manifest.content_scripts.flatMap((c) => c.js ?? []);
  if (existsSync(join(DIR, 'content-engine.js'))) files.push('content-engine.js');
  if (existsSync(join(DIR, 'page-numbers.js'))) files.push('page-numbers.js');
  return files.map((f) => join(DIR, f));
}

describe('what every page loads', () => {
  it('each marker does occur in its library’s code', () => {
    for (const [library, markers] of Object.entries(LIBRARY_MARKERS)) {
      const code = LIBRARY_FILES[library]!.map((f) => readFileSync(resolve(f), 'utf8')).join('\n');
      for (const marker of markers) expect(code.includes(marker), `${library}: ${marker}`).toBe(true);
    }
  });

  it('carries no React, zod or fuse.js', () => {
    const files = pageFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const [library, markers] of Object.entries(LIBRARY_MARKERS)) {
        for (const marker of markers) expect(code.includes(marker), `${library} (${marker}) in ${file}`).toBe(false);
      }
    }
  });
});

describe('what ships', () => {
  it('contains none of our research notes (what we could not confirm stays out of the package)', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(js|json|html|css)$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8');
          for (const pattern of RESEARCH_WORDING) {
            const hit = pattern.exec(text);
            if (hit) found.push(`${path}: …${text.slice(Math.max(0, hit.index - 30), hit.index + 30)}…`);
          }
        }
      }
    };
    walk(DIR);
    expect(found).toEqual([]);
  });
});
