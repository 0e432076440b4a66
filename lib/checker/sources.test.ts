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

describe('checker notes: national statements rest on national sources', () => {
  /** Issued nationally: the State Council and its office, the national 医保 administration, the NPC, or Xinhua's national reports. */
  const NATIONAL_ISSUER = /^(国务院|国家医疗保障局|全国人民代表大会|新华社)/;
  const national = new Set(
    sources
      .filter((s) => NATIONAL_ISSUER.test(s.issuer) || /国家医保局|国办发/.test(`${s.issuer}${s.title}`))
      .map((s) => s.id),
  );
  /** A note that speaks of places (各地, 当地, a province or a city) may rest on a local source. */
  const SPEAKS_OF_PLACES = /各地|当地|地方|省|市|区|广东|浙江|上海/;

  it('every note that states a rule for the whole country cites at least one national source', () => {
    const unfounded = collectCheckerNotes()
      .filter((n) => !SPEAKS_OF_PLACES.test(n.text))
      .filter((n) => !n.sources.some((id) => national.has(id)))
      .map((n) => `${n.text} ← ${n.sources.join(', ')}`);
    expect([...new Set(unfounded)]).toEqual([]);
  });
});
