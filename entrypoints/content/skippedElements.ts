/**
 * What the scanner never reads: scripts, styles, form fields, editors, hidden subtrees, SVG text Chromium cannot
 * highlight, and our own UI.
 */
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
