/**
 * The whole check: every file, every rule, every problem of the run together. Used by `npm run check`,
 * by `npm run build` before anything is written, and by the site, which renders what the check hands on
 * (src/check/checked.ts). The check parses every Markdown body once and loads each case's model (from the
 * cache when its inputs are unchanged); it renders no page and draws no chart.
 */
import { coordinationInputHash } from '../aggregate/coordination/input-hash.ts';
import { caseAccounts, dossierPageLabel } from '../aggregate/account-names.ts';
import type { ReportModel } from '../aggregate/model.ts';
import { decidePrivacy } from '../aggregate/pseudonymise.ts';
import { readPermanenceFiles } from '../cite/permanence-files.ts';
import { loadProject, type ContentEntry, type DatasetEntry, type Project } from '../content/project.ts';
import { createUrls } from '../content/urls.ts';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { checkMarkdown } from '../markdown/check.ts';
import { collectFromTree, type DataRequests } from '../markdown/collect.ts';
import { parseMarkdown } from '../markdown/parse.ts';
import type { RenderContext } from '../markdown/types.ts';
import { loadCaseModel } from '../model/case-model.ts';
import type { ClickHouseProvenance } from '../engines/clickhouse/engine.ts';
import type { Aggregation, Case } from '../schema/index.ts';
import { checkAccountsFiles } from './accounts-files.ts';
import { checkAccountPages } from './account-pages.ts';
import { checkLockedFindings } from './anchors.ts';
import type { CheckedCase, CheckResult } from './checked.ts';
import { checkClaims } from './claims.ts';
import { checkCoordination } from './coordination.ts';
import { checkDates } from './dates.ts';
import { checkHashes } from './hashes.ts';
import { checkIdentities, checkRevealingIds } from './identities.ts';
import { checkPrivateNames } from './private-names.ts';
import { checkLookalikeHandles } from './lookalikes.ts';
import { checkPostDates } from './post-dates.ts';
import { checkPublicFiles } from './public-files.ts';
import { checkReferences } from './references.ts';
import { checkStrict } from './strict.ts';
import { checkTranslationFiles, checkTranslationFindings, translatedCase } from './translations.ts';
import type { CheckedTranslation } from './checked.ts';

export type { CheckedCase, CheckResult } from './checked.ts';

export interface CheckOptions {
  /** Today as YYYY-MM-DD; dates after it are implausible. */
  today: string;
  /** The site's base path and address: account labels link to pages, and the site renders with them. */
  base?: string;
  site?: string;
  /**
   * Check the bodies of draft cases (the default). A build without drafts leaves them out: a draft's
   * mistakes are `npm run check`'s to report, not a reason to hold a correction back.
   */
  drafts?: boolean;
  cacheDir?: string;
  /** The engine every case's model is computed with, in place of the cases' own `aggregation:`. */
  aggregation?: Aggregation;
  /** The account `clickhouse` cases read with (the commands take it from CASEFILE_CLICKHOUSE_USER and CASEFILE_CLICKHOUSE_PASSWORD). */
  clickhouse?: { user?: string; password?: string };
  /** `--strict`: figures must state `expect=` and section headings a `{#id}` (src/check/strict.ts). */
  strict?: boolean;
}

