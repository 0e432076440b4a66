/**
 * The pages of one open document: a placeholder per page sized from its
 * viewport, drawn (canvas + selectable text layer) only when it nears the
 * screen, and released again (canvas emptied, page.cleanup()) when it is far.
 * Drawing runs in pdf.js's own short slices, each continued at idle time, so
 * no task of ours is long; parsing happens in pdf.js's worker.
 */
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist';

/** Pages within this distance of the screen are drawn; farther ones are released. */
const DRAW_MARGIN = '100% 0px';
const RELEASE_MARGIN = '400% 0px';
/** Canvas pixels per page at most (a 4K-wide page at 300 % would otherwise take hundreds of MB). */
const MAX_CANVAS_PIXELS = 16_000_000;

interface PageSlot {
  index: number;
  element: HTMLElement;
  /** Size at zoom 1, in CSS pixels; from page 1 until this page's own viewport is known. */
  width: number;
  height: number;
  page: PDFPageProxy | null;
  canvas: HTMLCanvasElement | null;
  renderTask: RenderTask | null;
  drawnScale: number;
  textLayer: TextLayer | null;
  textDiv: HTMLElement | null;
  textScale: number;
  near: boolean;
  /** The drawing under way, so a page is never drawn twice at once. */
  drawing: Promise<void> | null;
  drawAgain: boolean;
}

export interface PageViews {
  readonly pageCount: number;
  setScale(scale: number): void;
  scrollToPage(pageNumber: number): void;
  /** The page whose area is most on screen (1-based). */
  currentPage(): number;
  /** Resolves once page 1's text layer is in the page. */
  firstPageShown: Promise<void>;
  /** True if none of the first pages has any text (a scanned document). */
  looksScanned(): Promise<boolean>;
  /**
   * Scrolls a page into view and gives the text-layer spans of its text items (by index in getTextContent's
   * items), once the page's text layer is drawn; null if it is not drawn within a few seconds.
   */
  textPieces(pageIndex: number, items: number[]): Promise<HTMLElement[] | null>;
  destroy(): void;
}

export interface PageViewsOptions {
  onCurrentPage(pageNumber: number): void;
  onPageError(pageNumber: number, error: unknown): void;
}

const idle = (work: () => void) => requestIdleCallback(work, { timeout: 100 });

