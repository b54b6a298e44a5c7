/**
 * Writes a case's data release into the built site: the files the site stage made (src/site/release-files.ts:
 * chart data, the accounts table, coordination files) and the datasets as released (src/site/released-datasets.ts:
 * byte for byte, or pseudonymised line by line when a dossier is private; withheld files are left out).
 */
import { constants, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { confinedJoin, confinedWritePath } from '../content/confine.ts';
import type { Site } from '../site/types.ts';
import { datasetFiles, releasedReadable, type DatasetFile } from '../site/released-datasets.ts';
import { generatedFiles } from '../site/release-files.ts';

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
export function writeReleasedDatasets(site: Site, outDir: string): Promise<number> {
  // What to write is decided now, so the copy, which can take seconds, holds the list of files and not the site.
  const { privatePeople } = site;
  const files = site.cases.flatMap((siteCase) => {
    const dir = confinedWritePath(outDir, path.join('cases', siteCase.id, 'data'));
    return datasetFiles(site, siteCase)
      .filter((file) => file.release !== 'withhold')
      .map((file) => ({ file, target: confinedJoin(dir, file.name) }));
  });
  return writeDatasetFiles(files, { privatePeople });
}

async function writeDatasetFiles(files: { file: DatasetFile; target: string }[], people: Pick<Site, 'privatePeople'>): Promise<number> {
  for (const { file, target } of files) {
    mkdirSync(path.dirname(target), { recursive: true });
    // A clone where the file system makes one (Btrfs, XFS, APFS): no bytes copied, and still a file of its
    // own, so a dataset edited in place later leaves the built one as it was. Elsewhere (ext4), a copy, which
    // for a large dataset slows the render beside it (BENCHMARKS.md, "Pages without copies").
    if (file.release === 'copy') await copyFile(file.source, target, constants.COPYFILE_FICLONE);
    else await pipeline(releasedReadable(people, file), createWriteStream(target));
  }
  return files.length;
}
