import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CardRecord, SearchDoc } from '@/lib/card/records';
import {
  computeGlossaryPopularity,
  createGlossarySearch,
  groupGlossaryHits,
  normalizeGlossaryQuery,
  pickGlossarySuggestions,
} from './glossarySearch';

const term = (
  id: string,
  title: string,
  aliases: string[],
  pinyin: string[],
  initials: string[],
  summary = `${title}的解释。`,
): SearchDoc => ({
  kind: 'term',
  id,
  title,
  aliases,
  pinyin,
  initials,
  summary,
});

/** A small stand-in for the compiled index, with the look-alikes that make ranking hard. */
const FIXTURE: SearchDoc[] = [
  term(
    'tongchoudiqu',
    '统筹地区',
    ['统筹区'],
    ['tongchoudiqu', 'tongchouqu'],
    ['tcdq', 'tcq'],
    '管理医保基金的地区单位。',
  ),
  term('zhuyuantongchou', '住院统筹', [], ['zhuyuantongchou'], ['zytc']),
  term('gerenzhanghujiru', '个人账户计入', ['个账划入'], ['gerenzhanghujiru', 'gezhanghuaru'], ['grzhjr', 'gzhr']),
  term(
    'gerenzhanghu',
    '个人账户',
    ['个账', '医保个人账户'],
    ['gerenzhanghu', 'gezhang', 'yibaogerenzhanghu'],
    ['grzh', 'gz', 'ybgrzh'],
    '职工医保记在个人名下的钱，可以家庭共济。',
  ),
  term(
    'tongchoujijin',
    '统筹基金',
    ['统筹账户', '医保统筹基金'],
    ['tongchoujijin', 'tongchouzhanghu', 'yibaotongchoujijin'],
    ['tcjj', 'tczh', 'ybtcjj'],
    '大家共用的钱，个人账户之外由它报销。',
  ),
  term(
    'jiatinggongji',
    '家庭共济',
    ['个账共济', '共济账户'],
    ['jiatinggongji', 'gezhanggongji', 'gongjizhanghu'],
    ['jtgj', 'gzgj', 'gjzh'],
    '用个人账户给家人付钱，不是亲情账户。',
  ),
  term(
    'qinqingzhanghu',
    '亲情账户',
    ['亲情账号'],
    ['qinqingzhanghu', 'qinqingzhanghao'],
    ['qqzh'],
    '替家人出示医保码。',
  ),
  term('lvxing', '绿色通道', [], ['lsetongdao'], ['lstd']),
  {
    kind: 'article',
    id: 'card-lost',
    title: '医保卡（社保卡）丢了怎么办？',
    aliases: [],
    pinyin: ['yibaokashebaokadiulezenmeban'],
    initials: ['ybksbkdlzmb'],
    summary: '先打电话挂失，再去补办。',
  },
  term('jumingyibao', '居民医保', ['城乡居民医保'], ['jumingyibao'], ['jmyb']),
  // Lists 个人账户 as an alias and is more central than it: must still rank below the exact title.
  term(
    'zhigongyibao',
    '职工医保',
    ['职工基本医疗保险', '个人账户'],
    ['zhigongyibao', 'zhigongjibenyiliaobaoxian', 'gerenzhanghu'],
    ['zgyb', 'zgjbylbx', 'grzh'],
    '上班的人参加的医保。',
  ),
  {
    kind: 'article',
    id: 'account-year-end',
    title: '医保个人账户的钱会在年底清零吗？',
    aliases: [],
    pinyin: ['yibaogerenzhanghudeqianhuizainiandiqinglingma'],
    initials: ['ybgrzhdqhzndqlm'],
    summary: '不会，个人账户余额结转使用，统筹基金的额度每年重算。',
  },
];

const ids = (hits: { doc: SearchDoc }[]) => hits.map((h) => h.doc.id);

