/**
 * Published addresses never silently disappear: the staged site is compared with the committed
 * `anchors.lock.json`; a dropped page or finding fails the build unless a redirect or an alias keeps it.
 * New pages and anchors are added to the lock (never removed), and redirects are written into the site.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AnchorsLockSchema,
  LOCK_FILE,
  REDIRECTS_FILE,
  RedirectsSchema,
  collectAnchors,
  compareWithLock,
  serializeLock,
  updateLock,
  type AnchorsLock,
  type Redirect,
} from '../cite/anchors-lock.ts';
import { renderRedirects } from '../cite/redirects.ts';
import { parseJsonFile } from '../content/json-file.ts';
import { zodIssuesToDiagnostics } from '../diagnostics/zod-issues.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PostBuildStage } from './build-site.ts';

export const permanenceStage: PostBuildStage = async (staging, options) => {
  const diagnostics: Diagnostic[] = [];
  const lock = await readValidated(options.root, LOCK_FILE, AnchorsLockSchema, { pages: {}, aliases: {} }, diagnostics);
  const redirects = await readValidated<Redirect[]>(options.root, REDIRECTS_FILE, RedirectsSchema, [], diagnostics);
  if (diagnostics.length > 0) return diagnostics;

  const built = await collectAnchors(staging);
  const problems = compareWithLock(lock as AnchorsLock, built, redirects);
  if (problems.length > 0) return problems;

  const rendered = renderRedirects(redirects, options.base ?? '/', options.site ?? 'https://casefile.example.org');
  for (const page of rendered.pages) {
    const file = path.join(staging, page.path);
    // A redirect never replaces a page that is still published.
    if (existsSync(file)) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page.html);
  }
  if (rendered.redirectsFile) await writeFile(path.join(staging, '_redirects'), rendered.redirectsFile);

  // Previews with drafts must not lock pages that were never published.
  if (process.env.CASEFILE_DRAFTS !== '1') {
    const next = serializeLock(updateLock(lock as AnchorsLock, built));
    const lockFile = path.join(options.root, LOCK_FILE);
    const current = existsSync(lockFile) ? await readFile(lockFile, 'utf8') : '';
    if (next !== current) await writeFile(lockFile, next);
  }
  return [];
};

async function readValidated<T>(
  root: string,
  name: string,
  schema: import('zod').ZodTypeAny,
  fallback: T,
  diagnostics: Diagnostic[],
): Promise<T> {
  const file = path.join(root, name);
  if (!existsSync(file)) return fallback;
  const parsed = parseJsonFile(await readFile(file, 'utf8'), name);
  if (parsed.diagnostics.length > 0) {
    diagnostics.push(...parsed.diagnostics);
    return fallback;
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    diagnostics.push(...zodIssuesToDiagnostics(result.error, { file: name, input: parsed.data, locate: parsed.locate, schema }));
    return fallback;
  }
  return result.data as T;
}
