/** npm run bench: the page-marking benchmark, the PDF reader benchmark, then the search benchmark. Prints figures; asserts nothing. */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { runPageBench, runStartupBench } from './pageBench';
import { runPdfBench } from './pdfBench';

const content = readFileSync('.output/chrome-mv3/content-scripts/content.js');
const card = readFileSync('.output/chrome-mv3/card-ui.js');
console.log(
  `内容脚本（每个页面都加载）：${(content.length / 1024).toFixed(1)} KB，gzip ${(gzipSync(content).length / 1024).toFixed(1)} KB`,
);
console.log(
  `卡片模块（首次悬停时加载）：${(card.length / 1024).toFixed(1)} KB，gzip ${(gzipSync(card).length / 1024).toFixed(1)} KB`,
);
await runStartupBench();
await runPageBench();
await runPdfBench();
if (existsSync('test/bench/search.bench.ts')) {
  execFileSync('npx', ['tsx', 'test/bench/search.bench.ts'], { stdio: 'inherit' });
}
