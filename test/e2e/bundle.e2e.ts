/**
 * What every web page loads from us: the content script (and, once it decides a page needs it, the engine
 * module) must carry no React, zod or fuse.js. Lint forbids the imports; this checks the built files, using
 * markers that each library's code contains (verified against the popup bundle, which does carry them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = resolve('.output/chrome-mv3');

const LIBRARY_MARKERS: Record<string, string[]> = {
  React: ['__REACT_DEVTOOLS_GLOBAL_HOOK__', 'react.transitional.element'],
  zod: ['ZodError', '$ZodType'],
  'fuse.js': ['Pattern length exceeds max of'],
};

/** The content scripts the manifest injects into every page, plus the engine module they import, if built. */
function pageFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
    content_scripts: { js?: string[] }[];
  };
  const files = manifest.content_scripts.flatMap((c) => c.js ?? []);
  if (existsSync(join(DIR, 'content-engine.js'))) files.push('content-engine.js');
  return files.map((f) => join(DIR, f));
}

function extensionPageBundles(): string[] {
  return readdirSync(join(DIR, 'chunks')).map((f) => join(DIR, 'chunks', f));
}

describe('what every page loads', () => {
  it('the markers do find each library in the popup and options bundles', () => {
    const popup = extensionPageBundles()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const [library, markers] of Object.entries(LIBRARY_MARKERS)) {
      expect(
        markers.some((m) => popup.includes(m)),
        library,
      ).toBe(true);
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
