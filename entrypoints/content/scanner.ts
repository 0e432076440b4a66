/**
 * Finds glossary terms in a document's text without touching the page: walks
 * text nodes (and open shadow roots) in short idle slices, then follows
 * changes with one batched MutationObserver per root. Roots whose host has left
 * the page are let go, so a page that keeps replacing components costs nothing
 * extra over time.
 */
import type { TermMatch, TermMatcher } from '@/lib/matcher/matcher';
import { LENS_TUNABLES } from './tunables';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);
/**
 * SVG elements whose text we leave alone: Chromium draws SVG text with a custom
 * highlight badly (glyphs on a textPath come out mangled) and does not paint the
 * underline on plain <text> at all; title/desc are not drawn.
 */
const SKIPPED_SVG_TAGS = new Set(['text', 'title', 'desc', 'style', 'script', 'metadata']);
const SVG_NS = 'http://www.w3.org/2000/svg';
const HAN = /[\u3400-\u9fff]/;
const CHUNK_OVERLAP = 32;

export interface PageScannerHooks {
  /** A text node gained matches, or its matches changed. */
  onMatches(node: Text, matches: TermMatch[]): void;
  /** A text node that had matches is gone or has none any more. */
  onForget(node: Text): void;
  /** An open shadow root was found (so styles or hit-testing can include it). */
  onShadowRoot?(root: ShadowRoot): void;
  /** A shadow root's host left the page; the root is no longer observed. */
  onShadowRootGone?(root: ShadowRoot): void;
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
  /** Senses hook: may attach a sense to matches of ambiguous entries or drop unrelated ones (senseContext.ts). */
  refineMatches?(node: Text, matches: TermMatch[]): TermMatch[];
}

export interface PageScanner {
  start(): void;
  stop(): void;
  /** Text nodes with matches right now. */
  readonly tracked: ReadonlyMap<Text, TermMatch[]>;
  /** Work items waiting (0 when the page is fully scanned). */
  pendingWork(): number;
  /** Mutation batches processed so far, and roots (document, shadow roots) under observation. */
  stats(): { batches: number; observedRoots: number };
}

function defaultScheduleSlice(work: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: 200 });
  else setTimeout(work, 0);
}

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (SKIPPED_SVG_TAGS.has(element.tagName) && element.namespaceURI === SVG_NS) return true;
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

