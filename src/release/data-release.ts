/**
 * The files of a case's data release: what every chart plots (CSV and JSON), the accounts table,
 * the datasets as published, and a SHA256SUMS over all of it. The build writes the generated files and
 * the datasets itself, and an endpoint serves SHA256SUMS (all of them under `astro dev`); the data page lists them.
 * Released posts name private individuals no more than the pages do: when a dossier is private, post files
 * are pseudonymised line by line, and files that cannot be are withheld.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { confinedJoin, confinedWritePath } from '../content/confine.ts';
import path from 'node:path';
import { toCsv } from '../charts/csv.ts';
import { sitePrivacy } from '../site/privacy.ts';
import { accountLabel } from '../site/account-label.ts';
import { coordinationFiles } from './coordination.ts';
import { coordinationInputHash } from '../aggregate/coordination/input-hash.ts';
import type { Site, SiteCase } from '../site/types.ts';
import { datasetFiles, releasedFile, releasedReadable } from '../site/released-datasets.ts';

export { datasetFiles, releasedFile, releasedStream, type DatasetFile, type ReleasedFile } from '../site/released-datasets.ts';

export interface GeneratedFile {
  /** Name under the case's data folder. */
  name: string;
  type: string;
  body: string;
}

import { accountsCsvName, checksumsName } from '../content/urls.ts';

export { accountsCsvName, checksumsName };

/** Every account of the case, most active first, as readers see them (private individuals pseudonymised). */
export function accountRows(site: Site, siteCase: SiteCase): Record<string, string | number>[] {
  return siteCase.model.accounts.map((p) => {
    const label = accountLabel(site, siteCase.id, p.authorId);
    return {
      account: label.label,
      handle: label.pseudonymised ? '' : (label.handle ?? ''),
      platform: p.platform,
      posts: p.total,
      original: p.byKind.post,
      reposts: p.byKind.repost,
      quotes: p.byKind.quote,
      replies: p.byKind.reply,
      first: new Date(p.first).toISOString(),
      last: new Date(p.last).toISOString(),
      active_days: p.activeDays,
      page: label.href ?? '',
    };
  });
}

/**
 * The case's chart data and accounts table, one file at a time: a case with 10,000 account pages has
 * 20,000 of them, and nothing needs all their bodies at once.
 */
export function* generatedFiles(site: Site, siteCase: SiteCase): Generator<GeneratedFile> {
  const names = new Set<string>();
  const named = (file: GeneratedFile): GeneratedFile => {
    // Two files under one name would silently overwrite each other in dist/.
    if (names.has(file.name)) throw new Error(`Case ${siteCase.id}: two release files named ${file.name}.`);
    names.add(file.name);
    return file;
  };
  for (const chart of siteCase.charts.values()) {
    const { title, description, data } = chart.output;
    yield named({ name: `${chart.id}.csv`, type: 'text/csv; charset=utf-8', body: toCsv(data) });
    yield named({
      name: `${chart.id}.json`,
      type: 'application/json; charset=utf-8',
      body: `${JSON.stringify({ case: siteCase.id, chart: chart.id, title, description, data }, null, 2)}\n`,
    });
  }
  yield named({ name: accountsCsvName, type: 'text/csv; charset=utf-8', body: toCsv(accountRows(site, siteCase)) });
  const { coordination } = siteCase.model;
  if (coordination) {
    const privacy = sitePrivacy(site);
    const publish = {
      accountId: privacy.accountId,
      handle: (id: string) => {
        const label = accountLabel(site, siteCase.id, id);
        return label.pseudonymised ? '' : (label.handle ?? '');
      },
      postId: privacy.postId,
      text: privacy.text,
    };
    for (const file of coordinationFiles(siteCase.id, coordination, publish, coordinationInputHash(siteCase.datasets))) yield named(file);
  }
}

export interface GeneratedEntry {
  name: string;
  type: string;
  bytes: number;
  sha256: string;
}

const indexes = new WeakMap<SiteCase, GeneratedEntry[]>();

/** Name, size and hash of each generated file, computed once per case: the data page and SHA256SUMS need these, not the bodies. */
export function generatedIndex(site: Site, siteCase: SiteCase): GeneratedEntry[] {
  let index = indexes.get(siteCase);
  if (!index) {
    index = [];
    for (const f of generatedFiles(site, siteCase)) index.push({ name: f.name, type: f.type, bytes: Buffer.byteLength(f.body), sha256: sha256(f.body) });
    indexes.set(siteCase, index);
  }
  return index;
}

/** The generated file named `name`, or undefined. */
export function generatedFile(site: Site, siteCase: SiteCase, name: string): GeneratedFile | undefined {
  for (const f of generatedFiles(site, siteCase)) if (f.name === name) return f;
  return undefined;
}

/**
 * Writes every case's generated files into a built site at the address `urls.dataFile` gives them
 * (`cases/<case>/data/<name>`), returning how many. The build writes them itself rather than through
 * an Astro endpoint each: Astro's per-route request, response and re-encoding of the body dominated a
 * profiled 10k-page build, and every body was made three times (paths, data page, checksums). `astro dev`
 * serves them from the endpoint instead. Synchronous writes, one after the other: asynchronous writes in
 * flight contend for the folder and were slower (BENCHMARKS.md, "Writing generated files").
 */
export function writeGeneratedFiles(site: Site, outDir: string): number {
  let written = 0;
  for (const siteCase of site.cases) {
    const dir = confinedWritePath(outDir, path.join('cases', siteCase.id, 'data'));
    mkdirSync(dir, { recursive: true });
    for (const file of generatedFiles(site, siteCase)) {
      const target = confinedJoin(dir, file.name);
      // Coordination files sit in a folder of their own.
      if (file.name.includes('/')) mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.body);
      written++;
    }
  }
  return written;
}

/**
 * Writes every released dataset file into the built site (`cases/<case>/data/<dataset>/<path>`),
 * returning how many. Streamed to disk, never held whole: Astro's static build collects an endpoint's
 * body into one Buffer, which cannot pass 4 GiB, and a 10M-post file is larger than that. A file
 * released as collected is copied; a pseudonymised one is rewritten line by line. `astro dev` serves
 * the same bytes from the dataset endpoint.
 */
export async function writeReleasedDatasets(site: Site, outDir: string): Promise<number> {
  let written = 0;
  for (const siteCase of site.cases) {
    const dir = confinedWritePath(outDir, path.join('cases', siteCase.id, 'data'));
    for (const file of datasetFiles(site, siteCase)) {
      if (file.release === 'withhold') continue;
      const target = confinedJoin(dir, file.name);
      mkdirSync(path.dirname(target), { recursive: true });
      if (file.release === 'copy') await copyFile(file.source, target);
      else await pipeline(releasedReadable(site, file), createWriteStream(target));
      written++;
    }
  }
  return written;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `sha256sum -c` format: every file of the release as released, sorted by name. */
export async function checksums(site: Site, siteCase: SiteCase): Promise<string> {
  const datasets = await Promise.all(
    datasetFiles(site, siteCase).map(async (f) => {
      const out = await releasedFile(site, f);
      return out ? [[f.name, out.sha256] as const] : [];
    }),
  );
  // Names are unique (generatedFiles refuses a second one; dataset files sit in their dataset's folder).
  const hashes = new Map([...generatedIndex(site, siteCase).map((f) => [f.name, f.sha256] as const), ...datasets.flat()]);
  return [...hashes.keys()].sort().map((name) => `${hashes.get(name)}  ${name}\n`).join('');
}
