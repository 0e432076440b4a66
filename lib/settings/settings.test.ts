import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_LENS_SETTINGS,
  LENS_SETTINGS_REPAIRED_NOTICE,
  isLensActiveOn,
  lensSettingsStore,
  lensSettingsNoticeItem,
  migrateLensSettingsToV2,
  normalizeLensSettings,
  readLensSettings,
  readLensSettingsOnPage,
  repairLensSettingsStorage,
  resetLensSettings,
  siteKeyOf,
  updateLensSettings,
  watchLensSettings,
} from './settings';

/** Puts a raw value (and optionally a version marker) into storage the way an older build would have left it. */
async function seed(value: unknown, meta?: unknown) {
  const items: Record<string, unknown> =
    meta === undefined ? { settings: value } : { settings: value, settings$: meta };
  await fakeBrowser.storage.local.set(items);
  await lensSettingsStore().migrate();
}

const stored = async () =>
  (await fakeBrowser.storage.local.get(['settings', 'settings$'])) as {
    settings?: unknown;
    settings$?: { v?: number };
  };

describe('settings migrations', () => {
  it('v1 { enabled, disabledSites } becomes v2 with the new fields at their defaults', async () => {
    await seed({ enabled: false, disabledSites: ['www.zhihu.com'] });
    const raw = await stored();
    expect(raw.settings$).toEqual({ v: 2 });
    expect(raw.settings).toEqual({ ...DEFAULT_LENS_SETTINGS, enabled: false, disabledSites: ['www.zhihu.com'] });
    expect(await readLensSettings()).toEqual({
      ...DEFAULT_LENS_SETTINGS,
      enabled: false,
      disabledSites: ['www.zhihu.com'],
    });
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });

  it('an empty v1 object migrates to the defaults without a notice', async () => {
    await seed({});
    expect(await readLensSettings()).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });

  it('a v2 value is left as it is', async () => {
    const v2 = { ...DEFAULT_LENS_SETTINGS, markStyle: 'background', hoverDelayMs: 500 };
    await seed(v2, { v: 2 });
    expect((await stored()).settings).toEqual(v2);
    expect(await readLensSettings()).toEqual(v2);
  });

  it('the migration passes anything that is not a settings object through for the reader to repair', () => {
    expect(migrateLensSettingsToV2('garbage')).toBe('garbage');
    expect(migrateLensSettingsToV2(42)).toBe(42);
    const list = ['a'];
    expect(migrateLensSettingsToV2(list)).toBe(list);
    expect(migrateLensSettingsToV2({ enabled: 'yes' })).toEqual({ ...DEFAULT_LENS_SETTINGS, enabled: 'yes' });
  });
});

