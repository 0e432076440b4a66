import { describe, expect, it } from 'vitest';
import compiled from '@/generated/matcher.json';
import { CATEGORY_LABELS, categorySchema } from '@/data/schema';
import { LENS_CATEGORY_LABELS, summarizeLensCategories } from './categories';

describe('category labels', () => {
  it('are the categories the data schema accepts', () => {
    expect(categorySchema.options).toEqual(Object.keys(LENS_CATEGORY_LABELS));
  });

  it('summarize the glossary: every term is counted in exactly one category', () => {
    const entries = (compiled as { entries: { term: string; category?: string }[] }).entries;
    const summary = summarizeLensCategories(entries);
    expect(summary.map((s) => s.id)).toEqual(Object.keys(CATEGORY_LABELS));
    expect(summary.reduce((n, s) => n + s.count, 0)).toBe(entries.length);
    for (const s of summary) expect(s.examples.length).toBe(Math.min(3, s.count));
  });

  it('keeps the order of the entries for the examples', () => {
    const summary = summarizeLensCategories(
      [
        { term: '个人账户', category: 'fund' },
        { term: '统筹基金', category: 'fund' },
        { term: '门诊', category: 'service' },
      ],
      1,
    );
    expect(summary.find((s) => s.id === 'fund')).toEqual({
      id: 'fund',
      label: '基金与个人账户',
      count: 2,
      examples: ['个人账户'],
    });
  });
});
