/** Invariants over the whole bundled data set (every entry, every reference, every surface form). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildCardRecords,
  compileMatcherFromData,
  findReferenceProblems,
  loadProjectData,
} from '../scripts/compile/pipeline';
import { createTermMatcher } from '../lib/matcher/matcher';
import { articleFiles, articleText } from '../test/fixtures/pages';
import { buildMatcherSource, listSurfaceForms } from '../scripts/compile/matcherPatterns';

const data = loadProjectData('data');
const matcher = createTermMatcher(JSON.parse(JSON.stringify(compileMatcherFromData(data))));
const idOf = (entry: number) => matcher.entries[entry]!.id;
const found = (text: string) =>
  matcher.findTermMatches(text).map((m) => ({ text: text.slice(m.start, m.end), id: idOf(m.entry) }));

describe('bundled data', () => {
  it('has the promised size', () => {
    expect(data.glossary.length).toBeGreaterThanOrEqual(150);
    expect(listSurfaceForms(data.glossary).length).toBeGreaterThan(300);
    expect(data.articles.length).toBeGreaterThanOrEqual(40);
  });

  it('has no broken reference, duplicate id or duplicate surface form', () => {
    expect(findReferenceProblems(data)).toEqual([]);
    expect(() => buildMatcherSource(data.glossary)).not.toThrow();
  });

  it('gives every fact and myth its own source, and every entry at least one', () => {
    for (const entry of data.glossary) {
      expect(entry.sources.length, entry.id).toBeGreaterThan(0);
      for (const fact of entry.facts) expect(fact.sources.length, `${entry.id}: ${fact.label}`).toBeGreaterThan(0);
      for (const myth of entry.myths) expect(myth.sources.length, `${entry.id}: ${myth.myth}`).toBeGreaterThan(0);
    }
  });

  it('labels every local number with 以当地政策为准 on the card', () => {
    for (const card of buildCardRecords(data)) {
      if (card.facts.some((f) => f.local)) expect(card.regionalNote, card.id).toContain('以当地政策为准');
    }
  });

  it('finds every term and every alias in a sentence that uses it, mapped to its own entry', () => {
    const misses: string[] = [];
    for (const { form, id } of listSurfaceForms(data.glossary)) {
      const sentence = `请问“${form}”是什么意思？`;
      const hit = found(sentence).find((m) => m.text === form);
      if (hit?.id !== id) misses.push(`${form} → ${hit?.id ?? '未找到'}（应为 ${id}）`);
    }
    expect(misses).toEqual([]);
  });

  it('keeps the precision traps unmarked', () => {
    for (const text of [
      '大家同舟共济渡过难关',
      '统筹兼顾各方利益',
      '统筹推进改革',
      '统筹安排时间',
      '这件事要统筹',
      '先去备案再激活',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    for (const text of ['养老保险个人账户', '在银行开个人账户', '证券个人账户开户', '住房公积金个人账户']) {
      expect(
        found(text).filter((m) => m.id === 'gerenzhanghu'),
        text,
      ).toEqual([]);
    }
    expect(found('职工医保个人账户可以家庭共济')).toEqual([
      { text: '职工医保个人账户', id: 'gerenzhanghu' },
      { text: '家庭共济', id: 'jiatinggongji' },
    ]);
  });

  it('finds the 医保 terms of the fixture articles', () => {
    const articles = articleFiles()
      .map((f) => articleText(f))
      .join('\n');
    const ids = new Set(articles.split('\n').flatMap((line) => found(line).map((m) => `${m.text}=${m.id}`)));
    // Terms a reader meets in health-news pages, with the entry each must open.
    const expected = {
      个人账户: 'gerenzhanghu',
      医保个人账户: 'gerenzhanghu',
      医保卡余额: 'gerenzhanghu',
      统筹账户: 'tongchoujijin',
      统筹基金: 'tongchoujijin',
      家庭共济: 'jiatinggongji',
      亲情账户: 'qinqingzhanghu',
      职工医保: 'zhigongjibenyiliaobaoxian',
      居民医保: 'chengxiangjuminjibenyiliaobaoxian',
      城乡居民医保: 'chengxiangjuminjibenyiliaobaoxian',
      医保卡: 'shehuibaozhangka',
      社保卡: 'shehuibaozhangka',
      医保码: 'yibaodianzipingzheng',
      电子医保凭证: 'yibaodianzipingzheng',
      国家医保服务平台: 'guojiayibaofuwupingtai',
      异地就医: 'yidijiuyi',
      异地就医备案: 'yidijiuyibeian',
      定点零售药店: 'dingdianlingshouyaodian',
      定点医疗机构: 'dingdianyiliaojigou',
      起付线: 'qifuxian',
      报销比例: 'baoxiaobili',
      个人自付: 'gerenzifu',
      自费: 'zifei',
      乙类先行自付: 'yileixianxingzifu',
      门诊慢特病: 'menzhenmantebing',
      门慢: 'menzhenmantebing',
      视同缴费年限: 'shitongjiaofeinianxian',
      实际缴费年限: 'shijijiaofeinianxian',
      累计缴费年限: 'leijijiaofeinianxian',
      医保关系转移: 'zhuanyijiexu',
      转移接续: 'zhuanyijiexu',
      灵活就业人员: 'linghuojiuyerenyuan',
      在职职工: 'zaizhizhigong',
      缴费基数: 'jiaofeijishu',
      单位缴费: 'danweijiaofei',
      个人缴费: 'gerenjiaofei',
      当年账户: 'dangnianzhanghu',
      历年账户: 'linianjieyu',
      医保目录: 'yibaomulu',
      大病保险: 'dabingbaoxian',
      医疗救助: 'yiliaojiuzhu',
      生育保险: 'shengyubaoxian',
      断缴: 'duanbao',
      补缴: 'bujiao',
      近亲属: 'jinqinshu',
      特困人员: 'tekunrenyuan',
      低保对象: 'dibaoduixiang',
      跨省共济: 'kuashenggongji',
      医保卡挂失: 'shebaokaguashi',
      医保局: 'yiliaobaozhangju',
      直接结算: 'zhijiejiesuan',
    };
    const missing = Object.entries(expected).filter(([text, id]) => !ids.has(`${text}=${id}`));
    expect(missing).toEqual([]);
  });

  // The seed articles and copycheck live in ../shared, beside the project on the team's machines only.
  const copycheck = '../shared/tools/copycheck.py';
  it.runIf(existsSync(copycheck))('contains no sentence copied from the seed articles (copycheck)', () => {
    for (const dir of ['data', 'test/fixtures/articles']) {
      const output = execFileSync('python3', [copycheck, dir], { encoding: 'utf8' });
      expect(output, dir).toContain('no sentence copied');
    }
  });
  if (!existsSync(copycheck)) console.log(`skipped: copycheck (${copycheck} not found)`);
});
