/**
 * The one React hook the popup and the options page use for settings: it loads them, follows changes made anywhere
 * (another page, the background's shortcut), and sends intents (knowTerm, setSiteRule, set…) to the owner. A change
 * shows at once: the intents not yet confirmed are applied, with the owner's own rules, on top of every stored value
 * the watcher reports, so a switch the user just moved never jumps back and an edit made elsewhere still shows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  changeLensSettings,
  readLensSettings,
  resetLensSettings,
  watchLensSettings,
  type LensSettings,
} from './settings';
import { applySettingsIntents, type SettingsIntent } from './intents';

export interface SettingsHandle {
  /** Null until the first read finishes. */
  settings: LensSettings | null;
  /**
   * Shows the change at once and asks the owner to apply it (the intents in order, together); resolves false (and
   * shows the stored settings again) when the owner refused or could not be reached.
   */
  change(...intents: SettingsIntent[]): Promise<boolean>;
  /** Back to the defaults; resolves false when storing failed. */
  reset(): Promise<boolean>;
}

export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<LensSettings | null>(null);
  /** This page's intents not yet confirmed by the owner, in the order they were sent. */
  const pending = useRef<SettingsIntent[][]>([]);
  const withPending = useCallback((stored: LensSettings) => {
    let shown = stored;
    for (const intents of pending.current) {
      const result = applySettingsIntents(shown, intents);
      if ('settings' in result) shown = result.settings;
    }
    return shown;
  }, []);

  useEffect(() => {
    let live = true;
    // Watch first, so nothing written between the read and the watch is missed.
    const unwatch = watchLensSettings((next) => live && setSettings(withPending(next)));
    void readLensSettings()
      .then((loaded) => live && setSettings((current) => current ?? withPending(loaded)))
      .catch(() => undefined);
    return () => {
      live = false;
      unwatch();
    };
  }, [withPending]);

  /** After a failed write, show what is really stored. */
  const reload = useCallback(async () => {
    const stored = await readLensSettings().catch(() => null);
    if (stored) setSettings(withPending(stored));
  }, [withPending]);

  const change = useCallback(
    async (...intents: SettingsIntent[]) => {
      if (intents.length === 0) return true;
      pending.current = [...pending.current, intents];
      setSettings((current) => {
        const shown = current && applySettingsIntents(current, intents);
        return shown && 'settings' in shown ? shown.settings : current;
      });
      const settle = () => {
        pending.current = pending.current.filter((entry) => entry !== intents);
      };
      try {
        // The watcher shows what is stored; nothing to set from the reply (a later change may already be there).
        await changeLensSettings(...intents);
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
      setSettings(withPending(await resetLensSettings()));
      return true;
    } catch {
      await reload();
      return false;
    }
  }, [reload, withPending]);

  return { settings, change, reset };
}
