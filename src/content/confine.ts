/**
 * The path gate. Casefile builds from pull requests, so a file in the repository may be a link to anything on
 * the machine that builds it. Every input file is resolved with `realpath` before it is read and must stay inside
 * the project; every output file must stay inside the folder being written. A refused file is never opened, so no
 * byte of it (not even a hash) can reach a page, a download or a diagnostic.
 */
import { realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../diagnostics/zod-issues.ts';

export type Refusal = 'outside-project' | 'not-a-file' | 'missing';

/** Why `abs` may not be read as a project file, or undefined when it is a regular file inside `root`. */
export async function refuseRead(root: string, abs: string): Promise<Refusal | undefined> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    return 'missing';
  }
  if (!isInside(await realpath(root), real)) return 'outside-project';
  return (await stat(real)).isFile() ? undefined : 'not-a-file';
}

/** `file` is `root` or below it. Both must already be real (resolved) paths. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * The absolute path of `relative` under `folder`, for writing; throws when it would land outside `folder`
 * (a `..`, an absolute path, or a link in the folder that points elsewhere). Inputs are validated long before
 * this, so reaching the throw is a bug, and the build stops instead of writing beside the checkout.
 */
export function confinedWritePath(folder: string, relative: string): string {
  const target = confinedJoin(folder, relative);
  // The deepest existing ancestor must resolve inside the folder too: a linked sub-folder could point anywhere.
  // The folder itself may not exist yet (a first build), so both sides are resolved as far as they exist.
  if (!isInside(realAsFarAsExists(folder), realAsFarAsExists(target))) {
    throw new Error(`Refusing to write ${JSON.stringify(relative)} through a link out of ${folder}`);
  }
  return target;
}

/** `file` with its deepest existing ancestor resolved by `realpath` and the rest, not yet made, joined on. */
function realAsFarAsExists(file: string): string {
  const absolute = path.resolve(file);
  let existing = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(existing), path.relative(existing, absolute));
    } catch (error) {
      const parent = path.dirname(existing);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === existing) throw error;
      existing = parent;
    }
  }
}

/**
 * `relative` under `folder`, checked by name only (`..`, absolute paths): for many files written into a folder
 * that `confinedWritePath` has already checked, where a `realpath` per file would cost more than the write.
 */
export function confinedJoin(folder: string, relative: string): string {
  const target = path.resolve(folder, relative);
  if (!isInside(path.resolve(folder), target)) throw new Error(`Refusing to write ${JSON.stringify(relative)} outside ${folder}`);
  return target;
}

/** The located diagnostic for a refused file: `file` (project-relative) is where it is reported. */
export function refusalDiagnostic(refusal: Refusal, file: string, shown: string, at: Span | undefined = undefined): Diagnostic {
  const where = at ?? {};
  switch (refusal) {
    case 'outside-project':
      return diagnostic({
        file,
        ...where,
        ruleId: 'path/outside-project',
        message: `Unexpected link \`${shown}\` to a file outside the project, expected a file inside the repository.`,
        hint: 'Copy the file into the repository instead of linking to it; Casefile never reads outside the project.',
      });
    case 'not-a-file':
      return diagnostic({
        file,
        ...where,
        ruleId: 'path/not-a-file',
        message: `Unexpected folder or special file \`${shown}\`, expected a regular file.`,
        hint: 'Name a file, such as `posts.ndjson`, relative to the folder of the manifest.',
      });
    case 'missing':
      return diagnostic({
        file,
        ...where,
        ruleId: 'path/missing',
        message: `Unexpected missing file \`${shown}\`, expected it to exist.`,
      });
  }
}
