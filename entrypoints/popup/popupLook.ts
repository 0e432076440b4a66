/** The popup's theme and 字号 from the settings, on the page itself: set by the first view and kept by the app. */
import type { LensSettings } from '@/lib/settings/table';

/** 标准 / 大 / 特大 (the same steps as TEXT_SIZE_SCALE of the settings table; a unit test holds them equal). */
export const POPUP_TEXT_SCALE: Record<LensSettings['textSize'], number> = { standard: 1, large: 1.125, xlarge: 1.25 };

export function applyPopupLook(settings: Pick<LensSettings, 'theme' | 'textSize'>): void {
  document.body.dataset.theme = settings.theme;
  document.documentElement.style.colorScheme = settings.theme === 'system' ? 'light dark' : settings.theme;
  document.body.style.setProperty('--yl-scale', String(POPUP_TEXT_SCALE[settings.textSize]));
}
