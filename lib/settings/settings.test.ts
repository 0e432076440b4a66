import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onLensMessage } from '../messaging/protocol';
import {
  LENS_SETTINGS_VERSION,
  applySettingsChange,
  applySettingsUpdate,
  migrateLensSettings,
  prepareStoredSettings,
} from './owner';
import {
  DEFAULT_LENS_SETTINGS,
  SETTINGS_TABLE,
  TEXT_SIZE_SCALE,
  SETTING_NAMES,
  isLensActiveOn,
  normalizeLensSettings,
  readLensSettings,
  resetLensSettings,
  siteKeyOf,
  changeLensSettings,
  validateSettingsChange,
  watchLensSettings,
  type LensSettings,
} from './settings';
import { LENS_SETTINGS_REPAIRED_NOTICE, LENS_SETTINGS_RESTORED_NOTICE, lensSettingsNoticeItem } from './notice';
import { setting, type SettingsIntent } from './intents';
import { checkSettingsChange } from '@/entrypoints/background/messageGate';

/** The background's handler, as entrypoints/background registers it, for messages from one of our own pages. */
const ownerHandler = ({ data }: { data: unknown }) => {
  const checked = checkSettingsChange(data, 'extensionPage', { terms: new Set(['gerenzhanghu']), articles: new Set() });
  return 'error' in checked ? checked : applySettingsChange(checked.intents);
};
const updateLensSettings = (change: Partial<LensSettings>) =>
  changeLensSettings(
    ...Object.entries(change).flatMap(([field, value]): SettingsIntent[] =>
      field === 'knownTerms'
        ? (value as string[]).map((id) => ({ op: 'knowTerm', id }))
        : field === 'disabledSites'
          ? (value as string[]).map((rule) => ({ op: 'setSiteRule', rule }))
          : [setting(field as 'theme', value as LensSettings['theme'])],
    ),
  );

const stored = async () =>
  (await fakeBrowser.storage.local.get(['settings', 'settings$'])) as {
    settings?: unknown;
    settings$?: { v?: number };
  };

describe('the settings table', () => {
  it('gives every setting a default that passes its own validation, and lists the choices it validates', () => {
    for (const name of SETTING_NAMES) {
      const spec = SETTINGS_TABLE[name] as {
        default: unknown;
        valid(v: unknown): boolean;
        choices?: readonly unknown[];
      };
      expect(spec.valid(spec.default), name).toBe(true);
      for (const choice of spec.choices ?? []) expect(spec.valid(choice), `${name}=${String(choice)}`).toBe(true);
      if (spec.choices) expect(spec.valid('surely-not-a-choice'), name).toBe(false);
    }
  });

  it('reads missing fields as defaults silently and names each malformed field it replaced', () => {
    expect(normalizeLensSettings(undefined)).toEqual({ settings: DEFAULT_LENS_SETTINGS, repaired: [] });
    expect(normalizeLensSettings({ enabled: false })).toEqual({
      settings: { ...DEFAULT_LENS_SETTINGS, enabled: false },
      repaired: [],
    });
    const { settings, repaired } = normalizeLensSettings({
      enabled: 'yes',
      disabledSites: ['a.com', 3],
      markStyle: 'background',
      hoverDelayMs: -5,
      holdKey: 'Meta',
      disabledCategories: ['fund', 'no-such-category'],
      theme: 'dark',
    });
    expect(settings).toEqual({ ...DEFAULT_LENS_SETTINGS, markStyle: 'background', theme: 'dark' });
    expect(repaired.sort()).toEqual(['disabledCategories', 'disabledSites', 'enabled', 'holdKey', 'hoverDelayMs']);
    expect(normalizeLensSettings('garbage{').repaired).toEqual(SETTING_NAMES);
    expect(normalizeLensSettings([1, 2]).settings).toEqual(DEFAULT_LENS_SETTINGS);
  });

  it('never hands out the default arrays themselves', () => {
    const a = normalizeLensSettings(null).settings;
    a.disabledSites.push('x.com');
    expect(normalizeLensSettings(null).settings.disabledSites).toEqual([]);
    expect(DEFAULT_LENS_SETTINGS.disabledSites).toEqual([]);
  });

  it('takes 字号 标准 / 大 / 特大 and nothing else, 标准 by default', () => {
    expect(DEFAULT_LENS_SETTINGS.textSize).toBe('standard');
    expect(normalizeLensSettings({ textSize: 'xlarge' }).settings.textSize).toBe('xlarge');
    expect(normalizeLensSettings({ textSize: 'huge' })).toEqual({
      settings: DEFAULT_LENS_SETTINGS,
      repaired: ['textSize'],
    });
    expect(validateSettingsChange({ textSize: 'large' })).toBeNull();
    expect(validateSettingsChange({ textSize: 20 })).toBe('字号只能是标准、大或特大');
    expect(TEXT_SIZE_SCALE).toEqual({ standard: 1, large: 1.125, xlarge: 1.25 });
  });

  it('refuses a change outside the allowed range with a Chinese message naming it', () => {
    expect(validateSettingsChange({ hoverDelayMs: 0 })).toMatch(/悬停延迟须在 100–2000 毫秒之间/);
    expect(validateSettingsChange({ hoverDelayMs: 300, theme: 'dark' })).toBeNull();
    expect(validateSettingsChange({ colour: 'red' })).toMatch(/未知的设置项/);
  });

  it('takes no key from the prototype chain for a setting, a category or a stored field', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(validateSettingsChange(JSON.parse(`{"${key}": 1}`))).toMatch(/未知的设置项/);
    expect(validateSettingsChange({ disabledCategories: ['constructor'] })).toMatch(/无效/);
    const inherited = Object.create({ enabled: false, theme: 'dark' }) as object;
    expect(normalizeLensSettings(inherited).settings).toEqual(DEFAULT_LENS_SETTINGS);
  });
});

