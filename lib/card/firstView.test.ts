import { describe, expect, it } from 'vitest';
import {
  bridgeLine,
  effectiveStart,
  firstView,
  leadClause,
  newerNationalFact,
  textUnits,
  tookEffectAfter,
} from './firstView';
import type { CardFact } from './records';

const fact = (label: string, effective: string, local = false): CardFact => ({
  label,
  value: `${label}的值`,
  local,
  effective,
  sourceIndexes: [0],
});

describe('bridge from the page’s word to the title', () => {
  it('says the formal name when the page uses another word, and nothing when it uses the title', () => {
    expect(bridgeLine('中断缴费', '断保')).toBe('页面上的“中断缴费”，正式叫法是“断保”。');
    expect(bridgeLine('医保卡', '社会保障卡')).toBe('页面上的“医保卡”，正式叫法是“社会保障卡”。');
    expect(bridgeLine('断保', '断保')).toBeNull();
    // Long names: shorter sentences, the title above already says the formal name.
    expect(bridgeLine('居民医保', '城乡居民基本医疗保险')).toBe('页面上的“居民医保”即“城乡居民基本医疗保险”。');
    expect(bridgeLine('异地长期居住备案', '异地长期居住人员')).toBe('页面上写作“异地长期居住备案”。');
    expect(bridgeLine('个人 账户', '个人账户')).toBeNull();
    expect(bridgeLine(undefined, '断保')).toBeNull();
    expect(bridgeLine('', '断保')).toBeNull();
  });
});

describe('the one-line myth', () => {
  it('keeps the truth’s first clause after the arrow', () => {
    expect(leadClause('不一定。3个月等待期只针对居民医保')).toBe('不一定');
    expect(leadClause('医保报销主要靠统筹基金按规则支付，个人账户只是一部分。')).toBe(
      '医保报销主要靠统筹基金按规则支付',
    );
    expect(leadClause('没有标点的一句话')).toBe('没有标点的一句话');
  });
});

describe('when a fact took effect', () => {
  it('reads the latest date named, and no date from 长期有效, 现行 or 截至', () => {
    expect(effectiveStart('2025-03-01')).toEqual({ year: 2025, month: 3, day: 1 });
    expect(effectiveStart('2021 / 2024-07')).toEqual({ year: 2024, month: 7 });
    expect(effectiveStart('1998、2009')).toEqual({ year: 2009 });
    expect(effectiveStart('2024-07扩至近亲属')).toEqual({ year: 2024, month: 7 });
    expect(effectiveStart('2021-04（各地2021—2024年陆续实施）')).toEqual({ year: 2024 });
    expect(effectiveStart('长期有效')).toBeNull();
    expect(effectiveStart('现行（2024-04报道）')).toBeNull();
    expect(effectiveStart('截至2025-09')).toBeNull();
  });

  it('is after the page only when surely so', () => {
    expect(tookEffectAfter({ year: 2025 }, { year: 2021 })).toBe(true);
    expect(tookEffectAfter({ year: 2021, month: 7 }, { year: 2021 })).toBe(false);
    expect(tookEffectAfter({ year: 2021, month: 7 }, { year: 2021, month: 5, day: 12 })).toBe(true);
    expect(tookEffectAfter({ year: 2025 }, { year: 2025, month: 3 })).toBe(false);
    expect(tookEffectAfter({ year: 2020 }, { year: 2021, month: 3 })).toBe(false);
  });

  it('finds the first national fact newer than the page, never a local one', () => {
    const facts = [fact('老规定', '2014'), fact('地方', '2025-03-01', true), fact('新规定', '2024-07')];
    expect(newerNationalFact(facts, { year: 2021 })?.fact.label).toBe('新规定');
    expect(newerNationalFact(facts, { year: 2024, month: 8 })).toBeNull();
    expect(newerNationalFact(facts, null)).toBeNull();
  });
});

