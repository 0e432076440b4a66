/** The scheme evaluation set, scored as a reader would meet it; floors hold what was measured on each part. */
import { describe, expect, it } from 'vitest';
import { loadSchemePart } from './schemeCorpus';
import { evaluateSchemes, isRight, tallyBy } from './schemeEval';

describe('what counts as right', () => {
  it.each([
    ['yibao', 'yibao', 'card', true],
    ['yibao', 'yibao', 'nothing', false],
    ['shared', 'injury', 'injury', true],
    ['shared', 'injury', 'nothing', true],
    ['shared', 'injury', 'card', false],
    ['shared', 'injury', 'pension', false],
    ['yibao', 'none', 'nothing', true],
    ['general', 'none', 'card', false],
    ['general', 'pension', 'card', true],
    ['shared', 'social', 'card', true],
    ['shared', 'social', 'nothing', true],
    ['shared', 'social', 'pension', false],
  ] as const)('%s entry, %s passage, got %s: %s', (entryClass, expected, got, right) => {
    expect(isRight(entryClass, expected, got)).toBe(right);
  });

  it('an entry at home in another scheme keeps its card there', () => {
    expect(isRight('yibao', 'commercial', 'card', ['commercial'])).toBe(true);
    expect(isRight('yibao', 'commercial', 'nothing', ['commercial'])).toBe(false);
  });
});

/** Floors: at least the target where it is met, else what was measured when the set was frozen. */
// Measured once after tuning on dev (laws and pages): dev 97.6%; held-out 96.4%, its lowest scheme 83.3% (military,
// 18 occurrences). The held-out target (97%, no scheme below 90%) is not met; the floors keep it from getting
// worse. Without ../shared/laws only the pages are scored: dev 96.6%, held-out 94.8% (lowest: none, 72%).
const FLOORS = {
  dev: { withLaws: { overall: 0.97, scheme: 0.8 }, pagesOnly: { overall: 0.96, scheme: 0.9 }, minimum: 300 },
  heldout: { withLaws: { overall: 0.96, scheme: 0.8 }, pagesOnly: { overall: 0.94, scheme: 0.7 }, minimum: 200 },
};

describe.each(['dev', 'heldout'] as const)('the %s part', (part) => {
  const { docs, problems, lawsSkipped } = loadSchemePart(part);
  if (lawsSkipped) console.log(`${part}: ${lawsSkipped}`);
  const result = evaluateSchemes(docs);
  const floors = FLOORS[part][lawsSkipped ? 'pagesOnly' : 'withLaws'];

  it('is complete: every match labelled, every label on a match', () => {
    expect([...problems, ...result.problems]).toEqual([]);
    expect(result.occurrences.length).toBeGreaterThanOrEqual(FLOORS[part].minimum);
  });

  it('gets the right card or rightly nothing for the share the floors hold, in every scheme', () => {
    const all = result.occurrences;
    const misreads = all.filter((o) => !o.right);
    const accuracy = 1 - misreads.length / all.length;
    // Held-out misreads are not printed: the team tunes on the dev part only.
    if (part === 'dev' && accuracy < floors.overall)
      console.log(misreads.map((o) => `${o.file} “${o.form}” ${o.expected}→${o.got}`).join('\n'));
    expect(accuracy).toBeGreaterThanOrEqual(floors.overall);
    for (const t of tallyBy(all, (o) => o.expected))
      if (t.total >= 10) expect(t.right / t.total, t.key).toBeGreaterThanOrEqual(floors.scheme);
  });
});