describe('sites', () => {
  it('keys pages by host name', () => {
    expect(siteKeyOf('https://www.zhihu.com/question/1')).toBe('www.zhihu.com');
    expect(siteKeyOf('http://127.0.0.1:8080/a.html')).toBe('127.0.0.1');
    expect(siteKeyOf('file:///tmp/a.html')).toBe('file');
    expect(siteKeyOf('chrome://extensions')).toBeNull();
    expect(siteKeyOf('not a url')).toBeNull();
  });

  it('is off on a listed host, on a domain rule’s subdomains, and everywhere when disabled', () => {
    const s = { ...DEFAULT_LENS_SETTINGS, disabledSites: ['a.com', '*.b.org'] };
    expect(isLensActiveOn(s, 'a.com')).toBe(false);
    expect(isLensActiveOn(s, 'www.a.com')).toBe(true);
    expect(isLensActiveOn(s, 'b.org')).toBe(false);
    expect(isLensActiveOn(s, 'news.b.org')).toBe(false);
    expect(isLensActiveOn(s, 'notb.org')).toBe(true);
    expect(isLensActiveOn(s, null)).toBe(true);
    expect(isLensActiveOn({ ...s, enabled: false }, 'c.com')).toBe(false);
  });
});

describe('start-up in the owner (migrations and repair)', () => {
  it('nothing stored: defaults, nothing written, no notice', async () => {
    expect(await prepareStoredSettings()).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await stored()).toEqual({});
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });

  it('a v1 object (no version marker) keeps what it had and is stamped with the current version', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false, disabledSites: ['www.zhihu.com'] } });
    expect(await prepareStoredSettings()).toEqual({
      ...DEFAULT_LENS_SETTINGS,
      enabled: false,
      disabledSites: ['www.zhihu.com'],
    });
    expect((await stored()).settings$).toEqual({ v: LENS_SETTINGS_VERSION });
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });

  it('v2 → v3 keeps a delay below the new minimum as fast as now allowed, without a notice', async () => {
    await fakeBrowser.storage.local.set({ settings: { hoverDelayMs: 0, theme: 'dark' }, settings$: { v: 2 } });
    const settings = await prepareStoredSettings();
    expect(settings).toEqual({ ...DEFAULT_LENS_SETTINGS, hoverDelayMs: 100, theme: 'dark' });
    expect((await stored()).settings).toEqual(settings);
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
    // The step only runs on older data: a current value below the minimum is malformed.
    expect(migrateLensSettings({ hoverDelayMs: 0 }, LENS_SETTINGS_VERSION)).toEqual({ hoverDelayMs: 0 });
  });

  it('a value that is not an object falls back to the defaults and leaves the notice', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage{', settings$: { v: 2 } });
    expect(await prepareStoredSettings()).toEqual(DEFAULT_LENS_SETTINGS);
    expect((await stored()).settings).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
  });

  it('an unknown version marker (a downgrade or garbage) is reset and the value repaired field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false, theme: 'neon' }, settings$: { v: 99 } });
    expect(await prepareStoredSettings()).toEqual({ ...DEFAULT_LENS_SETTINGS, enabled: false });
    expect((await stored()).settings$).toEqual({ v: LENS_SETTINGS_VERSION });
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
  });

  it('leaves healthy current settings untouched', async () => {
    const healthy = { ...DEFAULT_LENS_SETTINGS, theme: 'light' };
    await fakeBrowser.storage.local.set({ settings: healthy, settings$: { v: LENS_SETTINGS_VERSION } });
    expect(await prepareStoredSettings()).toEqual(healthy);
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });
});

