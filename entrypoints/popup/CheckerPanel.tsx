/**
 * 计算器: the four tools of lib/checker/registry.ts, each drawn from its
 * declaration. Inputs first; the compact result stays in view and follows
 * every keystroke. Inputs are kept locally; 重置 can be undone (撤销).
 * Loaded on demand.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import {
  evaluateCheckerTool,
  hasEnteredCheckerNumbers,
  isCheckerFieldShown,
  type CheckerFormValues,
} from '@/lib/checker/fields';
import { defaultCheckerInputs, loadCheckerInputs, saveCheckerInputs, type CheckerInputs } from '@/lib/checker/inputs';
import { CHECKER_TOOLS } from '@/lib/checker/registry';
import { CHECKER_TOOL_IDS, CHECKER_TOOL_LABELS, type CheckerToolId } from '@/lib/checker/toolIds';
import { CheckerChoiceField, CheckerFlagField, CheckerNumberField } from './CheckerFields';
import { ResultFrame } from './checker/ResultFrame';
import { PageNumbersFill, PageNumbersSources, type PageNumbersProvenance } from './checker/PageNumbersFill';
import type { PageNumbersSource } from './PageNumbersPanel';

function ToolForm({
  base,
  toolId,
  values,
  onChange,
}: {
  base: string;
  toolId: CheckerToolId;
  values: CheckerFormValues;
  onChange(key: string, value: string | boolean): void;
}) {
  const tool = CHECKER_TOOLS[toolId];
  const evaluation = evaluateCheckerTool(tool, values);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  // The sticky result never covers the field being edited, its hint or its message: after focus and after every
  // change (messages and the result change height), the panel scrolls the whole field clear of the result.
  const keepEditedFieldClear = () => {
    const field = document.activeElement?.closest('.field');
    const summary = summaryRef.current;
    if (!field || !summary || !fieldsRef.current?.contains(field)) return;
    const panel = field.closest('.panel');
    const overlap = field.getBoundingClientRect().bottom + 8 - summary.getBoundingClientRect().top;
    if (panel && overlap > 0) panel.scrollTop += overlap;
  };
  useLayoutEffect(keepEditedFieldClear);
  return (
    <>
      <div className="fields" ref={fieldsRef} onFocus={() => requestAnimationFrame(keepEditedFieldClear)}>
        {Object.entries(tool.fields)
          .filter(([, spec]) => isCheckerFieldShown(spec, values))
          .map(([key, spec]) => {
            const id = `${base}-${key}`;
            const set = (value: string | boolean) => onChange(key, value);
            switch (spec.type) {
              case 'number':
                return (
                  <CheckerNumberField
                    key={key}
                    id={id}
                    name={key}
                    spec={spec}
                    value={String(values[key] ?? '')}
                    error={evaluation.errors[key]}
                    confirm={evaluation.confirms[key]}
                    onChange={set}
                  />
                );
              case 'choice':
                return (
                  <CheckerChoiceField
                    key={key}
                    id={id}
                    name={key}
                    spec={spec}
                    value={String(values[key])}
                    onChange={set}
                  />
                );
              case 'flag':
                return (
                  <CheckerFlagField
                    key={key}
                    id={id}
                    name={key}
                    spec={spec}
                    value={values[key] === true}
                    onChange={set}
                  />
                );
            }
          })}
      </div>
      <ResultFrame
        evaluation={evaluation}
        numbersEntered={hasEnteredCheckerNumbers(tool, values)}
        summaryRef={summaryRef}
      />
    </>
  );
}

type LoadedInputs = Awaited<ReturnType<typeof loadCheckerInputs>>;
/** Started when this chunk loads (the popup imports it as soon as it opens at 计算器), not after the first render. */
let firstLoad: Promise<LoadedInputs> | null = loadCheckerInputs().catch(() => ({
  inputs: defaultCheckerInputs(),
  repaired: false,
}));
/** The first load's answer once it has come: the panel then renders its form at once (the popup's takeover). */
let firstLoaded: LoadedInputs | null = null;
void firstLoad.then((loaded) => (firstLoaded = loaded));
/** Resolves when the saved inputs are read (the popup waits for it before taking over from its first view). */
export const preloadCheckerInputs = async (): Promise<void> => void (await (firstLoad ?? Promise.resolve()));
const readInputs = (): Promise<LoadedInputs> => {
  const pending = firstLoad ?? loadCheckerInputs().catch(() => ({ inputs: defaultCheckerInputs(), repaired: false }));
  firstLoad = null;
  firstLoaded = null;
  return pending;
};
/** Used by the panel that rendered with it; a later panel reads storage again. */
const forgetFirstLoad = () => {
  firstLoad = null;
  firstLoaded = null;
};

/** What was typed into the popup's first view before this panel arrived: it wins over the saved values. */
export interface CheckerShellEdits {
  tool: CheckerToolId;
  edits: Partial<Record<CheckerToolId, Record<string, string | boolean>>>;
}

function openingInputs(loaded: CheckerInputs, initialTool: CheckerToolId | null, shell: CheckerShellEdits | null) {
  const inputs: CheckerInputs = { ...loaded, tool: shell?.tool ?? initialTool ?? loaded.tool };
  for (const tool of CHECKER_TOOL_IDS) {
    const edits = shell?.edits[tool];
    if (edits && Object.keys(edits).length > 0) inputs[tool] = { ...inputs[tool], ...edits };
  }
  return inputs;
}

