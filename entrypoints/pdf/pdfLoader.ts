/**
 * Opens PDF bytes with pdf.js. The worker is a file of our own package (no
 * remote code); eval stays off. A password-protected file asks through
 * `askPassword`; every failure becomes one of a few kinds the page can explain.
 */
import {
  GlobalWorkerOptions,
  getDocument,
  InvalidPDFException,
  PasswordResponses,
  type PDFDocumentProxy,
} from 'pdfjs-dist';
// Vite's ?url emits the worker as a file of our package and gives its address; the linter reads the module itself.
// oxlint-disable-next-line import/default
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfOpenFailure = 'invalid' | 'password-cancelled' | 'unknown';

export class PdfOpenError extends Error {
  constructor(
    readonly kind: PdfOpenFailure,
    cause?: unknown,
  ) {
    super(kind, { cause });
  }
}

/** Asked for a password; `wrong` is true after a wrong one. Resolves to null when the reader gives up. */
export type AskPassword = (wrong: boolean) => Promise<string | null>;

export async function openPdf(bytes: Uint8Array, askPassword: AskPassword): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy, so a retry still has the bytes.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    // The GB character maps shipped in the package (wxt.config.ts), for Chinese text in fonts the PDF does not embed.
    cMapUrl: new URL('/pdfjs/cmaps/', location.href).href,
    cMapPacked: true,
  });
  let cancelled = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    void askPassword(reason === PasswordResponses.INCORRECT_PASSWORD).then((password) => {
      if (password === null) {
        cancelled = true;
        void task.destroy();
      } else update(password);
    });
  };
  try {
    return await task.promise;
  } catch (error) {
    if (cancelled) throw new PdfOpenError('password-cancelled', error);
    if (error instanceof InvalidPDFException || (error as { name?: string })?.name === 'InvalidPDFException')
      throw new PdfOpenError('invalid', error);
    throw new PdfOpenError('unknown', error);
  }
}

/** True for bytes that start like a PDF (some files carry a little junk before the header, which pdf.js accepts). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
