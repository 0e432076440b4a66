import { describe, expect, it } from 'vitest';
import sources from '@/data/sources.json';
import { collectCheckerNotes } from './noteSamples';

describe('checker notes', () => {
  const notes = collectCheckerNotes();
  const known = new Set(sources.map((s) => s.id));

  it('every note cites at least one source id that exists in sources.json', () => {
    expect(notes.length).toBeGreaterThan(30);
    expect(notes.filter((n) => n.sources.length === 0)).toEqual([]);
    expect(notes.flatMap((n) => n.sources).filter((id) => !known.has(id))).toEqual([]);
  });
});
