/**
 * Schemas for the bundled data. They run at build time (scripts/compile-data.ts)
 * and in the invariant tests, never on a web page.
 */
import { z } from 'zod';
import { LENS_CATEGORY_LABELS } from '../lib/settings/categories';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期须为 YYYY、YYYY-MM 或 YYYY-MM-DD');
const entryId = z.string().regex(/^[a-z0-9-]+$/, 'id 只能含小写字母、数字和连字符');
const hanText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => [...s].length >= min && [...s].length <= max, {
      message: `长度须在 ${min}–${max} 字之间`,
    });

/** One published document that a fact rests on. */
export const sourceSchema = z.object({
  id: entryId,
  title: z.string().min(2),
  issuer: z.string().min(2),
  /** 文号, e.g. 国办发〔2024〕38号, where the document has one. */
  docNumber: z.string().min(2).optional(),
  date: isoDate,
  url: z.string().url().optional(),
  /** How far the text was checked: primary text, a reliable repost, or a secondary summary. */
  trust: z.enum(['primary', 'repost', 'secondary']),
  /** For a repost or summary: the id of the document it reports on, when we list that document itself. */
  reportsOn: entryId.optional(),
  /** Earlier documents among our sources that this one amends, widens or supersedes on the same subject. */
  updates: z.array(entryId).default([]),
});
export type Source = z.infer<typeof sourceSchema>;

/** The labels live in utils/ (zod-free) so pages can use them; the schema takes its keys from there. */
export const CATEGORY_LABELS = LENS_CATEGORY_LABELS;
export const categorySchema = z.enum(
  Object.keys(CATEGORY_LABELS) as [keyof typeof CATEGORY_LABELS, ...(keyof typeof CATEGORY_LABELS)[]],
);
export type Category = z.infer<typeof categorySchema>;

/**
 * The exact words a statement rests on: a clause of a national document, copied verbatim (tests check it
 * against ../shared/laws and the fact base), where it sits (第X条, or the section), and which source it is from.
 */
const quoteFields = {
  quote: z.string().min(4).max(160).optional(),
  /** 第X条, or the section; left out when the fact base quotes the words without saying where they sit. */
  where: z.string().min(2).max(30).optional(),
  quoteOf: entryId.optional(),
};
const quoteComplete = (item: { quote?: string; where?: string; quoteOf?: string; sources: string[] }) =>
  item.quote === undefined
    ? item.where === undefined && item.quoteOf === undefined
    : item.quoteOf !== undefined && item.sources.includes(item.quoteOf);
const quoteMessage = { message: 'quote 须带 quoteOf（且列在 sources 中）；没有 quote 时不能有 where、quoteOf' };

export const keyFactSchema = z
  .object({
    /** Short label, e.g. 在职职工计入标准. */
    label: z.string().min(2).max(24),
    /** The number or the rule, in our own words. */
    value: z.string().min(2).max(120),
    /** national: a nationwide rule or floor; local: set by each region (the card adds 以当地政策为准). */
    scope: z.enum(['national', 'local']),
    /** When it took effect, e.g. 2025-01-01 or 2024. */
    effective: z.string().min(4).max(30),
    sources: z.array(entryId).min(1),
    ...quoteFields,
  })
  .refine(quoteComplete, quoteMessage);
export type KeyFact = z.infer<typeof keyFactSchema>;

export const mythSchema = z
  .object({
    myth: z.string().min(4).max(60),
    truth: z.string().min(8).max(200),
    sources: z.array(entryId).min(1),
    ...quoteFields,
  })
  .refine(quoteComplete, quoteMessage);
export type Myth = z.infer<typeof mythSchema>;

/** What the matcher needs to avoid false hits for this entry's surface forms. */
export const precisionSchema = z.object({
  /** Longer phrases that contain a surface form but mean something else (同舟共济). */
  ignorePhrases: z.array(z.string().min(2)).default([]),
  /** Words that, within a few characters before or after, mean this is not the 医保 sense (养老, 银行). */
  blockingContext: z.array(z.string().min(1)).default([]),
});
export type Precision = z.infer<typeof precisionSchema>;

