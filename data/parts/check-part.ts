// Temporary checker for glossary parts (deleted after merge).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { glossarySchema, sourcesSchema } from '../schema';

const file = process.argv[2];
const plan: { id: string; term: string; part: string }[] = JSON.parse(readFileSync('data/parts/term-plan.json', 'utf8'));
const planIds = new Set(plan.map((p) => p.id));
const planTerms = new Map(plan.map((p) => [p.term, p.id]));
let sources = sourcesSchema.parse(JSON.parse(readFileSync('data/sources.json', 'utf8')));
for (const f of readdirSync('data/parts').filter((f) => f.startsWith('sources-'))) {
  sources = sources.concat(sourcesSchema.parse(JSON.parse(readFileSync('data/parts/' + f, 'utf8'))));
}
const sourceIds = new Set(sources.map((s) => s.id));
const errors: string[] = [];
const parsed = glossarySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.success) {
  for (const issue of parsed.error.issues) errors.push(`schema: ${issue.path.join('.')}: ${issue.message}`);
} else {
  let forms = 0;
  for (const e of parsed.data) {
    const p = plan.find((x) => x.id === e.id);
    if (!p) errors.push(`${e.id}: not in term-plan`);
    else if (p.term !== e.term) errors.push(`${e.id}: term must be ${p.term}`);
    for (const r of e.related) if (!planIds.has(r)) errors.push(`${e.id}: related ${r} not in plan`);
    const allSources = [...e.sources, ...e.facts.flatMap((f) => f.sources), ...e.myths.flatMap((m) => m.sources)];
    for (const s of allSources) if (!sourceIds.has(s)) errors.push(`${e.id}: unknown source ${s}`);
    for (const s of new Set(allSources)) if (!e.sources.includes(s)) errors.push(`${e.id}: source ${s} used but not in entry.sources`);
    for (const a of e.aliases) {
      const other = planTerms.get(a);
      if (other && other !== e.id) errors.push(`${e.id}: alias ${a} is the canonical term of ${other}`);
    }
    if (e.facts.some((f) => f.scope === 'local') && !e.regionalNote.includes('以当地政策为准'))
      errors.push(`${e.id}: has local facts, regionalNote must contain 以当地政策为准`);
    forms += 1 + e.aliases.length;
  }
  console.log(`${parsed.data.length} entries, ${forms} surface forms`);
}
if (existsSync('/work/shared/tools/copycheck.py')) {
  try {
    execFileSync('python3', ['/work/shared/tools/copycheck.py', file], { stdio: 'pipe' });
  } catch (err) {
    errors.push('copycheck: ' + String((err as { stdout?: Buffer }).stdout ?? err));
  }
}
if (errors.length) {
  console.log(errors.join('\n'));
  process.exit(1);
}
console.log('OK');
