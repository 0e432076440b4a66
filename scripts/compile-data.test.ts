/** The build stops with a clear message naming the entry when the data are wrong. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runCompile(change: (glossary: Record<string, unknown>[]) => void): {
  code: number;
  output: string;
  outDir: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-data-'));
  dirs.push(dir);
  cpSync('data', join(dir, 'data'), { recursive: true, filter: (src) => !src.endsWith('.ts') });
  const glossaryPath = join(dir, 'data', 'glossary.json');
  const glossary = JSON.parse(readFileSync(glossaryPath, 'utf8')) as Record<string, unknown>[];
  change(glossary);
  writeFileSync(glossaryPath, JSON.stringify(glossary));
  const outDir = join(dir, 'out');
  try {
    const output = execFileSync(
      'npx',
      ['tsx', 'scripts/compile-data.ts', '--data', join(dir, 'data'), '--out', outDir],
      { encoding: 'utf8', stdio: 'pipe' },
    );
    return { code: 0, output, outDir };
  } catch (err) {
    const failure = err as { status: number; stdout: string; stderr: string };
    return { code: failure.status, output: failure.stdout + failure.stderr, outDir };
  }
}

describe('compile-data', { timeout: 30_000 }, () => {
  it('compiles the real data', () => {
    const result = runCompile(() => undefined);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/151 个术语|\d+ 个术语/);
    expect(existsSync(join(result.outDir, 'matcher.json'))).toBe(true);
    // The engine's copy holds the same tables as literals.
    const engineData = readFileSync(join(result.outDir, 'engineData.ts'), 'utf8');
    const matcherJson = readFileSync(join(result.outDir, 'matcher.json'), 'utf8');
    expect(engineData).toContain(`export const COMPILED_MATCHER: CompiledTermMatcher = ${matcherJson};`);
  });

  it('stops on an entry that fails the schema, naming it and the field', () => {
    let brokenId = '';
    const result = runCompile((glossary) => {
      brokenId = String(glossary[3]!.id);
      glossary[3]!.summary = '太长'.repeat(40);
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`第 4 条（id=${brokenId}） summary`);
    expect(existsSync(join(result.outDir, 'matcher.json'))).toBe(false);
  });

  it('stops on a broken reference and on a surface form owned by two entries', () => {
    const broken = runCompile((glossary) => {
      glossary[0]!.related = ['no-such-term'];
    });
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('引用了不存在的术语：no-such-term');

    const duplicate = runCompile((glossary) => {
      (glossary[1]!.aliases as string[]).push(String(glossary[0]!.term));
    });
    expect(duplicate.code).toBe(1);
    expect(duplicate.output).toMatch(/词形“.+”同时属于条目/);
  });
});
