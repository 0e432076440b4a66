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
});
export type Source = z.infer<typeof sourceSchema>;

/** The labels live in utils/ (zod-free) so pages can use them; the schema takes its keys from there. */
export const CATEGORY_LABELS = LENS_CATEGORY_LABELS;
export const categorySchema = z.enum(
  Object.keys(CATEGORY_LABELS) as [keyof typeof CATEGORY_LABELS, ...(keyof typeof CATEGORY_LABELS)[]],
);
export type Category = z.infer<typeof categorySchema>;

export const keyFactSchema = z.object({
  /** Short label, e.g. 在职职工计入标准. */
  label: z.string().min(2).max(24),
  /** The number or the rule, in our own words. */
  value: z.string().min(2).max(120),
  /** national: a nationwide rule or floor; local: set by each region (the card adds 以当地政策为准). */
  scope: z.enum(['national', 'local']),
  /** When it took effect, e.g. 2025-01-01 or 2024. */
  effective: z.string().min(4).max(30),
  sources: z.array(entryId).min(1),
});
export type KeyFact = z.infer<typeof keyFactSchema>;

export const mythSchema = z.object({
  myth: z.string().min(4).max(60),
  truth: z.string().min(8).max(200),
  sources: z.array(entryId).min(1),
});
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

/** Parameters of the checker for one region (or the national defaults). */
export const regionParamsSchema = z.object({
  /** In-service employee's account credit as a share of 缴费基数 (0.02 = 2%). */
  accountRatio: z.number().min(0).max(0.1),
  /** Retiree's fixed monthly credit in 元. */
  retireeMonthlyCredit: z.number().min(0).max(2000),
  /** Inpatient 起付线 in 元 for one year (employee scheme). */
  employeeDeductible: z.number().min(0).max(100000),
  employeeRatio: z.number().min(0).max(1),
  employeeCap: z.number().min(0).max(10000000),
  residentDeductible: z.number().min(0).max(100000),
  residentRatio: z.number().min(0).max(1),
  residentCap: z.number().min(0).max(10000000),
  /** Share of a 乙类 item that the patient pays first. */
  classBSelfPayShare: z.number().min(0).max(1),
  seriousIllnessThreshold: z.number().min(0).max(1000000),
  seriousIllnessRatio: z.number().min(0).max(1),
  /** Resident scheme's yearly personal contribution in 元, used to price 缴费修复. */
  residentAnnualContribution: z.number().min(0).max(10000),
});
export type RegionParams = z.infer<typeof regionParamsSchema>;

export const regionSchema = z.object({
  id: entryId,
  name: z.string().min(2),
  year: z.number().int().min(2020).max(2030),
  /** Plain words on where the figures come from and how sure they are. */
  note: z.string().min(8),
  params: regionParamsSchema,
  /** Which param keys have a source; the rest are national defaults or examples. */
  sourcedParams: z.array(z.string()).default([]),
  sources: z.array(entryId).min(1),
});
export type Region = z.infer<typeof regionSchema>;
export const regionsSchema = z.array(regionSchema);