export async function checkProject(root: string, options: CheckOptions): Promise<CheckResult> {
  const loaded = await loadProject(root);
  const diagnostics = loaded.diagnostics;
  diagnostics.push(...checkReferences(loaded.project), ...checkIdentities(loaded.project), ...checkDates(loaded.project, options.today), ...checkCoordination(loaded.project), ...checkTranslationFiles(loaded.project));
  // The files are read as they are: a file edited without its manifest is reported as changed AND has
  // its own errors reported in the same run (the model is keyed by the actual hash, never served from
  // the cache of the pinned file).
  const datasets = new Map<string, DatasetEntry>();
  for (const [key, dataset] of loaded.project.datasets) {
    const actual = new Map<string, string>();
    diagnostics.push(...(await checkHashes(dataset, actual)));
    diagnostics.push(...(await checkAccountsFiles(dataset, new Set(actual.keys()))));
    datasets.set(key, asFound(dataset, actual));
  }
  const project: Project = { ...loaded.project, datasets };
  // Redirects and the anchors lock are read here too, so a redirect out of the site fails before any build.
  const { lock, redirects, diagnostics: lockDiagnostics } = await readPermanenceFiles(root);
  diagnostics.push(...lockDiagnostics, ...(await checkPublicFiles(root)));

  const urls = createUrls(options.base ?? '/', options.site);
  const dossiers = [...project.accounts.values()];
  const sources = new Map([...project.sources].map(([id, e]) => [id, e.data]));
  const entities = new Map([...project.entities].map(([id, e]) => [id, e.data]));
  const accounts = new Map([...project.accounts].map(([id, e]) => [id, e.data]));
  const contexts = new Map<string, RenderContext>();
  /** What a body outside any case is read with: references resolve to dossiers, entities and sources. */
  const standalone = (entry: { file: string; bodyLineOffset: number }, locale = 'en', timeZone = 'UTC'): RenderContext => ({
    file: entry.file,
    lineOffset: entry.bodyLineOffset,
    locale,
    timeZone,
    sources,
    entities,
    accounts,
    account: (id) => {
      const dossier = project.accounts.get(id);
      return dossier ? dossierPageLabel(dossier, urls) : undefined;
    },
    urls,
  });
  const parsed = (entry: { body: string; file: string; bodyLineOffset: number }) => {
    const tree = parseMarkdown(entry.body);
    return { tree, requests: collectFromTree(tree, entry.body, { file: entry.file, lineOffset: entry.bodyLineOffset }) };
  };

  // What dossier bodies ask of the data is the same for every case: read it once.
  const dossierTrees = new Map(dossiers.map((d) => [d.id, parsed(d)]));
  const dossierPostIds = [...dossierTrees.values()].flatMap((d) => d.requests.postIds);
  const caseEntries = [...project.cases.values()].filter((c) => (options.drafts ?? true) || c.data.status === 'published');
  // Cases with frontmatter errors: the body is checked like any other (against the data when it can be), never published.
  const checkOnly = new Set<ContentEntry<Case>>();
  for (const invalid of project.invalidCases) {
    if (invalid.data) {
      const entry = { ...invalid, data: invalid.data };
      checkOnly.add(entry);
      caseEntries.push(entry);
    } else {
      const { tree } = parsed(invalid);
      diagnostics.push(...withoutData(await checkMarkdown(tree, invalid.body, standalone(invalid)).then((p) => p.diagnostics)));
    }
  }

  // First every case's model: the privacy decision is one for the site, taken from what all the data shows
  // of each private person, before any case's evidence is shown.
  const withModels: {
    entry: ContentEntry<Case>;
    datasets: DatasetEntry[];
    model: ReportModel | null;
    engine?: ClickHouseProvenance;
    body: ReturnType<typeof parsed>;
    translations: { entry: ContentEntry<Case>; body: ReturnType<typeof parsed> }[];
  }[] = [];
  for (const entry of caseEntries) {
    const caseDatasets = entry.data.datasets
      .map((d) => project.datasets.get(`${entry.id}/${d}`))
      .filter((d): d is DatasetEntry => d !== undefined);
    const body = parsed(entry);
    diagnostics.push(...body.requests.diagnostics);
    // Translations ask the same data: what any of them asks is computed once, with the original's.
    const translations = (project.translations.get(entry.id) ?? [])
      .filter((t) => (options.drafts ?? true) || t.data.status === 'published')
      .filter((t) => new Intl.Locale(t.language).language !== new Intl.Locale(entry.data.language).language)
      .map((t) => {
        const translated = translatedCase(entry, t);
        return { entry: translated, body: parsed(translated) };
      });
    for (const t of translations) diagnostics.push(...t.body.requests.diagnostics);
    const requests = [body, ...translations.map((t) => t.body)].map((b) => b.requests);
    // A missing or invalid dataset is already reported; the prose is still checked below, without data.
    const { model, diagnostics: modelDiagnostics, engine } = caseDatasets.length !== entry.data.datasets.length
      ? { model: null, diagnostics: [] }
      : await loadCaseModel({
          root: project.root,
          caseId: entry.id,
          caseData: options.aggregation ? { ...entry.data, aggregation: options.aggregation } : entry.data,
          dossiers: dossiers.map((d) => ({ id: d.id, data: d.data })),
          datasets: caseDatasets.map((d) => ({ id: d.id, dir: d.dir, manifest: d.manifest })),
          wantedPostIds: [...new Set(requests.flatMap((r) => wantedPosts(r, dossierPostIds, entry.data)))],
          figureQueries: requests.flatMap((r) => r.figureQueries),
          ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
          ...(options.clickhouse ? { clickhouse: options.clickhouse } : {}),
        });
    diagnostics.push(...modelDiagnostics);
    withModels.push({ entry, datasets: caseDatasets, model, ...(engine ? { engine } : {}), body, translations });
  }
  const privacy = decidePrivacy(
    dossiers,
    withModels.flatMap((l) => l.model?.accounts ?? []),
    withModels.flatMap((l) => (l.model ? [l.model.privatePostIds] : [])),
  );

  const cases: CheckedCase[] = [];
  for (const { entry, datasets: caseDatasets, model, engine, body, translations } of withModels) {
    if (!model) {
      // The data has errors, but the prose can still be checked for everything that does not need it.
      const prose = await checkMarkdown(body.tree, entry.body, standalone(entry, entry.data.language, entry.data.timeZone));
      diagnostics.push(...withoutData(prose.diagnostics));
      continue;
    }
    const named = caseAccounts(model.accounts, project.accounts, entry.data.topAccounts, urls);
    const ctx: RenderContext = {
      ...standalone(entry, entry.data.language, entry.data.timeZone),
      caseId: entry.id,
      caseData: entry.data,
      model,
      account: (id) => named.labels.get(id),
      anchorAliases: lock.aliases[`/cases/${entry.id}/`] ?? {},
      // The site's one privacy decision, for posts and texts the model holds only by id (coordination tables).
      publishPostId: privacy.postId,
      publishText: privacy.text,
      ...(caseDatasets.some((d) => d.manifest.synthetic) ? { inventedData: true } : {}),
      ...(model.coordination ? { coordinationInputHash: coordinationInputHash(caseDatasets) } : {}),
    };
    const prose = await checkMarkdown(body.tree, entry.body, ctx);
    diagnostics.push(...prose.diagnostics, ...checkClaims(entry, prose.findings.map((f) => f.id), model));
    // Each translation is read against the same model, its figures checked like the original's, at its own lines.
    const checkedTranslations: CheckedTranslation[] = [];
    for (const t of translations) {
      const language = t.entry.data.language;
      const tctx: RenderContext = {
        ...ctx,
        file: t.entry.file,
        lineOffset: t.entry.bodyLineOffset,
        locale: language,
        caseData: t.entry.data,
        urls: urls.inLanguage(language),
        anchorAliases: lock.aliases[`/${language}/cases/${entry.id}/`] ?? {},
      };
      const translated = await checkMarkdown(t.body.tree, t.entry.body, tctx);
      diagnostics.push(
        ...translated.diagnostics,
        ...checkTranslationFindings(
          { file: entry.file, findings: prose.findings },
          { file: t.entry.file, language, bodyLineOffset: t.entry.bodyLineOffset, findings: translated.findings },
        ),
      );
      contexts.set(t.entry.file, tctx);
      checkedTranslations.push({ language, entry: t.entry, prose: translated });
    }
    if (checkOnly.has(entry)) continue;
    contexts.set(entry.file, ctx);
    cases.push({ id: entry.id, entry, datasets: caseDatasets, model, ...(engine ? { engine } : {}), accounts: named, prose, translations: checkedTranslations });
  }

  const pages = checkAccountPages(cases, project, urls);
  diagnostics.push(...pages.diagnostics);
  // Dossier bodies are read once, outside any case (data directives belong in reports), with the account
  // names of the first case their account appears in.
  for (const d of dossiers) {
    const page = pages.accountPages.get(d.id);
    const firstCase = page?.identity === `dossier:${d.id}` ? cases.find((c) => page.cases.some((pc) => pc.caseId === c.id)) : undefined;
    const ctx: RenderContext = {
      ...standalone(d, firstCase?.entry.data.language, firstCase?.entry.data.timeZone),
      ...(firstCase ? { account: (id: string) => firstCase.accounts.labels.get(id) ?? dossierLabelOf(id) } : {}),
    };
    contexts.set(d.file, ctx);
    diagnostics.push(...(await checkMarkdown(dossierTrees.get(d.id)!.tree, d.body, ctx)).diagnostics);
  }
  function dossierLabelOf(id: string) {
    const dossier = project.accounts.get(id);
    return dossier ? dossierPageLabel(dossier, urls) : undefined;
  }
  // Entity and source bodies, and the bodies of invalid files (checked so every mistake shows in one run).
  for (const entry of [...project.entities.values(), ...project.sources.values(), ...project.invalidBodies]) {
    const ctx = standalone(entry);
    contexts.set(entry.file, ctx);
    diagnostics.push(...(await checkMarkdown(parseMarkdown(entry.body), entry.body, ctx)).diagnostics);
  }

  diagnostics.push(...(await checkLookalikeHandles(project, cases)), ...(await checkPostDates(project.root, cases)));
  // After the models: the handles a private person is known by may come from the data alone.
  diagnostics.push(...checkRevealingIds(project, privacy.people));
  // The prose editors write, published as written: it must not name a private person either.
  diagnostics.push(...checkPrivateNames([...withModels.flatMap((l) => [l.entry, ...l.translations.map((t) => t.entry)]), ...dossiers], privacy.people));
  diagnostics.push(...checkLockedFindings(cases, lock, redirects));
  if (options.strict) diagnostics.push(...checkStrict(cases));
  return {
    project,
    urls,
    cases,
    privacy,
    accountPages: pages.accountPages,
    contexts,
    lock,
    redirects,
    diagnostics: sortDiagnostics(dedupe(diagnostics).filter((d) => !refersToInvalid(d, project))),
  };
}

/** The posts the model keeps whole: those the case's prose, every dossier and the claims name. */
function wantedPosts(requests: DataRequests, dossierPostIds: readonly string[], data: Case): string[] {
  return [...new Set([...requests.postIds, ...dossierPostIds, ...data.claims.flatMap((c) => (c.appearance.post ? [c.appearance.post] : []))])];
}

/** A body read without data: data directives there are not a mistake of their own. */
function withoutData(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId !== 'markdown/no-case-data');
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
