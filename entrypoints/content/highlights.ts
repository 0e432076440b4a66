/**
 * Draws term marks with the CSS Custom Highlight API: no page node is added or
 * changed. Only terms in a band around the viewport get ranges, because Chrome
 * revalidates every range of a registered highlight whenever the highlight or
 * the page's text changes: with tens of thousands of ranges that would cost a
 * long task per change. The band is the one the scanner walked on its latest pass
 * (./band.ts): the highlighter never walks the page itself, so the cost follows
 * what is on screen, not the size of the page.
 */
import { createBandLocator, viewportBand, type Band } from './band';
import { rectOfMatch } from './hitTest';
import { planMarks, type MarkRules } from './markPlan';
import { blockOf, inDocumentOrder } from './readingOrder';
import type { TermMatch } from '@/lib/matcher/matcher';
import type { LensSettings } from '@/lib/settings/table';
import { LENS_HIGHLIGHT_NAME, LENS_TUNABLES } from './tunables';
import { createToneFinder, type BackgroundTone } from './markContrast';

type MarkStyle = LensSettings['markStyle'];

/**
 * What a mark says about its term: a 医保 term, one right after another term (drawn a step apart so two
 * terms side by side do not read as one long word), or a look-alike sense (养老保险的个人账户), drawn lighter.
 */
export type MarkKind = 'term' | 'next' | 'sense';
const MARK_KINDS: readonly MarkKind[] = ['term', 'next', 'sense'];
const KIND_SUFFIX: Record<MarkKind, string> = { term: '', next: '-next', sense: '-sense' };
const TONE_SUFFIX: Record<BackgroundTone, string> = { light: '', dark: '-dark' };
const STYLE_BASE: Record<MarkStyle, string | null> = {
  underline: LENS_HIGHLIGHT_NAME,
  background: `${LENS_HIGHLIGHT_NAME}-bg`,
  none: null,
};

/** The registered name of a mark (see style.css): style, then kind, then the background tone. */
export function highlightName(style: MarkStyle, kind: MarkKind, tone: BackgroundTone): string | null {
  const base = STYLE_BASE[style];
  return base && `${base}${KIND_SUFFIX[kind]}${TONE_SUFFIX[tone]}`;
}

const ALL_HIGHLIGHT_NAMES = (['underline', 'background'] as const).flatMap((style) =>
  MARK_KINDS.flatMap((kind) => (['light', 'dark'] as const).map((tone) => highlightName(style, kind, tone)!)),
);

/**
 * The kind of each match in a node's marked matches: a look-alike sense; else a mark that starts where the
 * previous one ends (so it is drawn apart from it); else a plain term mark. Pure.
 */
export function markKinds(matches: readonly (TermMatch & { sense?: string })[]): MarkKind[] {
  const kinds: MarkKind[] = [];
  let previousEnd = -1;
  let previousKind = 'term' as MarkKind;
  for (const m of matches) {
    const kind: MarkKind = m.sense
      ? 'sense'
      : m.start === previousEnd && previousKind !== 'next' && m.endNode === undefined
        ? 'next'
        : 'term';
    kinds.push(kind);
    previousEnd = m.endNode === undefined ? m.end : -1;
    previousKind = kind;
  }
  return kinds;
}

export interface TermHighlighterOptions {
  /** Every text node with matches (the scanner's map). */
  tracked: ReadonlyMap<Text, TermMatch[]>;
  /** Which occurrences get a mark (read at every update, so setting changes apply at the next one). */
  rules(): MarkRules;
  /** The text nodes the scanner found in the band on its latest pass. */
  bandNodes(): readonly Text[];
}

export interface TermHighlighter {
  /** A node's matches were found or changed. */
  setNodeMatches(node: Text): void;
  forgetNode(node: Text): void;
  /** Draws what the scanner's latest band pass found (called when a pass ends, and when the marking rules change). */
  redraw(): void;
  setStyle(style: MarkStyle): void;
  /** Ranges currently drawn. */
  drawnCount(): number;
  dispose(): void;
}