describe('normalizeGlossaryQuery', () => {
  it('lower-cases, drops spaces and punctuation, folds full-width', () => {
    expect(normalizeGlossaryQuery(' Tong Chou ')).toBe('tongchou');
    expect(normalizeGlossaryQuery('ＧＲＺＨ')).toBe('grzh');
    expect(normalizeGlossaryQuery("tong'chou")).toBe('tongchou');
    expect(normalizeGlossaryQuery('个人账户？')).toBe('个人账户');
  });
  it('folds traditional and variant characters to simplified ones', () => {
    expect(normalizeGlossaryQuery('職工醫療保險')).toBe('职工医疗保险');
    expect(normalizeGlossaryQuery('個人帳戶')).toBe('个人账户');
    expect(normalizeGlossaryQuery('个人帐户')).toBe('个人账户');
    expect(normalizeGlossaryQuery('門診報銷 費用繳納')).toBe('门诊报销费用缴纳');
  });
  it('reads v and ü after l or n the way the compiled keys do (lü → l)', () => {
    expect(normalizeGlossaryQuery('lvse')).toBe('lse');
    expect(normalizeGlossaryQuery('lüse')).toBe('lse');
  });
  it('caps very long input', () => {
    expect(normalizeGlossaryQuery('a'.repeat(500))).toHaveLength(64);
  });
});

