/**
 * The loader's one question: does this page have Chinese text? A cheap look first (the document's language,
 * its title, the first text nodes), then, on a page that has none yet, a light watch for Chinese text that
 * arrives later (single-page apps). No layout is forced and nothing is matched here.
 */
const HAN = /[\u3400-\u9fff]/;
const FIRST_TEXT_NODES = 200;
/** Mutations are looked at in batches this far apart; a page without Chinese pays one short check per batch. */
const WATCH_BATCH_MS = 500;
/** Characters of added content looked at per batch. */
const WATCH_CHARS_PER_BATCH = 20000;

export function pageLooksChinese(doc: Document): boolean {
  if (doc.documentElement.lang.toLowerCase().startsWith('zh') || HAN.test(doc.title)) return true;
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let i = 0, node = walker.nextNode(); node && i < FIRST_TEXT_NODES; i++, node = walker.nextNode()) {
    if (HAN.test((node as Text).data)) return true;
  }
  return false;
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
    for (const node of nodes) {
      const text = (node.textContent ?? '').slice(0, budget);
      budget -= text.length;
      if (HAN.test(text) || HAN.test(doc.title)) {
        stop();
        found();
        return;
      }
      if (budget <= 0) break;
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
