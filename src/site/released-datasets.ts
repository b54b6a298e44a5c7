/**
 * The case's dataset files as released: byte for byte, or pseudonymised line by line when a dossier is private
 * (files that cannot be are withheld), with the hash and size readers can check. The site stage hashes each once,
 * for the data page and the report's Dataset metadata; the release serves the same bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { lineBatches } from '../ingest/read-lines.ts';
import { sitePrivacy } from './privacy.ts';
import type { Site, SiteCase } from './types.ts';

export interface DatasetFile {
  /** `<dataset>/<path>` under the case's data folder. */
  name: string;
  dataset: string;
  /** Absolute path of the file as the manifest pins it. */
  source: string;
  /** As collected, pinned by the manifest. */
  sha256: string;
  bytes?: number;
  /** `copy`: released byte for byte; `pseudonymise`: posts rewritten; `withhold`: not released (it may name a private individual). */
  release: 'copy' | 'pseudonymise' | 'withhold';
}

export interface ReleasedFile {
  sha256: string;
  bytes: number;
}

export function datasetFiles(site: Site, siteCase: SiteCase): DatasetFile[] {
  const active = sitePrivacy(site).active;
  return siteCase.datasets.flatMap((d) =>
    d.manifest.files.map((f) => ({
      name: `${d.id}/${f.path}`,
      dataset: d.id,
      source: path.join(d.dir, f.path),
      sha256: f.sha256,
      ...(f.bytes !== undefined ? { bytes: f.bytes } : {}),
      // Only canonical NDJSON posts can be rewritten; anything else is withheld rather than risk a name.
      release: !active ? 'copy' : f.format === 'ndjson' && f.role === 'posts' ? 'pseudonymise' : 'withhold',
    })),
  );
}

/**
 * The released file's lines: the collected ones, pseudonymised. Split by ingest's line reader, so the
 * release reads a file exactly as ingest validated it (a byte-order mark, CRLF endings).
 */
async function* releasedLines(site: Pick<Site, 'privatePeople'>, file: DatasetFile): AsyncGenerator<Buffer> {
  const p = sitePrivacy(site);
  for await (const lines of lineBatches(file.source)) yield Buffer.from(lines.map((line) => `${p.post(line)}\n`).join(''), 'utf8');
}

/** The released bytes as a Node stream, for the build to write to disk. */
export function releasedReadable(site: Pick<Site, 'privatePeople'>, file: DatasetFile): Readable {
  if (file.release === 'withhold') throw new Error(`${file.name} is withheld from the release.`);
  return file.release === 'copy' ? createReadStream(file.source) : Readable.from(releasedLines(site, file));
}

/** The bytes readers download for a dataset file; a withheld file has none. */
export function releasedStream(site: Pick<Site, 'privatePeople'>, file: DatasetFile): ReadableStream {
  return Readable.toWeb(releasedReadable(site, file)) as ReadableStream;
}

/** Per privacy decision: the same file is released as other bytes once someone else is private (`astro dev` after an edit). */
const releasedBy = new WeakMap<object, Map<string, Promise<ReleasedFile>>>();

/** Hash and size of the file as released: the manifest's for a copy, computed once for a pseudonymised file. */
export function releasedFile(site: Site, file: DatasetFile): Promise<ReleasedFile | undefined> {
  if (file.release === 'withhold') return Promise.resolve(undefined);
  if (file.release === 'copy' && file.bytes !== undefined) return Promise.resolve({ sha256: file.sha256, bytes: file.bytes });
  const privacy = sitePrivacy(site);
  let released = releasedBy.get(privacy);
  if (!released) releasedBy.set(privacy, (released = new Map()));
  // Keyed by the pinned hash too: a process that builds twice may see the file change in between.
  const key = `${file.release}\0${file.source}\0${file.sha256}`;
  let result = released.get(key);
  if (!result) {
    result = (async () => {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of releasedReadable(site, file)) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      return { sha256: hash.digest('hex'), bytes };
    })();
    released.set(key, result);
  }
  return result;
}
