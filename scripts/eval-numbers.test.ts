import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { NUMBERS_DIR, evaluatePart } from './eval-numbers';

// The bar on the frozen held-out part: ≥97% of offered numbers right, no statistic or example offered,
// ≥80% of labelled parameters found. Dev is held to the same bar.
it.each(['heldout', 'dev'] as const)('page numbers on the %s part meet the bar', (part) => {
  expect(existsSync(join(NUMBERS_DIR, part, 'labels.json'))).toBe(true);
  const r = evaluatePart(part);
  expect(r.pages).toBeGreaterThanOrEqual(10);
  expect(r.offered).toBeGreaterThan(0);
  expect(r.right / r.offered).toBeGreaterThanOrEqual(0.97);
  expect(r.negativesOffered).toEqual([]);
  expect(r.found / r.labels).toBeGreaterThanOrEqual(0.8);
});
