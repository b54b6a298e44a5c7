/** Writes a planned scaffold into a project, refusing to replace any file that already exists. */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { planScaffold, type Plan, type ScaffoldRequest } from './kinds.ts';

/** An existing file would have been overwritten: nothing was written. */
export class ExistsError extends Error {
  override name = 'ExistsError';
}

export async function scaffold(root: string, request: ScaffoldRequest): Promise<Plan> {
  const plan = planScaffold(request);
  for (const file of plan.files) {
    if (await exists(path.join(root, file.path))) {
      throw new ExistsError(`Refusing to overwrite ${file.path}: it already exists. Edit it, or delete it first to start over.`);
    }
  }
  for (const file of plan.files) {
    const abs = path.join(root, file.path);
    await mkdir(path.dirname(abs), { recursive: true });
    // `wx` fails rather than overwrite a file created since the check above.
    await writeFile(abs, file.text, { flag: 'wx' });
  }
  return plan;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
