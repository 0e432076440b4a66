import { describe, expect, it } from 'vitest';
import regionsJson from './regions.json';
import { regionsSchema } from './schema';
import sources from './sources.json';

const regions = regionsSchema.parse(regionsJson);
const sourceIds = new Set(sources.map((s) => s.id));
const officialSources = new Set(sources.filter((s) => s.trust === 'primary' || 'docNumber' in s).map((s) => s.id));

/** A preset as an official document would give it. */
const readPreset = {
  id: 'example-city-employee',
  name: '某某市',
  scheme: '职工医保',
  hospitalLevel: '三级医院',
  effectiveFrom: '2025-01-01',
  params: { deductible: 1000, reimbursementRatio: 0.85, cap: 400000 },
  sources: ['gbf-2021-14'],
};

describe('data/regions.json', () => {
  it('parses; no fake "national" region (there is no national 起付线, 报销比例 or 封顶线)', () => {
    expect(regions.map((r) => r.id)).not.toContain('national');
  });

  it('has unique ids', () => {
    expect(new Set(regions.map((r) => r.id)).size).toBe(regions.length);
  });

  it('every preset rests on an official document that exists in sources.json', () => {
    for (const region of regions) {
      expect(
        region.sources.filter((id) => !sourceIds.has(id)),
        region.id,
      ).toEqual([]);
      expect(
        region.sources.some((id) => officialSources.has(id)),
        region.id,
      ).toBe(true);
    }
  });
});

describe('regionsSchema', () => {
  it('accepts a preset with its document and date', () => {
    expect(regionsSchema.safeParse([readPreset]).success).toBe(true);
  });

  it.each([
    ['no source', { ...readPreset, sources: [] }],
    ['no effective date', { ...readPreset, effectiveFrom: undefined }],
    ['a ratio written as a percent', { ...readPreset, params: { ...readPreset.params, reimbursementRatio: 85 } }],
    ['no hospital level', { ...readPreset, hospitalLevel: '' }],
  ])('refuses a preset with %s', (_, preset) => {
    expect(regionsSchema.safeParse([preset]).success).toBe(false);
  });
});
