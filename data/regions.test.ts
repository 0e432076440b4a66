import { describe, expect, it } from 'vitest';
import regionsJson from './regions.json';
import { regionParamsSchema, regionsSchema } from './schema';
import sources from './sources.json';

const regions = regionsSchema.parse(regionsJson);
const sourceIds = new Set(sources.map((s) => s.id));
const paramKeys = Object.keys(regionParamsSchema.shape);

describe('data/regions.json', () => {
  it('parses with regionsSchema and has the national defaults', () => {
    expect(regions.map((r) => r.id)).toContain('national');
    const national = regions.find((r) => r.id === 'national')!;
    expect(national.params.accountRatio).toBe(0.02);
    expect(national.params.seriousIllnessRatio).toBe(0.6);
    expect(national.params.residentAnnualContribution).toBe(400);
  });

  it('has unique ids', () => {
    expect(new Set(regions.map((r) => r.id)).size).toBe(regions.length);
  });

  it('cites only sources that exist in sources.json', () => {
    const missing = regions.flatMap((r) => r.sources.filter((id) => !sourceIds.has(id)));
    expect(missing).toEqual([]);
  });

  it('lists only real, distinct param keys as sourced', () => {
    for (const region of regions) {
      expect(region.sourcedParams.filter((key) => !paramKeys.includes(key))).toEqual([]);
      expect(new Set(region.sourcedParams).size).toBe(region.sourcedParams.length);
    }
  });

  it('says so in the note when some figures are only examples', () => {
    for (const region of regions) {
      if (region.sourcedParams.length < paramKeys.length) expect(region.note).toContain('示例');
    }
  });
});
