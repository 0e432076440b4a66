/** The reader's own text (toolbar, messages) follows the 字号 setting, live; the card follows it by itself. */
import { readLensSettings, TEXT_SIZE_SCALE, watchLensSettings, type LensSettings } from '@/lib/settings/settings';

export function followTextSize(root: HTMLElement): () => void {
  const apply = (settings: LensSettings) =>
    root.style.setProperty('--yl-scale', String(TEXT_SIZE_SCALE[settings.textSize]));
  void readLensSettings()
    .then(apply)
    .catch(() => undefined);
  return watchLensSettings(apply);
}
