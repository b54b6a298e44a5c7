/**
 * `anchors.lock.json` and `redirects.json`, read and validated in one place: by `npm run check`, so a bad
 * redirect is reported before any build, and by the build's permanence stage, which acts on them.
 */
import path from 'node:path';
import type { ZodTypeAny } from 'zod';
import { AnchorsLockSchema, LOCK_FILE, REDIRECTS_FILE, RedirectsSchema, type AnchorsLock, type Redirect } from './anchors-lock.ts';
import { refuseRead, refusalDiagnostic } from '../content/confine.ts';
import { readJsonFile } from '../content/json-file.ts';
import { zodIssuesToDiagnostics } from '../diagnostics/zod-issues.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

export interface PermanenceFiles {
  lock: AnchorsLock;
  redirects: Redirect[];
  diagnostics: Diagnostic[];
}

export async function readPermanenceFiles(root: string): Promise<PermanenceFiles> {
  const diagnostics: Diagnostic[] = [];
  const lock = await readValidated<AnchorsLock>(root, LOCK_FILE, AnchorsLockSchema, { pages: {}, aliases: {} }, diagnostics);
  const redirects = await readValidated<Redirect[]>(root, REDIRECTS_FILE, RedirectsSchema, [], diagnostics);
  return { lock, redirects, diagnostics };
}

async function readValidated<T>(root: string, name: string, schema: ZodTypeAny, fallback: T, diagnostics: Diagnostic[]): Promise<T> {
  const refusal = await refuseRead(root, path.join(root, name));
  if (refusal === 'missing') return fallback;
  if (refusal) {
    diagnostics.push(refusalDiagnostic(refusal, name, name));
    return fallback;
  }
  const parsed = await readJsonFile(path.join(root, name), name);
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
