import { describe, expect, it } from 'vitest';
import sources from '@/data/sources.json';
import {
  type CheckerFormValues,
  type CheckerTool,
  defaultCheckerValues,
  evaluateCheckerTool,
  hasEnteredCheckerNumbers,
  isCheckerFieldValueWellFormed,
  readCheckerField,
} from './fields';
import { estimateInpatientCost } from './inpatient';
import { CHECKER_TOOLS } from './registry';
import { CHECKER_TOOL_IDS, CHECKER_TOOL_LABELS } from './toolIds';
import { INPATIENT_EXAMPLE_PARAMS } from './tools/inpatient';
import { formatCheckerYuan } from './format';

const tools = Object.values(CHECKER_TOOLS);
const knownSources = new Set(sources.map((s) => s.id));

/** A plausible value for every number field that starts empty, so each branch computes. */
const SAMPLE_NUMBERS: Record<string, string> = {
  monthlyContributionBase: '8000',
  retireeMonthlyCredit: '120',
  transferAmount: '5000',
  annualIndividualContribution: '400',
  totalBill: '50000',
  deductible: '1000',
  reimbursementPercent: '70',
  cap: '300000',
  classBSelfPayPercent: '10',
  seriousIllnessThreshold: '15000',
  seriousIllnessPercent: '60',
  currentMonth: '6',
  lapseYears: '4',
  repairedYears: '1',
};

/** Every combination of the tool's choices and flags, with sample numbers filled in. */
function everyBranch(tool: CheckerTool): CheckerFormValues[] {
  let combos: CheckerFormValues[] = [{}];
  for (const [key, spec] of Object.entries(tool.fields)) {
    if (spec.type === 'number') {
      combos = combos.map((c) => ({ ...c, [key]: spec.default || SAMPLE_NUMBERS[key] || '0' }));
    } else {
      const choices = spec.type === 'flag' ? [true, false] : spec.options.map((o) => o.value);
      combos = combos.flatMap((c) => choices.map((choice) => ({ ...c, [key]: choice })));
    }
  }
  return combos;
}

describe('checker registry invariants', () => {
  it('declares the four tools once, under their ids and labels', () => {
    expect(Object.keys(CHECKER_TOOLS)).toEqual([...CHECKER_TOOL_IDS]);
    for (const id of CHECKER_TOOL_IDS) {
      expect(CHECKER_TOOLS[id].id).toBe(id);
      expect(CHECKER_TOOLS[id].label).toBe(CHECKER_TOOL_LABELS[id]);
    }
  });

  it.each(tools.map((t) => [t.id, t] as const))(
    '%s: every field has a label, a default and a validator the default passes',
    (_, tool) => {
      for (const [key, spec] of Object.entries(tool.fields)) {
        expect(spec.label.length, key).toBeGreaterThan(1);
        expect(spec.default, key).toBeDefined();
        expect(isCheckerFieldValueWellFormed(spec, spec.default), key).toBe(true);
        if (spec.type === 'number') {
          expect(spec.min, key).toBeLessThan(spec.max);
          expect(spec.unit.length, key).toBeGreaterThan(0);
          // Its own validator: the default is either empty (to be filled in) or a valid value; never an error or a question.
          expect(['ok', 'empty'], key).toContain(readCheckerField(spec, spec.default).status);
          // And the validator can fail: one past the maximum is refused with the field's name.
          const refused = readCheckerField(spec, String(spec.max + 1));
          expect(refused.status, key).toBe('error');
          expect(refused.status === 'error' && refused.message, key).toContain(spec.label);
        }
        if (spec.type === 'choice') expect(spec.options.length, key).toBeGreaterThan(1);
      }
    },
  );

  it.each(tools.map((t) => [t.id, t] as const))(
    '%s: every branch computes, and every note cites sources that exist',
    (_, tool) => {
      const branches = everyBranch(tool);
      let notes = 0;
      for (const values of branches) {
        const evaluation = evaluateCheckerTool(tool, values);
        expect(evaluation.outcome, JSON.stringify(values)).not.toBeNull();
        for (const section of evaluation.outcome!.sections) {
          for (const note of section.notes) {
            notes += 1;
            expect(note.sources.length, note.text).toBeGreaterThan(0);
            expect(
              note.sources.filter((id) => !knownSources.has(id)),
              note.text,
            ).toEqual([]);
          }
        }
      }
      expect(notes).toBeGreaterThan(branches.length);
    },
  );

  it('no tool cites the 2020 draft, an anonymous city Q&A or a web comment', () => {
    const cited = tools.flatMap((tool) =>
      everyBranch(tool).flatMap((values) =>
        (evaluateCheckerTool(tool, values).outcome?.sections ?? []).flatMap((s) => s.notes.flatMap((n) => n.sources)),
      ),
    );
    expect(cited).not.toContain('nhsa-2020-draft');
    expect(cited).not.toContain('city-account-qa');
    expect(cited).not.toContain('retiree-case-2023');
  });
});

const figure = (values: CheckerFormValues, tool: CheckerTool, name: string) =>
  evaluateCheckerTool(tool, values).outcome?.figures.find((f) => f.name === name)?.value;

