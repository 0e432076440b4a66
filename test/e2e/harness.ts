/**
 * End-to-end harness: serves fixture pages on localhost (two ports, so one
 * origin can frame the other), launches Debian's Chromium with the built
 * extension, and records console errors and every network request.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

/** The built extension; YIBAO_EXTENSION_DIR points the tests at another copy (e.g. while the tree is being rebuilt). */
export const EXTENSION_DIR = resolve(process.env.YIBAO_EXTENSION_DIR || '.output/chrome-mv3');
export const FIXTURE_DIR = resolve('test/fixtures');

const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('找不到 Chromium：先运行 node scripts/ensure-chromium.mjs');
  return found;
}

/** Path → body; a Buffer (e.g. a generated PDF) is served as is. */
/** Chromium flags for a headless browser with one unpacked extension and no traffic of its own. */
export function chromiumArgsFor(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
  ];
}

export type PageRoutes = Record<string, string | Buffer | (() => string | Buffer)>;

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Host name used in `origin` and `url()` (the server listens on 127.0.0.1 either way); `localhost` makes a second site. */
  hostname?: string;
}

const ROUTE_TYPES: [string, string][] = [
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.pdf', 'application/pdf'],
];

/** Serves `routes` (path → HTML, or JS/CSS by extension) and falls back to files in test/fixtures. */
export async function startFixtureServer(
  routes: PageRoutes = {},
  headers: Record<string, Record<string, string>> = {},
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const route = routes[path];
    const extra = headers[path] ?? {};
    if (route !== undefined) {
      const type = ROUTE_TYPES.find(([suffix]) => path.endsWith(suffix))?.[1] ?? 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type, ...extra });
      res.end(typeof route === 'function' ? route() : route);
      return;
    }
    const file = join(FIXTURE_DIR, path);
    if (file.startsWith(FIXTURE_DIR) && existsSync(file) && !file.endsWith('/')) {
      const type = file.endsWith('.js')
        ? 'text/javascript'
        : file.endsWith('.css')
          ? 'text/css'
          : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type, ...extra });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://${options.hostname ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Requests to anything but the fixture servers and the extension itself. */
  foreignRequests: string[];
  /** console.error messages and uncaught page errors, per page URL. */
  pageErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Switch on chrome://extensions' developer mode in the fresh profile. Without it, Chromium loads the
   * unpacked extension at start-up but disables it (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION) when it is
   * reloaded, e.g. by chrome.runtime.reload().
   */
  developerMode?: boolean;
}

export async function launchExtensionBrowser(
  allowedOrigins: string[] = [],
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('没有构建产物：先运行 npm run build');
  const profile = mkdtempSync(join(tmpdir(), 'yibao-e2e-'));
  if (options.developerMode) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
    );
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: chromiumArgsFor(EXTENSION_DIR),
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  // Our package's files, by the fixed id or by the per-session id of `use_dynamic_url` resources (a UUID;
  // this browser has no other extension).
  const ownPackageFile = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//;
  const allowed = (url: string) =>
    url.startsWith(`chrome-extension://${extensionId}/`) ||
    ownPackageFile.test(url) ||
    url.startsWith('data:') ||
    url.startsWith('about:') ||
    allowedOrigins.some((o) => url.startsWith(o) || url.startsWith(`blob:${o}/`));
  context.on('request', (request) => {
    if (!allowed(request.url())) foreignRequests.push(request.url());
  });
  const watch = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
    });
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return {
    context,
    extensionId,
    serviceWorker,
    foreignRequests,
    pageErrors,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Center of the first occurrence of `text` in a text node of the page (or of a frame). */
export async function pointOfText(
  page: Page | import('playwright-core').Frame,
  text: string,
  occurrence = 0,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([needle, nth]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest('script, style, textarea, noscript')) continue;
        let index = node.data.indexOf(needle);
        while (index >= 0) {
          if (seen++ === nth) {
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + needle.length);
            range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            let rect = range.getClientRects()[0];
            // A parent taller than the viewport (a long <pre>) can leave the text itself off screen.
            if (rect && (rect.top < 0 || rect.bottom > innerHeight)) {
              scrollBy(0, rect.top - innerHeight / 2);
              rect = range.getClientRects()[0];
            }
            return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
          }
          index = node.data.indexOf(needle, index + 1);
        }
      }
      return null;
    },
    [text, occurrence] as const,
  );
}

