/**
 * Dates a reader can trust: a fact must not rest on a document that a newer one among our sources has amended,
 * widened or superseded (`updates` in sources.json) when the same glossary entry — the same topic — cites that
 * newer document. Reports count as the document they report on (`reportsOn`). Existing cases that are right as
 * written are listed below with the reason; anything new fails.
 */
import { describe, expect, it } from 'vitest';
import { loadProjectData } from '../scripts/compile/pipeline';

const data = loadProjectData('data');
const sourceById = new Map(data.sources.map((s) => [s.id, s]));

/** The document a source stands for: a report counts as the document it reports on. */
const documentOf = (id: string) => sourceById.get(id)!.reportsOn ?? id;

/** Facts that cite an updated document but stay right as written, with the reason. */
const JUSTIFIED: Record<string, string> = {
  'chengxiangjuminjibenyiliaobaoxian.facts[0] 2024年筹资标准':
    'a past year’s standard, labelled with its year; the 2026 figure has its own fact',
  'chengxiangjuminjibenyiliaobaoxian.facts[1] 2025年财政补助':
    'a past year’s standard, labelled with its year; the 2026 figure has its own fact',
  'caizhengbuzhu.facts[0] 2024年标准':
    'a past year’s standard, labelled with its year; the 2026 figure has its own fact',
  'caizhengbuzhu.facts[1] 2025年标准':
    'a past year’s standard, labelled with its year; the 2026 figure has its own fact',
  'gerenzhanghu.facts[1] 在职职工计入': '38号 widened whom the account may pay for; the 14号 credit rule is unchanged',
  'gerenzhanghu.facts[3] 不能用在哪': '38号 widened whom the account may pay for; the 14号 exclusions are unchanged',
  'menzhengongji.facts[0] 文件': 'names the 2021 document itself',
  'menzhengongji.facts[2] 账户计入调整': '38号 widened whom the account may pay for; the 14号 credit rule is unchanged',
  'menzhengongji.facts[4] 普通门诊统筹起步': 'the 14号 outpatient pooling rule; neither later document changes it',
  'gerenzhanghuzhifufanwei.facts[0] 可以支付':
    'the 2026 notice added contributions (facts[2] cites it); the medical costs the account pays are unchanged',
  'gerenzhanghuzhifufanwei.facts[1] 不能支付': 'the 14号 exclusions; neither 38号 nor the 2026 notice changes them',
};

/** Every key fact whose documents a newer document cited by the same entry updates, without citing that newer one. */
export function findStaleFacts(d = data): string[] {
  const updatedBy = new Map<string, string[]>();
  for (const s of d.sources)
    for (const older of s.updates) updatedBy.set(older, [...(updatedBy.get(older) ?? []), s.id]);
  const out: string[] = [];
  for (const e of d.glossary) {
    const topic = new Set(
      [...e.sources, ...e.facts.flatMap((f) => f.sources), ...e.myths.flatMap((m) => m.sources)].map(documentOf),
    );
    e.facts.forEach((f, i) => {
      const mine = new Set(f.sources.map(documentOf));
      const newer = [...mine].flatMap((id) => updatedBy.get(id) ?? []).filter((id) => topic.has(id) && !mine.has(id));
      if (newer.length) out.push(`${e.id}.facts[${i}] ${f.label}: ${[...new Set(newer)].join('、')}`);
    });
  }
  return out;
}

describe('freshness', () => {
  it('knows which documents update which (the check can fire)', () => {
    expect(data.sources.some((s) => s.updates.length > 0)).toBe(true);
    const sample = structuredClone(data);
    sample.glossary = [
      {
        ...sample.glossary[0]!,
        sources: ['gbf-2021-14', 'gbf-2024-38'],
        facts: [
          { label: '旧规则', value: '只引用了旧文件', scope: 'national', effective: '2021', sources: ['gbf-2021-14'] },
        ],
        myths: [],
      },
    ];
    expect(findStaleFacts(sample)).toEqual([`${sample.glossary[0]!.id}.facts[0] 旧规则: gbf-2024-38`]);
  });

  it('lists no fact resting on a document that a newer one on the same topic updates (justified cases excepted)', () => {
    const stale = findStaleFacts();
    console.log(
      `freshness: ${stale.length} fact(s) cite an updated document; ${Object.keys(JUSTIFIED).length} justified`,
    );
    expect(stale.filter((line) => !(line.split(':')[0]! in JUSTIFIED))).toEqual([]);
    // A justification that no longer matches anything is removed, so the list stays honest.
    expect(Object.keys(JUSTIFIED).filter((key) => !stale.some((line) => line.startsWith(`${key}:`)))).toEqual([]);
  });
});
