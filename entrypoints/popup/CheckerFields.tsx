/** Labelled form fields for the checker: a visible <label>, the unit, a hint, and the Chinese error beside the field. */
import type { ReactNode } from 'react';
import type { CheckerFieldSpec } from '@/lib/checker/forms';

export const LOCAL_POLICY_CAVEAT = '以当地政策为准';

interface NumberFieldProps {
  id: string;
  spec: CheckerFieldSpec;
  value: string;
  error?: string;
  /** Name of the region the default came from, for regional parameters. */
  regionName?: string;
  onChange(value: string): void;
}

export function CheckerNumberField({ id, spec, value, error, regionName, onChange }: NumberFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hint = [
    spec.regional
      ? `默认值取自所选地区的参数${regionName ? `“${regionName}”` : ''}，可以改；${LOCAL_POLICY_CAVEAT}。`
      : '',
    spec.hint ?? '',
  ]
    .join('')
    .trim();
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'} data-field={id}>
      <div className="field-head">
        <label htmlFor={id}>
          {spec.label}
          <span className="field-unit">（{spec.unit}）</span>
        </label>
        {spec.regional && (
          <span className="regional-badge" aria-hidden="true">
            {LOCAL_POLICY_CAVEAT}
          </span>
        )}
      </div>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        placeholder={spec.placeholder}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={errorId} className="field-error" aria-live="polite">
        {error ?? ''}
      </p>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: readonly T[] | readonly { value: T; label: string }[];
  hint?: string;
  onChange(value: T): void;
}

export function CheckerSelectField<T extends string>({
  id,
  label,
  value,
  options,
  hint,
  onChange,
}: SelectFieldProps<T>) {
  const normalized = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {normalized.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function CheckerCheckField({
  id,
  label,
  checked,
  onChange,
  hint,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  hint?: string;
  onChange(checked: boolean): void;
}) {
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
