/**
 * Every data file must be the file the manifest pins: same SHA-256, same size.
 * A mismatch means the data changed without its manifest (or was corrupted in transit).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DatasetEntry } from '../content/project.ts';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reports every file of `dataset` that differs from its manifest. `found` receives each present
 * file's actual SHA-256 by manifest path, so later stages read the files as they are, not as pinned.
 */
export async function checkHashes(dataset: DatasetEntry, found?: Map<string, string>): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  await Promise.all(
    dataset.manifest.files.map(async (f, i) => {
      const abs = path.join(dataset.dir, f.path);
      const at = (field: string) => dataset.locate(['files', i, field]) ?? {};
      let size: number;
      try {
        size = (await stat(abs)).size;
      } catch {
        out.push(
          diagnostic({
            file: dataset.file,
            ...at('path'),
            ruleId: 'dataset/missing-file',
            message: `Unexpected missing file \`${f.path}\`, expected it beside the manifest.`,
            hint: 'Add the file or remove its entry from `files`.',
          }),
        );
        return;
      }
      const actual = await sha256File(abs);
      found?.set(f.path, actual);
      if (actual !== f.sha256) {
        out.push(
          diagnostic({
            file: dataset.file,
            ...at('sha256'),
            ruleId: 'dataset/hash-mismatch',
            message: `Unexpected SHA-256 \`${actual}\` for \`${f.path}\`, expected \`${f.sha256}\` as the manifest states.`,
            actual,
            expected: f.sha256,
            hint: 'If the data changed on purpose, record the new hash in the manifest (and say why in a correction); otherwise restore the file.',
          }),
        );
      }
      if (f.bytes !== undefined && f.bytes !== size) {
        out.push(
          diagnostic({
            file: dataset.file,
            ...at('bytes'),
            ruleId: 'dataset/size-mismatch',
            message: `Unexpected size ${size} bytes for \`${f.path}\`, expected ${f.bytes} as the manifest states.`,
          }),
        );
      }
    }),
  );
  return out;
}
