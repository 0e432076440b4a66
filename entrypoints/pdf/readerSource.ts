/**
 * The document named by pdf.html?src=…: put there by the popup button or the
 * context menu, and downloaded once when the reader opens (./download.ts, with its
 * rules). The extension's content script is declared for all sites, which gives its
 * pages the same reach, so no further permission is asked for. Nothing else is ever
 * fetched by the reader.
 */
/** The http(s) address in ?src=, or null. */
export function readSourceUrl(search: string): URL | null {
  const raw = new URLSearchParams(search).get('src');
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last) || url.hostname;
  } catch {
    return last || url.hostname;
  }
}