export function createPageScanner(
  doc: Document,
  matcher: TermMatcher,
  hooks: PageScannerHooks,
  options: PageScannerOptions,
): PageScanner {
  const scheduleSlice = options.scheduleSlice ?? defaultScheduleSlice;
  const now = options.now ?? (() => performance.now());
  const tracked = new Map<Text, TermMatch[]>();
  /** Roots and subtrees still to walk. */
  const walkQueue: Node[] = [];
  /** Text nodes whose content changed and must be matched again. */
  const textQueue = new Set<Text>();
  /** The document and the open shadow roots under observation. */
  const observed = new Map<Node, MutationObserver>();
  /** Custom elements not yet defined when walked: their shadow root may appear later without any mutation. */
  const undefinedHosts = new Set<Element>();
  let recheckTimer: ReturnType<typeof setTimeout> | null = null;
  let recheckRound = 0;
  let walker: TreeWalker | null = null;
  /** The next node the walker returned but a slice did not process yet. */
  let walkerNext: Node | null = null;
  let pendingRecords: MutationRecord[] = [];
  let batchTimer: ReturnType<typeof setTimeout> | null = null;
  let sliceScheduled = false;
  let stopped = true;
  let sweepNeeded = false;
  let batches = 0;

  /** Whether to skip an element's whole subtree; on the way, notes shadow roots and not-yet-defined components. */
  function skipsSubtree(element: Element): boolean {
    if (isSkippedElement(element) || options.isOwnElement(element)) return true;
    if (element.shadowRoot) adoptShadowRoot(element.shadowRoot);
    else if (element.tagName.includes('-') && !element.matches(':defined')) watchUndefinedHost(element);
    return false;
  }

  function adoptShadowRoot(root: ShadowRoot) {
    if (observed.has(root)) return;
    observe(root);
    hooks.onShadowRoot?.(root);
    walkQueue.push(root);
  }

  function observe(root: Node) {
    const observer = new MutationObserver(onMutations);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    observed.set(root, observer);
  }

  /** Looks again, a few times with growing pauses, at custom elements that were not defined yet when walked. */
  function watchUndefinedHost(element: Element) {
    undefinedHosts.add(element);
    recheckRound = 0;
    if (recheckTimer === null)
      recheckTimer = setTimeout(recheckUndefinedHosts, LENS_TUNABLES.customElementRecheckMs[0]);
  }

  function recheckUndefinedHosts() {
    recheckTimer = null;
    if (stopped) return;
    for (const element of undefinedHosts) {
      if (!element.isConnected) undefinedHosts.delete(element);
      else if (element.shadowRoot) {
        undefinedHosts.delete(element);
        if (!isInsideSkippedElement(element, options.isOwnElement)) adoptShadowRoot(element.shadowRoot);
      } else if (element.matches(':defined')) undefinedHosts.delete(element);
    }
    scheduleWork();
    const delay = LENS_TUNABLES.customElementRecheckMs[++recheckRound];
    if (undefinedHosts.size === 0 || delay === undefined) undefinedHosts.clear();
    else recheckTimer = setTimeout(recheckUndefinedHosts, delay);
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
            if (m.start < LENS_TUNABLES.textChunkChars)
              matches.push({ start: m.start + from, end: m.end + from, entry: m.entry });
          }
        }
      }
    }
    if (matches.length > 0 && options.refineMatches) matches = options.refineMatches(node, matches);
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
    for (const [root, observer] of observed) {
      if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE || (root as ShadowRoot).host.isConnected) continue;
      observer.disconnect();
      observed.delete(root);
      hooks.onShadowRootGone?.(root as ShadowRoot);
    }
    sweepNeeded = false;
  }

  /** Does one slice of work; returns true when more remains. */
  /** The node after `element`'s subtree, skipping everything inside it. */
  function nextOutside(treeWalker: TreeWalker, element: Node): Node | null {
    treeWalker.currentNode = element;
    for (;;) {
      const sibling = treeWalker.nextSibling();
      if (sibling) return sibling;
      if (!treeWalker.parentNode()) return null;
    }
  }

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
        // Added and removed again before we got to it.
        if (!root.isConnected) continue;
        if (root.nodeType === Node.TEXT_NODE) {
          if (root.isConnected && !isInsideSkippedElement(root, options.isOwnElement)) matchTextNode(root as Text);
          if (timeUp()) return true;
          continue;
        }
        if (
          root.nodeType === Node.ELEMENT_NODE &&
          (skipsSubtree(root as Element) || isInsideSkippedElement(root, options.isOwnElement))
        )
          continue;
        // No NodeFilter: a JS callback per node costs more than the walk itself on large pages.
        walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        walkerNext = null;
      }
      let node = walkerNext ?? walker.nextNode();
      while (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          matchTextNode(node as Text);
          node = walker.nextNode();
        } else {
          node = skipsSubtree(node as Element) ? nextOutside(walker, node) : walker.nextNode();
        }
        if (timeUp()) {
          walkerNext = node;
          if (!node) walker = null;
          return true;
        }
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
    batches++;
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
        else if (removed.nodeType === Node.ELEMENT_NODE && (tracked.size > 0 || observed.size > 1)) sweepNeeded = true;
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
      for (const observer of observed.values()) observer.disconnect();
      observed.clear();
      undefinedHosts.clear();
      if (recheckTimer !== null) clearTimeout(recheckTimer);
      recheckTimer = null;
      if (batchTimer !== null) clearTimeout(batchTimer);
      batchTimer = null;
      pendingRecords = [];
      walker = null;
      walkerNext = null;
      walkQueue.length = 0;
      textQueue.clear();
      for (const node of Array.from(tracked.keys())) forget(node);
    },
    pendingWork: () => walkQueue.length + textQueue.size + (walker ? 1 : 0) + pendingRecords.length,
    stats: () => ({ batches, observedRoots: observed.size }),
  };
}
