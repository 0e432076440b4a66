/**
 * The document named by pdf.html?src=…: put there by the popup button or the
 * context menu, and fetched once when the reader opens. The extension's content
 * script is declared for all sites, which gives its pages the same reach, so no
 * further permission is asked for. Nothing else is ever fetched by the reader.
 */
export type FetchOutcome =
  | { ok: true; bytes: Uint8Array; name: string }
  | { ok: false; kind: 'http'; status: number }
  | { ok: false; kind: 'network' };

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

export async function fetchPdf(url: URL): Promise<FetchOutcome> {
  let response: Response;
  try {
    // The reader's cookies for that site go along, so a PDF behind the reader's own login opens too.
    response = await fetch(url, { credentials: 'include', cache: 'no-store' });
  } catch {
    return { ok: false, kind: 'network' };
  }
  if (!response.ok) return { ok: false, kind: 'http', status: response.status };
  return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()), name: fileNameOf(url) };
}
