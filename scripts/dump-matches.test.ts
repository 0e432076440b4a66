import { describe, expect, it } from 'vitest';
import { compileMatcherFromData, loadProjectData } from './compile/pipeline';
import { createTermMatcher } from '../lib/matcher/matcher';
import { createMatchLister } from './dump-matches';

describe('createMatchLister', () => {
  const listMatches = createMatchLister('data');
  const rawMatcher = createTermMatcher(compileMatcherFromData(loadProjectData('data')));
  const rawForms = (line: string) => rawMatcher.findTermMatches(line).map((m) => line.slice(m.start, m.end));

  it('lists the matches of the matcher after compileSenses, which the raw matcher blocks', () => {
    const line = '单位不支付的，由工伤保险基金先行支付，之后向单位追偿。';
    expect(rawForms(line)).not.toContain('先行支付');
    expect(listMatches(line, 1).map((m) => m.form)).toContain('先行支付');
  });

  it('lists a plain form only where no match covers it', () => {
    const withPlain = createMatchLister('data', ['支付', '追偿']);
    const found = withPlain('由工伤保险基金先行支付，之后向单位追偿。', 3);
    expect(found.filter((m) => m.entryId === '(plain)').map((m) => [m.form, m.start, m.line])).toEqual([
      ['追偿', 17, 3],
    ]);
    expect(found.map((m) => m.form)).toContain('先行支付');
  });
});