describe('个人账户 through its form', () => {
  const tool = CHECKER_TOOLS.account;
  const start = defaultCheckerValues(tool);

  it('8000 × 2% = 160 元 a month, typed as ８０００, 8,000 or 0.8万', () => {
    for (const typed of ['８０００', '8,000', '0.8万']) {
      expect(figure({ ...start, monthlyContributionBase: typed }, tool, 'monthlyCredit')).toBe('160 元');
    }
    expect(figure({ ...start, monthlyContributionBase: '1.2万' }, tool, 'monthlyCredit')).toBe('240 元');
  });

  it('a ratio typed as 0.02 is not guessed: it asks "是 2% 吗？" and computes nothing until answered', () => {
    const evaluation = evaluateCheckerTool(tool, {
      ...start,
      monthlyContributionBase: '8000',
      accountRatioPercent: '0.02',
    });
    expect(evaluation.confirms.accountRatioPercent).toEqual({ question: '是 2% 吗？', suggestion: '2' });
    expect(evaluation.outcome).toBeNull();
    expect(
      figure({ ...start, monthlyContributionBase: '8000', accountRatioPercent: '2%' }, tool, 'monthlyCredit'),
    ).toBe('160 元');
  });

  it('a bad value gets a message naming the field and its range', () => {
    const evaluation = evaluateCheckerTool(tool, { ...start, monthlyContributionBase: '200万' });
    expect(evaluation.errors.monthlyContributionBase).toBe('月缴费基数须在 0 到 100 万元之间');
    expect(evaluation.outcome).toBeNull();
  });

  it('a retiree is asked for the area’s monthly figure; there is no default', () => {
    const retiree = { ...start, insuredType: '退休人员' };
    const evaluation = evaluateCheckerTool(tool, retiree);
    expect(evaluation.missing).toEqual(['当地退休人员每月划入额']);
    expect(evaluation.outcome).toBeNull();
    expect(figure({ ...retiree, retireeMonthlyCredit: '120' }, tool, 'monthlyCredit')).toBe('120 元');
  });

  it('城乡居民 get a verdict, not figures', () => {
    const outcome = evaluateCheckerTool(tool, { ...start, insuredType: '城乡居民' }).outcome!;
    expect(outcome.figures).toEqual([]);
    expect(outcome.verdict?.text).toContain('没有个人账户');
  });
});

describe('待遇等待期 through its form', () => {
  const tool = CHECKER_TOOLS.waiting;
  const start = defaultCheckerValues(tool);

  it('断保 2 年: 3 + 1 = 4 months on the default reading, the other reading (5) shown beside it; nothing asked', () => {
    expect(Object.keys(tool.fields)).not.toContain('reading');
    const first = { ...start, lapseYears: '2' };
    expect(figure(first, tool, 'waitingMonths')).toBe('4 个月');
    expect(figure(first, tool, 'otherReading')).toBe('5 个月');
    const outcome = evaluateCheckerTool(tool, first).outcome!;
    expect(outcome.steps.join('')).toContain('各地做法不同');
    // Without a lapse the two readings agree: no second figure.
    expect(figure({ ...start, lapseYears: '0' }, tool, 'otherReading')).toBeUndefined();
  });

  it('断保 4 年 fully repaired still waits 6 months (the ≥6-month floor); the repair costs 4 × 400', () => {
    const values = { ...start, lapseYears: '4', repairedYears: '4', annualIndividualContribution: '400' };
    expect(figure(values, tool, 'waitingMonths')).toBe('6 个月');
    expect(figure(values, tool, 'repairCost')).toBe('1,600 元');
    expect(figure({ ...values, annualIndividualContribution: '' }, tool, 'repairCost')).toBeUndefined();
  });

  it('fractional years are refused by name', () => {
    expect(evaluateCheckerTool(tool, { ...start, lapseYears: '1.5' }).errors.lapseYears).toBe(
      '断保年数须为 0 到 50 年之间的整数',
    );
  });
});