export async function createPageViews(
  doc: PDFDocumentProxy,
  container: HTMLElement,
  initialScale: number,
  options: PageViewsOptions,
): Promise<PageViews> {
  let scale = initialScale;
  let destroyed = false;
  const first = await doc.getPage(1);
  const firstViewport = first.getViewport({ scale: 1 });
  const slots: PageSlot[] = [];
  const fragment = document.createDocumentFragment();
  for (let index = 0; index < doc.numPages; index++) {
    const element = document.createElement('section');
    element.className = 'page';
    element.dataset.pageNumber = String(index + 1);
    element.setAttribute('aria-label', `第 ${index + 1} 页`);
    const slot: PageSlot = {
      index,
      element,
      width: firstViewport.width,
      height: firstViewport.height,
      page: index === 0 ? first : null,
      canvas: null,
      renderTask: null,
      drawnScale: 0,
      textLayer: null,
      textDiv: null,
      textScale: 0,
      near: false,
      drawing: null,
      drawAgain: false,
    };
    sizeSlot(slot);
    slots.push(slot);
    fragment.append(element);
  }
  container.replaceChildren(fragment);
  container.style.setProperty('--scale-factor', String(scale));

  function sizeSlot(slot: PageSlot) {
    slot.element.style.width = `${Math.floor(slot.width * scale)}px`;
    slot.element.style.height = `${Math.floor(slot.height * scale)}px`;
  }

  async function pageOf(slot: PageSlot): Promise<PDFPageProxy> {
    if (!slot.page) {
      slot.page = await doc.getPage(slot.index + 1);
      const viewport = slot.page.getViewport({ scale: 1 });
      if (viewport.width !== slot.width || viewport.height !== slot.height) {
        slot.width = viewport.width;
        slot.height = viewport.height;
        sizeSlot(slot);
      }
    }
    return slot.page;
  }

  /** Draws the page if it is near the screen; a request during a drawing is done once it ends. */
  function scheduleDraw(slot: PageSlot): Promise<void> {
    if (slot.drawing) {
      slot.drawAgain = true;
      return slot.drawing;
    }
    slot.drawing = draw(slot).finally(() => {
      slot.drawing = null;
      if (slot.drawAgain) {
        slot.drawAgain = false;
        void scheduleDraw(slot);
      }
    });
    return slot.drawing;
  }

  async function draw(slot: PageSlot) {
    if (destroyed || !slot.near) return;
    const page = await pageOf(slot);
    if (destroyed || !slot.near) return;
    const viewport = page.getViewport({ scale });
    if (slot.drawnScale !== scale) await drawCanvas(slot, page, viewport);
    if (destroyed || !slot.near) return;
    if (!slot.textLayer) await buildTextLayer(slot, page, viewport);
    else if (slot.textScale !== scale) {
      slot.textLayer.update({ viewport });
      slot.textScale = scale;
    }
  }

  async function drawCanvas(slot: PageSlot, page: PDFPageProxy, viewport: ReturnType<PDFPageProxy['getViewport']>) {
    slot.renderTask?.cancel();
    const canvas = slot.canvas ?? document.createElement('canvas');
    if (!slot.canvas) {
      canvas.setAttribute('aria-hidden', 'true');
      slot.element.prepend(canvas);
      slot.canvas = canvas;
    }
    const ratio = Math.min(
      window.devicePixelRatio || 1,
      Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, viewport.width * viewport.height)),
    );
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const task = page.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    // pdf.js draws in ~15 ms pieces; each next piece waits for idle time, so scrolling and input stay first.
    task.onContinue = (next: () => void) => idle(next);
    slot.renderTask = task;
    try {
      await task.promise;
      slot.drawnScale = scale;
    } catch (error) {
      if ((error as { name?: string })?.name !== 'RenderingCancelledException')
        options.onPageError(slot.index + 1, error);
    } finally {
      if (slot.renderTask === task) slot.renderTask = null;
    }
  }

  async function buildTextLayer(slot: PageSlot, page: PDFPageProxy, viewport: ReturnType<PDFPageProxy['getViewport']>) {
    const textDiv = document.createElement('div');
    textDiv.className = 'textLayer';
    const textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: textDiv, viewport });
    slot.textLayer = textLayer;
    slot.textDiv = textDiv;
    try {
      await textLayer.render();
    } catch (error) {
      options.onPageError(slot.index + 1, error);
      return;
    }
    slot.textScale = scale;
    // Added complete, so the scanner meets each text layer once, as one mutation.
    if (slot.textLayer === textLayer) slot.element.append(textDiv);
  }

  /** Frees the drawing of a page far from the screen; its text layer (small) stays, so its terms stay listed. */
  function release(slot: PageSlot) {
    slot.renderTask?.cancel();
    slot.renderTask = null;
    if (slot.canvas) {
      slot.canvas.width = 0;
      slot.canvas.height = 0;
      slot.canvas.remove();
      slot.canvas = null;
    }
    slot.drawnScale = 0;
    slot.page?.cleanup();
  }

  const slotOf = (element: Element) => slots[Number((element as HTMLElement).dataset.pageNumber) - 1];
  const drawObserver = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const slot = slotOf(entry.target);
        if (!slot) continue;
        slot.near = entry.isIntersecting;
        if (slot.near) idle(() => void scheduleDraw(slot));
      }
    },
    { rootMargin: DRAW_MARGIN },
  );
  const releaseObserver = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const slot = slotOf(entry.target);
        if (slot && !entry.isIntersecting) release(slot);
      }
    },
    { rootMargin: RELEASE_MARGIN },
  );
  let current = 1;
  const visibleRatios = new Map<number, number>();
  const currentObserver = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const slot = slotOf(entry.target);
        if (slot) visibleRatios.set(slot.index + 1, entry.intersectionRatio);
      }
      let best = current;
      let bestRatio = -1;
      for (const [pageNumber, ratio] of visibleRatios) {
        if (ratio > bestRatio || (ratio === bestRatio && pageNumber < best)) [best, bestRatio] = [pageNumber, ratio];
      }
      if (best !== current) {
        current = best;
        options.onCurrentPage(current);
      }
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  for (const slot of slots) {
    drawObserver.observe(slot.element);
    releaseObserver.observe(slot.element);
    currentObserver.observe(slot.element);
  }

  // Page 1 now, not at idle: it is what the reader is waiting for.
  const firstSlot = slots[0]!;
  firstSlot.near = true;
  const firstPageShown = scheduleDraw(firstSlot);

  // Learn every page's real size in the background, a page at a time, so placeholders match before they are reached.
  void (async () => {
    await firstPageShown.catch(() => undefined);
    for (const slot of slots) {
      if (destroyed) return;
      if (slot.page) continue;
      const page = await doc.getPage(slot.index + 1).catch(() => null);
      if (!page || destroyed) return;
      if (!slot.page) {
        slot.page = page;
        const viewport = page.getViewport({ scale: 1 });
        if (viewport.width !== slot.width || viewport.height !== slot.height) {
          slot.width = viewport.width;
          slot.height = viewport.height;
          sizeSlot(slot);
        }
      }
    }
  })();

  return {
    pageCount: doc.numPages,
    firstPageShown,
    setScale(next) {
      const anchorPage = current;
      const anchorSlot = slots[anchorPage - 1]!;
      const offsetInPage =
        (window.scrollY - anchorSlot.element.offsetTop) / Math.max(1, anchorSlot.element.offsetHeight);
      scale = next;
      container.style.setProperty('--scale-factor', String(scale));
      for (const slot of slots) sizeSlot(slot);
      window.scrollTo({ top: anchorSlot.element.offsetTop + offsetInPage * anchorSlot.element.offsetHeight });
      for (const slot of slots) if (slot.near) idle(() => void scheduleDraw(slot));
    },
    scrollToPage(pageNumber) {
      const slot = slots[Math.min(Math.max(1, pageNumber), slots.length) - 1];
      slot?.element.scrollIntoView({ block: 'start' });
    },
    currentPage: () => current,
    async textPieces(pageIndex, items) {
      const slot = slots[pageIndex];
      if (!slot) return null;
      slot.element.scrollIntoView({ block: 'center' });
      for (let waited = 0; waited < 5000; waited += 50) {
        const layer = slot.textLayer;
        if (layer && slot.textDiv?.isConnected) {
          const spans = items.map((i) => layer.textDivs[i]).filter((s): s is HTMLElement => !!s);
          return spans.length ? spans : null;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return null;
    },
    async looksScanned() {
      for (const slot of slots.slice(0, 3)) {
        const page = await pageOf(slot);
        const text = await page.getTextContent();
        if (text.items.some((item) => 'str' in item && item.str.trim() !== '')) return false;
      }
      return true;
    },
    destroy() {
      destroyed = true;
      drawObserver.disconnect();
      releaseObserver.disconnect();
      currentObserver.disconnect();
      for (const slot of slots) {
        release(slot);
        slot.textLayer?.cancel();
      }
      container.replaceChildren();
    },
  };
}
