/** Invariants over the whole bundled data set (every entry, every reference, every surface form). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildCardRecords,
  compileMatcherFromData,
  findReferenceProblems,
  loadProjectData,
} from '../scripts/compile/pipeline';
import { createTermMatcher } from '../lib/matcher/matcher';
import { articleFiles, articleText } from '../test/fixtures/pages';
import { RESEARCH_WORDING } from './researchWording';
import { buildMatcherSource, listSurfaceForms } from '../scripts/compile/matcherPatterns';

const data = loadProjectData('data');
const matcher = createTermMatcher(JSON.parse(JSON.stringify(compileMatcherFromData(data))));
const idOf = (entry: number) => matcher.entries[entry]!.id;
const found = (text: string) =>
  matcher.findTermMatches(text).map((m) => ({ text: text.slice(m.start, m.end), id: idOf(m.entry) }));

/** A source that cannot carry a settled national fact on its own: a consultation draft or an unnamed city office. */
const WEAK_SOURCE_WORDING = /征求意见稿|某市/;

/** Every text of the data that a reader sees, with the entry it belongs to. reviewNotes are left out on purpose. */
function readerTexts(d: typeof data): { owner: string; field: string; text: string }[] {
  const out: { owner: string; field: string; text: string }[] = [];
  for (const e of d.glossary) {
    const owner = `术语 ${e.id}`;
    out.push(
      { owner, field: 'term', text: e.term },
      { owner, field: 'summary', text: e.summary },
      { owner, field: 'explanation', text: e.explanation },
    );
    out.push({ owner, field: 'regionalNote', text: e.regionalNote });
    for (const f of e.facts)
      out.push({ owner, field: `fact ${f.label}`, text: `${f.label} ${f.value} ${f.effective}` });
    for (const m of e.myths) out.push({ owner, field: 'myth', text: `${m.myth} ${m.truth}` });
  }
  for (const a of d.articles) {
    const owner = `文章 ${a.id}`;
    out.push({ owner, field: 'title', text: a.title }, { owner, field: 'answer', text: a.answer });
    for (const s of a.sections) out.push({ owner, field: `section ${s.heading}`, text: `${s.heading} ${s.body}` });
  }
  // Source titles show on cards and articles: check those that a card or an article cites.
  const cited = new Set([
    ...d.glossary.flatMap((e) => [
      ...e.sources,
      ...e.facts.flatMap((f) => f.sources),
      ...e.myths.flatMap((m) => m.sources),
    ]),
    ...d.articles.flatMap((a) => a.sources),
  ]);
  for (const s of d.sources)
    if (cited.has(s.id)) out.push({ owner: `来源 ${s.id}`, field: 'title', text: `${s.title} ${s.issuer}` });
  return out;
}

describe('bundled data', () => {
  it('has the promised size', () => {
    expect(data.glossary.length).toBeGreaterThanOrEqual(165);
    expect(listSurfaceForms(data.glossary).length).toBeGreaterThan(300);
    expect(data.articles.length).toBeGreaterThanOrEqual(75);
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

  it('ships no research-process wording in any text a reader sees', () => {
    const problems: string[] = [];
    for (const { owner, field, text } of readerTexts(data)) {
      for (const pattern of RESEARCH_WORDING)
        if (pattern.test(text)) problems.push(`${owner} ${field}: ${pattern} → ${text.slice(0, 40)}…`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps working notes under reviewNotes only (the old shipped field is gone)', () => {
    const raw = JSON.parse(readFileSync('data/glossary.json', 'utf8')) as Record<string, unknown>[];
    expect(raw.filter((e) => 'unverified' in e).map((e) => e.id)).toEqual([]);
  });

  it('leaves review notes out of every card record', () => {
    // What ships is the JSON written by compile-data, so check the records as serialized.
    const shipped = JSON.stringify(buildCardRecords(data));
    const cards = JSON.parse(shipped) as Record<string, unknown>[];
    expect(cards.filter((c) => 'reviewNotes' in c || 'unverified' in c).map((c) => c.id)).toEqual([]);
    const leaked = data.glossary.flatMap((e) =>
      e.reviewNotes.filter((note) => shipped.includes(note)).map((note) => `${e.id}: ${note}`),
    );
    expect(leaked).toEqual([]);
  });

  it('rests every national fact on a source that is more than a secondary summary, a draft or an anonymous city', () => {
    const sourceById = new Map(data.sources.map((s) => [s.id, s]));
    const weak = (id: string) => {
      const s = sourceById.get(id)!;
      return s.trust === 'secondary' || WEAK_SOURCE_WORDING.test(s.title) || WEAK_SOURCE_WORDING.test(s.issuer);
    };
    const problems = data.glossary.flatMap((e) =>
      e.facts
        .filter((f) => f.scope === 'national' && f.sources.every(weak))
        .map((f) => `${e.id}: ${f.label} (${f.sources.join(', ')})`),
    );
    expect(problems).toEqual([]);
  });

  it('cites no draft or anonymous-city source in any card or article', () => {
    const bad = new Set(
      data.sources
        .filter((s) => WEAK_SOURCE_WORDING.test(s.title) || WEAK_SOURCE_WORDING.test(s.issuer))
        .map((s) => s.id),
    );
    const problems: string[] = [];
    for (const e of data.glossary) {
      for (const id of [...e.sources, ...e.facts.flatMap((f) => f.sources), ...e.myths.flatMap((m) => m.sources)])
        if (bad.has(id)) problems.push(`${e.id} → ${id}`);
    }
    for (const a of data.articles) for (const id of a.sources) if (bad.has(id)) problems.push(`${a.id} → ${id}`);
    expect(problems).toEqual([]);
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
