/**
 * The files of a case's data release: what every chart plots (CSV and JSON), the accounts table,
 * the datasets as published, and a SHA256SUMS over all of it. Endpoints serve these; the data page lists them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { toCsv } from '../charts/index.ts';
import type { Site, SiteCase } from '../site/types.ts';

export interface GeneratedFile {
  /** Name under the case's data folder. */
  name: string;
  type: string;
  body: string;
}

export interface DatasetFile {
  /** `<dataset>/<path>` under the case's data folder. */
  name: string;
  dataset: string;
  /** Absolute path of the file as the manifest pins it. */
  source: string;
  sha256: string;
  bytes?: number;
}

export const accountsCsvName = 'accounts.csv';
export const checksumsName = 'SHA256SUMS';

/** Every account of the case, most active first, as readers see them (private individuals pseudonymised). */
export function accountRows(site: Site, siteCase: SiteCase): Record<string, string | number>[] {
  return siteCase.model.profiles.map((p) => {
    const label = site.accountLabel(siteCase.id, p.authorId);
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

export function generatedFiles(site: Site, siteCase: SiteCase): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const chart of siteCase.charts.values()) {
    const { title, description, data } = chart.output;
    files.push({ name: `${chart.id}.csv`, type: 'text/csv; charset=utf-8', body: toCsv(data) });
    files.push({
      name: `${chart.id}.json`,
      type: 'application/json; charset=utf-8',
      body: `${JSON.stringify({ case: siteCase.id, chart: chart.id, title, description, data }, null, 2)}\n`,
    });
  }
  files.push({ name: accountsCsvName, type: 'text/csv; charset=utf-8', body: toCsv(accountRows(site, siteCase)) });
  const names = new Set<string>();
  for (const file of files) {
    // Two files under one name would silently overwrite each other in dist/.
    if (names.has(file.name)) throw new Error(`Case ${siteCase.id}: two release files named ${file.name}.`);
    names.add(file.name);
  }
  return files;
}

export function datasetFiles(siteCase: SiteCase): DatasetFile[] {
  return siteCase.datasets.flatMap((d) =>
    d.manifest.files.map((f) => ({
      name: `${d.id}/${f.path}`,
      dataset: d.id,
      source: path.join(d.dir, f.path),
      sha256: f.sha256,
      ...(f.bytes !== undefined ? { bytes: f.bytes } : {}),
    })),
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `sha256sum -c` format: every file of the release, sorted by name, dataset files by the hash their manifest pins. */
export function checksums(site: Site, siteCase: SiteCase): string {
  const lines = [
    ...generatedFiles(site, siteCase).map((f) => [f.name, sha256(f.body)] as const),
    ...datasetFiles(siteCase).map((f) => [f.name, f.sha256] as const),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return lines.map(([name, hash]) => `${hash}  ${name}\n`).join('');
}
