/**
 * Finds glossary terms in a document's text without touching the page: walks
 * text nodes (and open shadow roots) in short idle slices, then follows
 * changes with one batched MutationObserver per root.
 */
import type { TermMatch, TermMatcher } from './matcher';
import { LENS_TUNABLES } from './tunables';

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);
const HAN = /[\u3400-\u9fff]/;
const CHUNK_OVERLAP = 32;

export interface PageScannerHooks {
  /** A text node gained matches, or its matches changed. */
  onMatches(node: Text, matches: TermMatch[]): void;
  /** A text node that had matches is gone or has none any more. */
  onForget(node: Text): void;
  /** An open shadow root was found (so styles or hit-testing can include it). */
  onShadowRoot?(root: ShadowRoot): void;
  /** A scan pass (initial or after mutations) finished. */
  onIdle?(): void;
}

export interface PageScannerOptions {
  /** Elements of our own UI, never scanned. */
  isOwnElement(element: Element): boolean;
  /** Elements to scan before the rest, e.g. what is on screen now. */
  priorityRoots?(): Element[];
  /** Schedules a slice of work; requestIdleCallback in browsers. */
  scheduleSlice?(work: () => void): void;
  now?(): number;
}

export interface PageScanner {
  start(): void;
  stop(): void;
  /** Text nodes with matches right now. */
  readonly tracked: ReadonlyMap<Text, TermMatch[]>;
  /** Work items waiting (0 when the page is fully scanned). */
  pendingWork(): number;
}

function defaultScheduleSlice(work: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: 200 });
  else setTimeout(work, 0);
}

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when a text node sits inside something we never scan (form field, editor, script…). */
export function isInsideSkippedElement(node: Node, isOwnElement: (e: Element) => boolean): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el) || isOwnElement(el)) return true;
  }
  return false;
}

