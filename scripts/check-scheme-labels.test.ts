import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAWS_DIR, SCHEME_IDS, checkSchemeLabels } from './check-scheme-labels';

const total = (counts: Map<string, number> | null) => [...(counts ?? new Map()).values()].reduce((a, b) => a + b, 0);

describe('scheme evaluation set (test/fixtures/scheme-eval)', () => {
  const result = checkSchemeLabels();

  it('has well-formed labels: known scheme ids, unique snippets, glossary or plain forms only', () => {
    if (!result.lawsPresent) console.log(`跳过法规部分：找不到 ${LAWS_DIR}`);
    expect(result.problems).toEqual([]);
    // A changed matcher may match more or less than it did when the set was labelled: reported, not a defect.
    if (result.coverage.length > 0)
      console.log(`与当前匹配器不一致 ${result.coverage.length} 处：\n${result.coverage.join('\n')}`);
  });

  it('labels pages of several schemes in both parts, with known ids only', () => {
    for (const report of result.reports) {
      expect(report.pageFiles).toBeGreaterThanOrEqual(8);
      expect([...report.pages.keys()].every((id) => (SCHEME_IDS as readonly string[]).includes(id))).toBe(true);
      expect(report.pages.size).toBeGreaterThanOrEqual(6);
    }
    expect(result.reports.reduce((n, r) => n + total(r.pages), 0)).toBeGreaterThanOrEqual(400);
  });

  it.skipIf(!existsSync(LAWS_DIR))('covers the law texts in both parts', () => {
    for (const report of result.reports) expect(report.laws!.size).toBeGreaterThanOrEqual(6);
    expect(result.reports.reduce((n, r) => n + total(r.laws), 0)).toBeGreaterThanOrEqual(680);
  });
});
