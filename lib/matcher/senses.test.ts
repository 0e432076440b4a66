/** The sense resolver: scope order, nearest cue, near-only words, neutral phrases, and the real data on tables of sentences. */
import { describe, expect, it } from 'vitest';
import { compileMatcherFromData, loadProjectData } from '@/scripts/compile/pipeline';
import { compileSenses, findSenseProblems, homeSchemes, loadSenses, packSensePlans } from '@/scripts/compile/senses';
import {
  CUE_BLOCKED,
  CUE_NEUTRAL,
  CUE_YIBAO,
  YIBAO_SENSE,
  governingHeadings,
  headingLevelOfText,
  resolveSense,
  resolveSenseInFull,
  sentenceAround,
  yibaoSettler,
  type CompiledSenses,
  type SenseScopes,
  senseDisplayName,
} from './senses';

/** resolveSense, checked against the full walk through the scopes: its shortcut must never change an outcome. */
function resolved(compiled: CompiledSenses, entry: number, context: SenseScopes) {
  const outcome = resolveSense(compiled, entry, context);
  expect(resolveSenseInFull(compiled, entry, context)).toBe(outcome);
  return outcome;
}

/** `base`, with the scopes asked for listed in `asked`. */
function spied(base: SenseScopes) {
  const asked: string[] = [];
  const spy: SenseScopes = {
    sentence: () => (asked.push('sentence'), base.sentence()),
    block: () => (asked.push('block'), base.block()),
    headings: () => (asked.push('headings'), base.headings()),
    title: () => (asked.push('title'), base.title()),
    opening: () => (asked.push('opening'), base.opening()),
  };
  return { asked, spy };
}

/** Scopes from strings; the match is the text between [[ and ]] in the sentence (and in the block, if given). */
function scopes(parts: {
  sentence: string;
  block?: string;
  headings?: string[];
  title?: string;
  opening?: string;
  /** A 医保-only term is matched beside the match. */
  yibaoTermNearby?: boolean;
  /** A 医保-only term is matched in the match's sentence. */
  yibaoTermInSentence?: boolean;
}): SenseScopes {
  const span = (marked: string) => {
    const start = marked.indexOf('[[');
    const end = marked.indexOf(']]') - 2;
    if (start < 0 || end < start) throw new Error(`no [[match]] in ${marked}`);
    return { text: marked.replace('[[', '').replace(']]', ''), start, end };
  };
  return {
    sentence: () => span(parts.sentence),
    block: () => (parts.block ? span(parts.block) : null),
    headings: () => parts.headings ?? [],
    title: () => parts.title ?? '',
    opening: () => parts.opening ?? '',
    yibaoTermNearby: () => parts.yibaoTermNearby ?? false,
    yibaoTermInSentence: () => parts.yibaoTermInSentence ?? false,
  };
}

// A small hand-made table: entry 0 is ambiguous between 医保, 养老 (shown) and 银行 (unrelated, near only).
const toy: CompiledSenses = {
  version: 4,
  nearWindow: 4,
  senses: [
    { id: 'pension-account', name: '养老保险个人账户', shown: true },
    { id: 'bank', name: '银行账户', shown: false },
  ],
  schemes: [],
  ...packSensePlans({
    0: [
      ['医保', CUE_YIBAO, false],
      ['医疗保险', CUE_YIBAO, false],
      ['养老', 0, false],
      ['养老保险', 0, false],
      ['银行', 1, true],
      ['养老院', CUE_NEUTRAL, false],
      ['商业医疗保险', 1, false],
      ['证券', CUE_BLOCKED, true],
      ['个人账户', CUE_YIBAO, false],
    ],
  }),
};

describe('resolveSense on a hand-made table', () => {
  const cases: [string, Parameters<typeof scopes>[0], string | null][] = [
    ['no cue anywhere: the 医保 sense stays', { sentence: '这里说的是[[个人账户]]的用法' }, YIBAO_SENSE],
    ['a pension cue in the sentence', { sentence: '养老保险的[[个人账户]]不得提前支取' }, 'pension-account'],
    ['a 医保 cue in the sentence', { sentence: '医保[[个人账户]]可以家庭共济' }, YIBAO_SENSE],
    [
      'the nearest cue in the sentence wins',
      { sentence: '医保和养老保险不同，养老保险[[个人账户]]不能取现' },
      'pension-account',
    ],
    [
      'a qualifier before beats one after at the same distance',
      { sentence: '养老[[个人账户]]医保' },
      'pension-account',
    ],
    ['an unrelated near-only word right by the match', { sentence: '银行[[个人账户]]的密码' }, null],
    [
      'a near-only word further away does not count',
      { sentence: '[[个人账户]]的记账利率不低于同期的银行定期存款利率', headings: ['第二章 基本养老保险'] },
      'pension-account',
    ],
    [
      'a neutral phrase holds its shorter cue (养老院 is not 养老)',
      { sentence: '住在养老院的老人用[[个人账户]]' },
      YIBAO_SENSE,
    ],
    [
      'a cue inside a longer cue of another sense (医疗保险 in 商业医疗保险)',
      { sentence: '商业医疗保险[[个人账户]]' },
      null,
    ],
    ['the matched form itself is no cue', { sentence: '养老金和[[个人账户]]', headings: [] }, 'pension-account'],
    [
      'sentence beats block',
      { sentence: '医保[[个人账户]]可以共济', block: '养老保险另有规定。医保[[个人账户]]可以共济。' },
      YIBAO_SENSE,
    ],
    [
      'block when the sentence is silent',
      { sentence: '[[个人账户]]不得提前支取', block: '按规定缴纳养老保险费。[[个人账户]]不得提前支取。' },
      'pension-account',
    ],
    [
      'a 医保 paragraph under a pension heading stays 医保',
      {
        sentence: '[[个人账户]]可以支付',
        block: '职工医保的规定：[[个人账户]]可以支付。',
        headings: ['第二章 基本养老保险'],
      },
      YIBAO_SENSE,
    ],
    [
      'a pension sentence in a 医保 paragraph is pension',
      {
        sentence: '养老保险[[个人账户]]另当别论',
        block: '医保报销看这里。养老保险[[个人账户]]另当别论。',
        headings: ['医疗保险'],
      },
      'pension-account',
    ],
    [
      'the nearest heading before the outer one',
      { sentence: '[[个人账户]]怎么用', headings: ['医疗保险', '第二章 养老保险'] },
      YIBAO_SENSE,
    ],
    [
      'a tie in a heading falls through to the next one',
      { sentence: '[[个人账户]]怎么用', headings: ['医保与养老', '养老保险'] },
      'pension-account',
    ],
    ['the title last', { sentence: '[[个人账户]]怎么用', title: '养老金计算器' }, 'pension-account'],
    ['a near-only word in the title counts', { sentence: '[[个人账户]]怎么用', title: '证券开户指南' }, null],
  ];
  it.each(cases)('%s', (_, parts, expected) => {
    expect(resolved(toy, 0, scopes(parts))).toBe(expected);
  });

  it('an entry without senses is always 医保, and no scope is asked for', () => {
    const asked: string[] = [];
    const spy: SenseScopes = {
      sentence: () => (asked.push('sentence'), { text: '', start: 0, end: 0 }),
      block: () => (asked.push('block'), null),
      headings: () => (asked.push('headings'), []),
      title: () => (asked.push('title'), ''),
      opening: () => (asked.push('opening'), ''),
    };
    expect(resolveSense(toy, 7, spy)).toBe(YIBAO_SENSE);
    expect(asked).toEqual([]);
  });

  it('gathers context lazily: stops at the first decisive scope', () => {
    const { asked, spy } = spied(scopes({ sentence: '养老保险[[个人账户]]', headings: ['医保'], title: '医保' }));
    expect(resolveSense(toy, 0, spy)).toBe('pension-account');
    expect(asked.filter((scope) => scope !== 'block')).toEqual(['sentence', 'sentence']);
  });

  it('decides a passage naming 医保 and no other scheme from its block alone', () => {
    const base = scopes({
      sentence: '办理[[直接结算]]',
      block: '参加医保的人。办理[[直接结算]]',
      headings: ['工伤保险'],
    });
    const { asked, spy } = spied(base);
    expect(resolveSense(schemeToy, 0, spy)).toBe(YIBAO_SENSE);
    expect(resolveSenseInFull(schemeToy, 0, base)).toBe(YIBAO_SENSE);
    expect(asked).toEqual(['block']);
  });
});

