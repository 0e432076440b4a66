/** The popup's theme and 字号 from the settings, on the page itself: set by the first view and kept by the app. */
import { TEXT_SIZE_SCALE, type LensSettings } from '@/lib/settings/table';

export function applyPopupLook(settings: Pick<LensSettings, 'theme' | 'textSize'>): void {
  document.body.dataset.theme = settings.theme;
  document.documentElement.style.colorScheme = settings.theme === 'system' ? 'light dark' : settings.theme;
  document.documentElement.style.setProperty('--yl-scale', String(TEXT_SIZE_SCALE[settings.textSize]));
}