describe('createGlossarySearch (fixture)', () => {
  const search = createGlossarySearch(FIXTURE);

  it.each([
    ['grzh', 'gerenzhanghu'],
    ['gz', 'gerenzhanghu'],
    ['个账', 'gerenzhanghu'],
    ['gerenzhanghu', 'gerenzhanghu'],
    ['tcjj', 'tongchoujijin'],
    ['tongchoujijin', 'tongchoujijin'],
    ['统愁基金', 'tongchoujijin'],
    ['tongchoujijing', 'tongchoujijin'],
    ['亲情账户', 'qinqingzhanghu'],
    ['家庭公济', 'jiatinggongji'],
    ['lvse', 'lvxing'],
    ['年底清零', 'account-year-end'],
  ])('%s → %s first', (query, id) => {
    expect(ids(search.search(query))[0]).toBe(id);
  });

  it.each([
    ['職工醫保', 'zhigongyibao'],
    ['职工醫保', 'zhigongyibao'],
    ['個人帳戶', 'gerenzhanghu'],
    ['个人帐户', 'gerenzhanghu'],
    ['統籌基金', 'tongchoujijin'],
    ['居民醫保', 'jumingyibao'],
  ])('traditional or variant characters: %s → %s first', (query, id) => {
    const hits = search.search(query);
    expect(ids(hits)[0]).toBe(id);
    expect(hits[0]!.match).toBe('exact');
  });

  it('an exact title beats an exact alias, whatever the popularity: 个人帐户 → 个人账户, then 个人账户计入', () => {
    const popularity = new Map([
      ['zhigongyibao', 50],
      ['gerenzhanghu', 1],
      ['gerenzhanghujiru', 40],
    ]);
    const ranked = createGlossarySearch(FIXTURE, { popularity });
    expect(ids(ranked.search('个人帐户')).slice(0, 2)).toEqual(['gerenzhanghu', 'zhigongyibao']);
    expect(ids(ranked.search('个人帐户'))).toContain('gerenzhanghujiru');
    expect(ids(ranked.search('个人帐户')).indexOf('gerenzhanghujiru')).toBeGreaterThan(1);
  });

  it('initials: the term whose title they spell, then one whose alias they spell, then prefixes', () => {
    const popularity = new Map([
      ['zhigongyibao', 50],
      ['gerenzhanghu', 1],
      ['gerenzhanghujiru', 40],
    ]);
    const hits = createGlossarySearch(FIXTURE, { popularity }).search('grzh');
    expect(ids(hits).slice(0, 3)).toEqual(['gerenzhanghu', 'zhigongyibao', 'gerenzhanghujiru']);
    expect(hits.map((h) => h.match).slice(0, 3)).toEqual(['exact', 'exact', 'prefix']);
    expect(hits[1]!.matchedAlias).toBe('个人账户');
  });

  it('initials prefixes tie-break by popularity', () => {
    const byPopularity = (popularity: Map<string, number>) =>
      ids(createGlossarySearch(FIXTURE, { popularity }).search('tc')).slice(0, 2);
    expect(
      byPopularity(
        new Map([
          ['tongchoujijin', 9],
          ['tongchoudiqu', 1],
        ]),
      ),
    ).toEqual(['tongchoujijin', 'tongchoudiqu']);
    expect(
      byPopularity(
        new Map([
          ['tongchoujijin', 1],
          ['tongchoudiqu', 9],
        ]),
      ),
    ).toEqual(['tongchoudiqu', 'tongchoujijin']);
  });

  it('finds an article by the words of its question, brackets and punctuation aside', () => {
    const lost = search.search('医保卡丢了');
    expect(ids(lost)[0]).toBe('card-lost');
    expect(lost[0]!.match).toBe('prefix');
    // The same question in other words: most two-character runs are in the title.
    const reworded = search.search('医保卡丢失怎么办');
    expect(ids(reworded)[0]).toBe('card-lost');
    expect(reworded[0]!.match).toBe('words');
    expect(ids(search.search('社保卡丢了'))[0]).toBe('card-lost');
  });

  it('the words tier needs most of the query: one shared word is not enough', () => {
    expect(ids(search.search('医保卡余额'))).not.toContain('card-lost');
    expect(ids(search.search('医保丢了吗'))).not.toContain('card-lost'); // 2 of 4 runs
  });

  it('keeps results few: no fuzzy guesses behind good hits', () => {
    const hits = search.search('grzh');
    expect(hits.every((h) => h.match !== 'fuzzy')).toBe(true);
    expect(hits.length).toBeLessThanOrEqual(4);
    // With nothing better, a typo still gets its fuzzy guess.
    expect(search.search('统愁基金')[0]!.match).toBe('fuzzy');
  });

  it('ranks exact and prefix matches above fuzzy ones', () => {
    const hits = search.search('grzh');
    expect(hits[0]!.match).toBe('exact');
    const firstPrefix = hits.findIndex((h) => h.match === 'prefix');
    expect(hits[firstPrefix]!.doc.id).toBe('gerenzhanghujiru');
    expect(hits.slice(0, firstPrefix).every((h) => h.match === 'exact')).toBe(true);
    const firstFuzzy = hits.findIndex((h) => h.match === 'fuzzy');
    if (firstFuzzy >= 0) expect(hits.slice(firstFuzzy).every((h) => h.match === 'fuzzy')).toBe(true);
  });

  it('says which alias matched', () => {
    const [hit] = search.search('个账');
    expect(hit!.matchedAlias).toBe('个账');
    expect(search.search('个人账户')[0]!.matchedAlias).toBeNull();
  });

  it('breaks a prefix tie by popularity: tongchou → 统筹基金 before 统筹地区', () => {
    const popularity = new Map([
      ['tongchoujijin', 10],
      ['tongchoudiqu', 1],
    ]);
    expect(ids(createGlossarySearch(FIXTURE, { popularity }).search('tongchou')).slice(0, 2)).toEqual([
      'tongchoujijin',
      'tongchoudiqu',
    ]);
    // and the other way round when the data say so
    const reversed = new Map([
      ['tongchoujijin', 0],
      ['tongchoudiqu', 10],
    ]);
    expect(ids(createGlossarySearch(FIXTURE, { popularity: reversed }).search('tongchou'))[0]).toBe('tongchoudiqu');
  });

  it('finds Chinese substrings in titles, and in answers below them', () => {
    const hits = search.search('账户');
    expect(ids(hits)).toEqual(expect.arrayContaining(['gerenzhanghu', 'qinqingzhanghu', 'account-year-end']));
    expect(hits.find((h) => h.doc.id === 'gerenzhanghu')!.match).toBe('substring');
  });

  it('does not treat a two-letter Latin fragment inside a key as a match', () => {
    expect(ids(search.search('zh'))).not.toContain('gerenzhanghu');
  });

  it('returns nothing for empty or punctuation-only queries, and never throws on odd input', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search('  ？！ ')).toEqual([]);
    for (const odd of ['\u0000', '😀', 'a'.repeat(1000), '(((', '.*', '个'.repeat(200)])
      expect(() => search.search(odd)).not.toThrow();
  });

  it('honours the limit', () => {
    expect(search.search('g', 2)).toHaveLength(2);
  });
});

