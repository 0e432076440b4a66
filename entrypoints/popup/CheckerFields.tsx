/**
 * One checker form field drawn from its declaration (lib/checker/fields.ts):
 * a visible <label> with the unit, a hint, the Chinese error or the
 * "是 70% 吗？" question beside the field, all tied to the input for screen readers.
 */
import { useRef } from 'react';
import type {
  CheckerChoiceFieldSpec,
  CheckerFieldSpec,
  CheckerFlagFieldSpec,
  CheckerNumberFieldSpec,
} from '@/lib/checker/fields';
import { CHECKER_FIELD_MAX_CHARS } from '@/lib/checker/fields';

interface FieldProps<S extends CheckerFieldSpec, V> {
  id: string;
  /** The field's key in its tool (the popup's takeover finds the field by it). */
  name: string;
  spec: S;
  value: V;
  onChange(value: V): void;
}

function Hint({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p id={id} className="field-hint">
      {text}
    </p>
  );
}

export function CheckerNumberField({
  id,
  name,
  spec,
  value,
  error,
  confirm,
  onChange,
}: FieldProps<CheckerNumberFieldSpec, string> & {
  error?: string;
  confirm?: { question: string; suggestion: string };
}) {
  const errorId = `${id}-error`;
  const confirmId = `${id}-confirm`;
  const hintId = `${id}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const accept = (suggestion: string) => {
    onChange(suggestion);
    inputRef.current?.focus(); // the question and its button go away; keep the keyboard in the field
  };
  const describedBy =
    [error ? errorId : null, confirm ? confirmId : null, spec.help ? hintId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={error ? 'field has-error' : 'field'} data-field={id}>
      <label htmlFor={id}>
        {spec.label}
        <span className="field-unit">（{spec.unit}）</span>
        {spec.optional && <span className="field-unit">（可不填）</span>}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        maxLength={CHECKER_FIELD_MAX_CHARS}
        placeholder={spec.placeholder}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={errorId} className="field-error" aria-live="polite">
        {error ?? ''}
      </p>
      {confirm && (
        <div id={confirmId} className="field-confirm" role="group" aria-label={`${spec.label}：${confirm.question}`}>
          <span>
            你填的是 {value.trim()}，{confirm.question}（如果就是 {value.trim()}%，请填 {value.trim()}%）
          </span>
          <button type="button" className="secondary-button" onClick={() => accept(confirm.suggestion)}>
            是，按 {confirm.suggestion}% 算
          </button>
        </div>
      )}
      <Hint id={hintId} text={spec.help} />
    </div>
  );
}

export function CheckerChoiceField({ id, name, spec, value, onChange }: FieldProps<CheckerChoiceFieldSpec, string>) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label}</label>
      <select
        id={id}
        name={name}
        value={value}
        aria-describedby={spec.help ? hintId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint id={hintId} text={spec.help} />
    </div>
  );
}

export function CheckerFlagField({ id, name, spec, value, onChange }: FieldProps<CheckerFlagFieldSpec, boolean>) {
  const hintId = `${id}-hint`;
  return (
    <div className="field field-check">
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={value}
        aria-describedby={spec.help ? hintId : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{spec.label}</label>
      <Hint id={hintId} text={spec.help} />
    </div>
  );
}