describe('住院报销估算 through its form', () => {
  const tool = CHECKER_TOOLS.inpatient;
  const start = defaultCheckerValues(tool);

  it('starts from example numbers and says so', () => {
    const expected = estimateInpatientCost({
      scheme: '职工医保',
      totalBill: 120000,
      fullySelfPaid: 0,
      classBAmount: 0,
      ...INPATIENT_EXAMPLE_PARAMS.职工医保,
    });
    const outcome = evaluateCheckerTool(tool, { ...start, totalBill: '12万' }).outcome!;
    expect(outcome.figures.find((f) => f.name === 'eligibleCost')?.value).toBe('120,000 元');
    expect(outcome.figures.find((f) => f.name === 'poolPays')?.value).toBe(
      `${formatCheckerYuan(expected.poolPays)} 元`,
    );
    expect(outcome.basis).toContain('示例数字，不是任何地区的真实标准');
  });

  it('every number worked out from example figures carries 示例: each figure, and each number of the basis', () => {
    const outcome = evaluateCheckerTool(tool, { ...start, totalBill: '5万' }).outcome!;
    expect(outcome.usesExamples).toBe(true);
    expect(outcome.figures.length).toBeGreaterThan(0);
    expect(outcome.figures.every((f) => f.example === true)).toBe(true);
    const numbers = outcome.basis!.split('：')[1]!.match(/[\d,.]+ ?(元|%)/g)!;
    const tagged = outcome.basis!.match(/[\d,.]+ ?(元|%)（示例）/g)!;
    expect(tagged.length).toBe(numbers.length);
    // The user's own figures carry no tag.
    const local = evaluateCheckerTool(tool, {
      ...start,
      totalBill: '8000',
      paramSource: 'local',
      deductible: '1000',
      reimbursementPercent: '70',
      cap: '30万',
    }).outcome!;
    expect(local.usesExamples).toBe(false);
    expect(local.figures.some((f) => f.example)).toBe(false);
    expect(local.basis).not.toContain('示例');
  });

  it('全自费 and 乙类 may be left empty: counted as 0, and the steps say so', () => {
    expect(tool.fields.fullySelfPaid).toMatchObject({ optional: true, default: '' });
    expect(tool.fields.classBAmount).toMatchObject({ optional: true, default: '' });
    const evaluation = evaluateCheckerTool(tool, { ...start, totalBill: '8千' });
    expect(evaluation.missing).toEqual([]);
    expect(evaluation.outcome!.figures.find((f) => f.name === 'eligibleCost')?.value).toBe('8,000 元');
    expect(evaluation.outcome!.steps.join('')).toContain('没有填全自费金额和乙类项目金额，按 0 计算');
  });

  it('with the area’s own figures: (8000 − 1000) × 70% = 4900; 0.7 is asked about first', () => {
    const local = { ...start, paramSource: 'local', totalBill: '8000', deductible: '1000', cap: '30万' };
    expect(evaluateCheckerTool(tool, local).missing).toEqual(['统筹报销比例']);
    expect(evaluateCheckerTool(tool, { ...local, reimbursementPercent: '0.7' }).confirms.reimbursementPercent).toEqual({
      question: '是 70% 吗？',
      suggestion: '70',
    });
    const outcome = evaluateCheckerTool(tool, { ...local, reimbursementPercent: '70' }).outcome!;
    expect(outcome.figures.find((f) => f.name === 'poolPays')?.value).toBe('4,900 元');
    expect(outcome.figures.find((f) => f.name === 'patientPays')?.value).toBe('3,100 元');
    expect(outcome.basis).toContain('按你填写的当地标准计算');
  });

  it('asks for the 乙类 ratio when there are 乙类 items, and for both 大病 figures or none', () => {
    const local = {
      ...start,
      paramSource: 'local',
      totalBill: '8000',
      deductible: '1000',
      reimbursementPercent: '70',
      cap: '300000',
    };
    expect(evaluateCheckerTool(tool, { ...local, classBAmount: '2000' }).problem).toContain('乙类先行自付比例');
    const resident = { ...local, scheme: '居民医保', seriousIllnessThreshold: '15000' };
    expect(evaluateCheckerTool(tool, resident).problem).toContain('要一起填');
  });

  it('refuses parts larger than the total', () => {
    expect(evaluateCheckerTool(tool, { ...start, totalBill: '8000', fullySelfPaid: '9000' }).problem).toBe(
      '全自费金额与乙类金额之和不能超过住院总费用',
    );
  });
});

describe('家庭共济 through its form', () => {
  const tool = CHECKER_TOOLS.family;
  const start = defaultCheckerValues(tool);

  it('a sibling in another province: 5000 元 is 3 transfers in 1 day', () => {
    const values = { ...start, relation: '兄弟姐妹', sameProvince: false, transferAmount: '５０００' };
    const outcome = evaluateCheckerTool(tool, values).outcome!;
    expect(outcome.verdict?.tone).toBe('ok');
    expect(outcome.figures).toEqual([{ name: 'transfers', label: '医保钱包转账', value: '3 笔，1 天' }]);
  });

  it('其他 relatives are refused', () => {
    expect(evaluateCheckerTool(tool, { ...start, relation: '其他' }).outcome?.verdict?.tone).toBe('no');
  });
});

describe("hasEnteredCheckerNumbers: whether the result may say it rests on the user's numbers", () => {
  it('a tool with only choices (家庭共济 in one province) has none', () => {
    expect(hasEnteredCheckerNumbers(CHECKER_TOOLS.family, defaultCheckerValues(CHECKER_TOOLS.family))).toBe(false);
  });
  it('defaults left alone do not count; a typed number does', () => {
    const waiting = defaultCheckerValues(CHECKER_TOOLS.waiting);
    expect(hasEnteredCheckerNumbers(CHECKER_TOOLS.waiting, waiting)).toBe(false);
    expect(hasEnteredCheckerNumbers(CHECKER_TOOLS.waiting, { ...waiting, lapseYears: '2' })).toBe(true);
  });
  it('hidden fields do not count', () => {
    const family = defaultCheckerValues(CHECKER_TOOLS.family);
    expect(hasEnteredCheckerNumbers(CHECKER_TOOLS.family, { ...family, transferAmount: '500' })).toBe(false);
  });
});
