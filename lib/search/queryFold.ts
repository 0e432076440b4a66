/**
 * How a search query (and every Chinese key it is compared with) is folded. Its own small module: the popup's
 * quick search folds typed text the same way before the full index (and fuse.js) has loaded.
 */
import { foldChineseVariants } from './chineseVariants';

export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
export const GLOSSARY_QUERY_MAX_CHARS = 64;

/** What both query and Chinese keys go through: NFKC, lower case, letters and digits only, simplified characters. */
export const foldGlossaryText = (s: string) =>
  foldChineseVariants(
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, ''),
  );

/**
 * Lower case, half-width, no spaces or punctuation, simplified characters;
 * "Tong Chou" → "tongchou", "ＧＲＺＨ" → "grzh", "lv" → "l" (ü), "個人帳戶" → "个人账户".
 */
export function normalizeGlossaryQuery(raw: string): string {
  let text = foldGlossaryText(raw);
  // The compiled pinyin keys drop ü (lü → l); people type it as v or ü.
  if (!HAN.test(text)) text = text.replace(/(?<=[ln])[vü]/g, '');
  return text.slice(0, GLOSSARY_QUERY_MAX_CHARS);
}