/**
 * The highlighted strings the page can see in our highlight registry, in reading order: by default every
 * kind of underline mark on light backgrounds (a term, a term right after another, a look-alike sense).
 */
export async function markedTexts(
  page: Page | import('playwright-core').Frame,
  name: string | string[] = ['yibao-lens-term', 'yibao-lens-term-next', 'yibao-lens-term-sense'],
): Promise<string[]> {
  return page.evaluate(
    (names) => {
      const ranges: Range[] = [];
      let kinds = 0;
      for (const highlightName of names) {
        if (CSS.highlights.get(highlightName)?.size) kinds++;
        for (const marked of CSS.highlights.get(highlightName) ?? []) {
          // A mark may run from one text node into the next (a term split by inline markup). A page that
          // re-renders can change a node's text a moment before the mark follows: such a mark is left out.
          const range = document.createRange();
          try {
            range.setStart(marked.startContainer, marked.startOffset);
            range.setEnd(marked.endContainer, marked.endOffset);
          } catch {
            continue;
          }
          ranges.push(range);
        }
      }
      // One kind of mark keeps the order it was drawn in; several kinds are merged in reading order.
      if (kinds > 1)
        ranges.sort((a, b) => {
          try {
            return a.compareBoundaryPoints(Range.START_TO_START, b);
          } catch {
            return 0;
          }
        });
      return ranges.map((range) => range.toString());
    },
    typeof name === 'string' ? [name] : name,
  );
}

/** Waits until the extension has finished its first scan (marks appear and stop changing). */
export async function waitForMarks(
  page: Page | import('playwright-core').Frame,
  minimum = 1,
  timeout = 10000,
): Promise<string[]> {
  const deadline = Date.now() + timeout;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const marks = await markedTexts(page);
    if (marks.length !== last) {
      last = marks.length;
      stableSince = Date.now();
    }
    if (marks.length >= minimum && Date.now() - stableSince > 400) return marks;
    if (Date.now() > deadline) return marks;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { cardOf, focusInCard, LENS_HOST_SELECTOR } from './cardLocator';

export async function hoverText(page: Page, text: string, occurrence = 0) {
  const point = await pointOfText(page, text, occurrence);
  if (!point) throw new Error(`页面上找不到“${text}”`);
  await page.mouse.move(point.x - 30, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}

/** A new page at `url`, once at least `minimumMarks` terms are marked on it. */
export async function openMarkedPage(browser: ExtensionBrowser, url: string, minimumMarks = 1): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitForMarks(page, minimumMarks);
  return page;
}

/** Reads until `ok` holds or the time is up; returns the last value read (the caller asserts on it). */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 5000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------- the content script's isolated world, through CDP ----------

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { frameId?: string; type?: string; isDefault?: boolean };
}

/** Execution contexts of a page, as CDP reports them (the content script's isolated world among them). */
export async function executionContexts(session: CDPSession): Promise<ContextDescription[]> {
  const contexts: ContextDescription[] = [];
  const onCreated = (event: { context: ContextDescription }) => contexts.push(event.context);
  session.on('Runtime.executionContextCreated', onCreated);
  await session.send('Runtime.enable');
  await session.send('Runtime.disable');
  session.off('Runtime.executionContextCreated', onCreated);
  return contexts;
}

export async function mainFrameId(session: CDPSession): Promise<string> {
  const { frameTree } = await session.send('Page.getFrameTree');
  return frameTree.frame.id;
}

export async function evaluateIn<T>(session: CDPSession, contextId: number, expression: string): Promise<T> {
  const result = await session.send('Runtime.evaluate', {
    expression,
    contextId,
    returnByValue: true,
    awaitPromise: true,
  });
  if (result.exceptionDetails)
    throw new Error(
      `evaluate failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`,
    );
  return result.result.value as T;
}

/** The execution context of our content scripts' isolated world in the page's main frame. */
export async function extensionWorldId(session: CDPSession, extensionId: string): Promise<number> {
  const frameId = await mainFrameId(session);
  const context = (await executionContexts(session)).find(
    (c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.frameId === frameId,
  );
  if (!context) throw new Error('content script world not found');
  return context.id;
}
