/** One radio group bound to one setting: the shape every 选一个 section of the options page shares. */
import type { ReactNode } from 'react';
import type { LensSettings } from '@/lib/settings/settings';
import type { SectionProps } from './Section';
import { setting as settingIntent } from '@/lib/settings/intents';

type ChoiceSetting = 'markStyle' | 'markAmount' | 'theme' | 'textSize';

export interface RadioChoice<K extends ChoiceSetting> {
  value: LensSettings[K];
  label: string;
  hint?: string;
  /** Shown beside the choice (a preview of the mark, for instance). */
  extra?: ReactNode;
}

export function RadioChoices<K extends ChoiceSetting>({
  setting,
  legend,
  choices,
  inline = false,
  settings,
  save,
}: SectionProps & { setting: K; legend: string; choices: RadioChoice<K>[]; inline?: boolean }) {
  return (
    <fieldset className={inline ? 'opt-choices opt-choices-inline' : 'opt-choices'}>
      <legend className="opt-sr-only">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className={inline ? 'opt-pill' : 'opt-choice'}>
          <input
            type="radio"
            name={setting}
            value={choice.value}
            checked={settings[setting] === choice.value}
            onChange={() => save(settingIntent(setting, choice.value))}
          />
          {inline ? (
            <span>{choice.label}</span>
          ) : (
            <span className="opt-choice-text">
              <span className="opt-choice-label">{choice.label}</span>
              {choice.hint && <span className="opt-choice-hint">{choice.hint}</span>}
            </span>
          )}
          {choice.extra}
        </label>
      ))}
    </fieldset>
  );
}
