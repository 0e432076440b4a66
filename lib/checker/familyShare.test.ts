import { describe, expect, it } from 'vitest';
import { checkFamilyShare, type FamilyShareCheckInput, planFamilyShareWalletTransfers } from './familyShare';

const spouse: FamilyShareCheckInput = {
  relation: '配偶',
  holderScheme: '职工医保',
  relativeInsurance: '居民医保',
  sameProvince: true,
};
const texts = (notes: { text: string }[]) => notes.map((n) => n.text).join('\n');

describe('checkFamilyShare', () => {
  it('spouse in 居民医保, same province: contribution and out-of-pocket costs', () => {
    const result = checkFamilyShare(spouse);
    expect(result.allowed).toBe(true);
    expect(result.usableFor).toHaveLength(2);
    expect(texts(result.usableFor)).toContain('居民医保的个人缴费');
    expect(texts(result.usableFor)).toContain('定点医疗机构');
    expect(texts(result.howTo)).toContain('国家医保服务平台 App');
    expect(texts(result.limits)).toBe('省内共济的办理渠道和额度以当地政策为准。');
    expect(texts(result.notes)).toContain('卡不能共用');
    // the first circle needs no rollout caveat
    expect(texts(result.notes)).not.toContain('2024 年 7 月');
  });

  it('parent in 职工医保: out-of-pocket costs only', () => {
    const result = checkFamilyShare({ ...spouse, relation: '父母', relativeInsurance: '职工医保' });
    expect(result.allowed).toBe(true);
    expect(result.usableFor.map((n) => n.sources)).toEqual([['gbf-2021-14', 'gbf-2024-38']]);
    expect(result.usableFor[0]?.text).toContain('定点零售药店');
  });

  it('relative not insured: may only pay their 居民医保 contribution', () => {
    const result = checkFamilyShare({ ...spouse, relation: '子女', relativeInsurance: '未参保' });
    expect(result.allowed).toBe(true);
    expect(result.usableFor).toHaveLength(1);
    expect(result.usableFor[0]?.text).toBe('为他缴纳城乡居民医保的个人缴费。');
    expect(result.verdict).toContain('只能先帮他缴居民医保');
  });

  it('sibling is allowed with the 近亲属 rollout caveat', () => {
    const result = checkFamilyShare({ ...spouse, relation: '兄弟姐妹' });
    expect(result.allowed).toBe(true);
    expect(texts(result.notes)).toContain('23 个省份');
  });

  it.each(['祖父母/外祖父母', '孙子女/外孙子女'] as const)('%s counts as 近亲属', (relation) => {
    expect(checkFamilyShare({ ...spouse, relation }).allowed).toBe(true);
  });

  it('其他 relatives are not allowed', () => {
    const result = checkFamilyShare({ ...spouse, relation: '其他' });
    expect(result.allowed).toBe(false);
    expect(result.usableFor).toEqual([]);
    expect(result.verdict).toBe('不能：家庭共济只限近亲属。');
  });

  it('a 居民医保 holder has no account to share', () => {
    const result = checkFamilyShare({ ...spouse, holderScheme: '居民医保' });
    expect(result.allowed).toBe(false);
    expect(result.verdict).toContain('没有个人账户');
  });

  it('another province: 医保钱包 with its limits', () => {
    const result = checkFamilyShare({ ...spouse, sameProvince: false });
    expect(result.allowed).toBe(true);
    expect(texts(result.howTo)).toContain('医保钱包');
    const limits = texts(result.limits);
    expect(limits).toContain('每天最多转 3 笔，每笔不超过 2,000 元');
    expect(limits).toContain('22:00 到次日 6:00 不能转账');
    expect(limits).toContain('次日 6:00 退回');
    expect(limits).not.toContain('暂时办不了');
  });

  it('across provinces asks to check both areas in the app, naming no province as an exception', () => {
    const result = checkFamilyShare({ ...spouse, sameProvince: false });
    const limits = texts(result.limits);
    expect(limits).toContain('国家医保服务平台 App 里查看');
    expect(limits).not.toContain('广东');
  });
});

describe('planFamilyShareWalletTransfers', () => {
  it('5000 元 → 2000 + 2000 + 1000 in one day', () => {
    const plan = planFamilyShareWalletTransfers(5000);
    expect(plan.transfers).toEqual([2000, 2000, 1000]);
    expect(plan.days).toBe(1);
    expect(plan.steps[0]).toBe('每笔不超过 2,000 元：5,000 元分成 3 笔（2,000 + 2,000 + 1,000）。');
  });

  it('7000.5 元 → 4 transfers over 2 days', () => {
    const plan = planFamilyShareWalletTransfers(7000.5);
    expect(plan.transfers).toEqual([2000, 2000, 2000, 1000.5]);
    expect(plan.days).toBe(2); // ceil(4 / 3)
  });

  it('0 元 needs no transfer', () => {
    expect(planFamilyShareWalletTransfers(0)).toEqual({ transfers: [], days: 0, steps: ['金额为 0，不需要转账。'] });
  });
});
