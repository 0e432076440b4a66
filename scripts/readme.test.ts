/** The README's layout section matches the tree: every path it names exists, and it names every part of the tree. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const layout = readme.slice(readme.indexOf('## Layout\n'), readme.indexOf('\n## ', readme.indexOf('## Layout\n') + 1));

/** The backticked words of the section that are paths (a folder/ or a file with an extension). */
const namedPaths = [...layout.matchAll(/`([^`\s]+)`/g)]
  .map((m) => m[1]!)
  .filter((word) => word.includes('/') && !word.includes('↔'));

/** A path with a `*` matches at least one file (one level of wildcard in a file name is enough here). */
function exists(path: string): boolean {
  if (!path.includes('*')) return existsSync(join(ROOT, path));
  const slash = path.lastIndexOf('/');
  const folder = join(ROOT, path.slice(0, slash));
  const pattern = new RegExp(
    `^${path
      .slice(slash + 1)
      .replace(/[.]/g, '\\.')
      .replace(/\*/g, '.*')}$`,
  );
  return existsSync(folder) && readdirSync(folder).some((name) => pattern.test(name));
}

const foldersIn = (path: string) =>
  readdirSync(join(ROOT, path)).filter((name) => statSync(join(ROOT, path, name)).isDirectory());

describe('README layout', () => {
  it('names paths, all of which exist', () => {
    expect(namedPaths.length).toBeGreaterThan(30);
    expect(namedPaths.filter((path) => !exists(path))).toEqual([]);
  });

  it('names every folder of entrypoints/ and lib/, and every module of the content script', () => {
    const named = new Set(namedPaths.map((path) => path.replace(/\/$/, '')));
    const folders = [
      ...foldersIn('entrypoints').map((name) => `entrypoints/${name}`),
      ...foldersIn('lib').map((name) => `lib/${name}`),
    ];
    const contentModules = readdirSync(join(ROOT, 'entrypoints/content'))
      .filter((name) => /\.(ts|css)$/.test(name) && !name.includes('.test.'))
      .map((name) => `entrypoints/content/${name}`);
    expect([...folders, ...contentModules].filter((path) => !named.has(path))).toEqual([]);
  });
});
