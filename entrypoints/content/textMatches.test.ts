// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { matcherFor } from '@/test/matcherFor';
import { matchesInText, neighbourInBlock } from './textMatches';
import { LENS_TUNABLES } from './tunables';

const matcher = matcherFor({ gerenzhanghu: ['个人账户'], drg: ['DRG'] });
const texts = (text: string) => matchesInText(matcher, text).map((m) => text.slice(m.start, m.end));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('matching the text of one node', () => {
  it('finds terms in Chinese text only: a DRG in an English sentence is not ours', () => {
    expect(texts('按DRG付费，个人账户不受影响')).toEqual(['DRG', '个人账户']);
    expect(texts('DRG payment explained')).toEqual([]);
    expect(texts('户')).toEqual([]);
  });

  it('finds every term of a text longer than a chunk once, also one that straddles a chunk edge', () => {
    const chunk = LENS_TUNABLES.textChunkChars;
    const text = '甲'.repeat(chunk - 2) + '个人账户' + '乙'.repeat(chunk) + '个人账户';
    const found = matchesInText(matcher, text);
    expect(found.map((m) => m.start)).toEqual([chunk - 2, 2 * chunk + 2]);
    expect(found.every((m) => text.slice(m.start, m.end) === '个人账户')).toBe(true);
  });

  it('the neighbouring text of the same block, never across blocks or into a form field', () => {
    document.body.innerHTML =
      '<p id="a">个人<b>账户</b></p><p id="b">下一段<input value="x"><textarea>账户</textarea></p>';
    const first = document.querySelector('#a')!.firstChild as Text;
    const bold = document.querySelector('#a b')!.firstChild as Text;
    const notOurs = () => false;
    expect(neighbourInBlock(document, first, 'nextNode', notOurs)).toBe(bold);
    expect(neighbourInBlock(document, bold, 'previousNode', notOurs)).toBe(first);
    expect(neighbourInBlock(document, bold, 'nextNode', notOurs)).toBeNull();
    const next = document.querySelector('#b')!.firstChild as Text;
    expect(neighbourInBlock(document, next, 'nextNode', notOurs)).toBeNull();
  });
});
