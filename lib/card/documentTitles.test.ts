import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildDocumentTitleIndex,
  describeDocument,
  documentCardRecords,
  documentDateText,
  findHeldDocument,
  normalizeDocumentTitle,
  type HeldDocumentSource,
} from './documentTitles';

const source = (over: Partial<HeldDocumentSource> & { id: string; title: string }): HeldDocumentSource => ({
  issuer: '国务院办公厅',
  date: '2024-07-26',
  trust: 'primary',
  ...over,
});

const SOURCES: HeldDocumentSource[] = [
  source({ id: 'law', title: '中华人民共和国社会保险法（2018年修正）', issuer: '全国人民代表大会常务委员会' }),
  source({
    id: 'opinion',
    title: '国务院办公厅关于健全基本医疗保险参保长效机制的指导意见',
    docNumber: '国办发〔2024〕38号',
  }),
  source({
    id: 'notice',
    title: '国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知',
    issuer: '国家医疗保障局、财政部',
  }),
  source({ id: 'catalog', title: '国家基本医疗保险、生育保险和工伤保险药品目录（2025年）', issuer: '国家医疗保障局' }),
  source({
    id: 'reading',
    title: '关于做好2024年城乡居民基本医疗保障有关工作的通知（解读）',
    issuer: '国家医疗保障局',
  }),
  source({ id: 'report', title: '基本医疗保险关系转移接续暂行办法（新华社报道）', issuer: '新华社', trust: 'repost' }),
  source({ id: 'qa', title: '区医疗保障局关于居民医保待遇等待期的问答', issuer: '区医疗保障局' }),
  source({ id: 'summary', title: '福建省城乡居民基本医疗保险参保缴费有关政策', issuer: '福建省人民政府办公厅' }),
];
const records = documentCardRecords(SOURCES);
const index = buildDocumentTitleIndex(records);

describe('which sources are documents we hold', () => {
  it('primary texts under the document’s own title, not reports, reposts, readings, Q&As or descriptive titles', () => {
    expect(records.map((r) => r.id)).toEqual(['law', 'opinion', 'notice', 'catalog']);
  });

  it('say what each is from the issuer and the kind of document, nothing more', () => {
    expect(records.map((r) => r.what)).toEqual([
      '全国人民代表大会常务委员会通过的法律。',
      '国务院办公厅发布的指导意见。',
      '国家医疗保障局、财政部发布的通知。',
      '国家医疗保障局发布的目录。',
    ]);
    expect(describeDocument(source({ id: 'r', title: '医疗保障基金使用监督管理条例', issuer: '国务院' }))).toBe(
      '国务院公布的行政法规。',
    );
    expect(
      describeDocument(source({ id: 'r', title: '上海市医疗保障条例', issuer: '上海市人民代表大会常务委员会' })),
    ).toBe('上海市人民代表大会常务委员会通过的地方性法规。');
    expect(describeDocument(source({ id: 'r', title: '某某情况汇总' }))).toBeNull();
  });

  it('keeps the issuer, number, date and link for the card', () => {
    expect(records[1]).toMatchObject({ issuer: '国务院办公厅', docNumber: '国办发〔2024〕38号', date: '2024-07-26' });
    expect(documentDateText('2024-07-26')).toBe('2024年7月26日');
    expect(documentDateText('2021-11')).toBe('2021年11月');
    expect(documentDateText('2020')).toBe('2020年');
  });
});

describe('matching a 《…》 title on a page', () => {
  it('takes the title with or without 《》, spaces and 中华人民共和国, and without the edition note', () => {
    expect(normalizeDocumentTitle('《中华人民共和国社会保险法（2018年修正）》')).toBe('社会保险法');
    expect(findHeldDocument('社会保险法', index)).toBe('law');
    expect(findHeldDocument('《中华人民共和国社会保险法》', index)).toBe('law');
    expect(findHeldDocument('中华人民共和国 社会保险法', index)).toBe('law');
  });

  it('a 关于… title matches without its issuer, or with our document’s lead issuer (long or short name)', () => {
    expect(findHeldDocument('关于健全基本医疗保险参保长效机制的指导意见', index)).toBe('opinion');
    expect(findHeldDocument('国务院办公厅关于健全基本医疗保险参保长效机制的指导意见', index)).toBe('opinion');
    expect(findHeldDocument('关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知', index)).toBe('notice');
    expect(
      findHeldDocument('国家医疗保障局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知', index),
    ).toBe('notice');
  });

  it('another issuer’s document of the same wording is not ours', () => {
    expect(
      findHeldDocument('某省医疗保障局关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知', index),
    ).toBeNull();
    expect(findHeldDocument('国务院关于健全基本医疗保险参保长效机制的指导意见', index)).toBeNull();
    expect(findHeldDocument('某省关于健全基本医疗保险参保长效机制的实施意见', index)).toBeNull();
  });

  it('a year in the title names one edition: another year’s catalogue is not ours', () => {
    expect(findHeldDocument('国家基本医疗保险、生育保险和工伤保险药品目录(2025年)', index)).toBe('catalog');
    expect(findHeldDocument('国家基本医疗保险、生育保险和工伤保险药品目录（2023年）', index)).toBeNull();
  });

  it('titles we do not hold, parts of titles and reports get nothing', () => {
    expect(findHeldDocument('中华人民共和国民法典', index)).toBeNull();
    expect(findHeldDocument('社会保险', index)).toBeNull();
    expect(findHeldDocument('基本医疗保险关系转移接续暂行办法', index)).toBeNull();
    expect(findHeldDocument('constructor', index)).toBeNull();
  });

  it('two held documents under one title are both left out', () => {
    const twice = buildDocumentTitleIndex(
      documentCardRecords([
        source({ id: 'a', title: '关于做好医保工作的通知', issuer: '国家医疗保障局' }),
        source({ id: 'b', title: '某省医疗保障局关于做好医保工作的通知', issuer: '某省医疗保障局' }),
      ]),
    );
    expect(findHeldDocument('关于做好医保工作的通知', twice)).toBeNull();
  });
});

describe('the documents in data/sources.json', () => {
  const held = documentCardRecords(JSON.parse(readFileSync('data/sources.json', 'utf8')) as HeldDocumentSource[]);
  it('each held document is found by its own title and by its 关于… part', () => {
    const dataIndex = buildDocumentTitleIndex(held);
    expect(held.length).toBeGreaterThan(10);
    for (const record of held) {
      expect(findHeldDocument(`《${record.title}》`, dataIndex)).toBe(record.id);
      const about = record.title.indexOf('关于');
      if (about > 0) expect(findHeldDocument(record.title.slice(about), dataIndex)).toBe(record.id);
    }
  });
});
