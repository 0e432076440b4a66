// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onLensMessage } from '../messaging/protocol';
import { applySettingsChange } from './owner';
import { DEFAULT_LENS_SETTINGS, changeLensSettings, readLensSettings } from './settings';
import { setting, type SettingsIntent } from './intents';
import { checkSettingsChange } from '@/entrypoints/background/messageGate';
import { useSettings, type SettingsHandle } from './useSettings';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

/** Renders the hook and hands back its latest value. */
async function renderHook(): Promise<{ current: () => SettingsHandle; unmount(): void }> {
  let latest: SettingsHandle | null = null;
  function Probe() {
    const handle = useSettings();
    useEffect(() => {
      latest = handle;
    });
    return null;
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(<Probe />));
  return { current: () => latest!, unmount: () => act(() => root.unmount()) };
}

async function until(ok: () => boolean) {
  for (let i = 0; i < 50 && !ok(); i += 1) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(ok()).toBe(true);
}

describe('useSettings', () => {
  let removeHandler: () => void = () => undefined;
  beforeEach(() => {
    // The background's settings owner, as entrypoints/background registers it.
    removeHandler = onLensMessage('changeSettings', ({ data }) => {
      const checked = checkSettingsChange(data, 'extensionPage', { terms: new Set(), articles: new Set() });
      return 'error' in checked ? checked : applySettingsChange(checked.intents);
    });
  });
  afterEach(() => removeHandler());

  it('loads the stored settings', async () => {
    await changeLensSettings(setting('markStyle', 'background'));
    const hook = await renderHook();
    await until(() => hook.current().settings?.markStyle === 'background');
    hook.unmount();
  });

  it('shows a change at once and stores it', async () => {
    const hook = await renderHook();
    await until(() => hook.current().settings !== null);
    let stored: Promise<boolean> = Promise.resolve(false);
    await act(async () => {
      stored = hook.current().change(setting('hoverDelayMs', 480));
    });
    expect(hook.current().settings?.hoverDelayMs).toBe(480);
    expect(await stored).toBe(true);
    expect((await readLensSettings()).hoverDelayMs).toBe(480);
    hook.unmount();
  });

  it('follows changes written elsewhere, and reset brings the defaults back', async () => {
    const hook = await renderHook();
    await until(() => hook.current().settings !== null);
    await act(async () => {
      await changeLensSettings(setting('theme', 'dark'), { op: 'setSiteRule', rule: '*.zhihu.com' });
    });
    await until(() => hook.current().settings?.theme === 'dark');
    expect(hook.current().settings?.disabledSites).toEqual(['*.zhihu.com']);
    await act(async () => {
      expect(await hook.current().reset()).toBe(true);
    });
    expect(hook.current().settings).toEqual(DEFAULT_LENS_SETTINGS);
    expect(await readLensSettings()).toEqual(DEFAULT_LENS_SETTINGS);
    hook.unmount();
  });

  it('a list edit shown at once stays shown while another page’s edit of the same list arrives, and both are kept', async () => {
    const hook = await renderHook();
    await until(() => hook.current().settings !== null);
    let mine: Promise<boolean> = Promise.resolve(false);
    await act(async () => {
      mine = hook.current().change({ op: 'setSiteRule', rule: 'mine.example' });
      // Another page's edit, sent at the same moment.
      await changeLensSettings({ op: 'setSiteRule', rule: 'theirs.example' } satisfies SettingsIntent);
    });
    expect(await mine).toBe(true);
    await until(() => (hook.current().settings?.disabledSites.length ?? 0) === 2);
    expect([...hook.current().settings!.disabledSites].sort()).toEqual(['mine.example', 'theirs.example']);
    expect([...(await readLensSettings()).disabledSites].sort()).toEqual(['mine.example', 'theirs.example']);
    hook.unmount();
  });

  it('a change the owner refuses is shown no longer', async () => {
    const hook = await renderHook();
    await until(() => hook.current().settings !== null);
    let stored: Promise<boolean> = Promise.resolve(true);
    await act(async () => {
      stored = hook.current().change({ op: 'set', field: 'hoverDelayMs', value: 1 });
    });
    expect(await stored).toBe(false);
    await until(() => hook.current().settings?.hoverDelayMs === DEFAULT_LENS_SETTINGS.hoverDelayMs);
    hook.unmount();
  });
});
