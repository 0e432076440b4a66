/**
 * The loader's one question: does this page have Chinese text? A cheap look first (the title and the first text
 * nodes), then, on a page that has none yet, a light watch for Chinese text that arrives later (single-page apps).
 *
 * Every page pays for this, so it touches as little as it can: no element is read (the first element a content
 * script touches costs it the element bindings of its world), no RegExp is used (the first one a world runs costs
 * more than this whole check), no layout is forced and nothing is matched. The title is tested exactly; longer text
 * for the most frequent Chinese characters (see looksChinese).
 */

/** Is `text` holding a Han character? Exact, one character at a time (the title here; the engine's text nodes too). */
export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) return true;
  }
  return false;
}

/**
 * The most frequent characters of written Chinese, then those most used by our glossary's terms (统筹基金 holds 基).
 * A few sentences of Chinese hold several of them, and any text that holds one of our terms holds one, so a sample
 * that holds none is no page for us. On a page of Latin text each scan ends at once (a one-byte string cannot
 * hold a Han character).
 */
const COMMON_HAN = [
  ...new Set(
    '的一是不了在人有中国这个们来上大为和地到以说时要就出会可也对生能' +
      '保医费缴人付疗药参基险账诊期个算病户地结就省补门支待目报年用员异本工销品居助卡案',
  ),
];

/**
 * Does a long sample read as Chinese? Native String.includes for each common character: measured here, a
 * character loop over 8,000 characters costs a page about 1 ms before the code is optimised, and the first RegExp
 * of a content-script world about 0.7 ms; these scans cost about 0.1 ms.
 */
export function looksChinese(sample: string): boolean {
  for (const character of COMMON_HAN) if (sample.includes(character)) return true;
  return false;
}

const FIRST_TEXT_NODES = 200;
/** Characters looked at in all: long English paragraphs need not be read to the end. */
const FIRST_CHARS = 8000;
/** Characters looked at per text node: a long inline script or style must not use up the sample. */
const CHARS_PER_NODE = 400;
/** Mutations are looked at in batches this far apart; a page without Chinese pays one short check per batch. */
const WATCH_BATCH_MS = 500;
/** Characters of added content looked at per batch. */
const WATCH_CHARS_PER_BATCH = 20000;

export function pageLooksChinese(doc: Document): boolean {
  if (hasHan(doc.title)) return true;
  // From the document node itself: text of <head> is in the sample too, which is cheaper than reading <body>.
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  const sample: string[] = [];
  let budget = FIRST_CHARS;
  for (let i = 0, node = walker.nextNode(); node && i < FIRST_TEXT_NODES && budget > 0; i++, node = walker.nextNode()) {
    const data = (node as Text).data;
    const piece = data.length > CHARS_PER_NODE ? data.slice(0, CHARS_PER_NODE) : data;
    sample.push(piece);
    budget -= piece.length;
  }
  return looksChinese(sample.join('\n'));
}

/** Calls `found` once, now or when Chinese text first appears; returns a function that stops watching. */
export function whenChineseText(doc: Document, found: () => void): () => void {
  if (pageLooksChinese(doc)) {
    found();
    return () => undefined;
  }
  let added: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    timer = null;
    let budget = WATCH_CHARS_PER_BATCH;
    const nodes = added;
    added = [];
    if (hasHan(doc.title)) {
      stop();
      found();
      return;
    }
    const sample: string[] = [];
    for (const node of nodes) {
      const text = (node.textContent ?? '').slice(0, budget);
      sample.push(text);
      budget -= text.length;
      if (budget <= 0) break;
    }
    if (looksChinese(sample.join('\n'))) {
      stop();
      found();
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') added.push(record.target);
      else for (const node of record.addedNodes) added.push(node);
    }
    timer ??= setTimeout(check, WATCH_BATCH_MS);
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  const stop = () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    added = [];
  };
  return stop;
}
