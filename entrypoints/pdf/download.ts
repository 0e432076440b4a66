/**
 * The reader's one download: the PDF named by pdf.html?src=…, with the site's cookies (so a PDF behind the user's
 * own login opens too). Within these rules:
 *   - only http(s) addresses;
 *   - never from a public host into a private or loopback one (the user's router, printer, intranet). A browser
 *     hides where a redirect leads (`redirect: 'manual'` gives an opaque answer), so from a public host no redirect
 *     is followed at all and the reader says so; from a host on the user's own network, where every target is
 *     allowed, the browser follows redirects (to http(s) only, as fetch always does). Where the answer does show
 *     its Location (outside browsers), each hop is checked and followed by hand;
 *   - at most PDF_DOWNLOAD_LIMIT_BYTES, checked against Content-Length and counted while the body streams;
 *   - every failure, a body that breaks off half-way included, ends in a Chinese sentence (downloadFailureMessage).
 * Host names are judged as written: a public name that resolves to a private address is not detected here.
 */
import { fileNameOf } from './readerSource';

export const PDF_DOWNLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export type DownloadFailure =
  | { kind: 'not-http' }
  | { kind: 'private-target'; host: string }
  | { kind: 'redirect-refused' }
  | { kind: 'too-many-redirects' }
  | { kind: 'http'; status: number }
  | { kind: 'network' }
  | { kind: 'too-large'; bytes: number | null }
  | { kind: 'interrupted' };
export type DownloadOutcome = { ok: true; bytes: Uint8Array; name: string } | ({ ok: false } & DownloadFailure);

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isPrivateIpv4(host: string): boolean {
  const parts = IPV4.exec(host)?.slice(1).map(Number);
  if (!parts) return false;
  const [a, b] = parts as [number, number];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

function isPrivateIpv6(bracketed: string): boolean {
  const host = bracketed.slice(1, -1).toLowerCase();
  if (host === '::' || host === '::1') return true;
  if (/^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host)) return true;
  // IPv4-mapped (::ffff:7f00:1, as URL writes ::ffff:127.0.0.1): judged by the IPv4 address inside.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return isPrivateIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return false;
}

/** A host on the user's own machine or network, as written in a URL's hostname (canonical form). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return isPrivateIpv6(host);
  if (IPV4.test(host)) return isPrivateIpv4(host);
  if (!host.includes('.')) return true; // localhost, router, intranet: names only a local network answers
  return /\.(localhost|local|lan|home|internal|intranet|corp|home\.arpa)$/.test(host);
}

const isHttp = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/** Reads a body, counting bytes as they come; stops (and cancels the download) past the limit. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array | DownloadFailure> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large', bytes: declared };
  }
  if (!response.body) {
    try {
      const whole = new Uint8Array(await response.arrayBuffer());
      return whole.byteLength > limit ? { kind: 'too-large', bytes: whole.byteLength } : whole;
    } catch {
      return { kind: 'interrupted' };
    }
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'too-large', bytes: null };
      }
      chunks.push(value);
    }
  } catch {
    return { kind: 'interrupted' };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function downloadPdf(
  source: URL,
  options: { fetch?: FetchLike; limit?: number } = {},
): Promise<DownloadOutcome> {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const limit = options.limit ?? PDF_DOWNLOAD_LIMIT_BYTES;
  if (!isHttp(source)) return { ok: false, kind: 'not-http' };
  let url = source;
  for (let hop = 0; ; hop++) {
    const fromPrivate = isPrivateHost(url.hostname);
    let response: Response;
    try {
      response = await fetchFn(url.href, {
        credentials: 'include',
        cache: 'no-store',
        // From the user's own network every redirect target is allowed; from a public host each must be seen first.
        redirect: fromPrivate ? 'follow' : 'manual',
      });
    } catch {
      return { ok: false, kind: 'network' };
    }
    if (response.type === 'opaqueredirect') return { ok: false, kind: 'redirect-refused' };
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      let next: URL | null = null;
      try {
        next = location ? new URL(location, url) : null;
      } catch {
        next = null;
      }
      if (!next) return { ok: false, kind: 'redirect-refused' };
      if (!isHttp(next)) return { ok: false, kind: 'not-http' };
      if (!fromPrivate && isPrivateHost(next.hostname))
        return { ok: false, kind: 'private-target', host: next.hostname };
      if (hop + 1 > MAX_REDIRECTS) return { ok: false, kind: 'too-many-redirects' };
      await response.body?.cancel().catch(() => undefined);
      url = next;
      continue;
    }
    if (!response.ok) return { ok: false, kind: 'http', status: response.status };
    const body = await readCapped(response, limit);
    if (!(body instanceof Uint8Array)) return { ok: false, ...body };
    return { ok: true, bytes: body, name: fileNameOf(source) };
  }
}

const SAVE_AND_OPEN = '可以在浏览器里直接打开这个链接，把 PDF 存到本机，再用“打开 PDF 文件”打开。';

/** What the reader shows for a failed download: what happened, and what to do instead. */
export function downloadFailureMessage(failure: DownloadFailure): string {
  switch (failure.kind) {
    case 'not-http':
      return `懂医保阅读器只下载 http 或 https 网址的 PDF。${SAVE_AND_OPEN}`;
    case 'private-target':
      return `这个网址把下载转到了本机或内部网络的地址（${failure.host}），为安全起见没有继续。${SAVE_AND_OPEN}`;
    case 'redirect-refused':
      return `这个网址会跳转到别的地址，懂医保阅读器看不到跳转去哪里，为安全起见没有继续下载。${SAVE_AND_OPEN}`;
    case 'too-many-redirects':
      return `这个网址跳转次数太多，没有继续下载。${SAVE_AND_OPEN}`;
    case 'http':
      return `下载这份 PDF 失败（服务器返回 ${failure.status}）。可以稍后刷新重试，或先把 PDF 存到本机，再用“打开 PDF 文件”打开。`;
    case 'network':
      return '下载这份 PDF 失败（网络连接失败；如果在扩展设置里限制了懂医保可访问的网站，也会这样）。可以稍后刷新重试，或先把 PDF 存到本机，再用“打开 PDF 文件”打开。';
    case 'too-large':
      return `这份 PDF 超过 ${PDF_DOWNLOAD_LIMIT_BYTES / 1024 / 1024} MB，阅读器不下载这么大的文件。${SAVE_AND_OPEN}`;
    case 'interrupted':
      return '下载到一半中断了，PDF 不完整。可以稍后刷新重试，或先把 PDF 存到本机，再用“打开 PDF 文件”打开。';
  }
}
