/**
 * Turns what a user typed into a number for the checker forms.
 * Accepts full-width digits and punctuation (８０００, ０．５, ８，０００), spaces,
 * a leading ¥ and a trailing 元 or %. The unit is only tolerated: "2%" gives 2,
 * so the form's label must say which unit the field expects.
 */
import { z } from 'zod';

// The extension's CSP forbids eval; tell zod not to probe for it (the probe logs a CSP error).
z.config({ jitless: true });

export interface CheckerNumberRule {
  /** The field's name as the user sees it, e.g. 月缴费基数. */
  label: string;
  min: number;
  max: number;
  /** Empty input is fine and gives null. */
  allowEmpty?: boolean;
  /** Only whole numbers (years, months). */
  integer?: boolean;
}

export type CheckerNumberResult<T> = { ok: true; value: T } | { ok: false; message: string };

const PLAIN_NUMBER = /^(\d+\.?\d*|\.\d+)$/;
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Full-width → half-width, no spaces, no ¥ / 元 / %, thousands commas removed when well placed. */
export function normalizeCheckerNumberText(raw: string): string {
  let text = raw
    .normalize('NFKC')
    .replace(/[。]/g, '.')
    .replace(/\s+/g, '')
    .replace(/^¥/, '')
    .replace(/(元|%)$/, '');
  if (text.includes(',') && GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
  return text;
}

function checkerNumberSchema(rule: CheckerNumberRule) {
  const rangeMessage = `${rule.label}须为 ${rule.min} 到 ${rule.max} 之间的数字`;
  let numberSchema = z.number({ error: rangeMessage }).min(rule.min, rangeMessage).max(rule.max, rangeMessage);
  if (rule.integer) numberSchema = numberSchema.int(`${rule.label}须为整数`);
  return z.string().regex(PLAIN_NUMBER, rangeMessage).transform(Number).pipe(numberSchema);
}

export function parseCheckerNumber(
  raw: string,
  rule: CheckerNumberRule & { allowEmpty: true },
): CheckerNumberResult<number | null>;
export function parseCheckerNumber(raw: string, rule: CheckerNumberRule): CheckerNumberResult<number>;
export function parseCheckerNumber(raw: string, rule: CheckerNumberRule): CheckerNumberResult<number | null> {
  const text = normalizeCheckerNumberText(raw);
  if (text === '') {
    return rule.allowEmpty ? { ok: true, value: null } : { ok: false, message: `请填写${rule.label}` };
  }
  const parsed = checkerNumberSchema(rule).safeParse(text);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? `${rule.label}填写有误` };
}
