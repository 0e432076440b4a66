/**
 * 懂医保 PDF reader (pdf.html): opens a local file (picker or drag and drop) or
 * the one web PDF named by ?src=, shows it with pdf.js, and runs our term
 * engine on the text layers, exactly as the content script does on web pages.
 * Nothing is written into the PDF.
 */
import { browser } from 'wxt/browser';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import '@/entrypoints/content/style.css';
import './reader.css';
import { startLensRuntime } from '@/entrypoints/content/runtime';
import { createExtensionContext } from '@/entrypoints/content/extensionContext';
import { answerReaderQuestions } from '@/lib/messaging/readerChannel';
import { looksLikePdf, openPdf, PdfOpenError } from './pdfLoader';
import { createPageViews, type PageViews } from './pageViews';
import { readSourceUrl } from './readerSource';
import { downloadFailureMessage, downloadPdf } from './download';
import { clampZoom, nextZoom, pageWidthZoom } from './zoom';
import { createPdfNumbers } from './pdfNumbers';
import { linksForTerm } from '@/lib/pageNumbers/wire';
import { followTextSize } from './textSize';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fileInput = $<HTMLInputElement>('file-input');
const titleHeading = $<HTMLHeadingElement>('doc-title');
const pageNumberInput = $<HTMLInputElement>('page-number');
const pageCountText = $<HTMLSpanElement>('page-count');
const prevButton = $<HTMLButtonElement>('prev-page');
const nextButton = $<HTMLButtonElement>('next-page');
const zoomOutButton = $<HTMLButtonElement>('zoom-out');
const zoomInButton = $<HTMLButtonElement>('zoom-in');
const zoomLevel = $<HTMLOutputElement>('zoom-level');
const statusBox = $<HTMLElement>('status');
const passwordForm = $<HTMLFormElement>('password-form');
const passwordPrompt = $<HTMLParagraphElement>('password-prompt');
const passwordInput = $<HTMLInputElement>('password-input');
const dropHint = $<HTMLDivElement>('drop-hint');
const pagesContainer = $<HTMLDivElement>('pages');

let openDoc: PDFDocumentProxy | null = null;
let views: PageViews | null = null;
let zoom = 1;
/** Each opening gets a number; a slower earlier opening that finishes late is dropped. */
let openingSeq = 0;

function showStatus(text: string, kind: 'info' | 'error' | 'notice' = 'info') {
  statusBox.textContent = text;
  statusBox.dataset.kind = kind;
  statusBox.hidden = text === '';
}

/** Asks for the password in the page's form; resolves with it, or null if another file is opened instead. */
let cancelPasswordRequest: (() => void) | null = null;
function askPassword(wrong: boolean): Promise<string | null> {
  cancelPasswordRequest?.();
  passwordPrompt.textContent = wrong ? '密码不对，请再试一次。' : '这份 PDF 有密码保护，请输入密码。';
  passwordPrompt.dataset.kind = wrong ? 'error' : 'info';
  passwordForm.hidden = false;
  passwordInput.value = '';
  passwordInput.setAttribute('aria-invalid', String(wrong));
  passwordInput.focus();
  showStatus('');
  return new Promise((resolve) => {
    const finish = (value: string | null) => {
      passwordForm.removeEventListener('submit', onSubmit);
      cancelPasswordRequest = null;
      passwordForm.hidden = true;
      resolve(value);
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      showStatus('正在打开…');
      finish(passwordInput.value);
    };
    passwordForm.addEventListener('submit', onSubmit);
    cancelPasswordRequest = () => finish(null);
  });
}

const OPEN_FAILURE_TEXT: Record<string, string> = {
  invalid: '打不开这个文件：它不是 PDF，或者文件已经损坏。',
  unknown: '打不开这份 PDF：文件可能已损坏，或使用了阅读器不支持的格式。',
};

/** Shows `bytes` as the open document. The document already open stays until the new one has opened. */
async function openBytes(bytes: Uint8Array, name: string) {
  const seq = ++openingSeq;
  // A password asked for an earlier file is no longer wanted.
  cancelPasswordRequest?.();
  performance.clearMarks();
  performance.mark('yibao-pdf-open-start');
  if (!looksLikePdf(bytes)) {
    showStatus(`打不开“${name}”：它不是 PDF 文件。`, 'error');
    return;
  }
  showStatus(`正在打开“${name}”…`);
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(bytes, askPassword);
  } catch (error) {
    if (seq !== openingSeq) return;
    const kind = error instanceof PdfOpenError ? error.kind : 'unknown';
    if (kind === 'password-cancelled') return;
    showStatus(`“${name}”：${OPEN_FAILURE_TEXT[kind] ?? OPEN_FAILURE_TEXT.unknown}`, 'error');
    return;
  }
  if (seq !== openingSeq) {
    void doc.destroy();
    return;
  }
  views?.destroy();
  void openDoc?.destroy();
  delete document.body.dataset.firstPageShown;
  openDoc = doc;
  dropHint.hidden = true;
  window.scrollTo({ top: 0 });
  const title = await documentTitle(doc, name);
  titleHeading.textContent = title;
  document.title = `${title} - 懂医保 PDF 阅读器`;
  // Opens at page width: the first page fills the window's width (text at a readable size, not a fixed 100%).
  try {
    const firstWidth = (await doc.getPage(1)).getViewport({ scale: 1 }).width;
    zoom = pageWidthZoom(firstWidth, document.documentElement.clientWidth);
  } catch {
    zoom = 1;
  }
  if (seq !== openingSeq) return;
  try {
    views = await createPageViews(doc, pagesContainer, zoom, {
      onCurrentPage: showPageNumber,
      onPageError: (pageNumber) => showStatus(`第 ${pageNumber} 页没能显示出来，其余页面不受影响。`, 'error'),
    });
  } catch {
    showStatus(`“${name}”：${OPEN_FAILURE_TEXT.unknown}`, 'error');
    return;
  }
  pageCountText.textContent = String(views.pageCount);
  pageNumberInput.max = String(views.pageCount);
  for (const control of [pageNumberInput, prevButton, nextButton, zoomInButton, zoomOutButton])
    control.disabled = false;
  showPageNumber(1);
  showZoom();
  await views.firstPageShown.catch(() => undefined);
  if (seq !== openingSeq) return;
  document.body.dataset.firstPageShown = 'true';
  performance.mark('yibao-pdf-first-page');
  const scanned = await views.looksScanned().catch(() => false);
  if (seq !== openingSeq) return;
  showStatus(
    scanned ? '这份 PDF 是扫描件，没有可识别的文字：页面照常显示，但没有可以标出的术语。' : '',
    scanned ? 'notice' : 'info',
  );
}

