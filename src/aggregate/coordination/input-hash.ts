/**
 * The input hash a coordination result is printed with (the report's parameters box and params.json): the
 * posts files the analysis read, by the SHA-256 their manifests pin. The same hash means the same input.
 */
import { createHash } from 'node:crypto';

export interface PinnedDataset {
  id: string;
  manifest: { files: readonly { path: string; role: string; sha256: string }[] };
}

export function coordinationInputHash(datasets: readonly PinnedDataset[]): string {
  const inputs = datasets.flatMap((d) => d.manifest.files.filter((f) => f.role === 'posts').map((f) => `${d.id}/${f.path} ${f.sha256}`));
  return createHash('sha256').update(inputs.sort().join('\n')).digest('hex');
}
