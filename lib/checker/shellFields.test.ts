import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCheckerValues, isCheckerFieldShown } from './fields';
import { CHECKER_TOOLS } from './registry';
import { describeCheckerShell } from './shellFields';
import { CHECKER_TOOL_IDS } from './toolIds';

describe('the checker forms as data (the popup’s first view)', () => {
  const shell = describeCheckerShell();

  it('lists, for each tool, the fields its form shows at the defaults, in order, as declared', () => {
    for (const id of CHECKER_TOOL_IDS) {
      const tool = CHECKER_TOOLS[id];
      const values = defaultCheckerValues(tool);
      const shown = Object.entries(tool.fields).filter(([, spec]) => isCheckerFieldShown(spec, values));
      expect(shell[id].map((f) => f.key)).toEqual(shown.map(([key]) => key));
      shell[id].forEach((field, i) => {
        const spec = shown[i]![1];
        expect(field.type).toBe(spec.type);
        expect(field.label).toBe(spec.label);
        expect(field.value).toBe(spec.default);
        expect(field.help).toBe(spec.help);
        if (field.type === 'number' && spec.type === 'number') {
          expect(field.unit).toBe(spec.unit);
          expect(field.placeholder).toBe(spec.placeholder);
          expect(Boolean(field.optional)).toBe(Boolean(spec.optional));
        }
        if (field.type === 'choice' && spec.type === 'choice') expect(field.options).toEqual(spec.options);
      });
    }
  });

  it('every tool opens with a field that takes input (a number or a choice)', () => {
    for (const id of CHECKER_TOOL_IDS) expect(['number', 'choice']).toContain(shell[id][0]?.type);
  });

  it('generated/checker-shell.json is current', (context) => {
    if (!existsSync('generated/checker-shell.json')) {
      console.log('跳过：没有 generated/checker-shell.json（先运行 npm run compile-data）');
      context.skip();
    }
    expect(JSON.parse(readFileSync('generated/checker-shell.json', 'utf8'))).toEqual(shell);
  });
});