// Schemes: entry 0 is shared vocabulary (a note for 工伤), entry 1 is 医保-specific (nothing outside 医保),
// entry 2 has its own pension look-alike; 银行 is a near-only word of "not insurance".
const NOTE_INJURY = 1;
const PENSION_LOOKALIKE = 0;
const schemeToy: CompiledSenses = {
  version: 4,
  nearWindow: 4,
  senses: [
    { id: 'pension-years', name: '养老保险缴费年限', shown: true },
    { id: 'note-injury', name: '工伤保险', shown: true, note: true },
  ],
  schemes: ['yibao', 'pension', 'injury', 'none'],
  ...packSensePlans(
    { 0: [], 1: [], 2: [['看病', CUE_YIBAO, false]] },
    [
      ['医保', 0, false],
      ['基本医疗保险', 0, false],
      ['养老保险', 1, false],
      ['工伤', 2, false],
      ['工伤保险', 2, false],
      ['银行', 3, true],
    ],
    {
      0: [CUE_YIBAO, CUE_BLOCKED, NOTE_INJURY, CUE_BLOCKED],
      1: [CUE_YIBAO, CUE_BLOCKED, CUE_BLOCKED, CUE_BLOCKED],
      2: [CUE_YIBAO, PENSION_LOOKALIKE, CUE_BLOCKED, CUE_BLOCKED],
    },
  ),
};

describe('the scheme of the passage', () => {
  const cases: [string, number, Parameters<typeof scopes>[0], string | null][] = [
    ['no scheme named anywhere: 医保', 0, { sentence: '办理[[直接结算]]' }, YIBAO_SENSE],
    [
      'a 工伤 title sets the scheme of a passage naming none',
      0,
      { sentence: '办理[[直接结算]]', title: '工伤保险条例' },
      'note-injury',
    ],
    [
      'the opening heading does too, when the title names nothing',
      0,
      { sentence: '办理[[直接结算]]', title: '法规库', opening: '工伤保险条例' },
      'note-injury',
    ],
    [
      'an explicit mention in the sentence wins over the document',
      0,
      { sentence: '参加基本医疗保险的，按规定[[直接结算]]', title: '工伤保险条例' },
      YIBAO_SENSE,
    ],
    [
      'in a list naming several schemes each item takes its own',
      1,
      { sentence: '缴纳养老保险费、医保[[个人缴费]]、工伤保险费', title: '工伤保险条例' },
      YIBAO_SENSE,
    ],
    [
      'a 医保-specific entry in another scheme shows nothing',
      1,
      { sentence: '[[近亲属]]可以申请', title: '工伤保险条例' },
      null,
    ],
    ['a look-alike of that scheme where the entry has one', 2, { sentence: '养老保险的[[缴费年限]]' }, 'pension-years'],
    [
      'with no look-alike and no note: nothing',
      2,
      { sentence: '[[缴费年限]]', headings: ['第四章 工伤保险待遇'] },
      null,
    ],
    [
      "a cue in the match's own clause beats a nearer one across a comma",
      2,
      { sentence: '参加基本医疗保险满一定年数的[[缴费年限]]，养老保险另算' },
      YIBAO_SENSE,
    ],
    ['the nearer cue wins within one clause', 2, { sentence: '基本医疗保险和养老保险[[缴费年限]]' }, 'pension-years'],
    ["the entry's own cue still counts", 2, { sentence: '看病用的[[缴费年限]]', title: '养老保险手册' }, YIBAO_SENSE],
    ['a scheme name that is the matched form itself decides', 0, { sentence: '[[工伤保险]]' }, 'note-injury'],
    ['a weak word counts near the match', 1, { sentence: '银行[[个人缴费]]' }, null],
    [
      'a weak word far away in the sentence gives way to a scope that names a scheme',
      1,
      { sentence: '银行开户以后，过了很久才说到[[个人缴费]]', title: '医保缴费指南' },
      YIBAO_SENSE,
    ],
    ['and speaks only when no scope does', 1, { sentence: '银行开户以后，过了很久才说到[[个人缴费]]' }, null],
  ];
  it.each(cases)('%s', (_, entry, parts, expected) => {
    expect(resolved(schemeToy, entry, scopes(parts))).toBe(expected);
  });

  it("names a note by its scheme and the page's term, and a look-alike by its own name", () => {
    expect(senseDisplayName(schemeToy.senses[NOTE_INJURY]!, '直接结算')).toBe('工伤保险：直接结算');
    expect(senseDisplayName(schemeToy.senses[PENSION_LOOKALIKE]!, '缴费年限')).toBe('养老保险缴费年限');
  });
});

// Several schemes: entry 0 is shared (notes for 工伤 and 军人保险), entry 1 has a pension look-alike; 社会保险 and
// 社保 name social insurance as a whole.
const NOTE_MILITARY = 2;
const socialToy: CompiledSenses = {
  version: 4,
  nearWindow: 4,
  senses: [
    { id: 'pension-years', name: '养老保险缴费年限', shown: true },
    { id: 'note-injury', name: '工伤保险', shown: true, note: true },
    { id: 'note-military', name: '军人保险', shown: true, note: true },
  ],
  schemes: ['yibao', 'pension', 'injury', 'military'],
  ...packSensePlans(
    { 0: [], 1: [] },
    [
      ['医保', 0, false],
      ['基本医疗', 0, false],
      ['医疗保险', 0, false],
      ['基本养老', 1, false],
      ['养老保险', 1, false],
      ['工伤保险', 2, false],
      ['军人', 3, false],
    ],
    {
      0: [CUE_YIBAO, CUE_BLOCKED, NOTE_INJURY, NOTE_MILITARY],
      1: [CUE_YIBAO, PENSION_LOOKALIKE, CUE_BLOCKED, CUE_BLOCKED],
    },
    new Set(),
    ['社会保险', '社保'],
  ),
};

