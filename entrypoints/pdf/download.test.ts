import { describe, expect, it, vi } from 'vitest';
import {
  PDF_DOWNLOAD_LIMIT_BYTES,
  downloadFailureMessage,
  downloadPdf,
  isPrivateHost,
  type DownloadOutcome,
} from './download';

const PDF = new TextEncoder().encode('%PDF-1.7\n...%%EOF\n');

/** A body that sends `chunks` and then, if `fail`, breaks off. */
function streamOf(chunks: Uint8Array[], fail = false): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else if (fail) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
}

type Route = (url: string, init: RequestInit) => Response | Promise<Response>;
function fakeFetch(routes: Record<string, Route>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const route = routes[url];
    if (!route) throw new TypeError('Failed to fetch');
    return route(url, init);
  });
  return { fetch, calls };
}

const redirect =
  (to: string, status = 302) =>
  () =>
    new Response(null, { status, headers: { location: to } });
/** What a browser gives for a redirect under redirect: 'manual': nothing readable. */
const opaqueRedirect = () =>
  ({ type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null }) as unknown as Response;

const failure = (outcome: DownloadOutcome) => {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('expected a failure');
  return outcome;
};

describe('private and loopback hosts', () => {
  it.each([
    'localhost',
    'app.localhost',
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '[::1]',
    '[fd00::1]',
    '[fe80::1]',
    '[::ffff:7f00:1]',
    'router',
    'printer.local',
    'nas.lan',
    'wiki.corp',
  ])('%s is private', (host) => expect(isPrivateHost(host)).toBe(true));

  it.each(['www.nhsa.gov.cn', '8.8.8.8', '172.32.0.1', '192.169.0.1', '[2001:db8::1]', 'example.com'])(
    '%s is public',
    (host) => expect(isPrivateHost(host)).toBe(false),
  );

  it('agrees with how URL writes odd forms of a loopback address', () => {
    expect(isPrivateHost(new URL('http://2130706433/').hostname)).toBe(true);
    expect(isPrivateHost(new URL('http://0x7f.1/').hostname)).toBe(true);
    expect(isPrivateHost(new URL('http://[::ffff:127.0.0.1]/').hostname)).toBe(true);
  });
});

