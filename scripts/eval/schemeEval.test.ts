/** The scheme evaluation set, scored as a reader would meet it; floors hold what was measured on each part. */
import { describe, expect, it } from 'vitest';
import { loadSchemePart } from './schemeCorpus';
import { evaluateSchemes, isRight, tallyBy } from './schemeEval';

describe('what counts as right', () => {
  it.each([
    ['yibao', 'yibao', 'card', true],
    ['yibao', 'yibao', 'nothing', false],
    ['shared', 'injury', 'injury', true],
    ['shared', 'injury', 'nothing', true],
    ['shared', 'injury', 'card', false],
    ['shared', 'injury', 'pension', false],
    ['yibao', 'none', 'nothing', true],
    ['general', 'none', 'card', false],
    ['general', 'pension', 'card', true],
    ['shared', 'social', 'card', true],
    ['shared', 'social', 'nothing', true],
    ['shared', 'social', 'pension', false],
  ] as const)('%s entry, %s passage, got %s: %s', (entryClass, expected, got, right) => {
    expect(isRight(entryClass, expected, got)).toBe(right);
  });

  it('an entry at home in another scheme keeps its card there', () => {
    expect(isRight('yibao', 'commercial', 'card', ['commercial'])).toBe(true);
    expect(isRight('yibao', 'commercial', 'nothing', ['commercial'])).toBe(false);
  });
});

/** Floors: what was measured on each part, rounded down a little; per scheme where it has 10 or more occurrences. */
// Measured after the fourth round (dev grown to 1,360 occurrences with ten regional regulation and notice pages:
// provincial 工伤, 城乡居民养老, 医疗救助 and 社会救助 texts, city 失业, 住房公积金, 长护险, 养老服务 and employment texts, a
// 生育/医保 merger notice): dev 99.3%, lowest scheme military 94.8%; held-out 96.9%, lowest scheme none 86.5% (37
// occurrences). The held-out target (97%, no scheme below 90%) is not met: none is below it. Without
// ../shared/laws only the pages are scored: dev 99.0%, held-out 96.0%.
// Fifth round (dev grown to 1,425 occurrences with ten pages not about insurance: tax, labour law, a traffic-injury
// judgment, school health, crowdfunding, drug prices, an outpatient guide, credit cards, renting, city statistics):
// dev 99.3% (none 98.7%; pages only 99.05%, none 98.6%); held-out unchanged at 96.9% (none 86.5%).
// Sixth round (dev grown to 1,640 occurrences with eighteen pages: childbirth registration, home sickbeds, disability
// rehabilitation, temporary assistance, veterans' preferential treatment, drug retail, medical disputes, emergency
// care, infectious-disease treatment, elderly meals, an employee handbook, a labour arbitration award, a loan
// contract, a critical-illness policy, insurance sales rules, a university health guide, county hospital reform news,
// a caregiver forum): first measured at 98.6% (the new pages 202 of 215); after this round's rules dev 99.4% (none
// 99.4%, commercial 97.8%; pages only 99.2%, none 99.3%); held-out unchanged at 96.9% (none 86.5%). Nine more pages
// (disaster relief, funeral fees, student aid, employment assistance, an inheritance case, a health check-up guide, a
// property-fee notice, travel insurance, patients' rights: 1,704 occurrences) were first measured at 59 of 64; after
// the travel-insurance and property words dev 99.4% (none 99.4%, commercial 98.1%; pages only 99.25%).
// Seventh round (dev grown to 2,021 occurrences with twenty-one pages varying the form: long regulations with 第X章
// chapters on subjects that are not insurance holding a 医保 chapter or article (family planning and its rewards,
// home elderly care, elderly rights, social assistance, disability, charity, an emergency-aid fund, hospital and basic
// health-service rules, female-worker protection, heroic acts, union hardship aid), commercial policy clauses, an
// insurance-industry rule and an insurance-contract lecture, a generic-titled 实施办法, a notice, lists written as
// lines): first measured at 306 of 317 on the new pages; after this round's rules dev 99.3% (none 99.1%, commercial
// 98.6%; pages only 99.15%, none 99.0%); held-out unchanged at 96.9% (none 86.5%).
// Eighth round (dev grown to 2,497 occurrences with twenty pages where 医保 passages sit inside documents of other
// schemes or of social-insurance administration: unemployment, work-injury, military, pension, housing-fund and
// insurance-business texts, 经办, transfer, supervision, audit and dishonesty rules): the first fifteen first measured
// at 370 of 381 (yibao 280 of 289), the last five at 95 of 95; after this round's rules dev 99.5% (yibao 99.8%,
// commercial 98.7%; pages only 99.4%); held-out unchanged at 96.9% (yibao 98.1%, none 86.5%).
// Ninth change (no new pages): the contribution and enrolment words every scheme shares (needsScheme: 缴费基数,
// 统筹地区, 灵活就业人员…) show nothing when no scope names a scheme, as the everyday words already did. Dev unchanged at
// 99.5% (12 misreads, the same ones; social passages opening the 医保 card 22 → 14); held-out 96.9% → 97.6% (none
// 86.5% → 97.3%; pages only 97.6%, none 18 of 18). The held-out floors are now the targets: 97% overall,
// no scheme under 90%.
// Round 9 (dev grown to 2,820 occurrences with twelve pages on those shared words: payroll chat, bank accounts,
// gig-worker contracts, average-wage statistics, a pension calculation, housing-fund deposits, unemployment and
// work-injury Q&As, and four 医保 pages on bases, flexible workers, transfer and contribution tiers): first measured at
// 311 of 323 (none 25 of 25; ea51d97's resolver 297 of 323, none 11 of 25). A scheme a passage is compared with
// (和养老保险的基数一致, 这和养老金是两笔账) and ways of paying (通过微信、支付宝缴费) no longer decide: 322 of 323; dev
// 99.5% (pages only 99.47%); held-out unchanged at 97.6%.
// Round 10 (dev grown to 3,077 occurrences with twelve pages: schemes compared side by side, five insurances at
// onboarding, a mixed readers' Q&A, payment channels, a bank's auto-debit FAQ, a family chat, a 惠民保 product, a
// 百万医疗险 FAQ, a military spouse's Q&A, a hospital cashier, expense-claim rules, an elderly-service notice): first
// measured at 247 of 257, now 252. 个人账户 and 统筹基金 went back to the 医保 card when no scheme is named (the e2e pages hold it bare, as
// readers meet it; dev was even either way). A bold question line heads its answer; a list that the match owns
// (灵活就业人员的养老保险费和医疗保险费) is read as a list; a cue word across the match's edge (保单 in 医保单位缴费) is not
// read: dev 99.4% (pages only 99.3%; none 98.7%, commercial 97.0%), the floors set just under; held-out 97.8%.
// Round 11 (dev grown to 3,333 occurrences with twelve pages measured once before any change: 235 of 256, the most
// honest estimate of how the resolver does on text it has not seen). Two data fixes after it: 集中缴费期 is shared
// (城乡居民养老保险 has one too) and 经费 (科研经费报销) is an expense word. Dev 98.9% (pages only 98.8%; yibao 99.0%), the
// floors set just under; held-out 97.8%. Then a sentence naming 医保 in another clause keeps a match with no cue of
// its own over a nearer scheme paying for no care (失业人员医保由失业保险基金代缴，住院的，在定点医疗机构…直接结算): dev
// 99.1% (pages only 99.0%, yibao 99.3%, social 95.9%), floors raised to just under; held-out 97.8%.
/** `minimum`: the occurrences the part must hold (the set must not shrink unnoticed). */
type Floors = { overall: number; minimum: number; schemes: Partial<Record<string, number>> };
const FLOORS: Record<'dev' | 'heldout', { withLaws: Floors; pagesOnly: Floors }> = {
  dev: {
    withLaws: {
      overall: 0.99,
      minimum: 3300,
      schemes: {
        yibao: 0.99,
        injury: 0.99,
        none: 0.98,
        pension: 0.99,
        social: 0.96,
        military: 0.93,
        commercial: 0.96,
        'private-pension': 0.95,
        unemployment: 0.95,
        'housing-fund': 0.95,
      },
    },
    pagesOnly: {
      overall: 0.988,
      minimum: 2950,
      schemes: {
        yibao: 0.99,
        none: 0.98,
        pension: 0.99,
        military: 0.93,
        social: 0.95,
        injury: 0.99,
        commercial: 0.96,
        'private-pension': 0.95,
        unemployment: 0.95,
        'housing-fund': 0.95,
      },
    },
  },
  heldout: {
    withLaws: {
      overall: 0.97,
      minimum: 550,
      schemes: {
        yibao: 0.97,
        pension: 0.97,
        none: 0.95,
        injury: 0.96,
        social: 0.96,
        unemployment: 0.99,
        military: 0.94,
        commercial: 0.94,
        'housing-fund': 0.99,
        'private-pension': 0.9,
      },
    },
    pagesOnly: {
      overall: 0.97,
      minimum: 240,
      schemes: {
        yibao: 0.96,
        pension: 0.97,
        injury: 0.99,
        none: 0.95,
        'housing-fund': 0.99,
        'private-pension': 0.9,
        commercial: 0.9,
      },
    },
  },
};
/** A scheme with 10 or more occurrences and no floor of its own is held to this. */
const DEFAULT_SCHEME_FLOOR = 0.9;

