/**
 * Schema for data/senses.json: the other senses of ambiguous glossary forms
 * (养老保险个人账户, 商业医疗险等待期…), the cue words that reveal each sense,
 * and the short cards shown for them. Build time only; never on a web page.
 */
import { z } from 'zod';
import { sourceSchema } from './schema';

const id = z.string().regex(/^[a-z0-9-]+$/, 'id 只能含小写字母、数字和连字符');
const plain = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => [...s].length >= min && [...s].length <= max, { message: `长度须在 ${min}–${max} 字之间` });

/** The short card of a look-alike sense. */
export const senseCardSchema = z.object({
  /** What it is here, in 1–2 plain sentences. */
  what: plain(12, 120),
  /** How it differs from the 医保 term. */
  difference: plain(12, 140),
  /** Sources of the facts stated above (ids in data/sources.json or in this file's `sources`). */
  sources: z.array(id).default([]),
});

/** A sense other than the 医保 one. Without a card it is "unrelated": nothing is marked or shown. */
export const senseSchema = z.object({
  id,
  /** The scheme-specific name; the card's accessible name begins with it (养老保险个人账户). */
  name: plain(2, 20),
  card: senseCardSchema.optional(),
});

/**
 * Words that reveal a sense. Role yibao: the 医保 sense, for every ambiguous entry. Role neutral: phrases that
 * claim their span and point nowhere (养老机构 holds 养老), for every entry. Role scheme: tied to a sense per entry.
 */
export const cueGroupSchema = z.object({
  id,
  role: z.enum(['yibao', 'neutral', 'scheme']),
  /** Only counts within a few characters of the match (weak words such as 银行, 登录). */
  nearOnly: z.boolean().default(false),
  words: z.array(z.string().min(2).max(16)).min(1),
});

/** One ambiguous glossary entry: the senses it may take and which cue groups reveal each. */
export const ambiguousEntrySchema = z.object({
  /** Glossary entry id; its 医保 sense is implicit (cue groups of role yibao), and may take more cues here (sense "yibao"). */
  entry: id,
  senses: z.array(z.object({ sense: id, cues: z.array(id).min(1) })).min(1),
});

export const sensesFileSchema = z.object({
  /** Characters before or after a match within which nearOnly cues count. */
  nearWindow: z.number().int().min(1).max(20),
  senses: z.array(senseSchema).min(1),
  cueGroups: z.array(cueGroupSchema).min(1),
  entries: z.array(ambiguousEntrySchema).min(1),
  /** Documents cited by sense cards that data/sources.json does not hold. */
  sources: z.array(sourceSchema).default([]),
});
export type SensesFile = z.infer<typeof sensesFileSchema>;
export type Sense = z.infer<typeof senseSchema>;

/** The reserved id of the 医保 sense. */
export const YIBAO_SENSE_ID = 'yibao';