describe('downloading the PDF', () => {
  it('downloads with the site’s cookies, from a public host without following redirects blindly', async () => {
    const { fetch, calls } = fakeFetch({ 'https://ybj.example.cn/a.pdf': () => new Response(PDF) });
    const outcome = await downloadPdf(new URL('https://ybj.example.cn/a.pdf'), { fetch });
    expect(outcome).toEqual({ ok: true, bytes: PDF, name: 'a.pdf' });
    expect(calls[0]!.init).toMatchObject({ credentials: 'include', redirect: 'manual' });
  });

  it('refuses a redirect from a public host into a private one, without asking the private host', async () => {
    for (const target of ['http://192.168.1.1/admin.pdf', 'http://localhost:8080/a.pdf', 'http://[::1]/a.pdf']) {
      const { fetch, calls } = fakeFetch({
        'https://evil.example/a.pdf': redirect(target),
        [target]: () => new Response(PDF),
      });
      const outcome = failure(await downloadPdf(new URL('https://evil.example/a.pdf'), { fetch }));
      expect(outcome.kind).toBe('private-target');
      expect(calls.map((c) => c.url)).toEqual(['https://evil.example/a.pdf']);
      expect(downloadFailureMessage(outcome)).toMatch(/本机或内部网络/);
    }
  });

  it('a redirect whose target the browser hides (opaque) is not followed, and says so', async () => {
    const { fetch, calls } = fakeFetch({ 'https://cdn.example/a.pdf': opaqueRedirect });
    const outcome = failure(await downloadPdf(new URL('https://cdn.example/a.pdf'), { fetch }));
    expect(outcome.kind).toBe('redirect-refused');
    expect(calls).toHaveLength(1);
    expect(downloadFailureMessage(outcome)).toMatch(/跳转/);
  });

  it('follows a visible redirect between public hosts, and only to http(s)', async () => {
    const { fetch } = fakeFetch({
      'http://a.example/x.pdf': redirect('https://b.example/y.pdf', 301),
      'https://b.example/y.pdf': () => new Response(PDF),
    });
    expect(await downloadPdf(new URL('http://a.example/x.pdf'), { fetch })).toMatchObject({ ok: true });
    const other = fakeFetch({ 'https://a.example/x.pdf': redirect('file:///etc/passwd') });
    expect(failure(await downloadPdf(new URL('https://a.example/x.pdf'), { fetch: other.fetch })).kind).toBe(
      'not-http',
    );
    expect(other.calls).toHaveLength(1);
  });

  it('stops an endless redirect loop', async () => {
    const { fetch } = fakeFetch({
      'https://a.example/1.pdf': redirect('https://a.example/2.pdf'),
      'https://a.example/2.pdf': redirect('https://a.example/1.pdf'),
    });
    expect(failure(await downloadPdf(new URL('https://a.example/1.pdf'), { fetch })).kind).toBe('too-many-redirects');
  });

  it('from the user’s own network, lets the browser follow (every target is allowed there)', async () => {
    const { fetch, calls } = fakeFetch({ 'http://192.168.1.5/a.pdf': () => new Response(PDF) });
    expect(await downloadPdf(new URL('http://192.168.1.5/a.pdf'), { fetch })).toMatchObject({ ok: true });
    expect(calls[0]!.init.redirect).toBe('follow');
  });

  it('only http(s) sources', async () => {
    const { fetch } = fakeFetch({});
    expect(failure(await downloadPdf(new URL('file:///tmp/a.pdf'), { fetch })).kind).toBe('not-http');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a file declared bigger than 50 MB before reading it', async () => {
    const body = streamOf([PDF]);
    const cancel = vi.spyOn(body, 'cancel');
    const { fetch } = fakeFetch({
      'https://a.example/big.pdf': () =>
        new Response(body, { headers: { 'content-length': String(PDF_DOWNLOAD_LIMIT_BYTES + 1) } }),
    });
    const outcome = failure(await downloadPdf(new URL('https://a.example/big.pdf'), { fetch }));
    expect(outcome).toMatchObject({ kind: 'too-large', bytes: PDF_DOWNLOAD_LIMIT_BYTES + 1 });
    expect(cancel).toHaveBeenCalled();
    expect(downloadFailureMessage(outcome)).toMatch(/超过 50 MB/);
  });

  it('counts streamed bytes when the size is not declared (or understated), and stops past the limit', async () => {
    const chunk = new Uint8Array(400);
    const { fetch } = fakeFetch({
      'https://a.example/a.pdf': () => new Response(streamOf([chunk, chunk, chunk])),
      'https://a.example/lying.pdf': () =>
        new Response(streamOf([chunk, chunk, chunk]), { headers: { 'content-length': '10' } }),
    });
    for (const name of ['a.pdf', 'lying.pdf'])
      expect(failure(await downloadPdf(new URL(`https://a.example/${name}`), { fetch, limit: 1000 })).kind).toBe(
        'too-large',
      );
    expect(await downloadPdf(new URL('https://a.example/a.pdf'), { fetch, limit: 1200 })).toMatchObject({ ok: true });
  });

  it('a body that breaks off half-way ends in a message, not an unhandled rejection', async () => {
    const { fetch } = fakeFetch({ 'https://a.example/a.pdf': () => new Response(streamOf([PDF], true)) });
    const outcome = failure(await downloadPdf(new URL('https://a.example/a.pdf'), { fetch }));
    expect(outcome.kind).toBe('interrupted');
    expect(downloadFailureMessage(outcome)).toMatch(/下载到一半中断了/);
  });

  it('HTTP errors and network failures end in a message', async () => {
    const { fetch } = fakeFetch({ 'https://a.example/404.pdf': () => new Response('no', { status: 404 }) });
    const notFound = failure(await downloadPdf(new URL('https://a.example/404.pdf'), { fetch }));
    expect(downloadFailureMessage(notFound)).toMatch(/服务器返回 404/);
    const offline = failure(await downloadPdf(new URL('https://offline.example/a.pdf'), { fetch }));
    expect(downloadFailureMessage(offline)).toMatch(/网络连接失败/);
  });

  it('every kind of failure has a Chinese message', () => {
    const kinds: Parameters<typeof downloadFailureMessage>[0][] = [
      { kind: 'not-http' },
      { kind: 'private-target', host: '10.0.0.1' },
      { kind: 'redirect-refused' },
      { kind: 'too-many-redirects' },
      { kind: 'http', status: 500 },
      { kind: 'network' },
      { kind: 'too-large', bytes: null },
      { kind: 'interrupted' },
    ];
    for (const kind of kinds) expect(downloadFailureMessage(kind)).toMatch(/[\u4e00-\u9fff]{4}/);
  });
});