export function createTermHighlighter(
  doc: Document,
  initialStyle: MarkStyle,
  options: TermHighlighterOptions,
): TermHighlighter {
  const win = doc.defaultView!;
  const highlights = Object.fromEntries(
    MARK_KINDS.map((kind) => [kind, { light: new Highlight(), dark: new Highlight() }]),
  ) as Record<MarkKind, Record<BackgroundTone, Highlight>>;
  const allHighlights = MARK_KINDS.flatMap((kind) => [highlights[kind].light, highlights[kind].dark]);
  const tones = createToneFinder(win);
  let style = initialStyle;
  const drawn = new Map<Text, StaticRange[]>();
  /** Tracked nodes inside shadow trees: a walk of the document does not enter them, so they are checked one by one. */
  const shadowNodes = new Set<Text>();
  let disposed = false;

  function register() {
    for (const name of ALL_HIGHLIGHT_NAMES) CSS.highlights.delete(name);
    for (const kind of MARK_KINDS)
      for (const tone of ['light', 'dark'] as const) {
        const name = highlightName(style, kind, tone);
        if (name) CSS.highlights.set(name, highlights[kind][tone]);
      }
  }

  /** Whether drawn ranges already mark exactly these matches (long nodes are cut to the band: redraw those). */
  function sameRanges(ranges: StaticRange[], matches: TermMatch[]): boolean {
    if (ranges.length !== matches.length || matches.length > LENS_TUNABLES.matchesBeforeBandSearch) return false;
    return ranges.every((r, i) => r.startOffset === matches[i]!.start && r.endOffset === matches[i]!.end);
  }

  function erase(node: Text) {
    for (const range of drawn.get(node) ?? []) for (const highlight of allHighlights) highlight.delete(range);
    drawn.delete(node);
  }

  /** Matches of `node` inside the band; long nodes (a 3 MB <pre>) are cut by binary search on match rects. */
  function matchesInBand(node: Text, matches: TermMatch[], band: Band): TermMatch[] {
    if (matches.length <= LENS_TUNABLES.matchesBeforeBandSearch) return matches;
    let low = 0;
    let high = matches.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const rect = rectOfMatch(node, matches[mid]!);
      if (rect && rect.bottom < band.top) low = mid + 1;
      else high = mid;
    }
    const inBand: TermMatch[] = [];
    for (let i = low; i < matches.length && inBand.length < LENS_TUNABLES.maxRangesPerNode; i++) {
      const rect = rectOfMatch(node, matches[i]!);
      if (rect && rect.top > band.bottom) break;
      inBand.push(matches[i]!);
    }
    return inBand;
  }

  function draw(node: Text, band: Band, matches: TermMatch[]) {
    const ranges: StaticRange[] = [];
    const parent = node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
    const tone = tones.toneOf(parent);
    const inBand = matchesInBand(node, matches, band);
    const kinds = markKinds(inBand);
    for (const [i, m] of inBand.entries()) {
      const highlight = highlights[kinds[i]!][tone];
      const range = new StaticRange({
        startContainer: node,
        startOffset: m.start,
        endContainer: m.endNode ?? node,
        endOffset: m.end,
      });
      highlight.add(range);
      ranges.push(range);
    }
    drawn.set(node, ranges);
  }

  /**
   * Text nodes with matches that lie in the band, in document order: those the scanner's latest pass found
   * there (already in order), then tracked nodes of shadow trees, which that walk does not enter.
   */
  function nodesInBand(band: Band): Text[] {
    const found = options.bandNodes().filter((node) => options.tracked.has(node) && node.isConnected);
    if (shadowNodes.size > 0) {
      const position = createBandLocator(band);
      for (const node of shadowNodes) if (position(node) === 'in') found.push(node);
    }
    return found;
  }

  function currentBand(): Band {
    return viewportBand(win, LENS_TUNABLES.markBandViewports);
  }

  function redraw() {
    if (disposed) return;
    tones.clear(); // the page may have switched its own theme since
    const band = currentBand();
    const inBand = options.tracked.size ? nodesInBand(band) : [];
    const wanted = new Set(inBand);
    for (const node of drawn.keys()) if (!wanted.has(node)) erase(node);
    // Which occurrence is the first of a paragraph depends on its neighbours: plan all, redraw what changed.
    const plan = planMarks(inBand, (node) => options.tracked.get(node), options.rules());
    for (const [node, matches] of plan) {
      const current = drawn.get(node);
      if (current && sameRanges(current, matches)) continue;
      erase(node);
      draw(node, band, matches);
    }
  }

  register();

  return {
    setNodeMatches(node) {
      const root = node.getRootNode();
      if (root !== doc && root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) shadowNodes.add(node);
      // A drawn node is redrawn at once: waiting for the next band update would make marks on
      // text that a page keeps re-rendering flicker, or vanish while it re-renders faster than that.
      if (drawn.has(node)) {
        const block = blockOf(node);
        const neighbours = [...drawn.keys()].filter((other) => other === node || blockOf(other) === block);
        const plan = planMarks(inDocumentOrder(neighbours), (n) => options.tracked.get(n), options.rules());
        const band = currentBand();
        for (const [other, matches] of plan) {
          erase(other);
          draw(other, band, matches);
        }
      }
      // Other new matches are drawn when the scanner's pass that found them ends (redraw).
    },
    forgetNode(node) {
      erase(node);
      shadowNodes.delete(node);
    },
    redraw,
    setStyle(next) {
      style = next;
      register();
    },
    drawnCount: () => allHighlights.reduce((sum, highlight) => sum + highlight.size, 0),
    dispose() {
      disposed = true;
      for (const highlight of allHighlights) {
        highlight.clear();
        for (const name of ALL_HIGHLIGHT_NAMES) if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      }
      drawn.clear();
      shadowNodes.clear();
    },
  };
}