describe.each(['dev', 'heldout'] as const)('the %s part', (part) => {
  const { docs, problems, lawsSkipped } = loadSchemePart(part);
  if (lawsSkipped) console.log(`${part}: ${lawsSkipped}`);
  const result = evaluateSchemes(docs);
  const floors = FLOORS[part][lawsSkipped ? 'pagesOnly' : 'withLaws'];

  it('is complete: every match labelled, every label on a match', () => {
    expect([...problems, ...result.problems]).toEqual([]);
    expect(result.occurrences.length).toBeGreaterThanOrEqual(floors.minimum);
  });

  it('reads every occurrence as the full walk through the scopes does (the shortcuts for paragraphs naming no other scheme)', () => {
    const full = evaluateSchemes(docs, 'data', true).occurrences;
    const outcome = (o: { file: string; context: string; got: string; sense?: string }) =>
      `${o.file}|${o.context}|${o.got}|${o.sense ?? ''}`;
    expect(full.length).toBe(result.occurrences.length);
    // Counted, not listed: held-out lines are never printed.
    const differing = full.filter((o, i) => outcome(o) !== outcome(result.occurrences[i]!)).length;
    expect(differing).toBe(0);
  });

  it('gets the right card or rightly nothing for the share the floors hold, in every scheme', () => {
    const all = result.occurrences;
    const misreads = all.filter((o) => !o.right);
    const accuracy = 1 - misreads.length / all.length;
    // Held-out misreads are not printed: the team tunes on the dev part only.
    if (part === 'dev' && accuracy < floors.overall)
      console.log(misreads.map((o) => `${o.file} “${o.form}” ${o.expected}→${o.got}`).join('\n'));
    expect(accuracy).toBeGreaterThanOrEqual(floors.overall);
    for (const t of tallyBy(all, (o) => o.expected))
      if (t.total >= 10)
        expect(t.right / t.total, t.key).toBeGreaterThanOrEqual(floors.schemes[t.key] ?? DEFAULT_SCHEME_FLOOR);
  });
});
