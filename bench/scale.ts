/**
 * Scale benchmark (`npm run bench -- --only scale`; not part of a plain `npm run bench`, as it writes
 * 4–5 GB and takes minutes): the ingest generator's 10M-post dataset against its 1M one, ingested in
 * the same run, each in a fresh child process. The ratio of CPU times shows whether ingest stays
 * linear (10 would be exactly linear); peak RSS shows whether per-post data is held compactly.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measure } from './ingest.ts';
import { writeDataset } from './ingest-data.ts';
import type { Results } from './run.ts';

export async function run(): Promise<Results> {
  const sizes = [['1m', 1_000_000], ['10m', 10_000_000]] as const;
  const measures: Record<string, ReturnType<typeof measure> & { bytes: number }> = {};
  for (const [name, posts] of sizes) {
    const path = fileURLToPath(new URL(`./out/posts-${name}.ndjson`, import.meta.url));
    if (!existsSync(path)) {
      console.log(`writing ${path} (${posts.toLocaleString('en')} posts)…`);
      await writeDataset(path, posts);
    }
    measures[name] = { ...measure('ingest', path), bytes: statSync(path).size };
    const m = measures[name]!;
    console.log(`${name}: ${m.posts.toLocaleString('en')} posts, ${(m.bytes / 1e9).toFixed(2)} GB, CPU ${(m.cpuMs / 1000).toFixed(1)} s, wall ${(m.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(m.maxRssMb)} MB`);
  }
  const small = measures['1m']!;
  const large = measures['10m']!;
  const ratio = large.cpuMs / small.cpuMs;
  console.log(`10M / 1M CPU time: ${ratio.toFixed(2)} (target ≤ 11); peak RSS at 10M: ${Math.round(large.maxRssMb)} MB (target ≤ 3072)`);
  return {
    ingest_10m: {
      posts: large.posts,
      bytes: large.bytes,
      ingest_cpu_ms: Math.round(large.cpuMs),
      ingest_wall_ms: Math.round(large.ms),
      ingest_1m_cpu_ms: Math.round(small.cpuMs),
      ratio_to_1m: Number(ratio.toFixed(2)),
      peak_rss_mb: Math.round(large.maxRssMb),
      problems: large.problems,
    },
  };
}
