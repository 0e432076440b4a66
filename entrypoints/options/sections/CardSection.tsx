/** 解释卡片: how long the pointer rests before the card shows (never under the minimum), and the hold key. */
import { useState } from 'react';
import {
  DEFAULT_LENS_SETTINGS,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  type LensSettings,
} from '@/lib/settings/settings';
import { Section, type SectionProps } from './Section';
import { setting } from '@/lib/settings/intents';

type HoldKey = Exclude<LensSettings['holdKey'], 'none'>;

const HOLD_KEY_CHOICES: { value: HoldKey; label: string }[] = [
  { value: 'Alt', label: 'Alt（Mac 上为 Option）' },
  { value: 'Shift', label: 'Shift' },
  { value: 'Control', label: 'Ctrl' },
];

export function CardSection({ settings, save }: SectionProps) {
  // The key last chosen, kept while the hold-key switch is off so turning it back on restores it.
  const [holdKeyChoice, setHoldKeyChoice] = useState<HoldKey>('Alt');
  const holdKeyOn = settings.holdKey !== 'none';
  const shownHoldKey = settings.holdKey !== 'none' ? settings.holdKey : holdKeyChoice;
  const delay = Math.min(Math.max(settings.hoverDelayMs, HOVER_DELAY_MIN_MS), HOVER_DELAY_MAX_MS);

  return (
    <Section title="解释卡片">
      <div className="opt-field">
        <label htmlFor="opt-delay">鼠标停留多久后显示卡片</label>
        <div className="opt-range-row">
          <input
            id="opt-delay"
            type="range"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={20}
            value={delay}
            aria-valuetext={`${delay} 毫秒`}
            aria-describedby="opt-delay-hint"
            onChange={(e) => save(setting('hoverDelayMs', Math.max(HOVER_DELAY_MIN_MS, Number(e.target.value))))}
          />
          <output htmlFor="opt-delay" className="opt-output">
            {delay} 毫秒
          </output>
        </div>
        <p id="opt-delay-hint" className="opt-hint">
          默认 {DEFAULT_LENS_SETTINGS.hoverDelayMs} 毫秒，最短 {HOVER_DELAY_MIN_MS}{' '}
          毫秒：再短的话，鼠标只是从术语上划过也会弹出卡片。数值越大，越不容易误弹出。
        </p>
      </div>

      <div className="opt-field">
        <label className="opt-check">
          <input
            type="checkbox"
            checked={holdKeyOn}
            onChange={(e) => {
              setHoldKeyChoice(shownHoldKey);
              save(setting('holdKey', e.target.checked ? shownHoldKey : 'none'));
            }}
          />
          <span>只在按住按键时显示卡片</span>
        </label>
        <div className="opt-indent">
          <label htmlFor="opt-hold-key">按键</label>{' '}
          <select
            id="opt-hold-key"
            value={shownHoldKey}
            disabled={!holdKeyOn}
            onChange={(e) => {
              setHoldKeyChoice(e.target.value as HoldKey);
              save(setting('holdKey', e.target.value as HoldKey));
            }}
          >
            {HOLD_KEY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
          <p className="opt-hint">平时悬停不弹出；按住这个键再把鼠标移到术语上才显示。</p>
        </div>
      </div>
    </Section>
  );
}
