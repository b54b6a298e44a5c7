/**
 * What a case's data release holds besides its datasets (src/site/released-datasets.ts): what every chart plots
 * (CSV and JSON), the accounts table, the coordination files, and a SHA256SUMS over all of it, with the names,
 * sizes and hashes the data page lists. Made here, with the views, from the site's data; the build writes them
 * (src/release/data-release.ts), and under `astro dev` an endpoint serves them.
 */
import { createHash } from 'node:crypto';
import { toCsv } from '../charts/csv.ts';
import { coordinationInputHash } from '../aggregate/coordination/input-hash.ts';
import { accountsCsvName } from '../content/urls.ts';
import { accountLabel } from './account-label.ts';
import { coordinationFiles } from './coordination.ts';
import { sitePrivacy } from './privacy.ts';
import { datasetFiles, releasedFile } from './released-datasets.ts';
import type { Site, SiteCase } from './types.ts';

export interface GeneratedFile {
  /** Name under the case's data folder. */
  name: string;
  type: string;
  body: string;
}

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
  for (const chart of Object.values(siteCase.charts)) {
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
