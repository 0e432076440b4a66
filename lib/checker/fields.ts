/**
 * How a checker tool is declared (fields, maths, notes) and how any tool's
 * form is evaluated from that declaration: which fields show, what each typed
 * value means, and either the tool's outcome or the reasons there is none.
 * Pure, no DOM, no storage.
 */
import { type CheckerNumberKind, type CheckerNumberReading, readCheckerNumber } from './input';
import type { CheckerNote } from './format';
import type { CheckerToolId } from './toolIds';

/** What the user has in the form: number fields as typed text, choices as their value, flags as booleans. */
export type CheckerFormValues = Record<string, string | boolean>;

interface FieldBase {
  label: string;
  /** A short plain-language hint under the field. */
  help?: string;
  /** The field shows (and counts) only when this returns true; always shown without it. */
  showWhen?: (values: CheckerFormValues) => boolean;
}

export interface CheckerNumberFieldSpec extends FieldBase {
  type: 'number';
  kind: CheckerNumberKind;
  /** Shown after the label: 元, %, 年, 个月, 月. */
  unit: string;
  min: number;
  max: number;
  /** The text the field starts with ('' = empty). */
  default: string;
  /** Empty is fine: the maths has a meaning for "not given". */
  optional?: boolean;
  placeholder?: string;
}

export interface CheckerChoiceFieldSpec extends FieldBase {
  type: 'choice';
  options: readonly { value: string; label: string }[];
  default: string;
}

export interface CheckerFlagFieldSpec extends FieldBase {
  type: 'flag';
  default: boolean;
}

export type CheckerFieldSpec = CheckerNumberFieldSpec | CheckerChoiceFieldSpec | CheckerFlagFieldSpec;

/** One figure of the compact result, e.g. 每月划入 160 元. */
export interface CheckerFigure {
  name: string;
  label: string;
  value: string;
  strong?: boolean;
  /** Worked out from example numbers (no area's standard): the value carries a 示例 tag. */
  example?: boolean;
}

/** What every tool's maths hands to the one result frame. */
export interface CheckerOutcome {
  /** The answer in one sentence when figures do not say it (家庭共济: 可以 / 不可以). */
  verdict?: { text: string; tone: 'ok' | 'no' | 'info' };
  figures: CheckerFigure[];
  /** Which numbers the result rests on, e.g. 按示例数字计算. */
  basis?: string;
  /** The result rests on example numbers, not the user's or the area's. */
  usesExamples?: boolean;
  warning?: string;
  steps: string[];
  sections: { title: string; notes: CheckerNote[] }[];
}

/** Typed access to the parsed values, for a tool's compute(). Hidden or empty numbers read as null. */
export interface CheckerValueReader {
  number(key: string): number | null;
  choice(key: string): string;
  flag(key: string): boolean;
}

export interface CheckerTool {
  id: CheckerToolId;
  label: string;
  fields: Record<string, CheckerFieldSpec>;
  /** The maths (notes with their sources come with each outcome); throws RangeError with a Chinese message when the inputs do not fit together. */
  compute(values: CheckerValueReader): CheckerOutcome;
}

/** Builds the options of a choice field from plain labels. */
export function checkerOptions(labels: readonly string[]): { value: string; label: string }[] {
  return labels.map((label) => ({ value: label, label }));
}

/**
 * Whether the user has typed any number of their own into the shown fields (a field left at its default, such as
 * 断保年数 0, does not count): the result then says it is an estimate from the user's numbers.
 */
export function hasEnteredCheckerNumbers(tool: CheckerTool, values: CheckerFormValues): boolean {
  return Object.entries(tool.fields).some(
    ([key, spec]) =>
      spec.type === 'number' &&
      isCheckerFieldShown(spec, values) &&
      typeof values[key] === 'string' &&
      (values[key] as string).trim() !== '' &&
      values[key] !== spec.default,
  );
}

export function isCheckerFieldShown(spec: CheckerFieldSpec, values: CheckerFormValues): boolean {
  return spec.showWhen ? spec.showWhen(values) : true;
}

/** The field's own validator: what this stored or typed value means for this field. */
export function readCheckerField(spec: CheckerNumberFieldSpec, text: string): CheckerNumberReading {
  return readCheckerNumber(text, spec);
}

/** Whether a value may sit in this field at all (a half-typed number may; a number in a choice may not). */
export function isCheckerFieldValueWellFormed(spec: CheckerFieldSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof value === 'string' && value.length <= CHECKER_FIELD_MAX_CHARS;
    case 'choice':
      return typeof value === 'string' && spec.options.some((o) => o.value === value);
    case 'flag':
      return typeof value === 'boolean';
  }
}

/** Longest text kept for one number field; longer stored values count as corrupted. */
export const CHECKER_FIELD_MAX_CHARS = 40;

export function defaultCheckerValues(tool: CheckerTool): CheckerFormValues {
  return Object.fromEntries(Object.entries(tool.fields).map(([key, spec]) => [key, spec.default]));
}

export interface CheckerEvaluation {
  /** Field key → Chinese message naming the field and its range. */
  errors: Record<string, string>;
  /** Field key → question and the text to accept (是 70% 吗？). */
  confirms: Record<string, { question: string; suggestion: string }>;
  /** Labels of required fields still empty. */
  missing: string[];
  /** A message about the inputs taken together (e.g. parts larger than the total). */
  problem: string | null;
  outcome: CheckerOutcome | null;
}

export function evaluateCheckerTool(tool: CheckerTool, values: CheckerFormValues): CheckerEvaluation {
  const errors: CheckerEvaluation['errors'] = {};
  const confirms: CheckerEvaluation['confirms'] = {};
  const missing: string[] = [];
  const numbers: Record<string, number | null> = {};
  for (const [key, spec] of Object.entries(tool.fields)) {
    if (spec.type !== 'number') continue;
    numbers[key] = null;
    if (!isCheckerFieldShown(spec, values)) continue;
    const raw = values[key];
    const reading = readCheckerField(spec, typeof raw === 'string' ? raw : '');
    if (reading.status === 'error') errors[key] = reading.message;
    else if (reading.status === 'confirm')
      confirms[key] = { question: reading.question, suggestion: reading.suggestion };
    else if (reading.status === 'empty' && !spec.optional) missing.push(spec.label);
    else if (reading.status === 'ok') numbers[key] = reading.value;
  }
  const base = { errors, confirms, missing };
  if (Object.keys(errors).length > 0 || Object.keys(confirms).length > 0 || missing.length > 0) {
    return { ...base, problem: null, outcome: null };
  }
  const reader: CheckerValueReader = {
    number: (key) => numbers[key] ?? null,
    choice: (key) => String(values[key] ?? ''),
    flag: (key) => values[key] === true,
  };
  try {
    const outcome = tool.compute(reader);
    return { ...base, problem: null, outcome };
  } catch (error) {
    const problem = error instanceof RangeError ? error.message : '无法计算，请检查填写的数字';
    return { ...base, problem, outcome: null };
  }
}
