/**
 * The checker's forms as plain data, for the popup's first script (entrypoints/popup/quickShell.ts): each tool's
 * fields as they show with the default values, worked out at build time from the tools' own declarations, so the
 * first field takes typing before the checker's code has loaded. Pure.
 */
import { CHECKER_FIELD_MAX_CHARS, defaultCheckerValues, isCheckerFieldShown, type CheckerFieldSpec } from './fields';
import { CHECKER_TOOLS } from './registry';
import { CHECKER_TOOL_IDS, type CheckerToolId } from './toolIds';

export type CheckerShellField =
  | {
      key: string;
      type: 'number';
      label: string;
      unit: string;
      maxLength: number;
      optional?: boolean;
      placeholder?: string;
      help?: string;
      value: string;
    }
  | {
      key: string;
      type: 'choice';
      label: string;
      options: { value: string; label: string }[];
      help?: string;
      value: string;
    }
  | { key: string; type: 'flag'; label: string; help?: string; value: boolean };

export type CheckerShell = Record<CheckerToolId, CheckerShellField[]>;

function shellField(key: string, spec: CheckerFieldSpec): CheckerShellField {
  const help = spec.help ? { help: spec.help } : {};
  switch (spec.type) {
    case 'number':
      return {
        key,
        type: 'number',
        label: spec.label,
        unit: spec.unit,
        maxLength: CHECKER_FIELD_MAX_CHARS,
        ...(spec.optional ? { optional: true } : {}),
        ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
        ...help,
        value: spec.default,
      };
    case 'choice':
      return {
        key,
        type: 'choice',
        label: spec.label,
        options: spec.options.map((o) => ({ ...o })),
        ...help,
        value: spec.default,
      };
    case 'flag':
      return { key, type: 'flag', label: spec.label, ...help, value: spec.default };
  }
}

export function describeCheckerShell(): CheckerShell {
  return Object.fromEntries(
    CHECKER_TOOL_IDS.map((id) => {
      const tool = CHECKER_TOOLS[id];
      const values = defaultCheckerValues(tool);
      const fields = Object.entries(tool.fields)
        .filter(([, spec]) => isCheckerFieldShown(spec, values))
        .map(([key, spec]) => shellField(key, spec));
      return [id, fields];
    }),
  ) as CheckerShell;
}
