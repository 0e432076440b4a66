/** 外观: system, light or dark colours for the card, the popup and this page. */
import type { LensSettings } from '@/lib/settings/settings';
import { Section, type SectionProps } from './Section';

const THEME_CHOICES: { value: LensSettings['theme']; label: string }[] = [
  { value: 'system', label: '跟随系统' },
  { value: 'light', label: '浅色' },
  { value: 'dark', label: '深色' },
];

export function AppearanceSection({ settings, save }: SectionProps) {
  return (
    <Section title="外观" description="解释卡片、弹出窗口和本页面的配色。">
      <fieldset className="opt-choices opt-choices-inline">
        <legend className="opt-sr-only">配色</legend>
        {THEME_CHOICES.map((choice) => (
          <label key={choice.value} className="opt-pill">
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={settings.theme === choice.value}
              onChange={() => save({ theme: choice.value })}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
