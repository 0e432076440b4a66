/** Reading amounts written in Arabic or Chinese numerals: 1.5万, 一千二百, 二十万, 百分之八十五. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** 一千二百 → 1200, 二十万 → 200000, 十五 → 15, 八点五 → 8.5; null when it is not a numeral. */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  const point = text.indexOf('点');
  if (point >= 0) {
    const whole = parseChineseNumeral(text.slice(0, point));
    const fraction = text.slice(point + 1);
    if (whole === null || !fraction) return null;
    let decimals = '';
    for (const ch of fraction) {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      decimals += d;
    }
    return Number(`${whole}.${decimals}`);
  }
  if (text.length > 1 && [...text].every((ch) => ch in DIGITS)) {
    // 二〇二四: read digit by digit.
    return Number([...text].map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch in BIG_UNITS) {
      total = (total + section + (digit ?? 0)) * BIG_UNITS[ch]!;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Full-width digits, ％, ．and ，in numbers become ASCII, one character for one (offsets stay). */
export function normalizeDigits(text: string): string {
  if (!/[０-９％．]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
    else if (ch === '％') out += '%';
    else if (ch === '．') out += '.';
    else out += ch;
  }
  return out;
}
