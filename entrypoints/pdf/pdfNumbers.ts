/**
 * 本页的数字 in the PDF reader: the document's text items (all pages, with their positions) read into paragraphs
 * and tables (pdfText.ts), numbers found by the same extractor as on web pages, and a chosen number shown on the
 * page's text layer with the same highlight.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { extractPageNumbers } from '@/lib/pageNumbers/extract';
import { readPageDate } from '@/lib/pageNumbers/pageDate';

import { PAGE_NUMBER_HIGHLIGHT } from '@/lib/pageNumbers/pageReader';
import type { PageNumber } from '@/lib/pageNumbers/types';
import { toPageNumberItems, type PageNumbersAnswer } from '@/lib/pageNumbers/wire';
import type { PageViews } from './pageViews';
import { readPdfText, type PdfPageText, type PdfTextPiece } from './pdfText';

/** Text pieces from the top of a PDF where its date is stated (the title block and any 发布日期 line). */
const PDF_DATE_LINES = 120;

export interface OpenPdf {
  doc: PDFDocumentProxy;
  title: string;
  views: PageViews;
}

interface Reading {
  doc: PDFDocumentProxy;
  pdf: PdfPageText;
  found: PageNumber[];
  answer: PageNumbersAnswer;
}

async function piecesOfPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PdfTextPiece[]> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  return content.items.map((item) =>
    'str' in item
      ? { str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height }
      : { str: '', x: 0, y: 0, width: 0, height: 0 },
  );
}

export function createPdfNumbers(current: () => OpenPdf | null) {
  let reading: Reading | null = null;

  async function read(): Promise<Reading | null> {
    const open = current();
    if (!open) return null;
    if (reading?.doc === open.doc) return reading;
    const pages: PdfTextPiece[][] = [];
    for (let n = 1; n <= open.doc.numPages; n++) {
      pages.push(await piecesOfPage(open.doc, n));
      // Each page is its own task: a long document never holds the reader for long.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const pdf = readPdfText(open.title, pages);
    const found = extractPageNumbers(pdf.page);
    const lines = pages
      .flat()
      .map((p) => p.str.trim())
      .filter(Boolean)
      .slice(0, PDF_DATE_LINES);
    let date = readPageDate({ meta: [], lines });
    if (!date) {
      const info = (await open.doc.getMetadata().catch(() => null))?.info as { CreationDate?: unknown } | undefined;
      const raw = typeof info?.CreationDate === 'string' ? /D:(\d{4})(\d{2})(\d{2})/.exec(info.CreationDate) : null;
      if (raw) date = `${raw[1]}-${raw[2]}-${raw[3]}`;
    }
    reading = {
      doc: open.doc,
      pdf,
      found,
      answer: { title: open.title, url: location.href, date, numbers: toPageNumberItems(found) },
    };
    return reading;
  }

  return {
    async listPageNumbers(): Promise<PageNumbersAnswer | null> {
      return (await read())?.answer ?? null;
    },
    async revealPageNumber({ index }: { index: number }): Promise<boolean> {
      const r = await read();
      const open = current();
      const place = r?.found[index]?.place;
      if (!r || !open || !place) return false;
      const refs = r.pdf.piecesOf(place);
      if (refs.length === 0) return false;
      const spans = await open.views.textPieces(
        refs[0]!.page,
        refs.filter((ref) => ref.page === refs[0]!.page).map((ref) => ref.item),
      );
      if (!spans) return false;
      const range = document.createRange();
      range.setStartBefore(spans[0]!);
      range.setEndAfter(spans[spans.length - 1]!);
      CSS.highlights?.set(PAGE_NUMBER_HIGHLIGHT, new Highlight(range));
      spans[0]!.scrollIntoView({ block: 'center' });
      return true;
    },
  };
}
