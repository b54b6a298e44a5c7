/**
 * How account-level precision and recall on the planted-cluster data (synthetic.test-fixture.ts, seed 42)
 * move with the window and the minimum weight: prints a Markdown table for BENCHMARKS.md.
 * `npx tsx bench/coordination-sensitivity.ts`
 */
import { analyseCoordination } from '../src/aggregate/coordination/analyse.ts';
import { syntheticCase } from '../src/aggregate/coordination/synthetic.test-fixture.ts';
import { CoordinationSchema } from '../src/schema/index.ts';

const { posts, planted, viral } = syntheticCase(42);
console.log('| window (s) | min weight | accounts found | precision | recall | viral accounts in clusters |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const window of [1, 10, 60, 300, 1800, 3600]) {
  for (const minWeight of [2, 3, 5]) {
    const result = analyseCoordination(posts, CoordinationSchema.parse({ window, minWeight }));
    const found = new Set(result.clusters.flatMap((c) => c.accounts.map((a) => a.accountId)));
    const hits = [...found].filter((a) => planted.has(a)).length;
    const precision = found.size === 0 ? '–' : (hits / found.size).toFixed(2);
    const recall = (hits / planted.size).toFixed(2);
    console.log(`| ${window} | ${minWeight} | ${found.size} | ${precision} | ${recall} | ${[...found].filter((a) => viral.has(a)).length} |`);
  }
}
