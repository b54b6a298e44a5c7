/**
 * One measured build of the pages benchmark, in its own process so its peak RSS is its own.
 * `pages-child.ts <root> <outDir> stages|render`: builds `root` into `outDir` with buildSite, with the
 * CLI's post-build stages or with none. Prints one JSON line: wall and CPU time, peak RSS and the
 * time of each step as buildSite logs it (check, render) or as measured around each stage.
 */
import { buildSite } from '../src/build/build-site.ts';
import { postBuildStages } from '../src/build/stages.ts';

const [root, outDir, mode] = process.argv.slice(2) as [string, string, 'stages' | 'render'];
const steps: Record<string, number> = {};
// Timed here rather than parsed from the log, whose figures are rounded to a tenth of a second.
const stages = mode === 'stages'
  ? postBuildStages.map((s) => ({
      name: s.name,
      run: async (...args: Parameters<typeof s.run>) => {
        const t = performance.now();
        try {
          return await s.run(...args);
        } finally {
          steps[s.name] = performance.now() - t;
        }
      },
    }))
  : [];
const started = performance.now();
const cpuStarted = process.cpuUsage();
await buildSite(
  { root, outDir, today: new Date().toISOString().slice(0, 10) },
  {
    // As the command line passes it: the build's scripts run Node with `--expose-gc` (bench/pages.ts buildNodeFlags).
    ...((globalThis as { gc?: () => void }).gc ? { collectGarbage: (globalThis as { gc: () => void }).gc } : {}),
    log(line) {
      process.stderr.write(`${line}\n`);
      const m = /^(check|render|release)\s+(?:.*\()?([\d.]+) (ms|s)\)?$/.exec(line);
      if (m) steps[m[1]!] = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    },
  },
  stages,
);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, steps })}\n`,
);
