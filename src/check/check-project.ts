/**
 * The whole check: every file, every rule, every problem of the run together.
 * Used by `npm run check`, by `npm run build` before anything is written, and by the site,
 * which is assembled in the same pass (models, rendered prose, charts).
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadProject, type DatasetEntry, type Project } from '../content/project.ts';
import { prepareSite } from '../site/prepare.ts';
import type { Site, SiteVersion } from '../site/types.ts';
import { checkReferences } from './references.ts';
import { checkIdentities, checkRevealingIds } from './identities.ts';
import { checkCoordination } from './coordination.ts';
import { checkDates } from './dates.ts';
import { checkHashes } from './hashes.ts';
import { checkAccountsFiles } from './accounts-files.ts';
import { readPermanenceFiles } from '../cite/permanence-files.ts';
import { checkPublicFiles } from './public-files.ts';
import { checkLockedFindings } from './anchors.ts';
import { checkStrict } from './strict.ts';
import { checkLookalikeHandles } from './lookalikes.ts';
import { checkPostDates } from './post-dates.ts';

export interface CheckOptions {
  /** Today as YYYY-MM-DD; dates after it are implausible. */
  today: string;
  base?: string;
  /** The site's address (`--site`), for the full addresses printed on paper. */
  site?: string;
  /** Include draft cases in the site (the check always checks drafts). */
  drafts?: boolean;
  version?: SiteVersion;
  cacheDir?: string;
  /** `--strict`: figures must state `expect=` and section headings a `{#id}` (src/check/strict.ts). */
  strict?: boolean;
}

export interface CheckResult {
  project: Project;
  site: Site;
  diagnostics: Diagnostic[];
}

export async function checkProject(root: string, options: CheckOptions): Promise<CheckResult> {
  const { project, diagnostics } = await loadProject(root);
  diagnostics.push(...checkReferences(project), ...checkIdentities(project), ...checkDates(project, options.today), ...checkCoordination(project));
  // The files are read as they are: a file edited without its manifest is reported as changed AND has
  // its own errors reported in the same run (the model is keyed by the actual hash, never served from
  // the cache of the pinned file).
  const datasets = new Map<string, DatasetEntry>();
  for (const [key, dataset] of project.datasets) {
    const actual = new Map<string, string>();
    diagnostics.push(...(await checkHashes(dataset, actual)));
    diagnostics.push(...(await checkAccountsFiles(dataset, new Set(actual.keys()))));
    datasets.set(key, asFound(dataset, actual));
  }
  // Redirects and the anchors lock are read here too, so a redirect out of the site fails before any build.
  const { lock, redirects, diagnostics: lockDiagnostics } = await readPermanenceFiles(root);
  diagnostics.push(...lockDiagnostics, ...(await checkPublicFiles(root)));
  const { site, diagnostics: siteDiagnostics } = await prepareSite({ ...project, datasets }, {
    anchorAliases: lock.aliases,
    drafts: options.drafts ?? true,
    version: options.version ?? { commit: null, date: null, label: 'unversioned' },
    ...(options.base ? { base: options.base } : {}),
    ...(options.site ? { site: options.site } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  diagnostics.push(...siteDiagnostics, ...(await checkLookalikeHandles(project, site)), ...(await checkPostDates(site)));
  // After the models: the handles a private person is known by may come from the data alone.
  diagnostics.push(...checkRevealingIds(project, site.privacy.people));
  diagnostics.push(...checkLockedFindings(site, lock, redirects));
  if (options.strict) diagnostics.push(...checkStrict(site));
  return { project, site, diagnostics: sortDiagnostics(dedupe(diagnostics).filter((d) => !refersToInvalid(d, project))) };
}

/** `dataset` with each file's manifest hash replaced by the hash of the file on disk. */
function asFound(dataset: DatasetEntry, actual: ReadonlyMap<string, string>): DatasetEntry {
  if (dataset.manifest.files.every((f) => (actual.get(f.path) ?? f.sha256) === f.sha256)) return dataset;
  const files = dataset.manifest.files.map((f) => ({ ...f, sha256: actual.get(f.path) ?? f.sha256 }));
  return { ...dataset, manifest: { ...dataset.manifest, files } };
}

/** A reference to a file that exists but is invalid is not a second mistake: the file's own diagnostics say what to fix. */
function refersToInvalid(d: Diagnostic, project: Project): boolean {
  const kind = /^reference\/(account|entity|source|dataset)$/.exec(d.ruleId)?.[1] as keyof Project['invalid'] | undefined;
  if (!kind || d.actual === undefined) return false;
  const id = d.actual.replace(/^`|`$/g, '');
  return project.invalid[kind].has(id) || (kind === 'dataset' && [...project.invalid.dataset].some((k) => k.endsWith(`/${id}`)));
}

/** The same problem found by two stages is reported once. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.start.line}:${d.start.column}:${d.ruleId}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
