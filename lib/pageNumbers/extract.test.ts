import { describe, expect, it } from 'vitest';
import { extractPageNumbers, tableGrid } from './extract';
import type { PageBlock, PageNumber, PageTableCell } from './types';

const p = (text: string): PageBlock => ({ kind: 'text', text });
const h = (heading: number, text: string): PageBlock => ({ kind: 'text', text, heading });
const li = (text: string): PageBlock => ({ kind: 'text', text, listItem: true });
const read = (blocks: PageBlock[], title = '测试页') =>
  extractPageNumbers({ title, blocks }).map(({ source: _source, place: _place, ...rest }) => rest);
const cell = (text: string, header = false, rowSpan = 1, colSpan = 1): PageTableCell => ({
  text,
  header,
  rowSpan,
  colSpan,
});

describe('prose', () => {
  it('reads a 分别为 enumeration with one level per value', () => {
    expect(read([p('居民医保参保人在一级、二级、三级医疗机构住院，起付标准分别为300元、600元、900元。')])).toEqual([
      { param: 'deductible', value: 300, unit: '元', scheme: '居民', level: '一级' },
      { param: 'deductible', value: 600, unit: '元', scheme: '居民', level: '二级' },
      { param: 'deductible', value: 900, unit: '元', scheme: '居民', level: '三级' },
    ]);
  });

  it('leaves an enumeration out when the scopes and the values do not pair up', () => {
    expect(read([p('居民医保在一级、二级医疗机构住院，起付标准分别为300元、600元、900元。')])).toEqual([]);
  });

  it('reads 万元, Chinese numerals and 百分之…', () => {
    expect(
      read([p('职工医保住院起付标准为一千二百元，报销比例为百分之八十五，统筹基金年度最高支付限额为1.5万元。')]),
    ).toEqual([
      { param: 'deductible', value: 1200, unit: '元', scheme: '职工' },
      { param: 'reimbursementRate', value: 85, unit: '%', scheme: '职工' },
      { param: 'annualCap', value: 15000, unit: '元', scheme: '职工' },
    ]);
  });

  it('takes each group from its own clause, not from a later one', () => {
    expect(read([p('职工医保住院起付标准以上部分由统筹基金按85%支付，退休人员按90%支付。')])).toEqual([
      { param: 'reimbursementRate', value: 85, unit: '%', scheme: '职工' },
      { param: 'reimbursementRate', value: 90, unit: '%', scheme: '职工', group: '退休' },
    ]);
  });

  it('names 门诊 and 大病保险 figures apart from 住院 ones, with the cost band of a 大病 rate', () => {
    expect(
      read(
        [
          p('居民医保门诊统筹起付线为每年100元，年度限额为800元。'),
          p('大病保险起付线为1.5万元，1.5万元至10万元（含）的部分支付60%，10万元以上的部分支付70%。'),
        ],
        '城乡居民医保待遇',
      ),
    ).toEqual([
      { param: 'outpatientDeductible', value: 100, unit: '元', scheme: '居民' },
      { param: 'outpatientCap', value: 800, unit: '元', scheme: '居民' },
      { param: 'seriousIllnessDeductible', value: 15000, unit: '元', scheme: '居民' },
      { param: 'seriousIllnessRate', value: 60, unit: '%', scheme: '居民', group: '15000-100000' },
      { param: 'seriousIllnessRate', value: 70, unit: '%', scheme: '居民', group: '100000+' },
    ]);
  });

  it('reads the resident contribution, fiscal subsidy and the enrolment period with their year', () => {
    expect(
      read(
        [
          p('2026年度城乡居民医保个人缴费标准为每人每年400元，各级财政人均补助标准为每人每年700元。'),
          p('集中缴费期为2025年9月1日至12月31日，待遇享受期为2026年1月1日至12月31日。'),
        ],
        '关于2026年度居民医保参保缴费的通知',
      ),
    ).toEqual([
      { param: 'residentContribution', value: 400, unit: '元', scheme: '居民', year: 2026 },
      { param: 'fiscalSubsidy', value: 700, unit: '元', scheme: '居民', year: 2026 },
      { param: 'enrollmentPeriod', value: '09-01~12-31', unit: 'date', scheme: '居民', year: 2026 },
    ]);
  });

  it('reads account credits as a share of the base or in 元 a month', () => {
    expect(
      read([p('在职职工个人账户按本人参保缴费基数的2%计入。'), p('退休人员个人账户按每人每月90元定额划入。')]),
    ).toEqual([
      { param: 'accountCredit', value: 2, unit: '%', scheme: '职工', group: '在职' },
      { param: 'accountCredit', value: 90, unit: '元', scheme: '职工', group: '退休' },
    ]);
  });

  it('takes scope words from sub-headings above a bare value, and the parameter from the heading', () => {
    expect(
      read([h(1, '职工医保普通门诊待遇'), h(2, '一、支付比例'), h(3, '在职职工：55%'), h(3, '退休人员：65%')]),
    ).toEqual([
      { param: 'outpatientRate', value: 55, unit: '%', scheme: '职工', group: '在职' },
      { param: 'outpatientRate', value: 65, unit: '%', scheme: '职工', group: '退休' },
    ]);
  });

  it('reads a list under a lead paragraph', () => {
    expect(read([p('本市居民医保住院起付线如下：'), li('一级医院200元；'), li('三级医院800元。')])).toEqual([
      { param: 'deductible', value: 200, unit: '元', scheme: '居民', level: '一级' },
      { param: 'deductible', value: 800, unit: '元', scheme: '居民', level: '三级' },
    ]);
  });

  it('marks 异地 and leaves a scheme out when the nearest context names both', () => {
    expect(read([p('职工医保和居民医保参保人员转往市外就医的，住院起付标准为1500元。')])).toEqual([
      { param: 'deductible', value: 1500, unit: '元', area: '异地' },
    ]);
  });
});

