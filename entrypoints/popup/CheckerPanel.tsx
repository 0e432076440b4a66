/**
 * 计算器: four tools over the checker maths in utils/checker. Results follow
 * every keystroke and show their steps; inputs are kept locally and can be reset.
 * Loaded on demand (it brings zod along through parseCheckerNumber).
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import sources from '@/data/sources.json';
import type { Region } from '@/data/schema';
import { formatCheckerYuan, type CheckerNote } from '@/lib/checker/shared';
import { WAITING_PERIOD_READING_LABELS, type WaitingPeriodReading } from '@/lib/checker/waitingPeriod';
import {
  ACCOUNT_FIELD_SPECS,
  FAMILY_FIELD_SPECS,
  INPATIENT_FIELD_SPECS,
  WAITING_FIELD_SPECS,
  accountFieldsFor,
  evaluateAccountChecker,
  evaluateFamilyShareChecker,
  evaluateInpatientChecker,
  evaluateWaitingChecker,
  inpatientFieldsFor,
  waitingFieldsFor,
  type CheckerEvaluation,
  type CheckerFieldSpec,
} from '@/lib/checker/forms';
import {
  ACCOUNT_CHECKER_INSURED_TYPES,
  CHECKER_TOOL_IDS,
  CHECKER_TOOL_LABELS,
  FAMILY_SHARE_HOLDER_SCHEMES,
  FAMILY_SHARE_RELATIONS,
  FAMILY_SHARE_RELATIVE_INSURANCES,
  INPATIENT_CHECKER_SCHEMES,
  WAITING_CHECKER_READINGS,
  WAITING_CHECKER_SCHEMES,
  applyRegionToCheckerInputs,
  clearCheckerInputs,
  defaultCheckerInputs,
  inpatientRegionFields,
  loadCheckerInputs,
  saveCheckerInputs,
  type AccountCheckerFields,
  type CheckerInputs,
  type CheckerToolId,
  type FamilyShareCheckerFields,
  type InpatientCheckerFields,
  type WaitingCheckerFields,
} from '@/lib/checker/inputs';
import { CheckerCheckField, CheckerNumberField, CheckerSelectField, LOCAL_POLICY_CAVEAT } from './CheckerFields';
import { POPUP_REGIONS } from './popupData';

const SOURCE_LABELS = new Map(
  (sources as { id: string; title: string; issuer: string; date: string }[]).map((s) => [
    s.id,
    `${s.issuer}《${s.title.replace(/^《|》$/g, '')}》（${s.date}）`,
  ]),
);
const yuan = formatCheckerYuan;

function Notes({ notes, title = '说明' }: { notes: CheckerNote[]; title?: string }) {
  if (notes.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="notes">
        {notes.map((note) => (
          <li key={note.text}>
            {note.text}
            {note.sources.length > 0 && (
              <span className="note-source">
                依据：{note.sources.map((id) => SOURCE_LABELS.get(id) ?? id).join('；')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Steps({ steps }: { steps: string[] }) {
  return (
    <>
      <h4>计算过程</h4>
      <ol className="steps">
        {steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </>
  );
}

function Figure({ name, label, value, strong }: { name: string; label: string; value: ReactNode; strong?: boolean }) {
  return (
    <div className={strong ? 'figure strong' : 'figure'} data-figure={name}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Why there is no result yet: errors beside fields, empty fields, or a problem between fields. */
function Pending<R>({ evaluation }: { evaluation: CheckerEvaluation<R> }) {
  if (Object.keys(evaluation.errors).length > 0)
    return <p className="pending">请先改正上面标红的项目，结果会马上更新。</p>;
  if (evaluation.missing.length > 0)
    return <p className="pending">填写{evaluation.missing.join('、')}后，这里会显示结果。</p>;
  if (evaluation.problem)
    return (
      <p className="field-error problem" role="alert">
        {evaluation.problem}
      </p>
    );
  return null;
}

function Result({ children, live }: { children: ReactNode; live: ReactNode }) {
  return (
    <section className="checker-result" aria-label="结果">
      <h3 className="result-heading">结果</h3>
      <div aria-live="polite">{live}</div>
      {children}
      <p className="caveat">这是按你填写的数字做的估算，不是医保部门的结算结果；具体政策{LOCAL_POLICY_CAVEAT}。</p>
    </section>
  );
}

interface ToolProps<T> {
  base: string;
  values: T;
  region: Region;
  onChange(change: Partial<T>): void;
}

