/**
 * Reads what a user typed into one number field of the checker. Pure, no DOM.
 *
 * - Amounts (元): 8000, 8,000, ８０００, ¥8000, 8000元, 1.2万 (= 12000), 12万 (= 120000).
 * - Percents: 70 and 70% both mean 70%. A value strictly between 0 and 1 typed
 *   without % (0.7) is not guessed: the caller asks "是 70% 吗？" and waits.
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
  /** Multiplier from a 万 suffix (amounts only). */
  multiplier: number;
}

/** Full-width → half-width; drops spaces, a leading ¥ and a trailing 元 / %; removes well-placed thousands commas. */
export function normalizeCheckerNumberText(raw: string, kind: CheckerNumberKind = 'amount'): NormalizedText {
  let text = raw.normalize('NFKC').replace(/[。]/g, '.').replace(/\s+/g, '').replace(/^¥/, '');
  const hadPercentSign = text.endsWith('%');
  text = text.replace(/(元|%)$/, '');
  let multiplier = 1;
  if (kind === 'amount' && text.endsWith('万')) {
    multiplier = TEN_THOUSAND;
    text = text.slice(0, -1);
  }
  if (text.includes(',') && GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
  return { text, hadPercentSign, multiplier };
}

/** 0.7 → "70", 0.125 → "12.5". */
function fractionToPercentText(fraction: number): string {
  return String(Number((fraction * 100).toFixed(4)));
}

export function readCheckerNumber(raw: string, rule: CheckerNumberRule): CheckerNumberReading {
  const { text, hadPercentSign, multiplier } = normalizeCheckerNumberText(raw, rule.kind);
  if (text === '' && multiplier === 1) return { status: 'empty' };
  const range = checkerRangeMessage(rule);
  if (!PLAIN_NUMBER.test(text)) {
    const example = rule.kind === 'amount' ? '，例如 8000 或 1.2万' : rule.kind === 'percent' ? '，例如 70' : '';
    return { status: 'error', message: `${range}（请填数字${example}）` };
  }
  // An amount is money: kept to the fen (1.2万 = 12000 exactly). Percents and counts are read as typed.
  const value = rule.kind === 'amount' ? Math.round(Number(text) * multiplier * 100) / 100 : Number(text);
  if (rule.kind === 'percent' && !hadPercentSign && value > 0 && value < 1) {
    const suggestion = fractionToPercentText(value);
    return { status: 'confirm', question: `是 ${suggestion}% 吗？`, suggestion };
  }
  if (!Number.isFinite(value) || value < rule.min || value > rule.max) return { status: 'error', message: range };
  if (rule.kind === 'count' && !Number.isInteger(value)) return { status: 'error', message: range };
  return { status: 'ok', value };
}