async function documentTitle(doc: PDFDocumentProxy, fallback: string): Promise<string> {
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown } | null)?.Title;
    if (typeof title === 'string' && title.trim()) return title.trim();
  } catch {
    // No metadata: the file name will do.
  }
  return fallback;
}

function showPageNumber(pageNumber: number) {
  if (document.activeElement !== pageNumberInput) pageNumberInput.value = String(pageNumber);
  prevButton.disabled = pageNumber <= 1;
  nextButton.disabled = !views || pageNumber >= views.pageCount;
}

function goToPage(pageNumber: number) {
  if (!views) return;
  const target = Math.min(Math.max(1, Math.round(pageNumber)), views.pageCount);
  views.scrollToPage(target);
  showPageNumber(target);
  pageNumberInput.value = String(target);
}

function showZoom() {
  zoomLevel.textContent = `${Math.round(zoom * 100)}%`;
  zoomOutButton.disabled = !views || nextZoom(zoom, -1) === zoom;
  zoomInButton.disabled = !views || nextZoom(zoom, 1) === zoom;
}

function setZoom(next: number) {
  zoom = clampZoom(next);
  views?.setScale(zoom);
  showZoom();
}

async function openFile(file: File) {
  try {
    await openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch {
    showStatus(`读不了“${file.name}”这个文件。`, 'error');
  }
}

async function openFromWeb(url: URL) {
  showStatus(`正在下载 ${url.href} …`);
  try {
    const outcome = await downloadPdf(url);
    if (outcome.ok) await openBytes(outcome.bytes, outcome.name);
    else showStatus(downloadFailureMessage(outcome), 'error');
  } catch {
    // Nothing above should throw; whatever does, 正在下载… never stays on screen.
    showStatus('打开这份 PDF 时出了问题。可以稍后刷新重试，或先把 PDF 存到本机，再用“打开 PDF 文件”打开。', 'error');
  }
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file);
  fileInput.value = '';
});
document.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (file) void openFile(file);
});
pageNumberInput.addEventListener('change', () => goToPage(Number(pageNumberInput.value) || 1));
prevButton.addEventListener('click', () => goToPage((views?.currentPage() ?? 1) - 1));
nextButton.addEventListener('click', () => goToPage((views?.currentPage() ?? 1) + 1));
zoomOutButton.addEventListener('click', () => setZoom(nextZoom(zoom, -1)));
zoomInButton.addEventListener('click', () => setZoom(nextZoom(zoom, 1)));
document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || !views) return;
  const step = event.key === '+' || event.key === '=' ? 1 : event.key === '-' ? -1 : event.key === '0' ? 0 : null;
  if (step === null) return;
  // Our zoom instead of the browser's, so pages are redrawn sharp rather than scaled.
  event.preventDefault();
  setZoom(step === 0 ? 1 : nextZoom(zoom, step));
});

followTextSize(document.documentElement);
// The reader is the extension's own page: it lives exactly as long as the extension does.
// 本页的数字 in a PDF come from its text items' positions (rows and columns of tables), not from the text layer's DOM.
const pdfNumbers = createPdfNumbers(() =>
  openDoc && views ? { doc: openDoc, title: titleHeading.textContent ?? '', views } : null,
);
const lens = startLensRuntime(
  createExtensionContext(() => true),
  undefined,
  {
    answer: pdfNumbers.listPageNumbers,
    reveal: (index) => pdfNumbers.revealPageNumber({ index }),
    forTerm: async (termId) => {
      const answer = await pdfNumbers.listPageNumbers();
      return answer ? linksForTerm(answer, termId) : [];
    },
  },
);
void browser.tabs.getCurrent().then((tab) => {
  if (tab?.id !== undefined) answerReaderQuestions(tab.id, lens);
});

showStatus('');
const source = readSourceUrl(location.search);
if (source) void openFromWeb(source);