function numberFields<T extends object>(
  base: string,
  keys: readonly string[],
  specs: Record<string, CheckerFieldSpec>,
  values: T,
  errors: Record<string, string>,
  region: Region,
  onChange: (change: Partial<T>) => void,
) {
  return keys.map((key) => (
    <CheckerNumberField
      key={key}
      id={`${base}-${key}`}
      spec={specs[key]!}
      value={(values as Record<string, string>)[key] ?? ''}
      error={errors[key]}
      regionName={region.name}
      onChange={(value) => onChange({ [key]: value } as Partial<T>)}
    />
  ));
}

function AccountTool({ base, values, region, onChange }: ToolProps<AccountCheckerFields>) {
  const evaluation = evaluateAccountChecker(values);
  const r = evaluation.result;
  return (
    <>
      <div className="fields">
        <CheckerSelectField
          id={`${base}-insuredType`}
          label="参保类型"
          value={values.insuredType}
          options={ACCOUNT_CHECKER_INSURED_TYPES}
          onChange={(insuredType) => onChange({ insuredType })}
        />
        {values.insuredType === '灵活就业人员' && (
          <CheckerCheckField
            id={`${base}-flexible`}
            label="当地给灵活就业人员建个人账户"
            checked={values.flexibleWorkerHasAccount}
            hint={`各地规定不同，${LOCAL_POLICY_CAVEAT}。`}
            onChange={(flexibleWorkerHasAccount) => onChange({ flexibleWorkerHasAccount })}
          />
        )}
        {numberFields(base, accountFieldsFor(values), ACCOUNT_FIELD_SPECS, values, evaluation.errors, region, onChange)}
      </div>
      <Result
        live={
          r ? (
            r.hasAccount ? (
              <>
                <dl className="figures">
                  <Figure name="monthlyCredit" label="每月划入" value={`${yuan(r.monthlyCredit)} 元`} strong />
                  <Figure name="yearEndBalance" label="年底余额" value={`${yuan(r.yearEndBalance ?? 0)} 元`} />
                  <Figure
                    name="balanceIn12Months"
                    label="12 个月后余额"
                    value={`${yuan(r.balanceIn12Months ?? 0)} 元`}
                  />
                </dl>
                {r.runsOut && (
                  <p className="warning">
                    余额会在{r.runsOut.isNextYear ? '明年' : '今年'} {r.runsOut.calendarMonth} 月用完；之后 12
                    个月内账户付不了、要自己付的约 {yuan(r.uncoveredSpendingIn12Months)}{' '}
                    元。账户用完不影响住院和门诊统筹报销。
                  </p>
                )}
              </>
            ) : (
              <p className="verdict">{r.steps[0]}</p>
            )
          ) : (
            <Pending evaluation={evaluation} />
          )
        }
      >
        {r && r.hasAccount && <Steps steps={r.steps} />}
        {r && <Notes notes={r.notes} />}
      </Result>
    </>
  );
}

function FamilyTool({ base, values, region, onChange }: ToolProps<FamilyShareCheckerFields>) {
  const evaluation = evaluateFamilyShareChecker(values);
  const r = evaluation.result;
  return (
    <>
      <div className="fields">
        <CheckerSelectField
          id={`${base}-holderScheme`}
          label="你的参保类型"
          value={values.holderScheme}
          options={FAMILY_SHARE_HOLDER_SCHEMES}
          onChange={(holderScheme) => onChange({ holderScheme })}
        />
        <CheckerSelectField
          id={`${base}-relation`}
          label="家人和你的关系"
          value={values.relation}
          options={FAMILY_SHARE_RELATIONS}
          onChange={(relation) => onChange({ relation })}
        />
        <CheckerSelectField
          id={`${base}-relativeInsurance`}
          label="家人的参保情况"
          value={values.relativeInsurance}
          options={FAMILY_SHARE_RELATIVE_INSURANCES}
          onChange={(relativeInsurance) => onChange({ relativeInsurance })}
        />
        <CheckerCheckField
          id={`${base}-sameProvince`}
          label="你们在同一个省参保"
          checked={values.sameProvince}
          onChange={(sameProvince) => onChange({ sameProvince })}
        />
        {!values.sameProvince && (
          <>
            <CheckerCheckField
              id={`${base}-guangdong`}
              label="有一方在广东参保"
              checked={values.guangdongInvolved}
              onChange={(guangdongInvolved) => onChange({ guangdongInvolved })}
            />
            {numberFields(base, ['transferAmount'], FAMILY_FIELD_SPECS, values, evaluation.errors, region, onChange)}
          </>
        )}
      </div>
      <Result
        live={
          r ? (
            <p className={r.check.allowed ? 'verdict ok' : 'verdict no'}>{r.check.verdict}</p>
          ) : (
            <Pending evaluation={evaluation} />
          )
        }
      >
        {r && (
          <>
            <Notes notes={r.check.usableFor} title="可以用来付" />
            <Notes notes={r.check.howTo} title="怎么办理" />
            <Notes notes={r.check.limits} title="限制" />
            {r.plan && <Steps steps={r.plan.steps} />}
            <Notes notes={r.check.notes} title="注意" />
          </>
        )}
      </Result>
    </>
  );
}