describe('never offered', () => {
  it.each([
    ['statistics', '今年全市居民医保参保人数达86.3万人，基金收入同比增长4.2%，住院报销比例达到70%。'],
    ['a worked example', '例如，起付线800元，政策范围内费用4万元，统筹基金支付（40000－800）×60%＝23520元。'],
    ['a bill', '她家五口人今年一共交了1900元居民医保个人缴费。'],
    ['a subsidy to individuals', '低保对象居民医保个人缴费按每人每年200元给予定额资助。'],
    ['another scheme', '城乡居民基本养老保险个人缴费标准为每年200元至5000元。'],
    ['a commercial product', '惠民保保费每人每年69元，起付线为2万元，最高赔付300万元。'],
    ['a range', '各地职工医保住院报销比例在80%-90%。'],
    ['a floor', '居民医保住院费用在10万元以上的部分，报销比例提高。'],
    ['a change', '居民医保个人缴费标准比上年提高20元，起付线降低50%。'],
    ['an increase of the subsidy', '居民医保人均财政补助标准新增30元。'],
    ['an old value', '职工医保住院起付线由1200元降至1000元。'],
    ['an approximation', '职工医保在三级医院的住院报销比例一般为85%左右。'],
    ['a phone number', '居民医保起付线咨询电话0794-12393。'],
    ['a contribution rate', '职工医保个人按工资的2%比例缴纳医疗保险费。'],
    ['a self-pay share', '乙类药品个人先行自付比例为10%。'],
  ])('%s', (_kind, text) => {
    const found = read([p(text)]);
    expect(found.filter((n) => n.value !== 1000)).toEqual([]);
  });

  it('keeps the new value after 降至', () => {
    expect(read([p('职工医保住院起付线由1200元降至1000元。')])).toEqual([
      { param: 'deductible', value: 1000, unit: '元', scheme: '职工' },
    ]);
  });

  it('drops a whole section under an example or statistics heading', () => {
    expect(
      read([
        h(2, '举例说明'),
        p('居民医保二级医院起付线500元。'),
        h(2, '统计快讯'),
        p('居民医保三级医院起付线800元。'),
      ]),
    ).toEqual([]);
  });

  it('needs the page to name 居民医保 for a 个人缴费 figure', () => {
    expect(read([p('个人养老金个人缴费每年上限12000元。'), p('个人缴费标准为每人每年400元。')])).toEqual([]);
  });
});

describe('tables', () => {
  it('lays merged cells over every slot they span', () => {
    const grid = tableGrid([
      [cell('a', true, 2), cell('b', true, 1, 2)],
      [cell('c', true), cell('d', true)],
    ]);
    expect(grid.map((row) => row.map((s) => s.cell.text).join(''))).toEqual(['abb', 'acd']);
  });

  it('resolves row and column headers through rowspan and colspan', () => {
    const found: PageNumber[] = extractPageNumbers({
      title: '2025年职工医保住院待遇',
      blocks: [
        {
          kind: 'table',
          caption: '',
          rows: [
            [cell('医院等级', true, 2), cell('起付标准（元）', true, 2), cell('报销比例', true, 1, 2)],
            [cell('在职', true), cell('退休', true)],
            [cell('一级'), cell('300'), cell('90%'), cell('93%')],
            [cell('三级'), cell('1000'), cell('85%'), cell('88%')],
          ],
        },
      ],
    });
    expect(found.map(({ source: _s, place: _p, ...rest }) => rest)).toEqual([
      { param: 'deductible', value: 300, unit: '元', scheme: '职工', level: '一级', year: 2025 },
      { param: 'reimbursementRate', value: 90, unit: '%', scheme: '职工', level: '一级', group: '在职', year: 2025 },
      { param: 'reimbursementRate', value: 93, unit: '%', scheme: '职工', level: '一级', group: '退休', year: 2025 },
      { param: 'deductible', value: 1000, unit: '元', scheme: '职工', level: '三级', year: 2025 },
      { param: 'reimbursementRate', value: 85, unit: '%', scheme: '职工', level: '三级', group: '在职', year: 2025 },
      { param: 'reimbursementRate', value: 88, unit: '%', scheme: '职工', level: '三级', group: '退休', year: 2025 },
    ]);
    expect(found[2]!.place).toEqual({ block: 0, cell: { row: 2, index: 3 }, start: 0, end: 3 });
    expect(found[2]!.source).toBe('一级，报销比例，退休：93%');
  });

  it('skips fund statistics tables and totals', () => {
    const found = extractPageNumbers({
      title: '居民医保筹资',
      blocks: [
        {
          kind: 'table',
          caption: '居民医保筹资标准（元/人/年）',
          rows: [
            [cell('年度', true), cell('个人缴费', true), cell('合计', true)],
            [cell('2025年'), cell('400'), cell('1100')],
          ],
        },
        {
          kind: 'table',
          caption: '',
          rows: [
            [cell('项目', true), cell('金额（万元）', true), cell('同比增长', true)],
            [cell('基金收入'), cell('385600'), cell('6.8%')],
          ],
        },
      ],
    });
    expect(found.map((n) => [n.param, n.value, n.year])).toEqual([['residentContribution', 400, 2025]]);
  });
});
