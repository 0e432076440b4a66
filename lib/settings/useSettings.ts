/**
 * The one React hook the popup and the options page use for settings: it loads
 * them, follows changes made anywhere (another page, the background's shortcut),
 * and writes changes through updateLensSettings. A change shows at once
 * (optimistic); storage then confirms it through the watcher. There is no write
 * queue here: the storage layer keeps concurrent writes of different fields apart.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  readLensSettings,
  resetLensSettings,
  updateLensSettings,
  watchLensSettings,
  type LensSettings,
} from './settings';

export interface SettingsHandle {
  /** Null until the first read finishes. */
  settings: LensSettings | null;
  /** Shows the change at once and stores it; resolves false (and shows the stored settings again) when storing failed. */
  update(change: Partial<LensSettings>): Promise<boolean>;
  /** Back to the defaults; resolves false when storing failed. */
  reset(): Promise<boolean>;
}

export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<LensSettings | null>(null);

  useEffect(() => {
    let live = true;
    // Watch first, so nothing written between the read and the watch is missed.
    const unwatch = watchLensSettings((next) => live && setSettings(next));
    void readLensSettings()
      .then((loaded) => live && setSettings((current) => current ?? loaded))
      .catch(() => undefined);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  /** After a failed write, show what is really stored. */
  const reload = useCallback(async () => {
    const stored = await readLensSettings().catch(() => null);
    if (stored) setSettings(stored);
  }, []);

  const update = useCallback(
    async (change: Partial<LensSettings>) => {
      setSettings((current) => (current ? { ...current, ...change } : current));
      try {
        await updateLensSettings(change);
        return true;
      } catch {
        await reload();
        return false;
      }
    },
    [reload],
  );

  const reset = useCallback(async () => {
    try {
      setSettings(await resetLensSettings());
      return true;
    } catch {
      await reload();
      return false;
    }
  }, [reload]);

  return { settings, update, reset };
}