describe('createGlossarySearch: everyday wording (fixture)', () => {
  const withEveryday = (doc: SearchDoc, everyday: string[], specialist = false): SearchDoc => ({
    ...doc,
    everyday,
    specialist,
  });
  const docs: SearchDoc[] = [
    ...FIXTURE.map((d) =>
      d.id === 'card-lost'
        ? withEveryday(d, ['丢了', '补卡'])
        : d.id === 'zhuyuantongchou'
          ? withEveryday(d, ['住院'])
          : d,
    ),
    {
      kind: 'article',
      id: 'inpatient',
      title: '住院费用医保能报多少？',
      aliases: [],
      pinyin: ['zhuyuanfeiyongyibaonengbaoduoshao'],
      initials: ['zyfyybnbds'],
      summary: '按起付线、报销比例和封顶线算。',
      everyday: ['住院'],
    },
    withEveryday(term('anchuangri', '按床日付费', ['住院床日付费'], ['anchuangrifufei'], ['acrff']), [], true),
    term('jiaofeijishu', '缴费基数', [], ['jiaofeijishu'], ['jfjs']),
  ];
  const search = createGlossarySearch(docs, {
    words: { soundAlikes: [{ typed: '交费', meant: '缴费' }], questionFillers: ['怎么办', '吗', '的', '了'] },
  });

  it('an everyday word finds what it means, above partial matches of longer names', () => {
    expect(ids(search.search('补卡'))[0]).toBe('card-lost');
    expect(search.search('补卡')[0]!.match).toBe('everyday');
  });

  it('short generic words: plain entries and articles rank above a specialist term holding the word', () => {
    const order = ids(search.search('住院'));
    expect(order.slice(0, 2).sort()).toEqual(['inpatient', 'zhuyuantongchou']);
    expect(order.indexOf('anchuangri')).toBeGreaterThan(1);
  });

  it('corrects a sound-alike slip (交费 → 缴费)', () => {
    expect(ids(search.search('交费基数'))[0]).toBe('jiaofeijishu');
    expect(search.search('交费基数')[0]!.match).toBe('exact');
    // Without the data it is only a partial match (基数).
    expect(createGlossarySearch(docs).search('交费基数')[0]?.match).not.toBe('exact');
  });

  it('a phrase that matches nothing as a whole finds each known term it holds', () => {
    const found = ids(search.search('家庭共济可以给亲情账户用'));
    expect(found).toContain('jiatinggongji');
    expect(found).toContain('qinqingzhanghu');
  });

  it('a whole question finds the article that answers it; question fillers do not count as shared words', () => {
    expect(ids(search.search('社保卡丢了怎么办'))[0]).toBe('card-lost');
    expect(ids(search.search('个人账户的钱年底会清零吗'))[0]).toBe('account-year-end');
    // Only fillers in common (的, 了, 怎么办): no article.
    expect(ids(search.search('我的钱呢了怎么办'))).not.toContain('card-lost');
  });
});

describe('computeGlossaryPopularity', () => {
  it('counts mentions in other summaries and, with cards, related links and articles', () => {
    const docsOnly = computeGlossaryPopularity(FIXTURE);
    // 个人账户 is named by 统筹基金, 个人账户计入, 家庭共济 and the article
    expect(docsOnly.get('gerenzhanghu')).toBe(4);
    expect(docsOnly.get('account-year-end')).toBeUndefined();
    const card = (id: string, related: string[], articles: number): CardRecord =>
      ({
        id,
        related: related.map((r) => ({ id: r, term: r })),
        articles: Array.from({ length: articles }, (_, i) => ({ id: `a${i}`, title: '', answer: '' })),
      }) as unknown as CardRecord;
    const withCards = computeGlossaryPopularity(FIXTURE, [
      card('jiatinggongji', ['gerenzhanghu', 'qinqingzhanghu'], 0),
      card('gerenzhanghu', [], 2),
    ]);
    expect(withCards.get('gerenzhanghu')).toBe(4 + 1 + 2);
    expect(withCards.get('qinqingzhanghu')).toBe((docsOnly.get('qinqingzhanghu') ?? 0) + 1);
  });
});

describe('groupGlossaryHits', () => {
  it('keeps the order of hits and puts the group of the best hit first', () => {
    const search = createGlossarySearch(FIXTURE);
    const groups = groupGlossaryHits(search.search('年底清零'));
    expect(groups.map((g) => g.label)).toEqual(['文章']);
    const mixed = groupGlossaryHits(search.search('个人账户'), { article: 1 });
    expect(mixed.map((g) => g.label)).toEqual(['术语', '文章']);
    expect(mixed[1]!.hits).toHaveLength(1);
  });
});

describe('pickGlossarySuggestions', () => {
  it('takes the most central terms and the articles about them', () => {
    const popularity = new Map([
      ['tongchoujijin', 5],
      ['gerenzhanghu', 9],
    ]);
    const picked = pickGlossarySuggestions(
      FIXTURE,
      popularity,
      { terms: 2, articles: 1 },
      new Map([['account-year-end', ['gerenzhanghu']]]),
    );
    expect(ids(picked.terms.map((doc) => ({ doc })))).toEqual(['gerenzhanghu', 'tongchoujijin']);
    expect(picked.articles.map((a) => a.id)).toEqual(['account-year-end']);
  });
});

