import { describe, expect, it } from 'vitest';
import { createLazyTermMatcher } from './matcher';
import { compileTermMatcher } from '../../scripts/compile/automaton';
import { matcherFor } from '../../test/matcherFor';

const found = (m: ReturnType<typeof matcherFor>, text: string) =>
  m.findTermMatches(text).map((x) => `${text.slice(x.start, x.end)}@${m.entries[x.entry]!.id}`);

describe('term matcher', () => {
  it('finds every occurrence in one pass, with positions', () => {
    const m = matcherFor({ account: ['个人账户'], pool: ['统筹基金'] });
    const text = '个人账户和统筹基金不同，个人账户归个人。';
    expect(m.findTermMatches(text)).toEqual([
      { start: 0, end: 4, entry: 0 },
      { start: 5, end: 9, entry: 1 },
      { start: 12, end: 16, entry: 0 },
    ]);
  });

  it('prefers the longest match at the same start', () => {
    const m = matcherFor({ insurance: ['医保'], account: ['医保个人账户', '个人账户'] });
    expect(found(m, '查询医保个人账户余额')).toEqual(['医保个人账户@account']);
  });

  it('prefers the leftmost match when two overlap', () => {
    const m = matcherFor({ a: ['家庭共济'], b: ['共济账户'] });
    expect(found(m, '开通家庭共济账户')).toEqual(['家庭共济@a']);
  });

  it('takes a shorter match that ends with a longer one when the longer overlaps an earlier pick', () => {
    const m = matcherFor({ a: ['甲乙丙'], b: ['丙丁戊'], c: ['丁戊'] });
    expect(found(m, '甲乙丙丁戊')).toEqual(['甲乙丙@a', '丁戊@c']);
  });

  it('maps aliases to their entry', () => {
    const m = matcherFor({ account: ['个人账户', '个账', '医保卡余额'] });
    expect(found(m, '个账里的钱，也就是医保卡余额')).toEqual(['个账@account', '医保卡余额@account']);
  });

  it('lets an ignore phrase win its span so the term inside is not marked', () => {
    const m = matcherFor({ share: ['共济'] }, { ignore: ['同舟共济'] });
    expect(found(m, '大家同舟共济，医保讲共济')).toEqual(['共济@share']);
  });

  it('drops a match when a blocking word is near it, on either side', () => {
    const m = matcherFor({ account: ['个人账户'] }, { blocking: { account: ['养老', '银行', '证券'] } });
    expect(found(m, '养老保险个人账户')).toEqual([]);
    expect(found(m, '个人账户在银行开立')).toEqual([]);
    expect(found(m, '证券个人账户')).toEqual([]);
    expect(found(m, '职工医保个人账户可以家庭共济')).toEqual(['个人账户@account']);
  });

  it('does not match Latin forms inside longer words', () => {
    const m = matcherFor({ drg: ['DRG'], dip: ['DIP'] });
    expect(found(m, 'DRG和DIP改革，DIPLOMA 不算，XDRG 也不算')).toEqual(['DRG@drg', 'DIP@dip']);
  });

  it('returns nothing for text without any pattern character, and tells whether a term could run on past the end', () => {
    const m = matcherFor({ account: ['个人账户'] });
    expect(m.couldRunOn('hello world, 你好')).toBe(false);
    expect(m.couldRunOn('关于个人')).toBe(true);
    expect(m.couldRunOn('个人账户。')).toBe(false);
    expect(m.couldRunOn('')).toBe(false);
    expect(m.findTermMatches('plain english text only')).toEqual([]);
  });

  it('handles a pattern that is a suffix of another (output links)', () => {
    const m = matcherFor({ a: ['大病保险起付线'], b: ['起付线'], c: ['大病保险'] });
    expect(found(m, '大病保险起付线和起付线')).toEqual(['大病保险起付线@a', '起付线@b']);
    expect(found(m, '大病保险的起付线')).toEqual(['大病保险@c', '起付线@b']);
  });

  it('refuses a surface form that appears twice', () => {
    expect(() =>
      compileTermMatcher(
        [
          { form: '医保卡', entry: 0 },
          { form: '医保卡', entry: 1 },
        ],
        [
          { id: 'card', term: '社会保障卡' },
          { id: 'other', term: '其他' },
        ],
      ),
    ).toThrow(/医保卡/);
  });

  it('builds a lazy matcher only when it is first used', () => {
    let loads = 0;
    const compiled = compileTermMatcher([{ form: '统筹基金', entry: 0 }], [{ id: 'pool', term: '统筹基金' }]);
    const lazy = createLazyTermMatcher(() => {
      loads++;
      return compiled;
    });
    expect(loads).toBe(0);
    expect(lazy.findTermMatches('统筹基金')).toEqual([{ start: 0, end: 4, entry: 0 }]);
    expect(lazy.entries[0]!.id).toBe('pool');
    expect(loads).toBe(1);
  });
});
