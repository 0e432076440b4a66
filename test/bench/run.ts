/** npm run bench: the page-marking benchmark, then the search benchmark. Prints figures; asserts nothing. */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { runPageBench } from './pageBench';

await runPageBench();
if (existsSync('test/bench/search.bench.ts')) {
  execFileSync('npx', ['tsx', 'test/bench/search.bench.ts'], { stdio: 'inherit' });
}