describe('changing settings', () => {
  let removeHandler: () => void = () => undefined;
  beforeEach(() => {
    // The background's handler, as entrypoints/background registers it.
    removeHandler = onLensMessage('changeSettings', ownerHandler);
  });
  afterEach(() => removeHandler());

  it('merges a change into what is stored, through the owner', async () => {
    await fakeBrowser.storage.local.set({ settings: { disabledSites: ['a.com'] } });
    const next = await updateLensSettings({ markStyle: 'none' });
    expect(next).toEqual({ ...DEFAULT_LENS_SETTINGS, disabledSites: ['a.com'], markStyle: 'none' });
    expect(await readLensSettings()).toEqual(next);
  });

  it('keeps every one of many concurrent changes to different settings', async () => {
    const changes = [
      { enabled: false },
      { markStyle: 'background' as const },
      { disabledCategories: ['fund'] },
      { theme: 'dark' as const },
      { hoverDelayMs: 500 },
      { holdKey: 'Alt' as const },
      { knownTerms: ['gerenzhanghu'] },
      { markAmount: 'all' as const },
    ];
    await Promise.all(changes.map((change) => updateLensSettings(change)));
    expect(await readLensSettings()).toEqual(Object.assign({ ...DEFAULT_LENS_SETTINGS }, ...changes));
  });

  it('a change computed inside the owner sees the change queued just before it', async () => {
    const first = applySettingsChange([{ op: 'setSiteRule', rule: 'a.com' }]);
    const second = applySettingsUpdate((s) =>
      s.disabledSites.includes('a.com') ? [{ op: 'setSiteRule', rule: 'b.com' }] : [],
    );
    await Promise.all([first, second]);
    expect((await readLensSettings()).disabledSites).toEqual(['a.com', 'b.com']);
  });

  it('edits of the same list sent at the same moment from several pages all survive', async () => {
    const ids = ['gerenzhanghu', 'tongchoujijin', 'jiatinggongji', 'dengdaiqi'];
    const sites = ['a.com', 'b.com', '*.c.org', 'd.net'];
    await Promise.all([
      ...ids.map((id) => applySettingsChange([{ op: 'knowTerm', id }])),
      ...sites.map((rule) => changeLensSettings({ op: 'setSiteRule', rule })),
    ]);
    const after = await readLensSettings();
    expect([...after.knownTerms].sort()).toEqual([...ids].sort());
    expect([...after.disabledSites].sort()).toEqual([...sites].sort());
    // Removing and adding at once: each removal takes only its own entry.
    await Promise.all([
      applySettingsChange([{ op: 'unknowTerm', id: 'tongchoujijin' }]),
      applySettingsChange([{ op: 'knowTerm', id: 'qifuxian' }]),
      changeLensSettings({ op: 'removeSiteRule', rule: 'b.com' }),
      changeLensSettings({ op: 'setSiteRule', rule: 'e.com' }),
    ]);
    const later = await readLensSettings();
    expect([...later.knownTerms].sort()).toEqual(['dengdaiqi', 'gerenzhanghu', 'jiatinggongji', 'qifuxian']);
    expect([...later.disabledSites].sort()).toEqual(['*.c.org', 'a.com', 'd.net', 'e.com']);
  });

  it('a message whose second intent is refused writes nothing of the first', async () => {
    await expect(
      changeLensSettings(setting('theme', 'dark'), { op: 'set', field: 'hoverDelayMs', value: 5 }),
    ).rejects.toThrow(/悬停延迟/);
    expect(await stored()).toEqual({});
  });

  it('rejects a bad value with its Chinese message and keeps what was stored', async () => {
    await updateLensSettings({ theme: 'dark' });
    await expect(updateLensSettings({ hoverDelayMs: 5 })).rejects.toThrow(/悬停延迟/);
    expect(await readLensSettings()).toEqual({ ...DEFAULT_LENS_SETTINGS, theme: 'dark' });
  });

  it('reset writes fresh defaults that share no arrays with DEFAULT_LENS_SETTINGS', async () => {
    await updateLensSettings({ disabledSites: ['a.com'], theme: 'dark' });
    const fresh = await resetLensSettings();
    expect(fresh).toEqual(DEFAULT_LENS_SETTINGS);
    expect(fresh.disabledSites).not.toBe(DEFAULT_LENS_SETTINGS.disabledSites);
    expect(await readLensSettings()).toEqual(DEFAULT_LENS_SETTINGS);
  });

  it('readers never write: a malformed stored value is read as defaults and left for the owner', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', disabledSites: ['a.com'] } });
    expect(await readLensSettings()).toEqual({ ...DEFAULT_LENS_SETTINGS, disabledSites: ['a.com'] });
    expect((await stored()).settings).toEqual({ enabled: 'yes', disabledSites: ['a.com'] });
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });

  it('watchers get normalised settings', async () => {
    const seen: unknown[] = [];
    const stop = watchLensSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ settings: { enabled: false, markStyle: 'wavy' } });
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(seen).toEqual([{ ...DEFAULT_LENS_SETTINGS, enabled: false }]);
  });
});

