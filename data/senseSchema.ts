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
/**
 * The schemes a passage can be about. yibao: basic medical insurance with 生育, 大病保险, 医疗救助 and social 长护险;
 * none: not insurance at all (banking, securities, family law, social assistance, everyday speech).
 */
export const SCHEME_IDS = [
  'yibao',
  'pension',
  'private-pension',
  'injury',
  'unemployment',
  'housing-fund',
  'commercial',
  'military',
  'none',
] as const;
export const schemeIdSchema = z.enum(SCHEME_IDS);
export type SchemeId = z.infer<typeof schemeIdSchema>;

const cueWords = z.array(z.string().min(2).max(16));

/** One scheme: the words that name it, and the short note shown for a shared entry in a passage about it. */
export const schemeSchema = z.object({
  id: schemeIdSchema,
  /** The scheme's name; a note's accessible name begins with it (工伤保险：直接结算). */
  name: plain(2, 12),
  /** Words that name the scheme wherever they stand: sentence, block, governing headings, title, opening. */
  cues: cueWords.default([]),
  /** Weak words: they count within nearWindow characters of the match, and in headings and the title. */
  nearCues: cueWords.default([]),
  /** The note for a shared entry in a passage of this scheme; without it such a match shows nothing. */
  note: senseCardSchema.optional(),
  /**
   * True for schemes that pay for medical care themselves (工伤医疗, 商业医疗险, 退役医疗): in their passages an
   * entry's own medical word (就医, 住院) does not say the passage is 医保; the governing heading or the title does.
   */
  medicalCare: z.boolean().default(false),
});

/**
 * How an entry's card depends on the scheme of its passage. yibao: the card holds only in a 医保 passage.
 * shared: vocabulary several schemes use (统筹地区, 缴费基数…): another scheme's passage gets that scheme's
 * look-alike card or its note. general: the card holds in any passage (工伤保险 itself).
 */
export const entryClassSchema = z.enum(['yibao', 'shared', 'general']);
export type EntryClass = z.infer<typeof entryClassSchema>;

export const cueGroupSchema = z.object({
  id,
  role: z.enum(['yibao', 'neutral', 'scheme']),
  /** For a look-alike group: the scheme its sense belongs to (a passage of that scheme gets that sense). */
  scheme: schemeIdSchema.optional(),
  /** Only counts within a few characters of the match (weak words such as 银行, 登录). */
  nearOnly: z.boolean().default(false),
  words: z.array(z.string().min(2).max(16)).min(1),
});

/** One ambiguous glossary entry: the senses it may take and which cue groups reveal each. */
export const ambiguousEntrySchema = z.object({
  /** Glossary entry id; its 医保 sense is implicit (cue groups of role yibao), and may take more cues here (sense "yibao"). */
  entry: id,
  senses: z.array(z.object({ sense: id, cues: z.array(id).min(1) })).min(1),
  /**
   * Scheme words that say nothing about this entry: they claim their span and point nowhere (服役, 军龄 beside
   * 视同缴费年限: military service is what is deemed, not whose contribution years they are).
   */
  neutral: cueWords.default([]),
});

export const sensesFileSchema = z.object({
  /** Characters before or after a match within which nearOnly cues count. */
  nearWindow: z.number().int().min(1).max(20),
  senses: z.array(senseSchema).min(1),
  cueGroups: z.array(cueGroupSchema).min(1),
  entries: z.array(ambiguousEntrySchema).min(1),
  schemes: z.array(schemeSchema).min(2),
  /** Every glossary entry, by id: how its card depends on the passage's scheme. */
  entryClasses: z.record(id, entryClassSchema),
  /**
   * Entries whose words are everyday words (报销, 近亲属, 在职人员): without any cue in the passage, the title or
   * the opening they show nothing, instead of taking the passage for 医保.
   */
  needsCue: z.array(id).default([]),
  /**
   * Entries for the contribution and enrolment words every social-insurance scheme shares (缴费基数, 统筹地区,
   * 视同缴费年限, 灵活就业人员): their meaning depends on the scheme. When no scope names one (and no 医保 term stands
   * beside them) they show nothing, instead of taking the passage for 医保. 参保 and the words for the 医保 account
   * and fund (个人账户, 统筹基金) are not among them: with no scheme named, people mean 医保 by them (参保地 beside 手工报销;
   * 个人账户余额怎么查).
   */
  needsScheme: z.array(id).default([]),
  /**
   * Entries whose own words name one scheme of the 医保 family (长期护理保险): a passage holding them is about
   * insurance, so not-insurance words and words for social insurance as a whole do not take their card away.
   */
  selfNamed: z.array(id).default([]),
  /**
   * Words that name social insurance as a whole (社会保险, 五险一金): a passage about several schemes, 医保 among
   * them, no single one meant: shared and 医保 entries show nothing there.
   */
  socialCues: cueWords.default([]),
  /** Mechanisms that exist only in 医保: the card of an entry classed general may name none of them. */
  yibaoOnlyMechanisms: z.array(z.string().min(2)).min(1),
  /** Documents cited by sense cards that data/sources.json does not hold. */
  sources: z.array(sourceSchema).default([]),
});
export type SensesFile = z.infer<typeof sensesFileSchema>;
export type SenseCard = z.infer<typeof senseCardSchema>;
export type Sense = z.infer<typeof senseSchema>;

/** The reserved id of the 医保 sense. */
export const YIBAO_SENSE_ID = 'yibao';