export function createPageScanner(doc: Document, matcher: TermMatcher, hooks: PageScannerHooks, options: PageScannerOptions): PageScanner {
  const scheduleSlice = options.scheduleSlice ?? defaultScheduleSlice;
  const now = options.now ?? (() => performance.now());
  const tracked = new Map<Text, TermMatch[]>();
  /** Roots and subtrees still to walk. */
  const walkQueue: Node[] = [];
  /** Text nodes whose content changed and must be matched again. */
  const textQueue = new Set<Text>();
  const observers: MutationObserver[] = [];
  let observedRoots = new WeakSet<Node>();
  let walker: TreeWalker | null = null;
  let pendingRecords: MutationRecord[] = [];
  let batchTimer: ReturnType<typeof setTimeout> | null = null;
  let sliceScheduled = false;
  let stopped = true;
  let sweepNeeded = false;

  const filter = {
    acceptNode(node: Node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (isSkippedElement(element) || options.isOwnElement(element)) return NodeFilter.FILTER_REJECT;
      if (element.shadowRoot) adoptShadowRoot(element.shadowRoot);
      return NodeFilter.FILTER_SKIP;
    },
  };

  function adoptShadowRoot(root: ShadowRoot) {
    if (observedRoots.has(root)) return;
    observe(root);
    hooks.onShadowRoot?.(root);
    walkQueue.push(root);
  }

  function observe(root: Node) {
    observedRoots.add(root);
    const observer = new MutationObserver(onMutations);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    observers.push(observer);
  }

  function matchTextNode(node: Text) {
    const text = node.data;
    let matches: TermMatch[] = [];
    if (text.length >= 2 && HAN.test(text) && !matcher.cannotMatch(text)) {
      if (text.length <= LENS_TUNABLES.textChunkChars) {
        matches = matcher.findTermMatches(text);
      } else {
        for (let from = 0; from < text.length; from += LENS_TUNABLES.textChunkChars) {
          const to = from + LENS_TUNABLES.textChunkChars;
          for (const m of matcher.findTermMatches(text.slice(from, to + CHUNK_OVERLAP))) {
            if (m.start < LENS_TUNABLES.textChunkChars) matches.push({ start: m.start + from, end: m.end + from, entry: m.entry });
          }
        }
      }
    }
    if (matches.length > 0) {
      tracked.set(node, matches);
      hooks.onMatches(node, matches);
    } else if (tracked.delete(node)) {
      hooks.onForget(node);
    }
  }

  function forget(node: Text) {
    if (tracked.delete(node)) hooks.onForget(node);
  }

  function sweepDisconnected() {
    for (const node of tracked.keys()) if (!node.isConnected) forget(node);
    sweepNeeded = false;
  }

  /** Does one slice of work; returns true when more remains. */
  function runSlice(): boolean {
    const deadline = now() + LENS_TUNABLES.scanSliceMs;
    let steps = 0;
    const timeUp = () => ++steps % LENS_TUNABLES.nodesPerClockCheck === 0 && now() > deadline;
    if (sweepNeeded) sweepDisconnected();
    for (const node of textQueue) {
      textQueue.delete(node);
      if (node.isConnected && !isInsideSkippedElement(node, options.isOwnElement)) matchTextNode(node);
      else forget(node);
      if (timeUp()) return true;
    }
    while (walker || walkQueue.length > 0) {
      if (!walker) {
        const root = walkQueue.shift()!;
        if (root.nodeType === Node.TEXT_NODE) {
          if (root.isConnected && !isInsideSkippedElement(root, options.isOwnElement)) matchTextNode(root as Text);
          if (timeUp()) return true;
          continue;
        }
        if (root.nodeType === Node.ELEMENT_NODE && (filter.acceptNode(root) === NodeFilter.FILTER_REJECT || isInsideSkippedElement(root, options.isOwnElement))) continue;
        walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter);
      }
      let node = walker.nextNode();
      while (node) {
        if (node.nodeType === Node.TEXT_NODE) matchTextNode(node as Text);
        if (timeUp()) return true;
        node = walker.nextNode();
      }
      walker = null;
    }
    return false;
  }

  function scheduleWork() {
    if (sliceScheduled || stopped) return;
    sliceScheduled = true;
    scheduleSlice(() => {
      sliceScheduled = false;
      if (stopped) return;
      if (runSlice()) scheduleWork();
      else hooks.onIdle?.();
    });
  }

  function onMutations(records: MutationRecord[]) {
    for (const record of records) pendingRecords.push(record);
    if (batchTimer === null) batchTimer = setTimeout(processMutations, LENS_TUNABLES.mutationBatchMs);
  }

  function processMutations() {
    batchTimer = null;
    const records = pendingRecords;
    pendingRecords = [];
    for (const record of records) {
      const target = record.target;
      const targetElement = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      if (targetElement && options.isOwnElement(targetElement)) continue;
      if (record.type === 'characterData') {
        textQueue.add(target as Text);
        continue;
      }
      for (const removed of record.removedNodes) {
        if (removed.nodeType === Node.TEXT_NODE) forget(removed as Text);
        else if (removed.nodeType === Node.ELEMENT_NODE && tracked.size > 0) sweepNeeded = true;
      }
      for (const added of record.addedNodes) {
        if (added.nodeType === Node.TEXT_NODE) textQueue.add(added as Text);
        else if (added.nodeType === Node.ELEMENT_NODE && !options.isOwnElement(added as Element)) walkQueue.push(added);
      }
    }
    scheduleWork();
  }

  return {
    tracked,
    start() {
      if (!stopped) return;
      stopped = false;
      const root = doc.body ?? doc.documentElement;
      if (!root) return;
      observe(doc);
      for (const element of options.priorityRoots?.() ?? []) if (element !== root) walkQueue.push(element);
      walkQueue.push(root);
      scheduleWork();
    },
    stop() {
      stopped = true;
      for (const observer of observers) observer.disconnect();
      observers.length = 0;
      observedRoots = new WeakSet();
      if (batchTimer !== null) clearTimeout(batchTimer);
      batchTimer = null;
      pendingRecords = [];
      walker = null;
      walkQueue.length = 0;
      textQueue.clear();
      for (const node of Array.from(tracked.keys())) forget(node);
    },
    pendingWork: () => walkQueue.length + textQueue.size + (walker ? 1 : 0) + pendingRecords.length,
  };
}
