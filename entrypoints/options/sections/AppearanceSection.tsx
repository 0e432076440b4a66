/** 外观: system, light or dark colours for the card, the popup and this page. */
import { RadioChoices, type RadioChoice } from './RadioChoices';
import { Section, type SectionProps } from './Section';

const THEME_CHOICES: RadioChoice<'theme'>[] = [
  { value: 'system', label: '跟随系统' },
  { value: 'light', label: '浅色' },
  { value: 'dark', label: '深色' },
];

export function AppearanceSection(props: SectionProps) {
  return (
    <Section title="外观" description="解释卡片、弹出窗口和本页面的配色。">
      <RadioChoices {...props} setting="theme" legend="配色" choices={THEME_CHOICES} inline />
    </Section>
  );
}
