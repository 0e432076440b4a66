/**
 * What the stores receive: the built manifest, icons, locales, shipped code and the
 * two zips that `npm run zip` makes (Chrome and Edge, MV3, one source). It builds what
 * it checks (`wxt zip` builds first), so it passes on a clean checkout after compile-data.
 *
 * Remote URLs: shipped files may contain http(s) addresses only of these kinds, none of
 * which is ever fetched (the e2e suite also records every request the extension makes):
 * - XML namespaces (http://www.w3.org/…), strings React DOM compares element namespaces with;
 * - React's production error links (https://react.dev/errors/…), text inside thrown errors;
 * - WXT storage's error text (https://github.com/wxt-dev/wxt/issues/…, https://wxt.dev/guide/…);
 * - citation links of the bundled data (the sources a card or the checker names, opened only
 *   when the reader clicks them), i.e. exactly the URLs that appear in data/ or generated/ JSON;
 * - `http://${…}` and `http://[${…}]`: a typed host name (utils/siteInput.ts) or an IPv6 literal
 *   (zod's validator) prefixed to be parsed with URL;
 * - JSON Schema dialect ids (http(s)://json-schema.org/…/schema), strings in zod's toJSONSchema.
 * - pdf.js (the PDF reader, pdf.html, and its worker): XML namespaces of PDF forms and metadata
 *   (ns.adobe.com, www.xfa.org, w3.org's XSL and XML-signature ones), the Apache licence line, and
 *   the placeholder bases http://example.com and https://foo.bar that it hands to `new URL()` to
 *   parse a link's address; none is ever requested.
 *
 * Eval: pdf.js has two `new Function(` uses, both in its worker: a feature test and a compiler for
 * PostScript functions that runs only if eval is allowed. The reader passes isEvalSupported: false
 * and the extension CSP forbids eval, so neither runs; those two exact strings are let through.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const OUT = resolve('.output');
const CHROME_DIR = join(OUT, 'chrome-mv3');
const EDGE_DIR = join(OUT, 'edge-mv3');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const CHROME_ZIP = join(OUT, `yibao-lens-${pkg.version}-chrome.zip`);
const EDGE_ZIP = join(OUT, `yibao-lens-${pkg.version}-edge.zip`);

const INTENDED_PERMISSIONS = ['activeTab', 'contextMenus', 'scripting', 'storage'];
const ICON_SIZES = ['16', '32', '48', '128'];
const LOCALES = ['en', 'zh_CN'];

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  name: string;
  description: string;
  version: string;
  default_locale: string;
  permissions?: string[];
  icons: Record<string, string>;
  action: { default_icon: Record<string, string>; default_popup: string; default_title?: string };
  background: { service_worker: string; type?: string };
  content_scripts: { matches: string[]; js?: string[]; css?: string[] }[];
  web_accessible_resources: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  content_security_policy: { extension_pages: string; sandbox?: string };
  commands: Record<string, { suggested_key?: { default?: string }; description?: string }>;
  options_ui?: { page: string; open_in_tab?: boolean };
};

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** Reads a zip's central directory (enough for the small, non-zip64 archives wxt writes). */
function zipEntries(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`unsupported zip method ${entry.method}`);
}

function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s"'`<>)\\]+/g) ?? [];
}

/** Citation URLs carried by the bundled data (see the header). */
function dataUrls(): Set<string> {
  const urls = new Set<string>();
  for (const dir of ['data', 'generated']) {
    for (const file of filesUnder(join(ROOT, dir)).filter((f) => f.endsWith('.json'))) {
      for (const url of urlsIn(readFileSync(join(ROOT, dir, file), 'utf8'))) urls.add(url);
    }
  }
  return urls;
}

