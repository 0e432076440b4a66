/**
 * The one React hook the popup and the options page use for settings: it loads
 * them, follows changes made anywhere (another page, the background's shortcut),
 * and writes changes through updateLensSettings. A change shows at once
 * (optimistic); storage then confirms it through the watcher. There is no write
 * queue here: the storage layer keeps concurrent writes of different fields apart.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
  /**
   * This page's changes not yet confirmed by the owner. A change made elsewhere a moment earlier is stored
   * first; laid over it, these keep the switch the user just moved from jumping back meanwhile.
   */
  const pending = useRef<Partial<LensSettings>>({});

  useEffect(() => {
    let live = true;
    // Watch first, so nothing written between the read and the watch is missed.
    const unwatch = watchLensSettings((next) => live && setSettings({ ...next, ...pending.current }));
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
      pending.current = { ...pending.current, ...change };
      setSettings((current) => (current ? { ...current, ...change } : current));
      const settle = () => {
        const left: Record<string, unknown> = { ...pending.current };
        for (const [key, value] of Object.entries(change)) if (left[key] === value) delete left[key];
        pending.current = left as Partial<LensSettings>;
      };
      try {
        // The watcher shows what is stored; nothing to set from the reply (a later change may already be there).
        await updateLensSettings(change);
        settle();
        return true;
      } catch {
        settle();
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
