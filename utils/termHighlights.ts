/**
 * Draws term marks with the CSS Custom Highlight API: no page node is added or
 * changed. Only text near the viewport gets ranges (IntersectionObserver on the
 * text's parent element), so the cost follows what is on screen, not page size.
 */
import type { TermMatch } from './matcher';
import { LENS_HIGHLIGHT_NAME, LENS_TUNABLES } from './tunables';

export type MarkStyle = 'underline' | 'background' | 'none';

export const HIGHLIGHT_NAME_BY_STYLE: Record<MarkStyle, string | null> = {
  underline: LENS_HIGHLIGHT_NAME,
  background: `${LENS_HIGHLIGHT_NAME}-bg`,
  none: null,
};

export interface TermHighlighter {
  setNodeMatches(node: Text, matches: TermMatch[]): void;
  forgetNode(node: Text): void;
  setStyle(style: MarkStyle): void;
  /** Ranges currently drawn. */
  drawnCount(): number;
  dispose(): void;
}

export function createTermHighlighter(initialStyle: MarkStyle, isEntryShown: (entry: number) => boolean): TermHighlighter {
  const highlight = new Highlight();
  let style = initialStyle;
  const rangesOf = new Map<Text, StaticRange[]>();
  const matchesOf = new Map<Text, TermMatch[]>();
  const nodesOfElement = new Map<Element, Set<Text>>();
  const elementOf = new Map<Text, Element>();
  const visibleElements = new Set<Element>();

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const element = entry.target;
        if (entry.isIntersecting) {
          visibleElements.add(element);
          for (const node of nodesOfElement.get(element) ?? []) draw(node);
        } else {
          visibleElements.delete(element);
        }
      }
    },
    { rootMargin: LENS_TUNABLES.markRootMargin },
  );

  function register() {
    for (const name of Object.values(HIGHLIGHT_NAME_BY_STYLE)) if (name) CSS.highlights.delete(name);
    const name = HIGHLIGHT_NAME_BY_STYLE[style];
    if (name) CSS.highlights.set(name, highlight);
  }

  function erase(node: Text) {
    for (const range of rangesOf.get(node) ?? []) highlight.delete(range);
    rangesOf.delete(node);
  }

  function draw(node: Text) {
    if (rangesOf.has(node)) return;
    const matches = matchesOf.get(node);
    if (!matches) return;
    const ranges: StaticRange[] = [];
    for (const m of matches) {
      if (!isEntryShown(m.entry)) continue;
      const range = new StaticRange({ startContainer: node, startOffset: m.start, endContainer: node, endOffset: m.end });
      highlight.add(range);
      ranges.push(range);
    }
    rangesOf.set(node, ranges);
  }

  register();

  return {
    setNodeMatches(node, matches) {
      erase(node);
      matchesOf.set(node, matches);
      const element = node.parentElement;
      if (!element) return;
      let nodes = nodesOfElement.get(element);
      if (!nodes) {
        nodes = new Set();
        nodesOfElement.set(element, nodes);
        observer.observe(element);
      }
      nodes.add(node);
      elementOf.set(node, element);
      if (visibleElements.has(element)) draw(node);
    },
    forgetNode(node) {
      erase(node);
      matchesOf.delete(node);
      const element = elementOf.get(node);
      if (!element) return;
      elementOf.delete(node);
      const nodes = nodesOfElement.get(element);
      if (nodes && nodes.delete(node) && nodes.size === 0) {
        nodesOfElement.delete(element);
        visibleElements.delete(element);
        observer.unobserve(element);
      }
    },
    setStyle(next) {
      style = next;
      register();
    },
    drawnCount: () => highlight.size,
    dispose() {
      observer.disconnect();
      highlight.clear();
      for (const name of Object.values(HIGHLIGHT_NAME_BY_STYLE)) if (name && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      rangesOf.clear();
      matchesOf.clear();
      nodesOfElement.clear();
      elementOf.clear();
      visibleElements.clear();
    },
  };
}
