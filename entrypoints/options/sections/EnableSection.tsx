/** 启用: the master switch. */
import { Section, type SectionProps } from './Section';
import { setting } from '@/lib/settings/intents';

export function EnableSection({ settings, save }: SectionProps) {
  return (
    <Section title="启用">
      <label className="opt-check">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => save(setting('enabled', e.target.checked))}
        />
        <span>在网页上标出医保术语并显示解释卡片</span>
      </label>
    </Section>
  );
}