describe('corrupted settings', () => {
  it('nothing stored: defaults, no notice, nothing written', async () => {
    expect(await readLensSettings()).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
    expect((await stored()).settings).toBeUndefined();
  });

  it('a v1 value that is not an object falls back to the defaults and leaves a notice', async () => {
    await seed('garbage');
    expect(await readLensSettings()).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
    expect((await stored()).settings).toEqual(DEFAULT_LENS_SETTINGS);
  });

  it('a v2 array falls back to the defaults with a notice', async () => {
    await seed([1, 2, 3], { v: 2 });
    expect(await readLensSettings()).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
  });

  it('bad fields are reset one by one and good ones are kept', async () => {
    await seed(
      {
        enabled: 'yes',
        disabledSites: ['a.com', 3],
        markStyle: 'background',
        hoverDelayMs: -5,
        holdKey: 'Meta',
        disabledCategories: ['fund'],
        theme: 'dark',
      },
      { v: 2 },
    );
    const settings = await readLensSettings();
    expect(settings).toEqual({
      ...DEFAULT_LENS_SETTINGS,
      markStyle: 'background',
      disabledCategories: ['fund'],
      theme: 'dark',
    });
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
    // The repaired value is written back, so the next read is clean.
    await lensSettingsNoticeItem.setValue(null);
    expect(await readLensSettings()).toEqual(settings);
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });

  it('rejects delays outside 0–2000 ms and non-finite numbers', () => {
    for (const hoverDelayMs of [-1, 2001, Number.NaN, Number.POSITIVE_INFINITY, '200']) {
      expect(normalizeLensSettings({ hoverDelayMs })).toEqual({ settings: DEFAULT_LENS_SETTINGS, repaired: true });
    }
    expect(normalizeLensSettings({ hoverDelayMs: 0 }).repaired).toBe(false);
    expect(normalizeLensSettings({ hoverDelayMs: 2000 }).settings.hoverDelayMs).toBe(2000);
  });

  it('an unknown version marker (a downgrade or garbage) is reset and the value repaired', async () => {
    const items: Record<string, unknown> = { settings: { enabled: false, theme: 'neon' }, settings$: { v: 9 } };
    await fakeBrowser.storage.local.set(items);
    const settings = await repairLensSettingsStorage();
    expect(settings).toEqual({ ...DEFAULT_LENS_SETTINGS, enabled: false });
    const raw = await stored();
    expect(raw.settings$).toEqual({ v: 2 });
    expect(raw.settings).toEqual(settings);
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
  });

  it('repairLensSettingsStorage leaves healthy settings alone', async () => {
    await seed({ ...DEFAULT_LENS_SETTINGS, theme: 'light' }, { v: 2 });
    expect(await repairLensSettingsStorage()).toEqual({ ...DEFAULT_LENS_SETTINGS, theme: 'light' });
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });
});

describe('updating settings', () => {
  it('merges a change into what is stored', async () => {
    await seed({ enabled: true, disabledSites: ['a.com'] });
    const next = await updateLensSettings({ markStyle: 'none' });
    expect(next).toEqual({ ...DEFAULT_LENS_SETTINGS, disabledSites: ['a.com'], markStyle: 'none' });
    expect(await readLensSettings()).toEqual(next);
  });

  it('reset writes fresh defaults that share no arrays with DEFAULT_LENS_SETTINGS', async () => {
    await updateLensSettings({ disabledSites: ['a.com'], theme: 'dark' });
    const fresh = await resetLensSettings();
    expect(fresh).toEqual(DEFAULT_LENS_SETTINGS);
    expect(fresh.disabledSites).not.toBe(DEFAULT_LENS_SETTINGS.disabledSites);
    expect(await readLensSettings()).toEqual(DEFAULT_LENS_SETTINGS);
  });

  it('watchers get normalized settings', async () => {
    const seen: unknown[] = [];
    const stop = watchLensSettings((s) => seen.push(s));
    await lensSettingsStore().setValue({ enabled: false, markStyle: 'wavy' });
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(seen).toEqual([{ ...DEFAULT_LENS_SETTINGS, enabled: false }]);
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

  it('is off where switched off, and everywhere when disabled', () => {
    const s = { ...DEFAULT_LENS_SETTINGS, disabledSites: ['a.com'] };
    expect(isLensActiveOn(s, 'a.com')).toBe(false);
    expect(isLensActiveOn(s, 'b.com')).toBe(true);
    expect(isLensActiveOn(s, null)).toBe(true);
    expect(isLensActiveOn({ ...s, enabled: false }, 'b.com')).toBe(false);
  });
});

describe('the content script reader', () => {
  it('reads, repairs and leaves the notice without running migrations (a bad version marker logs nothing)', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      settings: { enabled: 'yes', markStyle: 42, disabledSites: ['a.com'] },
      settings$: { v: 99 },
    });
    const settings = await readLensSettingsOnPage();
    expect(settings).toEqual({ ...DEFAULT_LENS_SETTINGS, disabledSites: ['a.com'] });
    expect(await lensSettingsNoticeItem.getValue()).toBe(LENS_SETTINGS_REPAIRED_NOTICE);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settings);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('gives the defaults, without a notice, when nothing is stored', async () => {
    expect(await readLensSettingsOnPage()).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await lensSettingsNoticeItem.getValue()).toBeNull();
  });
});