const HARMLESS_URL = [
  /^http:\/\/www\.w3\.org\/(1998\/Math\/MathML|2000\/svg|1999\/xhtml|1999\/xlink|XML\/1998\/namespace)$/,
  // pdf.js (see the header).
  /^http:\/\/www\.w3\.org\/(1999\/XSL\/Transform|2000\/09\/xmldsig#)$/,
  /^http:\/\/ns\.adobe\.com\/(xdp|xdp\/pdf|xfdf|xmpmeta)\/$/,
  /^http:\/\/www\.xfa\.org\/schema\/[\w./-]+\/$/,
  /^http:\/\/www\.apache\.org\/licenses\/LICENSE-2\.0$/,
  /^(http:\/\/example\.com|https:\/\/foo\.bar)$/,
  /^https:\/\/react\.dev\/errors\/$/,
  /^https:\/\/github\.com\/wxt-dev\/wxt\/issues\/\d+$/,
  /^https:\/\/wxt\.dev\/guide\/[\w/.-]+$/,
  /^http:\/\/\[?\$\{\w+\}\]?$/,
  /^https?:\/\/json-schema\.org\/(draft-0[47]|draft\/20\d\d-\d\d)\/schema#?$/,
];

beforeAll(() => {
  // `wxt zip` runs a production build of the same target first, then zips it. Vitest sets
  // NODE_ENV=test, which Vite would carry into the bundle (React's development build): drop it.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
  const run = (args: string[]) => execFileSync('npx', ['wxt', ...args], { cwd: ROOT, stdio: 'pipe', env });
  run(['zip']);
  run(['zip', '-b', 'edge']);
}, 300_000);

describe('manifest (.output/chrome-mv3)', () => {
  it('is MV3 with exactly the intended permissions and no host permissions', () => {
    const m = readManifest(CHROME_DIR);
    expect(m.manifest_version).toBe(3);
    expect([...(m.permissions ?? [])].sort()).toEqual(INTENDED_PERMISSIONS);
    for (const key of [
      'host_permissions',
      'optional_permissions',
      'optional_host_permissions',
      'externally_connectable',
      'update_url',
      'key',
    ]) {
      expect(m, key).not.toHaveProperty(key);
    }
    // Declared content scripts need no host_permissions.
    expect(m.content_scripts.map((c) => c.matches)).toEqual([['<all_urls>']]);
    expect(m.web_accessible_resources).toEqual([
      {
        resources: ['content-engine.js', 'card-ui.js', 'page-numbers.js'],
        matches: ['<all_urls>'],
        use_dynamic_url: true,
      },
    ]);
  });

  it('takes its version from package.json and its name and description from _locales', () => {
    const m = readManifest(CHROME_DIR);
    expect(m.version).toBe(pkg.version);
    expect(m.default_locale).toBe('zh_CN');
    expect(m.name).toBe('__MSG_extName__');
    expect(m.description).toBe('__MSG_extDescription__');
  });

  it('has a strict extension-page CSP: own scripts only, no eval, no remote code', () => {
    const m = readManifest(CHROME_DIR);
    const csp = m.content_security_policy.extension_pages;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    expect(m.content_security_policy).not.toHaveProperty('sandbox');
  });

  it('declares the popup and toggle-site shortcuts', () => {
    const m = readManifest(CHROME_DIR);
    expect(m.commands._execute_action?.suggested_key?.default).toBe('Alt+Shift+Y');
    expect(m.commands['toggle-site']).toEqual({
      suggested_key: { default: 'Alt+Shift+U' },
      description: '__MSG_cmdToggleSite__',
    });
    expect(Object.keys(m.commands).sort()).toEqual(['_execute_action', 'toggle-site']);
  });

  it('has icons at 16, 32, 48 and 128 px for the extension and the toolbar button, each file the size it claims', () => {
    const m = readManifest(CHROME_DIR);
    expect(Object.keys(m.icons).sort()).toEqual([...ICON_SIZES].sort());
    expect(m.action.default_icon).toEqual(m.icons);
    for (const [size, path] of Object.entries(m.icons)) {
      const file = join(CHROME_DIR, path);
      expect(existsSync(file), path).toBe(true);
      expect(pngSize(file)).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('names only files that exist in the package', () => {
    const m = readManifest(CHROME_DIR);
    const referenced = [
      m.background.service_worker,
      m.action.default_popup,
      m.options_ui?.page ?? 'options.html',
      ...m.content_scripts.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      ...m.web_accessible_resources.flatMap((w) => w.resources),
      ...Object.values(m.icons),
    ];
    for (const path of referenced) expect(existsSync(join(CHROME_DIR, path)), path).toBe(true);
    expect(m.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });

  it('has valid zh_CN and en locales with every message the manifest uses, within the store limits', () => {
    const m = readManifest(CHROME_DIR);
    const used = [...JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]!);
    expect(readdirSync(join(CHROME_DIR, '_locales')).sort()).toEqual(LOCALES);
    const keySets: string[][] = [];
    for (const locale of LOCALES) {
      const messages = JSON.parse(
        readFileSync(join(CHROME_DIR, '_locales', locale, 'messages.json'), 'utf8'),
      ) as Record<string, { message: string }>;
      for (const key of [...used, 'extName', 'extDescription', 'menuSearchSelection']) {
        expect(typeof messages[key]?.message, `${locale}: ${key}`).toBe('string');
        expect(messages[key]!.message.length, `${locale}: ${key}`).toBeGreaterThan(0);
      }
      expect([...messages.extName!.message].length).toBeLessThanOrEqual(75);
      expect([...messages.extDescription!.message].length).toBeLessThanOrEqual(132);
      expect(messages.menuSearchSelection!.message).toContain('%s');
      keySets.push(Object.keys(messages).sort());
    }
    expect(keySets[0]).toEqual(keySets[1]);
    const zh = JSON.parse(readFileSync(join(CHROME_DIR, '_locales/zh_CN/messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    expect(zh.extName!.message).toBe('懂医保');
    expect(zh.menuSearchSelection!.message).toBe('用懂医保查询“%s”');
  });
});

describe('shipped code', () => {
  it('loads nothing remote: every http(s) address in shipped files is a known harmless kind', () => {
    const citations = dataUrls();
    const unexpected: string[] = [];
    for (const file of filesUnder(CHROME_DIR).filter((f) => /\.(m?js|html|css|json)$/.test(f))) {
      for (const url of urlsIn(readFileSync(join(CHROME_DIR, file), 'utf8'))) {
        if (!HARMLESS_URL.some((re) => re.test(url)) && !citations.has(url)) unexpected.push(`${file}: ${url}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('is a production build: no React development runtime, no source maps', () => {
    const files = filesUnder(CHROME_DIR);
    expect(files.filter((f) => /jsx-dev-runtime|\.map$/.test(f))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(CHROME_DIR, file), 'utf8'), file).not.toContain('react-devtools');
    }
  });

  it('has no remote script or style tags and no eval', () => {
    for (const file of filesUnder(CHROME_DIR)) {
      expect(file).not.toMatch(/\.map$/);
      if (file.endsWith('.html')) {
        const html = readFileSync(join(CHROME_DIR, file), 'utf8');
        for (const src of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g))
          expect(src[1], file).toMatch(/^\/?[\w./-]+$/);
      }
      if (/\.m?js$/.test(file)) {
        let js = readFileSync(join(CHROME_DIR, file), 'utf8');
        // pdf.js's worker: the two uses named in the header, which never run here.
        if (/^assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(file))
          js = js.replace('new Function("")', '').replace('new Function("src","srcOffset","dest","destOffset"', '');
        expect(js, file).not.toMatch(/\beval\s*\(|new Function\s*\(|importScripts\s*\(\s*['"`]https?:/);
      }
    }
  });
});

describe('PDF reader', () => {
  it('ships pdf.js and its worker as files of the package, and pdf.html is not reachable from web pages', () => {
    const files = filesUnder(CHROME_DIR);
    expect(files).toContain('pdf.html');
    expect(files.filter((f) => /^assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(f))).toHaveLength(1);
    const html = readFileSync(join(CHROME_DIR, 'pdf.html'), 'utf8');
    expect(html).toContain('accept="application/pdf,.pdf"');
    const m = readManifest(CHROME_DIR);
    expect(m.web_accessible_resources.flatMap((w) => w.resources)).not.toContain('pdf.html');
  });
});

describe('store packages (npm run zip)', () => {
  it('makes a Chrome and an Edge zip named with the package.json version', () => {
    expect(existsSync(CHROME_ZIP)).toBe(true);
    expect(existsSync(EDGE_ZIP)).toBe(true);
    console.log(`chrome zip: ${statSync(CHROME_ZIP).size} B, edge zip: ${statSync(EDGE_ZIP).size} B`);
  });

  it.each([
    ['chrome', CHROME_ZIP, CHROME_DIR],
    ['edge', EDGE_ZIP, EDGE_DIR],
  ])('the %s zip holds exactly the built extension, manifest at the root', (_browser, zipPath, dir) => {
    const zip = readFileSync(zipPath);
    const entries = zipEntries(zip);
    const names = entries
      .map((e) => e.name)
      .filter((n) => !n.endsWith('/'))
      .sort();
    expect(names).toEqual(filesUnder(dir));
    expect(names).toContain('manifest.json');
    expect(names.filter((n) => /(^|\/)(\.|node_modules\/|.*\.map$)/.test(n))).toEqual([]);
    const manifest = JSON.parse(
      zipRead(
        zip,
        entries.find((e) => e.name === 'manifest.json')!,
      ).toString('utf8'),
    ) as Manifest;
    expect(manifest).toEqual(readManifest(dir));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(pkg.version);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(INTENDED_PERMISSIONS);
    for (const size of ICON_SIZES) expect(names).toContain(`icon/${size}.png`);
    expect(statSync(zipPath).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('builds Chrome and Edge from one source: same files and the same manifest', () => {
    expect(filesUnder(EDGE_DIR)).toEqual(filesUnder(CHROME_DIR));
    expect(readManifest(EDGE_DIR)).toEqual(readManifest(CHROME_DIR));
    expect(relative(OUT, CHROME_ZIP)).toBe(`yibao-lens-${pkg.version}-chrome.zip`);
  });
});
