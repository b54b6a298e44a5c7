/**
 * One measured run of the coordination benchmark, in its own process so its peak RSS is its own.
 * `hold`: read the file, JSON.parse every line and keep what coordination reads of each post (the
 * input the analysis starts from). `coordination`: the same, then the analysis with the five default
 * signals. Both time the JSON.parse pass on its own first (the baseline of the ratio, in the same run).
 * Prints one JSON line: { parseCpuMs, parseMs, analyseCpuMs, analyseMs, posts, edges, clusters, bursts, holdRssMb, maxRssMb }.
 */
import type { CoordinationPost } from '../src/aggregate/coordination/actions.ts';
import { analyseCoordination } from '../src/aggregate/coordination/analyse.ts';
import { readLines } from '../src/ingest/read-lines.ts';
import { CoordinationSchema } from '../src/schema/index.ts';

const [mode, path] = process.argv.slice(2) as ['hold' | 'coordination', string];
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};
const rssMb = (): number => process.resourceUsage().maxRSS / 1024;

// The baseline: read and JSON.parse every line, nothing kept.
let cpu = process.cpuUsage();
let wall = performance.now();
await readLines(path, (line) => {
  JSON.parse(line);
});
const parseCpuMs = cpuMs(cpu);
const parseMs = performance.now() - wall;

interface Raw {
  id: string;
  author: { id: string };
  createdAt: string;
  kind: CoordinationPost['kind'];
  text: string;
  ref?: { id: string; authorId?: string };
  urls?: string[];
  hashtags?: string[];
}
const posts: CoordinationPost[] = [];
await readLines(path, (line) => {
  const raw = JSON.parse(line) as Raw;
  const post: CoordinationPost = { id: raw.id, accountId: raw.author.id, time: Date.parse(raw.createdAt), kind: raw.kind, text: raw.text, urls: raw.urls ?? [], hashtags: raw.hashtags ?? [] };
  if (raw.ref !== undefined) {
    post.refId = raw.ref.id;
    if (raw.ref.authorId !== undefined) post.refAuthorId = raw.ref.authorId;
  }
  posts.push(post);
});
const holdRssMb = rssMb();

let figures = {};
if (mode === 'coordination') {
  cpu = process.cpuUsage();
  wall = performance.now();
  const result = analyseCoordination(posts, CoordinationSchema.parse({}));
  figures = {
    analyseCpuMs: cpuMs(cpu),
    analyseMs: performance.now() - wall,
    edges: result.edges.length,
    clusters: result.clusters.length,
    bursts: result.bursts.length,
    pairs: result.counts.pairs,
  };
}
process.stdout.write(`${JSON.stringify({ mode, parseCpuMs, parseMs, posts: posts.length, ...figures, holdRssMb, maxRssMb: rssMb() })}\n`);