/**
 * The real compiled index (npm run compile-data writes generated/). Nothing is
 * skipped: a missing file or a missing expected entry fails the test.
 */
describe('search over generated/search-docs.json', () => {
  const read = <T>(file: string): T => {
    const path = `generated/${file}`;
    if (!existsSync(path)) throw new Error(`${path} 不存在：先运行 npm run compile-data`);
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  };
  const docs = read<SearchDoc[]>('search-docs.json');
  const cards = read<CardRecord[]>('cards.json');
  const search = createGlossarySearch(docs, { popularity: computeGlossaryPopularity(docs, cards) });
  const docsOnly = createGlossarySearch(docs);
  const expectedId = (title: string) => {
    const doc = docs.find((d) => d.kind === 'term' && d.title === title);
    if (!doc) throw new Error(`generated/search-docs.json 里没有术语“${title}”`);
    return doc.id;
  };

  it.each([
    ['grzh', '个人账户'],
    ['个账', '个人账户'],
    ['gerenzhanghu', '个人账户'],
    ['tongchou', '统筹基金'],
    ['tcjj', '统筹基金'],
    ['统愁基金', '统筹基金'],
    ['tongchoujijin', '统筹基金'],
    ['亲情账户', '亲情账户'],
    ['jtgj', '家庭共济'],
    ['家庭公济', '家庭共济'],
  ])('%s → %s first', (query, title) => {
    const id = expectedId(title);
    expect(search.search(query)[0]?.doc.id).toBe(id);
    // the ranking does not depend on the cards being loaded
    expect(docsOnly.search(query)[0]?.doc.id).toBe(id);
  });

  it.each([
    ['职工醫保', '职工基本医疗保险'],
    ['職工醫保', '职工基本医疗保险'],
    ['个人帐户', '个人账户'],
    ['個人賬戶', '个人账户'],
    ['grzh', '个人账户'],
  ])('variants and initials over the real data: %s → %s first', (query, title) => {
    expect(search.search(query)[0]?.doc.id).toBe(expectedId(title));
  });

  it('个人帐户: 个人账户 first, 个人账户计入 after it', () => {
    const found = ids(search.search('个人帐户'));
    expect(found[0]).toBe(expectedId('个人账户'));
    expect(found.indexOf(expectedId('个人账户计入'))).toBeGreaterThan(0);
  });

  it('医保卡丢了 finds the article about a lost card first', () => {
    const [first] = search.search('医保卡丢了');
    expect(first?.doc.kind).toBe('article');
    expect(first?.doc.title).toMatch(/^医保卡（社保卡）丢了/);
  });

  it('grzh: the exact initials first, no fuzzy guesses, at most a handful of results', () => {
    const hits = search.search('grzh');
    expect(hits[0]?.doc.id).toBe(expectedId('个人账户'));
    expect(hits.every((h) => h.match !== 'fuzzy')).toBe(true);
    expect(hits.length).toBeLessThanOrEqual(10);
  });

  it('the fuzzy prefilter never changes the results', () => {
    const popularity = computeGlossaryPopularity(docs, cards);
    const plain = createGlossarySearch(docs, { popularity, prefilterFuzzy: false });
    const queries = [
      '统愁基金',
      '家庭公济',
      '医保卡余额清零',
      '异地就医被案',
      'tongchoujijing',
      'zhigongyibao',
      'dengdaiqi',
      'qifuxain',
      'yidijiuyi',
      'menzhenmantebing',
    ];
    const keystrokes = queries.flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));
    for (const query of keystrokes) {
      const summary = (hits: { doc: SearchDoc; score: number; match: string }[]) =>
        hits.map((h) => `${h.doc.id}:${h.match}:${h.score.toFixed(6)}`);
      expect(summary(search.search(query)), query).toEqual(summary(plain.search(query)));
    }
  });

  it('uses the expected ids of the plan', () => {
    expect(
      ['gerenzhanghu', 'tongchoujijin', 'qinqingzhanghu', 'jiatinggongji'].map((id) => docs.some((d) => d.id === id)),
    ).toEqual([true, true, true, true]);
  });
});
