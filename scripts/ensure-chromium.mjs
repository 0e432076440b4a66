#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, installing Debian's package when none is there.
// Playwright's own browser download does not work on these machines; Debian's chromium does.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

export function findChromium() {
  return candidates.find((path) => existsSync(path)) ?? null;
}

function install() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const run = (args) =>
    execFileSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.log('ensure-chromium: installing Debian chromium and a CJK font (apt-get)…');
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-wqy-zenhei']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let path = findChromium();
  if (!path) {
    try {
      install();
    } catch (err) {
      console.error('ensure-chromium: could not install chromium automatically:', err.message);
      console.error('Install it with: apt-get install -y chromium fonts-wqy-zenhei (or set CHROMIUM_PATH).');
      process.exit(1);
    }
    path = findChromium();
  }
  if (!path) {
    console.error('ensure-chromium: chromium is still missing after installation.');
    process.exit(1);
  }
  if (!existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc')) {
    try {
      install();
    } catch {
      console.warn('ensure-chromium: no CJK font; Chinese may render as boxes in screenshots.');
    }
  }
  console.log(`ensure-chromium: using ${path}`);
}
