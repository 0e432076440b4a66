/** 外观: system, light or dark colours, and 字号, for the card, the popup, the PDF reader and this page. */
import { RadioChoices, type RadioChoice } from './RadioChoices';
import { Section, type SectionProps } from './Section';

const THEME_CHOICES: RadioChoice<'theme'>[] = [
  { value: 'system', label: '跟随系统' },
  { value: 'light', label: '浅色' },
  { value: 'dark', label: '深色' },
];

const TEXT_SIZE_CHOICES: RadioChoice<'textSize'>[] = [
  { value: 'standard', label: '标准' },
  { value: 'large', label: '大' },
  { value: 'xlarge', label: '特大' },
];

export function AppearanceSection(props: SectionProps) {
  return (
    <Section title="外观" description="解释卡片、弹出窗口、PDF 阅读器和本页面的配色与字号。改动立即生效。">
      <p className="opt-choices-label" aria-hidden="true">
        配色
      </p>
      <RadioChoices {...props} setting="theme" legend="配色" choices={THEME_CHOICES} inline />
      <p className="opt-choices-label" aria-hidden="true">
        字号（标准：卡片正文 16 像素）
      </p>
      <RadioChoices {...props} setting="textSize" legend="字号" choices={TEXT_SIZE_CHOICES} inline />
    </Section>
  );
}
