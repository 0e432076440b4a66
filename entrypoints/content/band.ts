/**
 * The band: the part of the page within one viewport height above and below the screen (tunable). Both the
 * scanner (what to match) and the highlighter (what to draw) work only inside it, so their cost follows what
 * is on screen, not the length of the page. A text node's place is read from its parent element's box
 * (cached per element for one pass), and the band is found by walking the text in document order outwards
 * from a few start nodes until it has been outside the band for a while.
 */
export interface Band {
  top: number;
  bottom: number;
}

export type BandPosition = 'above' | 'in' | 'below' | 'hidden';

export function viewportBand(win: Window, viewports: number): Band {
  const margin = win.innerHeight * viewports;
  return { top: -margin, bottom: win.innerHeight + margin };
}

/** Where text nodes lie relative to `band`, by their parent's box; one cache per pass. */
export function createBandLocator(band: Band): (node: Text) => BandPosition {
  const rectOf = new Map<Element, DOMRect>();
  return (node) => {
    const parent = node.parentElement;
    if (!parent) return 'hidden';
    let rect = rectOf.get(parent);
    if (!rect) {
      rect = parent.getBoundingClientRect();
      rectOf.set(parent, rect);
    }
    if (rect.width === 0 && rect.height === 0) return 'hidden';
    if (rect.bottom < band.top) return 'above';
    if (rect.top > band.bottom) return 'below';
    return 'in';
  };
}

export interface BandWalkLimits {
  /** Nodes visited at most in one walk (all starts together). */
  budget: number;
  /** Text nodes in a row outside the band before a direction stops (layouts are not always in document order). */
  slack: number;
}

type CaretDoc = { caretPositionFromPoint?(x: number, y: number): CaretPosition | null };

/** A node under a point of the screen, to start walking from when nothing else is known. */
export function nodeAtScreenPoint(doc: Document, fx: number, fy: number): Node | null {
  const win = doc.defaultView;
  if (!win) return null;
  const caret = (doc as unknown as CaretDoc).caretPositionFromPoint?.(win.innerWidth * fx, win.innerHeight * fy);
  return caret?.offsetNode ?? null;
}

/**
 * Walks text nodes (and elements, reported to `onElement`) in document order from each start, forwards and
 * backwards, and returns the text nodes inside the band, in document order (so no caller has to sort them).
 * Whitespace-only text is passed over: between tags it takes its container's box, which says nothing about
 * where text is.
 */
export function walkBand(
  doc: Document,
  starts: readonly Node[],
  locate: (node: Text) => BandPosition,
  limits: BandWalkLimits,
  onElement?: (element: Element) => void,
): Text[] {
  const visited = new Set<Node>();
  const segments: Text[][] = [];
  let budget = limits.budget;
  for (const start of starts) {
    if (!start.isConnected || visited.has(start)) continue;
    const walker = doc.createTreeWalker(start.getRootNode(), NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const before: Text[] = [];
    const after: Text[] = [];
    for (const forward of [true, false]) {
      walker.currentNode = start;
      let outside = 0;
      let node: Node | null = forward ? start : walker.previousNode();
      for (; node && budget > 0; node = forward ? walker.nextNode() : walker.previousNode()) {
        budget--;
        if (visited.has(node) && node !== start) break;
        visited.add(node);
        if (node.nodeType === Node.ELEMENT_NODE) {
          onElement?.(node as Element);
          continue;
        }
        const text = node as Text;
        if (text.data.trim() === '') continue;
        const where = locate(text);
        if (where === 'in') {
          (forward ? after : before).push(text);
          outside = 0;
        } else if (where !== 'hidden' && where !== (forward ? 'above' : 'below') && ++outside > limits.slack) {
          break;
        }
      }
    }
    const segment = [...before.reverse(), ...after];
    if (segment.length > 0) segments.push(segment);
  }
  // Each segment is a run in document order; a few starts give a few runs, put in order by their first node.
  segments.sort((a, b) => (a[0]!.compareDocumentPosition(b[0]!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return segments.flat();
}
