/** 标记样式: underline, background or no mark, each with a live preview. */
import type { LensSettings } from '@/lib/settings/settings';
import { Section, type SectionProps } from './Section';

const MARK_STYLE_CHOICES: { value: LensSettings['markStyle']; label: string; hint: string }[] = [
  { value: 'underline', label: '下划线', hint: '术语下方一条点状虚线，不打扰阅读。' },
  { value: 'background', label: '底色', hint: '术语带浅蓝底色，一眼就能看到。' },
  { value: 'none', label: '不标记，仅悬停时显示', hint: '页面保持原样；鼠标停在术语上仍会弹出解释。' },
];

export function MarkStyleSection({ settings, save }: SectionProps) {
  return (
    <Section title="标记样式" description="网页上的医保术语怎样标出来。">
      <fieldset className="opt-choices">
        <legend className="opt-sr-only">标记样式</legend>
        {MARK_STYLE_CHOICES.map((choice) => (
          <label key={choice.value} className="opt-choice">
            <input
              type="radio"
              name="markStyle"
              value={choice.value}
              checked={settings.markStyle === choice.value}
              onChange={() => save({ markStyle: choice.value })}
            />
            <span className="opt-choice-text">
              <span className="opt-choice-label">{choice.label}</span>
              <span className="opt-choice-hint">{choice.hint}</span>
            </span>
            <span className="opt-preview" aria-hidden="true">
              参保人可用<span className={`opt-mark opt-mark-${choice.value}`}>个人账户</span>支付
            </span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
