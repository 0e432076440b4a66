/**
 * The loader's one question: does this page have Chinese text? A cheap look first (the title and the first text
 * nodes), then, on a page that has none yet, a light watch for Chinese text that arrives later (single-page apps).
 *
 * Every page pays for this, so it touches as little as it can: no element is read (the first element a content
 * script touches costs it the element bindings of its world, about as much as everything else here), text is
 * tested with one RegExp over a bounded sample (a character loop is slower before the code is optimised), no
 * layout is forced and nothing is matched.
 */
const HAN = /[\u3400-\u9fff]/;
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
  if (HAN.test(doc.title)) return true;
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
  return HAN.test(sample.join('\n'));
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
    const sample = [doc.title];
    for (const node of nodes) {
      const text = (node.textContent ?? '').slice(0, budget);
      sample.push(text);
      budget -= text.length;
      if (budget <= 0) break;
    }
    if (HAN.test(sample.join('\n'))) {
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