describe('repair from the last good value', () => {
  it('at start-up, fields that are malformed take the last value the owner wrote, with the notice saying so', async () => {
    await applySettingsChange([setting('theme', 'dark'), { op: 'setSiteRule', rule: 'a.com' }]);
    await fakeBrowser.storage.local.set({ settings: { enabled: true, theme: 'neon', disabledSites: 'all' } });
    expect(await prepareStoredSettings()).toEqual({
      ...DEFAULT_LENS_SETTINGS,
      theme: 'dark',
      disabledSites: ['a.com'],
    });
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_RESTORED_NOTICE);
  });

  it('a value that is not an object at all comes back as last saved', async () => {
    await applySettingsChange([setting('markStyle', 'background'), { op: 'knowTerm', id: 'gerenzhanghu' }]);
    await fakeBrowser.storage.local.set({ settings: 'garbage{' });
    expect(await prepareStoredSettings()).toEqual({
      ...DEFAULT_LENS_SETTINGS,
      markStyle: 'background',
      knownTerms: ['gerenzhanghu'],
    });
  });

  it('a change that finds the stored value corrupted applies on top of the last good value', async () => {
    await applySettingsChange([{ op: 'setSiteRule', rule: 'a.com' }]);
    await fakeBrowser.storage.local.set({ settings: { disabledSites: 7 } });
    const reply = await applySettingsChange([{ op: 'setSiteRule', rule: 'b.com' }]);
    expect(reply).toEqual({ settings: { ...DEFAULT_LENS_SETTINGS, disabledSites: ['a.com', 'b.com'] } });
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_RESTORED_NOTICE);
  });

  it('a malformed last good value is not used', async () => {
    await fakeBrowser.storage.local.set({ settings: { theme: 'neon' }, settingsLastGood: { theme: 'plaid' } });
    expect(await prepareStoredSettings()).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
  });
});

describe('start-up comes first', () => {
  it('a change queued while start-up runs waits for its migration', async () => {
    const { startSettingsOwner } = await import('./owner');
    await fakeBrowser.storage.local.set({
      settings: { hoverDelayMs: 0, disabledSites: ['a.com'] },
      settings$: { v: 2 },
    });
    const started = startSettingsOwner();
    const toggled = applySettingsUpdate((current) =>
      current.hoverDelayMs === 100 ? [{ op: 'setSiteRule', rule: 'b.com' }] : [],
    );
    await started;
    expect(await toggled).toEqual({
      settings: { ...DEFAULT_LENS_SETTINGS, hoverDelayMs: 100, disabledSites: ['a.com', 'b.com'] },
    });
  });
});

describe('repair while running', () => {
  it('a malformed value written behind the owner’s back is repaired at once, with the notice', async () => {
    const { repairSettingsWhenCorrupted } = await import('./owner');
    const stop = repairSettingsWhenCorrupted();
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', theme: 'dark' } });
    await expect.poll(async () => (await stored()).settings).toEqual({ ...DEFAULT_LENS_SETTINGS, theme: 'dark' });
    await expect.poll(() => lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
    stop();
  });
});
