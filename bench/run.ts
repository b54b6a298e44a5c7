/**
 * `npm run bench [-- --only ingest|pages|import|telegram|example|coordination|scale|engines]`: runs each benchmark part and merges its figures
 * into bench/out/results.json, so parts written by different people add up in one file. `scale`
 * (10M posts, several GB on disk) and `engines` (1M posts per engine; 10M with `--scale 10m`) run only when asked for by name.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

export type Results = Record<string, Record<string, number | string>>;

const parts = ['ingest', 'pages', 'import', 'telegram', 'example', 'coordination', 'scale', 'engines'] as const;
const onlyByName = new Set<string>(['scale', 'engines']);
const outDir = new URL('./out/', import.meta.url);
const resultsFile = new URL('results.json', outDir);

const at = process.argv.indexOf('--only');
const only = at >= 0 ? process.argv[at + 1] : undefined;
if (only !== undefined && !(parts as readonly string[]).includes(only)) {
  console.error(`Unexpected part \`${only}\`, expected one of ${parts.join(', ')}.`);
  process.exit(1);
}

await mkdir(outDir, { recursive: true });
for (const part of parts) {
  if ((only !== undefined && part !== only) || (only === undefined && onlyByName.has(part))) continue;
  const module = new URL(`./${part}.ts`, import.meta.url);
  if (!existsSync(module)) {
    console.log(`${part}: no benchmark yet (bench/${part}.ts)`);
    continue;
  }
  const { run } = (await import(module.href)) as { run: () => Promise<Results> };
  const figures = await run();
  // Read just before writing: a part can run for many minutes while another run merges its own figures.
  const results: Results = existsSync(resultsFile) ? (JSON.parse(await readFile(resultsFile, 'utf8')) as Results) : {};
  await writeFile(resultsFile, `${JSON.stringify({ ...results, ...figures }, null, 2)}\n`);
}
