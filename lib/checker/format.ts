/** Number formatting and the note type every checker tool uses. Pure functions, no DOM. */

/** One explanation shown to the user, with the ids (data/sources.json) it rests on. */
export interface CheckerNote {
  text: string;
  sources: string[];
  /** The exact words of a national document the note rests on (checked by data/quotes.test.ts). */
  quote?: string;
  /** 第X条 or the section of that document. */
  where?: string;
  /** The source id (one of `sources`) the quote is from. */
  quoteOf?: string;
}

/** Rounds an amount of money to the fen (0.01 元). */
export function roundCheckerYuan(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** 177000 → "177,000"; 155.5 → "155.50". Whole amounts show no decimals. */
export function formatCheckerYuan(amount: number): string {
  const fen = Math.round(amount * 100);
  const sign = fen < 0 ? '−' : '';
  const absolute = Math.abs(fen) / 100;
  const text = absolute.toFixed(Math.abs(fen) % 100 === 0 ? 0 : 2);
  const [whole = '0', decimals] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + (decimals === undefined ? grouped : `${grouped}.${decimals}`);
}

/** 0.02 → "2%", 0.025 → "2.5%". */
export function formatCheckerPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}
