// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TEXT_SIZE_SCALE } from '@/lib/settings/table';
import { applyPopupLook, POPUP_TEXT_SCALE } from './popupLook';

describe('the popup’s theme and 字号', () => {
  it('scales type by the same steps as the settings table', () => {
    expect(POPUP_TEXT_SCALE).toEqual(TEXT_SIZE_SCALE);
  });

  it('sets the theme and the --yl-scale variable on the themed body', () => {
    applyPopupLook({ theme: 'dark', textSize: 'xlarge' });
    expect(document.body.dataset.theme).toBe('dark');
    expect(document.documentElement.style.colorScheme).toBe('dark');
    expect(document.body.style.getPropertyValue('--yl-scale')).toBe('1.25');
    applyPopupLook({ theme: 'system', textSize: 'standard' });
    expect(document.documentElement.style.colorScheme).toBe('light dark');
    expect(document.body.style.getPropertyValue('--yl-scale')).toBe('1');
  });
});