const hasShellEdits = (shell: CheckerShellEdits | null) =>
  Object.values(shell?.edits ?? {}).some((values) => Object.keys(values).length > 0);

export default function CheckerPanel({
  initialTool,
  shellEdits = null,
  pageNumbers = null,
}: {
  initialTool: CheckerToolId | null;
  shellEdits?: CheckerShellEdits | null;
  /** The target page's numbers, for 「用本页的数字」 (null: no page to read). */
  pageNumbers?: PageNumbersSource | null;
}) {
  const base = useId().replace(/:/g, '');
  const [opening] = useState(() => {
    const loaded = firstLoaded;
    return loaded && { ...loaded, inputs: openingInputs(loaded.inputs, initialTool, shellEdits) };
  });
  const [inputs, setInputs] = useState<CheckerInputs | null>(opening?.inputs ?? null);
  const [notice, setNotice] = useState<string | null>(
    opening?.repaired ? '保存的计算器数据有损坏，已把坏掉的项目恢复为默认值，其余的都保留了。' : null,
  );
  /** The values the last 重置 replaced, until 撤销 or another tool. */
  const [undoValues, setUndoValues] = useState<CheckerFormValues | null>(null);
  const [provenance, setProvenance] = useState<PageNumbersProvenance | null>(null);

  useEffect(() => {
    if (opening) forgetFirstLoad();
    // Values typed into the first view are the reader's: kept as if typed here.
    if (opening && hasShellEdits(shellEdits))
      void saveCheckerInputs(opening.inputs).catch(() => setNotice('无法保存输入，关闭弹窗后不会保留。'));
  }, [opening, shellEdits]);

  useEffect(() => {
    if (opening) return;
    let live = true;
    void readInputs().then(({ inputs: loaded, repaired }) => {
      if (!live) return;
      const next = openingInputs(loaded, initialTool, shellEdits);
      setInputs(next);
      if (hasShellEdits(shellEdits)) void saveCheckerInputs(next).catch(() => undefined);
      if (repaired) setNotice('保存的计算器数据有损坏，已把坏掉的项目恢复为默认值，其余的都保留了。');
    });
    return () => {
      live = false;
    };
  }, [opening, initialTool, shellEdits]);

  if (!inputs) return <p className="state-message">正在读取上次的输入…</p>;

  const toolId = inputs.tool;
  const update = (next: CheckerInputs) => {
    setInputs(next);
    void saveCheckerInputs(next).catch(() => setNotice('无法保存输入，关闭弹窗后不会保留。'));
  };
  const setValues = (values: CheckerFormValues) => update({ ...inputs, [toolId]: values });
  const reset = () => {
    setUndoValues(inputs[toolId]);
    setValues(defaultCheckerInputs()[toolId]);
    setNotice(`已把“${CHECKER_TOOL_LABELS[toolId]}”恢复为默认值。`);
  };
  const undo = () => {
    if (!undoValues) return;
    setValues(undoValues);
    setUndoValues(null);
    setNotice('已撤销重置，恢复了之前的输入。');
  };
  const chooseTool = (tool: CheckerToolId) => {
    setUndoValues(null);
    setNotice(null);
    update({ ...inputs, tool });
  };

  return (
    <div className="checker">
      <fieldset className="segmented">
        <legend className="sr-only">选择计算工具</legend>
        {CHECKER_TOOL_IDS.map((tool) => (
          <label key={tool} className={toolId === tool ? 'segment selected' : 'segment'}>
            <input
              type="radio"
              name={`${base}-tool`}
              value={tool}
              checked={toolId === tool}
              onChange={() => chooseTool(tool)}
            />
            {CHECKER_TOOL_LABELS[tool]}
          </label>
        ))}
      </fieldset>

      {notice && !undoValues && (
        <div className="notice" role="status">
          <span>{notice}</span>
        </div>
      )}

      <h2 className="sr-only">{CHECKER_TOOL_LABELS[toolId]}</h2>
      {pageNumbers && (toolId === 'inpatient' || toolId === 'account') && (
        <PageNumbersFill
          key={toolId}
          toolId={toolId}
          values={inputs[toolId]}
          source={pageNumbers}
          onFill={(values, from) => {
            setValues(values);
            setProvenance(from);
          }}
        />
      )}
      <ToolForm
        key={toolId}
        base={`${base}-${toolId}`}
        toolId={toolId}
        values={inputs[toolId]}
        onChange={(key, value) => setValues({ ...inputs[toolId], [key]: value })}
      />
      {provenance?.toolId === toolId && <PageNumbersSources provenance={provenance} values={inputs[toolId]} />}

      <div className="checker-actions">
        <button type="button" className="secondary-button" onClick={reset}>
          重置
        </button>
        {/* 撤销 sits beside 重置, where the eye and the pointer already are. */}
        {undoValues && (
          <button type="button" className="secondary-button" onClick={undo}>
            撤销
          </button>
        )}
        {undoValues && notice ? (
          <span className="field-hint" role="status">
            {notice}
          </span>
        ) : (
          <span className="field-hint">输入只保存在这台电脑上。</span>
        )}
      </div>
    </div>
  );
}
