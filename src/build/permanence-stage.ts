/**
 * Published addresses never silently disappear: the staged site is compared with the committed
 * `anchors.lock.json`; a dropped page or finding fails the build unless a redirect or an alias keeps it.
 * With `lock` (`npm run lock`), the lock with new pages and anchors added (never removed) is returned
 * through the effects for the CLI to write. Redirects and the host headers are written into the site.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCK_FILE, collectAnchors, compareWithLock, serializeLock, updateLock } from '../cite/anchors-lock.ts';
import { readPermanenceFiles } from '../cite/permanence-files.ts';
import { renderRedirects } from '../cite/redirects.ts';
import { confinedWritePath } from '../content/confine.ts';
import type { PostBuildStage } from './build-site.ts';
import { headersFile } from '../cite/csp.ts';
import { DEFAULT_SITE_URL } from '../content/urls.ts';

export const permanenceStage: PostBuildStage = async (staging, options, effects) => {
  const { lock, redirects, diagnostics } = await readPermanenceFiles(options.root);
  if (diagnostics.length > 0) return diagnostics;

  const built = await collectAnchors(staging);
  const problems = compareWithLock(lock, built, redirects);
  if (problems.length > 0) return problems;

  const rendered = renderRedirects(redirects, options.base ?? '/', options.site ?? DEFAULT_SITE_URL);
  for (const page of rendered.pages) {
    const file = confinedWritePath(staging, page.path);
    // A redirect never replaces a page that is still published.
    if (existsSync(file)) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page.html);
  }
  if (rendered.redirectsFile) await writeFile(confinedWritePath(staging, '_redirects'), rendered.redirectsFile);
  await writeFile(confinedWritePath(staging, '_headers'), headersFile(options.base ?? '/'));

  // Addresses are locked only when the editor says the site is published (`npm run lock`): a build before
  // the first publication must leave ids free to change. Previews with drafts never lock.
  if (options.lock && !options.drafts) {
    // Proposed, not written: the build never writes into the repository itself; the CLI writes what it returns.
    if (!effects.repositoryFile) throw new Error(`Unexpected lock without a way to report ${LOCK_FILE}, expected effects.repositoryFile.`);
    effects.repositoryFile(LOCK_FILE, serializeLock(updateLock(lock, built)));
  }
  return [];
};
