/** 标记样式: underline, background or no mark, each with a live preview. */
import { RadioChoices, type RadioChoice } from './RadioChoices';
import { Section, type SectionProps } from './Section';

const preview = (style: string) => (
  <span className="opt-preview" aria-hidden="true">
    参保人可用<span className={`opt-mark opt-mark-${style}`}>个人账户</span>支付
  </span>
);

const MARK_STYLE_CHOICES: RadioChoice<'markStyle'>[] = [
  { value: 'underline', label: '下划线', hint: '术语下方一条点状虚线，不打扰阅读。', extra: preview('underline') },
  { value: 'background', label: '底色', hint: '术语带浅蓝底色，一眼就能看到。', extra: preview('background') },
  {
    value: 'none',
    label: '不标记，仅悬停时显示',
    hint: '页面保持原样；鼠标停在术语上仍会弹出解释。',
    extra: preview('none'),
  },
];

export function MarkStyleSection(props: SectionProps) {
  return (
    <Section title="标记样式" description="网页上的医保术语怎样标出来。">
      <RadioChoices {...props} setting="markStyle" legend="标记样式" choices={MARK_STYLE_CHOICES} />
    </Section>
  );
}