describe('settling a whole paragraph at once', () => {
  it('settles the matches of a paragraph naming 医保 and nothing else, within reach, and no other', () => {
    const plain = '参加医保的人，看病后可以直接结算';
    const settle = yibaoSettler(schemeToy, plain);
    expect(settle).not.toBeNull();
    const at = plain.indexOf('直接结算');
    expect(settle!(at, at + 4, 0)).toBe(true);
    expect(resolved(schemeToy, 0, scopes({ sentence: '参加医保的人，看病后可以[[直接结算]]' }))).toBe(YIBAO_SENSE);
    // An entry without a plan keeps its card anywhere.
    expect(settle!(at, at + 4, 99)).toBe(true);
    // A word that could send this entry elsewhere (工伤, 银行): the match is decided on its own.
    for (const text of ['参加医保和工伤保险的人可以直接结算', '医保卡绑定银行以后可以直接结算']) {
      const here = text.indexOf('直接结算');
      expect(yibaoSettler(schemeToy, text)!(here, here + 4, 0), text).toBe(false);
    }
    // Naming nothing: nothing is settled here.
    expect(yibaoSettler(schemeToy, '看病后可以直接结算')).toBeNull();
    // Beyond the block's reach, 医保 settles nothing.
    const far = '参加医保的人' + '。'.repeat(700) + '直接结算';
    expect(yibaoSettler(schemeToy, far)!(far.length - 4, far.length, 0)).toBe(false);
  });
});

describe('passages about several schemes', () => {
  const cases: [string, number, Parameters<typeof scopes>[0], string | null][] = [
    [
      'a word naming social insurance as a whole, nearest: nothing',
      0,
      { sentence: '参加社会保险的[[缴费基数]]按工资核定', title: '工伤保险条例' },
      null,
    ],
    ['a nearer single scheme wins over it', 0, { sentence: '社保里的工伤保险[[缴费基数]]' }, 'note-injury'],
    [
      'a match outside a list naming 医保 among several schemes: the 医保 card, not the last item',
      0,
      { sentence: '缴纳基本养老保险、医保和工伤保险，[[缴费基数]]按工资核定', title: '工伤保险条例' },
      YIBAO_SENSE,
    ],
    [
      'a list of other schemes only: nothing',
      0,
      { sentence: '缴纳基本养老保险和工伤保险，[[缴费基数]]按工资核定', title: '医保手册' },
      null,
    ],
    ['an item joined to the match by 的 decides', 0, { sentence: '养老保险和工伤保险的[[缴费基数]]' }, 'note-injury'],
    [
      'a scheme the list does not name, in its clause, says whose items they are',
      0,
      { sentence: '军人配偶参加养老保险和医疗保险，[[缴费基数]]另定' },
      'note-military',
    ],
    [
      'not when a comma stands between',
      0,
      { sentence: '军人退役后，参加养老保险和医疗保险，[[缴费基数]]另定' },
      YIBAO_SENSE,
    ],
    [
      'two cue words overlapping in one name are one item, not a list',
      1,
      { sentence: '基本养老保险按月发放，[[缴费年限]]累计计算' },
      'pension-years',
    ],
    [
      'a block naming several schemes says nothing: the title decides',
      0,
      {
        sentence: '[[缴费基数]]另行规定',
        block: '养老保险按月发放。工伤保险按规定支付。[[缴费基数]]另行规定。',
        title: '医保手册',
      },
      YIBAO_SENSE,
    ],
    [
      'a block with more cues of one scheme than another is not split: its nearest cue decides',
      0,
      {
        sentence: '[[缴费基数]]另行规定',
        block: '工伤保险按规定支付，工伤保险费由单位缴纳。养老保险另定。[[缴费基数]]另行规定。',
        title: '医保手册',
      },
      null,
    ],
    [
      'a title naming social insurance as a whole says nothing against 医保',
      0,
      { sentence: '[[缴费基数]]另行规定', title: '社保新规解读' },
      YIBAO_SENSE,
    ],
    [
      'a block naming one scheme still decides',
      0,
      { sentence: '[[缴费基数]]另行规定', block: '工伤保险按规定支付。[[缴费基数]]另行规定。', title: '医保手册' },
      'note-injury',
    ],
  ];
  it.each(cases)('%s', (_, entry, parts, expected) => {
    expect(resolved(socialToy, entry, scopes(parts))).toBe(expected);
  });
});

describe('text helpers', () => {
  it('cuts the sentence at 。！？；', () => {
    const text = '第一句。养老保险个人账户不得提前支取；第三句';
    const start = text.indexOf('个人账户');
    expect(sentenceAround(text, start, start + 4)).toEqual({ text: '养老保险个人账户不得提前支取', start: 4, end: 8 });
  });

  it.each([
    ['第二章 基本养老保险', 2],
    ['第三节　个人账户', 3],
    ['第一编 总则', 1],
    ['第三部分 工伤保险', 1],
    ['第二部分', 1],
    ['第三部 分开', 0],
    ['一、参保缴费', 3],
    ['（二）待遇支付', 4],
    ['第十四条 个人账户不得提前支取。', 0],
    ['一、参保缴费。本市职工应当参加职工基本医疗保险。', 0],
    ['个人账户可以用于家庭共济', 0],
    ['第12章 附则', 2],
    ['第两百节', 3],
    ['十一、其他事项', 3],
    ['(三)说明', 4],
    ['第章 无编号', 0],
    ['第二条 参保', 0],
    ['一二三', 0],
    ['（一 未闭合', 0],
    ['  二、前后有空格  ', 3],
  ])('heading level of “%s” is %i', (text, level) => {
    expect(headingLevelOfText(text)).toBe(level);
  });

  it('keeps the headings that govern: nearest, then higher ranks only', () => {
    const walkedBack = [
      { text: '（一）缴费', level: 4 },
      { text: '（二）另一个小节', level: 4 },
      { text: '第二节 个人账户', level: 3 },
      { text: '第二章 基本养老保险', level: 2 },
      { text: '第一章 总则', level: 2 },
      { text: '社会保险法', level: 1 },
    ];
    expect(governingHeadings(walkedBack)).toEqual([
      '（一）缴费',
      '第二节 个人账户',
      '第二章 基本养老保险',
      '社会保险法',
    ]);
  });
});