export const glossaryEntrySchema = z.object({
  id: entryId,
  term: z.string().min(2).max(20),
  aliases: z.array(z.string().min(2).max(20)).default([]),
  category: categorySchema,
  summary: hanText(6, 40),
  explanation: hanText(80, 300),
  facts: z.array(keyFactSchema).default([]),
  myths: z.array(mythSchema).default([]),
  /** Always present; says how regions differ, or that the rule is national. */
  regionalNote: z.string().min(8).max(160),
  /**
   * Working notes for the team (open questions, points the fact base has not settled, what to check next).
   * Never shipped: the compile step must leave them out of every record a reader sees.
   */
  reviewNotes: z.array(z.string().min(4).max(120)).default([]),
  related: z.array(entryId).default([]),
  articles: z.array(entryId).default([]),
  sources: z.array(entryId).min(1),
  reviewed: isoDate,
  precision: precisionSchema.default({ ignorePhrases: [], blockingContext: [] }),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export const glossarySchema = z.array(glossaryEntrySchema);

export const articleSectionSchema = z.object({
  heading: z.string().min(2).max(30),
  body: z.string().min(20).max(600),
});

export const articleSchema = z.object({
  id: entryId,
  /** The reader's question, e.g. 医保个人账户余额会在年底清零吗？ */
  title: z.string().min(6).max(40),
  answer: z.string().min(10).max(120),
  sections: z.array(articleSectionSchema).min(2),
  terms: z.array(entryId).min(1),
  sources: z.array(entryId).min(1),
  date: isoDate,
});
export type Article = z.infer<typeof articleSchema>;
export const articlesSchema = z.array(articleSchema);

export const sourcesSchema = z.array(sourceSchema);

/**
 * One area's 住院 figures for the checker, copied from an official document
 * someone read (issuer, document, date in sources.json). There is no national
 * preset: an area ships only with such a document, otherwise the user types
 * their own figures or starts from the checker's marked example numbers.
 */
export const regionParamsSchema = z.object({
  /** 起付线 in 元 for one year. */
  deductible: z.number().min(0).max(100000),
  /** Share the pooling fund pays above the 起付线 (0.8 = 80%). */
  reimbursementRatio: z.number().min(0).max(1),
  /** 封顶线 in 元 for one year. */
  cap: z.number().min(0).max(10000000),
  /** Share of a 乙类 item the patient pays first, when the document states one. */
  classBSelfPayShare: z.number().min(0).max(1).optional(),
});
export type RegionParams = z.infer<typeof regionParamsSchema>;

export const regionSchema = z.object({
  id: entryId,
  /** The area as its document names it, e.g. 某某市. */
  name: z.string().min(2),
  scheme: z.enum(['职工医保', '居民医保']),
  /** Which hospitals the figures are for (ratios differ by 医院等级), e.g. 三级医院. */
  hospitalLevel: z.string().min(2),
  /** The date the figures took effect. */
  effectiveFrom: isoDate,
  params: regionParamsSchema,
  /** The official document(s) the figures were read from; at least one. */
  sources: z.array(entryId).min(1),
});
export type Region = z.infer<typeof regionSchema>;
export const regionsSchema = z.array(regionSchema);

/** data/search-words.json: everyday words, sound-alike slips and question fillers for the popup's search. */
const everydayWord = z.string().min(1).max(12);
export const searchWordsSchema = z.object({
  about: z.string(),
  /** Words people use (生孩子, 慢病, 丢了), each group with the entries and articles (ids) that answer it. */
  everyday: z.array(z.object({ words: z.array(everydayWord).min(1), targets: z.array(entryId).min(1) })).min(1),
  /** Typing slips between characters that sound alike: 交费 typed for 缴费, 保销 for 报销. */
  soundAlikes: z
    .array(z.object({ typed: z.string().min(2).max(8), meant: z.string().min(2).max(8) }))
    .refine((list) => list.every((s) => s.typed !== s.meant && s.typed.length === s.meant.length), {
      message: 'typed 与 meant 须不同且等长',
    }),
  /** Words of a spoken question that say nothing about its subject (怎么办, 吗), left out when weighing word overlap. */
  questionFillers: z.array(z.string().min(1).max(6)),
});
export type SearchWords = z.infer<typeof searchWordsSchema>;
