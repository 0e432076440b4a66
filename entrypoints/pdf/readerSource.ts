/**
 * The document named by pdf.html?src=…: put there by the popup button or the
 * context menu, fetched only then, once, with the access the reader granted by
 * that click. Nothing else is ever fetched by the reader.
 */
import { browser } from 'wxt/browser';

export type FetchOutcome =
  | { ok: true; bytes: Uint8Array; name: string }
  | { ok: false; kind: 'http'; status: number }
  | { ok: false; kind: 'network' }
  | { ok: false; kind: 'needs-permission'; origin: string };

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

/** The match pattern for exactly one origin, as permissions.request wants it. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last) || url.hostname;
  } catch {
    return last || url.hostname;
  }
}

export async function hasOriginAccess(url: URL): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);
}

/** Must run inside a click handler (the browser shows its own prompt). */
export async function requestOriginAccess(url: URL): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
}

export async function fetchPdf(url: URL): Promise<FetchOutcome> {
  let response: Response;
  try {
    // The reader's cookies for that site go along, so a PDF behind the reader's own login opens too.
    response = await fetch(url, { credentials: 'include', cache: 'no-store' });
  } catch {
    // A cross-origin fetch without host access fails like a network error: say which it was.
    return (await hasOriginAccess(url))
      ? { ok: false, kind: 'network' }
      : { ok: false, kind: 'needs-permission', origin: url.origin };
  }
  if (!response.ok) return { ok: false, kind: 'http', status: response.status };
  return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()), name: fileNameOf(url) };
}