describe('the first view', () => {
  const record = {
    term: '断保',
    facts: [fact('等待期', '2014'), fact('新规则', '2025-09')],
    myths: [
      { myth: '断缴一天就要等3个月', truth: '不一定，要看是哪种医保。', sourceIndexes: [0] },
      { myth: '第二个误区', truth: '不显示', sourceIndexes: [0] },
    ],
  };

  it('leads with the first fact on an undated page, with the top myth and no page line', () => {
    const view = firstView(record, { word: '断保' });
    expect(view).toEqual({
      bridge: null,
      fact: record.facts[0],
      factLabel: true,
      factLines: 3,
      quoteFirst: false,
      myth: { myth: '断缴一天就要等3个月', truth: '不一定' },
      pageLine: null,
    });
  });

  it('on an older page leads with the newer rule and says when it started', () => {
    const view = firstView(record, { word: '中断缴费', published: { year: 2021, month: 5, day: 12 } });
    expect(view.bridge).toBe('页面上的“中断缴费”，正式叫法是“断保”。');
    expect(view.fact?.label).toBe('新规则');
    expect(view.pageLine).toBe('本页发布于2021年；2025年9月起全国规定如上。');
  });

  it('leads with a fact that fits its lines whole, and drops the label when only the value fits', () => {
    // Two lines (about 42 characters) on a page with both a bridge and a newer-rule line…
    const old = { word: '中断缴费', published: { year: 2010 } };
    const dated = (facts: CardFact[]) => firstView({ ...record, facts: [...facts, fact('新规则', '2025-09')] }, old);
    expect(dated([]).factLines).toBe(2);
    // …three otherwise.
    expect(firstView(record).factLines).toBe(3);
    const long = { ...fact('很长', '2014'), value: '字'.repeat(70) };
    const short = fact('短', '2014');
    expect(firstView({ ...record, facts: [long, short] }).fact).toBe(short);
    const almost = { ...fact('标签有点长', '2014'), value: '字'.repeat(60) };
    expect(firstView({ ...record, facts: [almost] })).toMatchObject({ fact: almost, factLabel: false });
    expect(firstView({ ...record, facts: [long] })).toMatchObject({ fact: long, factLabel: true, quoteFirst: false });
    expect(textUnits('2025年起')).toBeCloseTo(2.2 + 2);
    // A local number carries its caveat, which counts towards the lines.
    const local = { ...fact('地方标签', '2024', true), value: '字'.repeat(50) };
    expect(firstView({ ...record, facts: [local] })).toMatchObject({ fact: local, factLabel: false });
    // Cut short, a fact's 原文 goes first so it stays in view.
    const quote = { text: '原话', document: '《某法》' };
    expect(firstView({ ...record, facts: [{ ...long, quote }] })).toMatchObject({ quoteFirst: true });
    expect(firstView({ ...record, facts: [{ ...short, quote }] })).toMatchObject({ quoteFirst: false });
  });

  it('says the rules differ by place on the last line, unless the fact shown carries its own caveat', () => {
    const national = fact('全国', '2014');
    const local = fact('地方', '2014', true);
    expect(firstView({ ...record, facts: [national, local], hasLocalFacts: true }).pageLine).toBe(
      '各地规定不同，以当地政策为准。',
    );
    expect(firstView({ ...record, facts: [local, national], hasLocalFacts: true }).pageLine).toBeNull();
    // The newer-rule line takes the last line on an old page.
    expect(
      firstView(
        { ...record, facts: [national, fact('新', '2025'), local], hasLocalFacts: true },
        { published: { year: 2019 } },
      ).pageLine,
    ).toBe('本页发布于2019年；2025年起全国规定如上。');
  });

  it('has no fact or myth line for an entry without them', () => {
    expect(firstView({ term: 'x', facts: [], myths: [] })).toEqual({
      bridge: null,
      fact: null,
      factLabel: false,
      factLines: 3,
      quoteFirst: false,
      myth: null,
      pageLine: null,
    });
  });
});
