import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkerToolForTerm, termsWithCheckerTool } from './toolTerms';

describe('checkerToolForTerm', () => {
  it.each([
    ['gerenzhanghu', 'account'],
    ['jiatinggongji', 'family'],
    ['daiyudengdaiqi', 'waiting'],
    ['qifuxian', 'inpatient'],
    ['tongchoujijin', null],
    ['no-such-term', null],
  ])('%s → %s', (term, tool) => {
    expect(checkerToolForTerm(term)).toBe(tool);
  });

  it('names only terms that exist in the glossary', () => {
    const glossary = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as
      { id: string }[] | { entries: { id: string }[] };
    const ids = new Set((Array.isArray(glossary) ? glossary : glossary.entries).map((e) => e.id));
    expect(termsWithCheckerTool().filter((id) => !ids.has(id))).toEqual([]);
  });
});