describe('packing the plans', () => {
  it('stores a cue every entry has once, and keeps a word an entry gives twice or otherwise in the plans', () => {
    const packed = packSensePlans({
      0: [
        ['社保局', CUE_NEUTRAL, false],
        ['养老', 0, false],
        ['银行', 1, true],
      ],
      1: [
        ['社保局', CUE_NEUTRAL, false],
        ['养老', CUE_BLOCKED, false],
        ['银行', 1, true],
        ['银行', CUE_BLOCKED, false],
      ],
    });
    const word = (w: number) => packed.words[w];
    const triples = (flat: number[]) =>
      Array.from({ length: flat.length / 3 }, (_, k) => [word(flat[3 * k]!), flat[3 * k + 1], flat[3 * k + 2]]);
    expect(triples(packed.sharedCues ?? [])).toEqual([['社保局', CUE_NEUTRAL, 0]]);
    expect(triples(packed.plans[0]!.cues)).toEqual([
      ['养老', 0, 0],
      ['银行', 1, 1],
    ]);
    expect(triples(packed.plans[1]!.cues)).toEqual([
      ['养老', CUE_BLOCKED, 0],
      ['银行', 1, 1],
      ['银行', CUE_BLOCKED, 0],
    ]);
  });

  it('ships the words grouped by first character, longest first, as the scan reads them', () => {
    const packed = packSensePlans({
      0: [
        ['养老', 0, false],
        ['医疗保险', CUE_YIBAO, false],
        ['养老保险', 0, false],
        ['医保', CUE_YIBAO, false],
        ['银行', 1, true],
      ],
    });
    expect(packed.words).toEqual(
      ['养老保险', '养老', '医疗保险', '医保', '银行'].sort(
        (a, b) => a.charCodeAt(0) - b.charCodeAt(0) || b.length - a.length,
      ),
    );
    const grouped = (words: string[]) =>
      words.every((word, w) => {
        if (w === 0) return true;
        const before = words[w - 1]!;
        const order = before.charCodeAt(0) - word.charCodeAt(0) || word.length - before.length;
        return order < 0 || (order === 0 && before !== word);
      });
    expect(grouped(packed.words)).toBe(true);
    const data = loadProjectData('data');
    expect(grouped(compileSenses(loadSenses('data'), data.glossary, compileMatcherFromData(data)).words)).toBe(true);
    // Scanned as grouped: the longer word wins where both start.
    expect(resolved(toy, 0, scopes({ sentence: '养老保险的[[个人账户]]' }))).toBe('pension-account');
  });

  it('resolves with the shared cues as it would with each entry holding them', () => {
    const lists = {
      0: [
        ['养老', 0, false],
        ['社保局', CUE_NEUTRAL, false],
      ] as [string, number, boolean][],
      1: [['社保局', CUE_NEUTRAL, false]] as [string, number, boolean][],
    };
    const table = (packed: ReturnType<typeof packSensePlans>): CompiledSenses => ({
      version: 4,
      nearWindow: 4,
      senses: [{ id: 'pension-account', name: '养老保险个人账户', shown: true }],
      schemes: [],
      ...packed,
    });
    const shared = table(packSensePlans(lists));
    expect(shared.sharedCues?.length).toBe(3);
    const sentence = { sentence: '社保局说[[个人账户]]的钱属于养老' };
    for (const entry of [0, 1]) {
      const alone = table(packSensePlans({ [entry]: lists[entry as 0 | 1] }));
      expect(resolved(shared, entry, scopes(sentence))).toEqual(resolved(alone, entry, scopes(sentence)));
    }
    expect(resolved(shared, 0, scopes(sentence))).toBe('pension-account');
  });
});