function WaitingTool({ base, values, region, onChange }: ToolProps<WaitingCheckerFields>) {
  const evaluation = evaluateWaitingChecker(values);
  const r = evaluation.result;
  const months = r
    ? r.totalMonths.min === r.totalMonths.max
      ? r.totalMonths.min === 0
        ? '没有等待期'
        : `${r.totalMonths.min} 个月`
      : `${r.totalMonths.min}–${r.totalMonths.max} 个月`
    : '';
  return (
    <>
      <div className="fields">
        <CheckerSelectField
          id={`${base}-scheme`}
          label="参保类型"
          value={values.scheme}
          options={WAITING_CHECKER_SCHEMES}
          onChange={(scheme) => onChange({ scheme })}
        />
        {values.scheme === '居民医保' && (
          <>
            <CheckerCheckField
              id={`${base}-newborn`}
              label="新生儿（出生当年参保）"
              checked={values.isNewborn}
              onChange={(isNewborn) => onChange({ isNewborn })}
            />
            {!values.isNewborn && (
              <>
                <CheckerCheckField
                  id={`${base}-concentrated`}
                  label="在集中参保期内缴费"
                  checked={values.enrolledInConcentratedPeriod}
                  hint="一般是每年 9 月到 12 月，为下一年缴费；具体时间以当地通知为准。"
                  onChange={(enrolledInConcentratedPeriod) => onChange({ enrolledInConcentratedPeriod })}
                />
                <CheckerSelectField<WaitingPeriodReading>
                  id={`${base}-reading`}
                  label="变动等待期的算法"
                  value={values.reading}
                  options={WAITING_CHECKER_READINGS.map((value) => ({
                    value,
                    label: WAITING_PERIOD_READING_LABELS[value],
                  }))}
                  hint="政策原文有两种理解，默认采用第一种。"
                  onChange={(reading) => onChange({ reading })}
                />
              </>
            )}
          </>
        )}
        {numberFields(base, waitingFieldsFor(values), WAITING_FIELD_SPECS, values, evaluation.errors, region, onChange)}
      </div>
      <Result
        live={
          r ? (
            <dl className="figures">
              <Figure name="waitingMonths" label="待遇等待期" value={months} strong />
              {r.repairCost > 0 && <Figure name="repairCost" label="补缴费用" value={`${yuan(r.repairCost)} 元`} />}
            </dl>
          ) : (
            <Pending evaluation={evaluation} />
          )
        }
      >
        {r && <Steps steps={r.steps} />}
        {r && <Notes notes={r.notes} />}
      </Result>
    </>
  );
}

function InpatientTool({ base, values, region, onChange }: ToolProps<InpatientCheckerFields>) {
  const evaluation = evaluateInpatientChecker(values);
  const r = evaluation.result;
  return (
    <>
      <div className="fields">
        <CheckerSelectField
          id={`${base}-scheme`}
          label="参保类型"
          value={values.scheme}
          options={INPATIENT_CHECKER_SCHEMES}
          hint="切换后，起付线、报销比例等地区参数会换成该类型的默认值。"
          onChange={(scheme) => onChange({ scheme, ...inpatientRegionFields(region.params, scheme) })}
        />
        {numberFields(
          base,
          inpatientFieldsFor(values),
          INPATIENT_FIELD_SPECS,
          values,
          evaluation.errors,
          region,
          onChange,
        )}
      </div>
      <Result
        live={
          r ? (
            <dl className="figures">
              <Figure name="eligibleCost" label="政策范围内费用" value={`${yuan(r.eligibleCost)} 元`} />
              <Figure name="poolPays" label="统筹基金支付" value={`${yuan(r.poolPays)} 元`} strong />
              {r.scheme === '居民医保' && (
                <Figure name="seriousIllnessPays" label="大病保险支付" value={`${yuan(r.seriousIllnessPays)} 元`} />
              )}
              <Figure name="patientPays" label="自己支付" value={`${yuan(r.patientPays)} 元`} strong />
            </dl>
          ) : (
            <Pending evaluation={evaluation} />
          )
        }
      >
        {r && <Steps steps={r.steps} />}
        {r && <Notes notes={r.notes} />}
      </Result>
    </>
  );
}

