/**
 * Reads what a user typed into one number field of the checker. Pure, no DOM.
 *
 * - Amounts (元): 8000, 8,000, ８０００, ¥8000, 8000元, 8千 (= 8000), 1.2万 (= 12000), 12万元 (= 120000),
 *   full-width digits and units alike (８千).
 * - Percents: 70 and 70% both mean 70%. A value strictly between 0 and 1 typed
 *   without % (0.7) is not guessed: the caller asks "是 70% 吗？" and waits, unless 70% is outside the field's
 *   range (a 0–10% field reads 0.7 as 0.7%).
 * - Counts (年, 个月, 月): whole numbers only.
 *
 * Every message names the field and its allowed range in Chinese.
 */

export type CheckerNumberKind = 'amount' | 'percent' | 'count';

export interface CheckerNumberRule {
  kind: CheckerNumberKind;
  /** The field's name as the user sees it, e.g. 月缴费基数. */
  label: string;
  /** What a count is counted in: 年, 个月, 月. Amounts are 元 and percents % by kind. */
  unit?: string;
  min: number;
  max: number;
}

export type CheckerNumberReading =
  | { status: 'empty' }
  | { status: 'ok'; value: number }
  | { status: 'error'; message: string }
  /** A percent typed as a fraction (0.7): ask before using it; `suggestion` is the text to put in the field. */
  | { status: 'confirm'; question: string; suggestion: string };

const PLAIN_NUMBER = /^(\d+\.?\d*|\.\d+)$/;
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const TEN_THOUSAND = 10000;
/** Chinese units of an amount, as people type them: 8千, 1.2万. */
const AMOUNT_UNITS: Record<string, number> = { 千: 1000, 万: TEN_THOUSAND };

/** 1000000 → "100 万元", 500 → "500 元", 0 → "0". */
export function formatCheckerAmountLimit(amount: number): string {
  if (amount === 0) return '0';
  if (amount >= TEN_THOUSAND && amount % TEN_THOUSAND === 0) return `${amount / TEN_THOUSAND} 万元`;
  return `${amount} 元`;
}

/** "月缴费基数须在 0 到 100 万元之间", "统筹报销比例须在 0 到 100% 之间", "断保年数须为 0 到 50 年之间的整数". */
export function checkerRangeMessage(rule: CheckerNumberRule): string {
  switch (rule.kind) {
    case 'amount':
      return `${rule.label}须在 ${formatCheckerAmountLimit(rule.min)} 到 ${formatCheckerAmountLimit(rule.max)}之间`;
    case 'percent':
      return `${rule.label}须在 ${rule.min} 到 ${rule.max}% 之间`;
    case 'count':
      return `${rule.label}须为 ${rule.min} 到 ${rule.max}${rule.unit ? ` ${rule.unit}` : ' '}之间的整数`;
  }
}

interface NormalizedText {
  text: string;
  hadPercentSign: boolean;
  /** Multiplier from a 千 or 万 suffix (amounts only). */
  multiplier: number;
}

/** Full-width → half-width; drops spaces, a leading ¥ and a trailing 元 / %; removes well-placed thousands commas. */
export function normalizeCheckerNumberText(raw: string, kind: CheckerNumberKind = 'amount'): NormalizedText {
  let text = raw.normalize('NFKC').replace(/[。]/g, '.').replace(/\s+/g, '').replace(/^¥/, '');
  const hadPercentSign = text.endsWith('%');
  text = text.replace(/(元|%)$/, '');
  let multiplier = 1;
  const unit = text.slice(-1);
  if (kind === 'amount' && unit in AMOUNT_UNITS) {
    multiplier = AMOUNT_UNITS[unit]!;
    text = text.slice(0, -1);
  }
  if (text.includes(',') && GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
  return { text, hadPercentSign, multiplier };
}

/** 0.7 → "70", 0.125 → "12.5". */
function fractionToPercentText(fraction: number): string {
  return String(Number((fraction * 100).toFixed(4)));
}

/** A round number inside the field's range, to show how to type one. */
function exampleWithin(rule: CheckerNumberRule, preferred: number): number {
  if (preferred >= rule.min && preferred <= rule.max) return preferred;
  const span = rule.max - rule.min;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, span / 2))));
  return Math.max(rule.min, Math.min(rule.max, Math.round((rule.min + span / 2) / step) * step));
}

/** "，例如 8000 或 1.2万" — examples that fit the field's range; 1.2万 only where 12000 does. */
export function checkerNumberExample(rule: CheckerNumberRule): string {
  switch (rule.kind) {
    case 'amount': {
      const plain = exampleWithin(rule, 8000);
      const inWan =
        rule.min <= 12000 && rule.max >= 12000 ? ' 或 1.2万' : rule.max >= 3000 && rule.min <= 3000 ? ' 或 3千' : '';
      return `，例如 ${plain}${inWan}`;
    }
    case 'percent':
      return `，例如 ${exampleWithin(rule, 70)}`;
    case 'count':
      return `，例如 ${exampleWithin(rule, 2)}`;
  }
}

export function readCheckerNumber(raw: string, rule: CheckerNumberRule): CheckerNumberReading {
  const { text, hadPercentSign, multiplier } = normalizeCheckerNumberText(raw, rule.kind);
  if (text === '' && multiplier === 1) return { status: 'empty' };
  const range = checkerRangeMessage(rule);
  if (!PLAIN_NUMBER.test(text))
    return { status: 'error', message: `${range}（请填数字${checkerNumberExample(rule)}）` };
  // An amount is money: kept to the fen (1.2万 = 12000 exactly). Percents and counts are read as typed.
  const value = rule.kind === 'amount' ? Math.round(Number(text) * multiplier * 100) / 100 : Number(text);
  if (rule.kind === 'percent' && !hadPercentSign && value > 0 && value < 1) {
    const suggestion = fractionToPercentText(value);
    // Only where the percent reading fits the field: a 0–10% field never suggests 70.
    if (Number(suggestion) <= rule.max) return { status: 'confirm', question: `是 ${suggestion}% 吗？`, suggestion };
  }
  if (!Number.isFinite(value) || value < rule.min || value > rule.max) return { status: 'error', message: range };
  if (rule.kind === 'count' && !Number.isInteger(value)) return { status: 'error', message: range };
  return { status: 'ok', value };
}