describe('resolveSense with the real data', () => {
  const data = loadProjectData('data');
  const matcher = compileMatcherFromData(data);
  const compiled = compileSenses(loadSenses('data'), data.glossary, matcher);
  const entryOf = (id: string) => data.glossary.findIndex((e) => e.id === id);

  it('gives every entry but the general ones a plan, and takes the blocking context away from those', () => {
    const classes = loadSenses('data').entryClasses;
    data.glossary.forEach((e, i) => {
      expect(compiled.plans[i] !== undefined, e.id).toBe(classes[e.id] !== 'general');
      if (compiled.plans[i]) expect(matcher.entries[i]!.blocking, e.id).toBeUndefined();
    });
    const account = entryOf('gerenzhanghu');
    expect(compiled.plans[account]!.cues.length).toBeGreaterThan(0);
  });

  it('marks 医保-only terms, never everyday words or terms at home in another scheme, and the self-named entries', () => {
    const senses = loadSenses('data');
    const flag = (id: string) => compiled.plans[entryOf(id)]!;
    expect(flag('putongmenzhentongchou').yibaoTerm).toBe(1);
    expect(flag('yidijiuyibeian').yibaoTerm).toBe(1);
    for (const id of senses.needsCue) expect(flag(id).yibaoTerm, id).toBeUndefined();
    expect(flag('shangyejiankangbaoxian').yibaoTerm).toBeUndefined();
    expect(flag('gerenzhanghu').yibaoTerm).toBeUndefined();
    expect(flag('changqihulibaoxian').selfNamed).toBe(1);
    expect(flag('gerenzhanghu').selfNamed).toBeUndefined();
    expect(findSenseProblems({ ...senses, selfNamed: ['no-such-entry'] }, data.glossary, data.sources)).toEqual([
      'selfNamed 引用了不存在的术语：no-such-entry',
    ]);
  });

  it('flags the shared contribution words that need a scheme named, and only shared entries', () => {
    const senses = loadSenses('data');
    const plan = (id: string) => compiled.plans[entryOf(id)]!;
    expect(plan('jiaofeijishu').needsScheme).toBe(1);
    expect(plan('tongchoudiqu').needsScheme).toBe(1);
    expect(plan('canbao').needsScheme).toBeUndefined();
    expect(plan('gerenzhanghu').needsScheme).toBeUndefined();
    expect(plan('yidijiuyi').needsScheme).toBeUndefined();
    expect(
      findSenseProblems({ ...senses, needsScheme: ['menzhengongji', 'no-such-entry'] }, data.glossary, data.sources),
    ).toEqual([
      'needsScheme 里的 menzhengongji 不是各险种共用的说法（shared）',
      'needsScheme 引用了不存在的术语：no-such-entry',
    ]);
  });

  it('keeps the 补充医疗保险 card on a commercial page: its card names group and commercial policies as forms of it', () => {
    const term = data.glossary[entryOf('buchongyiliaobaoxian')]!;
    expect(homeSchemes(loadSenses('data'), term)).toEqual(['commercial']);
    const plan = compiled.plans[entryOf('buchongyiliaobaoxian')]!;
    const commercial = compiled.schemes.indexOf('commercial');
    expect(plan.schemes[commercial]).toBe(CUE_YIBAO);
  });

  it('finds a word given both to social insurance as a whole and to one scheme', () => {
    const senses = loadSenses('data');
    expect(findSenseProblems(senses, data.glossary, data.sources)).toEqual([]);
    const clash = { ...senses, socialCues: [...senses.socialCues, '工伤保险'] };
    expect(findSenseProblems(clash, data.glossary, data.sources)).toEqual([
      '“工伤保险”既是社会保险总称（socialCues），又是某一险种的提示词',
    ]);
  });

  const table: [string, string, Parameters<typeof scopes>[0], string | null][] = [
    [
      'gerenzhanghu',
      'pension law sentence',
      { sentence: '基本养老保险实行社会统筹与[[个人账户]]相结合' },
      'pension-account',
    ],
    ['gerenzhanghu', 'medical sentence', { sentence: '用人单位缴纳的医保费不再划入[[个人账户]]' }, YIBAO_SENSE],
    ['gerenzhanghu', 'housing fund', { sentence: '公积金[[个人账户]]余额可以用于租房' }, 'housing-fund-account'],
    ['gerenzhanghu', 'private pension', { sentence: '个人养老金实行[[个人账户]]制度' }, 'private-pension'],
    ['gerenzhanghu', 'bank', { sentence: '登录网银查看银行[[个人账户]]流水' }, null],
    ['gerenzhanghu', 'drug purchase, no scheme named', { sentence: '在药店购药可以刷[[个人账户]]' }, YIBAO_SENSE],
    [
      'gerenzhanghu',
      'no cue at all: 个人账户 alone is read as 医保 (not one of the contribution words)',
      { sentence: '[[个人账户]]余额怎么查' },
      YIBAO_SENSE,
    ],
    [
      'gerenzhanghu',
      'no cue in the passage, a 医保 title',
      { sentence: '[[个人账户]]余额怎么查', title: '职工医保问答' },
      YIBAO_SENSE,
    ],
    [
      'jiaofeijishu',
      'no cue at all: a contribution word shows nothing',
      { sentence: '[[缴费基数]]每年七月调整一次' },
      null,
    ],
    [
      'jiaofeijishu',
      'no cue in the passage, a 医保 term beside it',
      { sentence: '[[缴费基数]]每年七月调整一次', yibaoTermNearby: true },
      YIBAO_SENSE,
    ],
    [
      'shitongjiaofeinianxian',
      'no cue in the sentence, a 医保 heading',
      { sentence: '[[视同缴费年限]]怎样认定', headings: ['退休人员医保待遇'] },
      YIBAO_SENSE,
    ],
    [
      'linghuojiuyerenyuan',
      'no cue at all in a labour-law answer',
      { sentence: '[[灵活就业人员]]也可以签订劳动合同吗' },
      null,
    ],
    [
      'canbao',
      'no cue at all: 参保 alone is read as 医保',
      { sentence: '没有[[参保]]的产妇住院费用自己负担' },
      YIBAO_SENSE,
    ],
    [
      'jiaofeijishu',
      'a scheme it is compared with (和…一致) is not its own: the title decides',
      { sentence: '[[缴费基数]]和职工本人的养老保险基数一致', title: '失业保险问答' },
      'note-unemployment',
    ],
    [
      'jiaofeijishu',
      'inside the comparison the scheme still qualifies the match',
      { sentence: '这个基数通常和养老保险的[[缴费基数]]相同', title: '工伤保险问答' },
      'note-pension',
    ],
    [
      'jiaofeijishu',
      'a scheme named without a comparison decides',
      { sentence: '[[缴费基数]]按养老保险的规定核定', title: '失业保险问答' },
      'note-pension',
    ],
    [
      'tongchoujijin',
      'a clause setting the passage against another scheme (这一点和养老保险不同) leaves the 医保 title to decide',
      { sentence: '[[统筹基金]]里的钱不转，这一点和养老保险不同', title: '职工医保关系转移接续问答' },
      YIBAO_SENSE,
    ],
    [
      'canbao',
      'ways of paying (通过微信、支付宝、手机银行缴费) are not a bank text',
      { sentence: '据悉，[[参保]]人可以通过微信、支付宝、手机银行缴费', title: '居民医保缴费通知' },
      YIBAO_SENSE,
    ],
    [
      'linghuojiuyerenyuan',
      'a list the match owns (灵活就业人员的养老保险费和医疗保险费) is read as a list: 医保 is one of its items',
      { sentence: '可以代扣[[灵活就业人员]]的养老保险费和医疗保险费', title: '银行代扣业务问答' },
      YIBAO_SENSE,
    ],
    [
      'linghuojiuyerenyuan',
      'one scheme the match owns still decides',
      { sentence: '可以代扣[[灵活就业人员]]的养老保险费', title: '银行代扣业务问答' },
      'note-pension',
    ],
    [
      'danweijiaofei',
      'a word across the match’s edge (保单 in 医保单位缴费) is not read',
      { sentence: '职工医保[[单位缴费]]比例各地多在7%到9%之间', title: '养老保险和医保有什么不同' },
      YIBAO_SENSE,
    ],
    [
      'jizhongcanbaoqi',
      '集中缴费期 is shared: a 城乡居民养老保险 notice keeps it out of the 医保 card',
      { sentence: '各村协办员要在[[集中缴费期]]内逐户走访', title: '关于做好城乡居民养老保险费征缴工作的通知' },
      'note-pension',
    ],
    [
      'baoxiao',
      'research funds (科研经费报销) are an expense claim, though the sentence names 医疗保险 later',
      { sentence: '医疗费不属于科研经费[[报销]]范围，按照本人参加的医疗保险的规定办理' },
      null,
    ],
    [
      'dingdianyiliaojigou',
      'a sentence naming 医保 in another clause keeps it over a nearer scheme paying for no care',
      {
        sentence: '失业人员医保由失业保险基金代缴，领金期间住院的，在[[定点医疗机构]]出院时直接结算',
        title: '失业保险金发放情况',
      },
      YIBAO_SENSE,
    ],
    [
      'dingdianyiliaojigou',
      'a scheme paying for no care in the match’s own clause still decides',
      { sentence: '医保另行规定，失业保险[[定点医疗机构]]名单由经办机构公布', title: '失业保险金发放情况' },
      'note-unemployment',
    ],
    [
      'gerenzhanghu',
      'a bank named with no paying verb still decides beside the match',
      { sentence: '通过手机银行查看[[个人账户]]余额', title: '职工医保问答' },
      null,
    ],
    ['bujiao', 'no cue at all: an everyday word shows nothing', { sentence: '说过期不[[补缴]]就作废' }, null],
    [
      'bujiao',
      'no cue in the passage, a 医保 title',
      { sentence: '过期不[[补缴]]的', title: '居民医保缴费指南' },
      YIBAO_SENSE,
    ],
    [
      'shangbaochuangxinyaomulu',
      'a form that names another scheme (商保) is at home there',
      { sentence: '[[商保创新药目录]]首版收录19种药' },
      YIBAO_SENSE,
    ],
    ['shebaokajinrongzhanghu', 'a form that names a bank', { sentence: '[[社保卡银行账户]]可以存取现金' }, YIBAO_SENSE],
    [
      'shangyejiankangbaoxian',
      'at home on a commercial page',
      { sentence: '[[商业健康保险]]的保单', title: '保险公司产品说明' },
      YIBAO_SENSE,
    ],
    ['linianjieyu', "a fund's surplus", { sentence: '全市医保统筹基金[[历年结余]]可支付约20个月' }, 'fund-surplus'],
    [
      'linianjieyu',
      "an account's balance",
      { sentence: '职工可以用个人账户[[历年结余]]为家人缴纳居民医保' },
      YIBAO_SENSE,
    ],
    [
      'gerenzhanghu',
      'a 医保 paragraph under a pension heading',
      {
        sentence: '[[个人账户]]可以支付本人在定点医疗机构的费用',
        block: '职工参加基本医疗保险后，[[个人账户]]可以支付本人在定点医疗机构的费用。',
        headings: ['第二章 基本养老保险'],
      },
      YIBAO_SENSE,
    ],
    ['xianxingzhifu', 'work injury', { sentence: '从工伤保险基金中[[先行支付]]' }, 'injury-advance'],
    ['xianxingzhifu', '医保', { sentence: '由基本医疗保险基金[[先行支付]]' }, YIBAO_SENSE],
    [
      'xianxingzhifu',
      'work injury by heading only',
      { sentence: '单位不支付的，由基金[[先行支付]]', headings: ['第四章 工伤保险'] },
      'injury-advance',
    ],
    ['daiyudengdaiqi', 'commercial', { sentence: '百万医疗险一般有30天[[等待期]]' }, 'commercial-waiting'],
    [
      'daiyudengdaiqi',
      'commercial even with 住院 nearby',
      { sentence: '[[等待期]]内住院的费用不赔', title: '百万医疗险投保须知' },
      'commercial-waiting',
    ],
    ['daiyudengdaiqi', '医保', { sentence: '断保后再参保的，设置[[等待期]]', title: '居民医保参保通知' }, YIBAO_SENSE],
    ['daiyudengdaiqi', 'long-term care', { sentence: '长护险新参保设有[[等待期]]' }, null],
    ['leijijiaofeinianxian', 'pension', { sentence: '养老保险[[累计缴费年限]]满十五年' }, 'pension-years'],
    ['leijijiaofeinianxian', 'unemployment', { sentence: '失业保险[[累计缴费年限]]满一年' }, null],
    ['zhigongpingjungongzi', 'pension', { sentence: '基础养老金以当地[[职工平均工资]]为基数' }, 'pension-wage'],
    ['gerenjiaofei', 'pension', { sentence: '[[个人缴费]]记入养老保险个人账户' }, 'pension-contribution'],
    ['tongchoujijin', 'pension', { sentence: '单位缴费记入养老保险[[统筹基金]]' }, 'pension-pooling'],
    ['tongchoujijin', '医保', { sentence: '住院费用由[[统筹基金]]按比例支付' }, YIBAO_SENSE],
    ['qifuxian', 'commercial', { sentence: '这款医疗险的[[起付线]]是1万元' }, 'commercial-deductible'],
    ['baoxiao', 'commercial', { sentence: '向保险公司申请[[报销]]' }, 'commercial-claim'],
    ['baoxiao', 'travel expenses', { sentence: '出差[[报销]]要贴发票' }, null],
    ['baoxiao', 'paid back by the employer', { sentence: '医药费由夫妻双方所在单位依照有关规定[[报销]]' }, null],
    ['jiaofeijishu', 'social insurance as a whole', { sentence: '公积金缴存基数与社保[[缴费基数]]不是一回事' }, null],
    [
      'linghuojiuyerenyuan',
      'a list naming several schemes, 医保 among them',
      { sentence: '可以规定将城镇[[个体工商户]]纳入基本养老保险、基本医疗保险的范围', title: '失业保险条例' },
      YIBAO_SENSE,
    ],
    [
      'jiaofeijishu',
      'a list of other schemes only',
      { sentence: '基本养老保险、失业保险和住房公积金，[[缴费基数]]按工资核定' },
      null,
    ],
    ['yicixingzhifu', 'military', { sentence: '由军队按残疾等级[[一次性支付]]伤残保险金' }, 'note-military'],
    [
      'jiaofeijishu',
      'a military spouse in a list of schemes',
      { sentence: '随军未就业的军人配偶参加养老保险和医疗保险，[[缴费基数]]另行确定' },
      'note-military',
    ],
    [
      'gerenzhanghu',
      'a pension figure used as a measure says nothing about the scheme',
      { sentence: '退休人员[[个人账户]]按改革当年基本养老金平均水平的2%划入', title: '职工医保个人账户问答' },
      YIBAO_SENSE,
    ],
    [
      'changqihulibaoxian',
      'the social scheme named in a text on elderly-care services',
      { sentence: '县级以上人民政府应当组织推行[[长期护理保险]]制度', opening: '山东省养老服务条例' },
      YIBAO_SENSE,
    ],
    [
      'changqihulibaoxian',
      'a commercial care policy',
      { sentence: '本公司的商业[[长期护理保险]]产品', title: '医保与长护险' },
      'note-commercial',
    ],
    [
      'changqihulibaoxian',
      'an insurer named in full is commercial',
      { sentence: '某某人寿保险股份有限公司个人[[长期护理保险]]条款' },
      'note-commercial',
    ],
    [
      'changqihulibaoxian',
      'the social scheme beside words for social insurance as a whole',
      { sentence: '政府的[[长护险]]属于社会保险' },
      YIBAO_SENSE,
    ],
    [
      'changqihulibaoxian',
      'the social scheme in an elderly-care home rule (a not-insurance title)',
      { sentence: '失能老年人的护理费用可以按[[长护险]]规定支付一部分', title: '某区养老机构服务管理规范' },
      YIBAO_SENSE,
    ],
    [
      'jizhenqiangjiu',
      'a hospital rule naming no scheme shows nothing',
      { sentence: '危重病人立即启动[[急诊抢救]]流程', title: '市人民医院急诊工作制度' },
      null,
    ],
    [
      'jizhenqiangjiu',
      'a 医保 sentence keeps the card',
      { sentence: '异地[[急诊抢救]]的，医保视同已备案' },
      YIBAO_SENSE,
    ],
    [
      'jizhenqiangjiu',
      'a 医保-only term beside it keeps the card',
      { sentence: '临时外出就医人员包括异地[[急诊抢救]]人员', yibaoTermNearby: true },
      YIBAO_SENSE,
    ],
    ['yiliaojigoudengji', 'a statistics line', { sentence: '全省共有[[三级医院]]一百九十个' }, null],
    [
      'yiliaojigoudengji',
      'a 医保 title keeps the card',
      { sentence: '在[[二级医院]]住院的，比例更高', title: '居民医保住院报销指南' },
      YIBAO_SENSE,
    ],
    ['fenjizhenliao', 'a health-promotion plan', { sentence: '推进[[分级诊疗]]，组建医联体' }, null],
    ['tekunrenyuan', 'social assistance other than 医疗救助', { sentence: '[[特困人员]]可以选择分散供养' }, null],
    [
      'tekunrenyuan',
      'under a 医疗救助 heading',
      { sentence: '[[特困人员]]的个人缴费给予资助', headings: ['第四章 医疗救助'] },
      YIBAO_SENSE,
    ],
    ['zifei', 'a vaccine outside the programme', { sentence: '非免疫规划疫苗属于[[自费]]疫苗' }, null],
    ['baoxiao', 'a meeting fee', { sentence: '不得以会议费名义[[报销]]' }, null],
    [
      'shehuibaozhangka',
      'a subsidy paid into the card as a bank account',
      { sentence: '补贴按月打入本人的[[社会保障卡]]金融账户' },
      null,
    ],
    [
      'gerenzhanghu',
      'a bank word further away in the sentence speaks when no scope does',
      { sentence: '下午去了趟银行，想把我妈名下那个[[个人账户]]的钱取出来' },
      null,
    ],
    [
      'gerenzhanghu',
      'but not over a heading that names a scheme',
      { sentence: '[[个人账户]]的记账利率不得低于银行定期存款利率', headings: ['第二章 基本养老保险'] },
      'pension-account',
    ],
    ['baoxiao', 'claimed from the personnel office', { sentence: '凭发票到人事部[[报销]]' }, null],
    [
      'linghuojiuyerenyuan',
      'a list whose next item repeats 职工 still names several schemes, not pension alone',
      { sentence: '[[灵活就业人员]]可以在就业地参加职工基本养老保险和职工基本医疗保险' },
      YIBAO_SENSE,
    ],
    [
      'tekunrenyuan',
      'a social-assistance word beside a list naming 医保 among other schemes shows nothing',
      {
        sentence: '[[特困人员]]供养应当与城乡居民基本养老保险、基本医疗保险、最低生活保障等制度相衔接',
        title: '某省社会救助条例',
      },
      null,
    ],
    [
      'xianxingzhifu',
      'work injury named as a cause beside a road accident is not the scheme of a 医保 article',
      {
        sentence: '第三人不支付的，由基金[[先行支付]]',
        block: '参保居民因工伤、交通事故等应当由第三人负担的医疗费用，不予支付；第三人不支付的，由基金[[先行支付]]。',
        title: '某省城乡居民基本医疗保险实施办法',
      },
      YIBAO_SENSE,
    ],
    [
      'baoxiao',
      'a list of schemes that all pay for care (医保 and a commercial policy) keeps an everyday word 医保',
      { sentence: '部分医院支持一站式结算，医保和惠民保同时[[报销]]' },
      YIBAO_SENSE,
    ],
    [
      'tekunrenyuan',
      'but its own 医保 cue still gives the card',
      { sentence: '对[[特困人员]]参加城乡居民基本医疗保险的个人缴费给予资助' },
      YIBAO_SENSE,
    ],
    [
      'canbao',
      '参保单位 is not a commercial 保单',
      { sentence: '[[参保]]单位应当按时足额缴费', title: '某市关于调整工伤保险待遇标准的通知' },
      'note-injury',
    ],
    [
      'changqihulibaoxian',
      'a commercial insurer that only runs the social scheme for the government',
      { sentence: '商业保险机构可以受委托参与[[长期护理保险]]经办服务', title: '某市长期护理保险试点办法' },
      YIBAO_SENSE,
    ],
    [
      'dabingbaoxian',
      'a commercial insurer that runs 大病保险',
      { sentence: '[[大病保险]]由商业保险机构承办', title: '某省城乡居民大病保险实施办法' },
      YIBAO_SENSE,
    ],
    [
      'gerenzhanghu',
      '养老保险金 is pension, not a commercial 保险金',
      { sentence: '按月领取养老保险金，[[个人账户]]余额可以继承' },
      'pension-account',
    ],
    [
      'linghuojiuyerenyuan',
      'an employment-promotion policy (就业创业 in its title) is not insurance',
      { sentence: '二、支持[[灵活就业]]', title: '关于支持高校毕业生就业创业的若干措施' },
      null,
    ],
    [
      'baoxiao',
      'a medical word (就医) in a work-injury chapter: the chapter says whose care it is',
      {
        sentence: '到统筹地区以外就医的交通食宿费，凭票据[[报销]]',
        headings: ['第三章 工伤医疗'],
        title: '某省工伤保险条例实施细则',
      },
      null,
    ],
    [
      'baoxiao',
      'the same words under a 医保 chapter of a work-injury text keep the card',
      {
        sentence: '到统筹地区以外就医的交通食宿费，凭票据[[报销]]',
        headings: ['第五章 基本医疗保险'],
        title: '某省工伤保险条例实施细则',
      },
      YIBAO_SENSE,
    ],
    [
      'baoxiao',
      'a medical word on a page not about insurance keeps the card',
      { sentence: '入住老年人住院的医疗费用按规定[[报销]]', title: '某市养老服务条例' },
      YIBAO_SENSE,
    ],
    [
      'baoxiao',
      '医保 named in the sentence beats a pension title',
      { sentence: '断了医保影响看病[[报销]]', title: '灵活就业人员养老保险怎么交' },
      YIBAO_SENSE,
    ],
    [
      'baoxiao',
      'a medical word in a pension handbook is 医保 talk: pension pays for no care',
      { sentence: '退休以后看病[[报销]]怎么办', title: '企业职工养老保险手册' },
      YIBAO_SENSE,
    ],
    [
      'baoxiao',
      'a medical word on a commercial policy page is a claim',
      { sentence: '住院以后怎么[[报销]]', title: '某某百万医疗险投保须知' },
      'commercial-claim',
    ],
    [
      'baoxiao',
      'an article naming work injury beyond the sentence decides over a medical word',
      {
        sentence: '住院的费用凭票据[[报销]]',
        block: '第十二条 工伤职工到外地治疗的。住院的费用凭票据[[报销]]。',
      },
      null,
    ],
    [
      'baoxiao',
      'paid back by the employer when not insured',
      { sentence: '参加基本医疗保险的按规定报销，未参加的由单位[[报销]]' },
      null,
    ],
    [
      'yicixingbujiao',
      'paying a tax bill is not insurance, even on a page about medical costs',
      { sentence: '补税金额较大的，可以在税务App上[[一次性缴纳]]', title: '个税专项附加扣除之大病医疗怎么填' },
      null,
    ],
    [
      'linghuojiuyerenyuan',
      'a labour-law sentence (医疗期) is not insurance, though a commercial policy is named further on',
      { sentence: '[[灵活就业人员]]没有劳动合同的，不适用医疗期的规定，收入损失只能通过商业保险解决' },
      null,
    ],
    [
      'linghuojiuyerenyuan',
      'a personal-injury award (受害人) is not insurance',
      { sentence: '受害人是[[灵活就业人员]]的，参照相近行业的平均工资计算误工费' },
      null,
    ],
    [
      'bujiao',
      'a tenant settling bills is not a housing-fund back-payment',
      { sentence: '前任租客欠费的，应当由房东结清，不能让新租客[[补缴]]', title: '租房提取公积金和租房合同须知' },
      null,
    ],
    [
      'baoxiao',
      'but 医保 named beside the match still beats a tax word further on',
      { sentence: '扣除医保[[报销]]后个人负担的部分，可以在个人所得税汇算时扣除' },
      YIBAO_SENSE,
    ],
    [
      'gerenjiaofei',
      'a contribution deducted before income tax is still the scheme of its passage (tax words name no topic)',
      { sentence: '在缴费环节，[[个人缴费]]可以按规定在个人所得税前扣除', title: '个人养老金常见问题' },
      'private-pension',
    ],
    [
      'shehuibaozhangka',
      'a family-planning reward paid into the card is not insurance',
      { sentence: '奖励扶助金直接打到本人的[[社会保障卡]]里', title: '生育服务登记问答' },
      null,
    ],
    [
      'shehuibaozhangka',
      'but the card shown to see a doctor is the 医保 card',
      { sentence: '看病时带上[[社保卡]]就能结算', title: '新生入学指南' },
      YIBAO_SENSE,
    ],
    [
      'zhuanmaiyaopin',
      'a drug-retail rule naming no scheme shows nothing',
      { sentence: '任何单位和个人不得收购、[[转卖药品]]', title: '某省药品零售管理办法' },
      null,
    ],
    [
      'zhuanmaiyaopin',
      'a 医保 sentence keeps the card',
      { sentence: '参保人利用享受医保待遇的机会[[转卖药品]]的，暂停联网结算' },
      YIBAO_SENSE,
    ],
    [
      'weituodaigouyaopin',
      'a pharmacy rule on buying for someone else shows nothing',
      { sentence: '顾客[[委托他人代购药品]]的，药店应当核对处方', title: '某省药品零售管理办法' },
      null,
    ],
    [
      'gerenjiaofei',
      'a veterans-affairs office is an agency, not military insurance',
      {
        sentence: '[[个人缴费]]确有困难的，由民政部门和退役军人事务部门按规定资助参保',
        block:
          '优抚对象应当按规定参加基本医疗保险；[[个人缴费]]确有困难的，由民政部门和退役军人事务部门按规定资助参保。',
        title: '某市优抚对象优待办法',
      },
      YIBAO_SENSE,
    ],
    [
      'shitongjiaofeinianxian',
      'military service is what is deemed, not whose years: the pension named in the sentence decides',
      { sentence: '服役年限[[视同缴费年限]]，与参加地方基本养老保险后的缴费年限合并计算' },
      'pension-years',
    ],
    [
      'shitongjiaofeinianxian',
      'the same for 军龄 after a pension clause',
      { sentence: '退役军人参加城镇职工基本养老保险，军龄按规定[[视同缴费年限]]' },
      'pension-years',
    ],
    [
      'zhijiejiesuan',
      'a disability rehabilitation subsidy settled by the rehabilitation centre is social assistance',
      {
        sentence: '由定点康复机构[[直接结算]]，家长不需先行垫付',
        headings: ['第三章 残疾儿童康复救助'],
        title: '某省残疾人康复服务办法',
      },
      null,
    ],
    [
      'baoxiao',
      'the company paying back part of a birth: an employer expense, though 生育保险 paid first',
      { sentence: '先由生育保险按规定支付，剩下的部分每次生育公司最多[[报销]]两千元' },
      null,
    ],
    [
      'yiliaojiuzhuduixiang',
      'a social-assistance answer referring to a charity is not 医疗救助, though the next sentence names 医保',
      {
        sentence: '社工会帮助申请低保或者纳入[[低保边缘家庭]]，还可以转介到慈善组织',
        block: '社工会帮助申请低保或者纳入[[低保边缘家庭]]，还可以转介到慈善组织。因病致贫的，街道会告诉医保部门。',
      },
      null,
    ],
    [
      'daiyudengdaiqi',
      'a travel insurance policy is commercial',
      { sentence: '大多数境外旅行保险没有[[等待期]]，出发当天就能生效' },
      'commercial-waiting',
    ],
    [
      'jingwaijiuyi',
      'care abroad paid by a travel policy is commercial',
      {
        sentence: '在[[国外就医]]要保存好病历和费用单据',
        block: '旅行保险的医疗保额不低于三万欧元；在[[国外就医]]要保存好病历和费用单据。',
      },
      'note-commercial',
    ],
    [
      'jingwaijiuyi',
      'but 医保 named in the sentence keeps the card',
      { sentence: '国内的基本医疗保险原则上不支付[[境外就医]]的费用', title: '出国旅行前，境外旅行保险怎么选？' },
      YIBAO_SENSE,
    ],
    [
      'yicixingbujiao',
      'a property-management fee paid for the whole year is not insurance',
      { sentence: '业主可以选择[[一次性缴纳]]全年费用', title: '关于缴纳年度物业服务费的通知' },
      null,
    ],
    [
      'linghuojiuyerenyuan',
      'an employment subsidy is not insurance',
      { sentence: '残疾人以[[灵活就业]]方式就业的，可以按照规定申领就业补贴', headings: ['第四章 劳动就业'] },
      null,
    ],
    [
      'linghuojiuyerenyuan',
      'nor is job training',
      { sentence: '为[[灵活就业人员]]提供免费职业培训', headings: ['四、就业和社会保障'] },
      null,
    ],
    [
      'linghuojiuyerenyuan',
      'but a scheme named in its own clause decides',
      { sentence: '[[灵活就业人员]]参加基本养老保险的，可以申领就业补贴' },
      'note-pension',
    ],
    [
      'dingdianyiliaojigou',
      'a 医保 term in an elderly-care sentence that names 医保 keeps its card',
      {
        sentence:
          '养老机构内设的医疗机构可以申请纳入[[定点医疗机构]]管理，入住老年人发生的符合规定的医疗费用，按照规定由基本医疗保险基金支付',
        title: '某省居家社区养老服务条例',
      },
      YIBAO_SENSE,
    ],
    [
      'dingdianyiliaojigou',
      'but not where the sentence names no 医保',
      { sentence: '养老机构内设的医疗机构可以申请纳入[[定点医疗机构]]管理', title: '某省居家社区养老服务条例' },
      null,
    ],
    [
      'tekunrenyuan',
      'an assistance word in a list of assistance kinds that holds 医疗救助 shows nothing',
      {
        sentence: '本市社会救助包括最低生活保障、[[特困人员]]救助供养、受灾人员救助、医疗救助、教育救助',
        title: '某市社会救助实施办法',
      },
      null,
    ],
    [
      'baoxiao',
      "an employer's reimbursement right before the word is not 医保's, though the sentence names 医保",
      { sentence: '实施节育手术的费用按照规定由生育保险基金支付，单位不再另行[[报销]]' },
      null,
    ],
    [
      'baoxiao',
      'a fund of the 医保 family reimbursing keeps the card',
      { sentence: '实施节育手术的费用按照规定由生育保险基金[[报销]]' },
      YIBAO_SENSE,
    ],
    [
      'yidijiuyibeian',
      'a 医保-only term keeps its card where the paragraph around its sentence names a scheme paying for no care',
      {
        sentence: '看病则需要先办理[[异地就医备案]]，备案后在居住地就医',
        block:
          '退休后到外地长期居住的，养老金照常发放，不需要办理转移。看病则需要先办理[[异地就医备案]]，备案后在居住地就医',
        title: '企业职工退休办理手册',
      },
      YIBAO_SENSE,
    ],
    [
      'dingdianyiliaojigou',
      'so does a shared word in a sentence holding a 医保-only term, where the title names such a scheme',
      {
        sentence: '在异地[[定点医院]]就医的，凭就医地出具的异地就医直接结算单办理',
        title: '住房公积金提取业务指南',
        yibaoTermInSentence: true,
      },
      YIBAO_SENSE,
    ],
    [
      'dingdianyiliaojigou',
      'without the 医保-only term in its sentence, that title decides',
      { sentence: '在异地[[定点医院]]就医的，凭费用明细办理', title: '住房公积金提取业务指南' },
      'note-housing-fund',
    ],
    [
      'zhijiejiesuan',
      "a platform worker's 职业伤害保障 is work-injury cover, not 医保",
      { sentence: '发生职业伤害的，符合规定的医疗费用由职业伤害保障基金[[直接结算]]' },
      'note-injury',
    ],
    [
      'tongchoudiqu',
      'an insurer running a social scheme for the government is no commercial word, nor is what the insurer may not add',
      {
        sentence: '保险公司受托经办长期护理保险的，应当执行[[统筹地区]]的待遇标准，不得另行设定赔付条件',
        opening: '某省保险业管理办法\n第一条 为了保护投保人、被保险人的合法权益，制定本办法。',
      },
      YIBAO_SENSE,
    ],
    [
      'qifuxian',
      'in such a sentence, the commercial business it is kept apart from speaks only in its own clause',
      {
        sentence: '保险公司按照政府委托承办城乡居民大病保险的，与商业保险业务分开管理，执行统筹地区确定的[[起付标准]]',
      },
      YIBAO_SENSE,
    ],
    [
      'qifuxian',
      "but a commercial policy in the match's own clause still decides",
      { sentence: '保险公司按照政府委托承办大病保险的，其商业医疗险的[[起付标准]]另行约定' },
      'commercial-deductible',
    ],
    [
      'daiyudengdaiqi',
      'a 医疗保险产品 is an insurer’s product, not the 医疗保险 inside its name',
      { sentence: '医疗保险产品设置[[等待期]]的，等待期不得超过九十日' },
      'commercial-waiting',
    ],
    [
      'yidijiuyibeian',
      'a scheme that pays for care itself still decides',
      {
        sentence: '经批准的，可以办理[[异地就医备案]]',
        block: '工伤职工需要转外地治疗的，由协议机构提出意见。经批准的，可以办理[[异地就医备案]]',
        title: '某省工伤保险实施办法',
      },
      null,
    ],
  ];
  it.each(table)('%s: %s', (id, _, parts, expected) => {
    expect(resolved(compiled, entryOf(id), scopes(parts))).toBe(expected);
  });
});