export default function CheckerPanel({ initialTool }: { initialTool: CheckerToolId | null }) {
  const base = useId().replace(/:/g, '');
  const regions = POPUP_REGIONS;
  const firstRegion = regions[0];
  const defaults = useMemo(() => (firstRegion ? defaultCheckerInputs(firstRegion) : null), [firstRegion]);
  const [inputs, setInputs] = useState<CheckerInputs | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!defaults) return;
    let live = true;
    void loadCheckerInputs(
      defaults,
      regions.map((r) => r.id),
    ).then(({ inputs: loaded, repaired }) => {
      if (!live) return;
      // 当前月份 means now: it is not carried over from an earlier month.
      const fresh = { ...loaded, account: { ...loaded.account, currentMonth: defaults.account.currentMonth } };
      setInputs(initialTool ? { ...fresh, tool: initialTool } : fresh);
      if (repaired) setNotice('保存的计算器数据有损坏，已恢复为默认值（能保留的项目已保留）。');
    });
    return () => {
      live = false;
    };
  }, [defaults, regions, initialTool]);

  if (!defaults || !firstRegion) return <p className="state-message">缺少地区参数，计算器暂时不能使用。</p>;
  if (!inputs) return <p className="state-message">正在读取上次的输入…</p>;

  const region = regions.find((r) => r.id === inputs.regionId) ?? firstRegion;
  const update = (next: CheckerInputs) => {
    setInputs(next);
    void saveCheckerInputs(next).catch(() => setNotice('无法保存输入，关闭弹窗后不会保留。'));
  };
  const patch =
    <G extends CheckerToolId>(group: G) =>
    (change: Partial<CheckerInputs[G]>) =>
      update({ ...inputs, [group]: { ...inputs[group], ...change } });

  const reset = async () => {
    setInputs({ ...defaults, tool: inputs.tool });
    setNotice('已清空输入，恢复为默认值。');
    await clearCheckerInputs().catch(() => undefined);
  };

  const toolProps = { base: `${base}-${inputs.tool}`, region };
  return (
    <div className="checker">
      <fieldset className="segmented">
        <legend className="sr-only">选择计算工具</legend>
        {CHECKER_TOOL_IDS.map((tool) => (
          <label key={tool} className={inputs.tool === tool ? 'segment selected' : 'segment'}>
            <input
              type="radio"
              name={`${base}-tool`}
              value={tool}
              checked={inputs.tool === tool}
              onChange={() => update({ ...inputs, tool })}
            />
            {CHECKER_TOOL_LABELS[tool]}
          </label>
        ))}
      </fieldset>

      <div className="region-row">
        <CheckerSelectField
          id={`${base}-region`}
          label="参数地区"
          value={region.id}
          options={regions.map((r) => ({ value: r.id, label: `${r.name}（${r.year}）` }))}
          onChange={(id) => {
            const next = regions.find((r) => r.id === id);
            if (next) update(applyRegionToCheckerInputs(inputs, next));
          }}
        />
        <details className="region-note">
          <summary>这些默认数字从哪来？</summary>
          <p>{region.note}</p>
        </details>
      </div>

      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}

      <h2 className="sr-only">{CHECKER_TOOL_LABELS[inputs.tool]}</h2>
      {inputs.tool === 'account' && <AccountTool {...toolProps} values={inputs.account} onChange={patch('account')} />}
      {inputs.tool === 'family' && <FamilyTool {...toolProps} values={inputs.family} onChange={patch('family')} />}
      {inputs.tool === 'waiting' && <WaitingTool {...toolProps} values={inputs.waiting} onChange={patch('waiting')} />}
      {inputs.tool === 'inpatient' && (
        <InpatientTool {...toolProps} values={inputs.inpatient} onChange={patch('inpatient')} />
      )}

      <div className="checker-actions">
        <button type="button" className="secondary-button" onClick={() => void reset()}>
          清空输入，恢复默认值
        </button>
        <span className="field-hint">输入只保存在这台电脑上。</span>
      </div>
    </div>
  );
}
