/**
 * Every importer's fixture, imported into a small project, is a dataset the checker accepts and the
 * report builds from: the import's output is the canonical format end to end, not just schema-valid lines.
 * One project per format: several fixtures hold the same tweets, which one case may not count twice.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { postBuildStages } from '../../src/build/stages.ts';
import { checkProject } from '../../src/check/check-project.ts';
import { fixtureImports } from '../../src/import/fixtures.ts';
import { importDataset } from '../../src/import/run.ts';
import { importFormats } from '../../src/import/types.ts';
import { tempProject } from '../support/fixture-project.ts';

describe('a dataset imported from each supported export', () => {
  it.each(importFormats)('%s passes the check and builds into the report', async (format) => {
    const project = await tempProject('minimal');
    try {
      await importDataset({ format, root: project.root, caseId: 'demo-case', dataset: format, now: () => new Date('2024-06-01T00:00:00Z'), ...fixtureImports[format] });
      await project.edit('content/cases/demo-case/index.md', 'datasets: [posts]', `datasets: [posts, ${format}]`);
      const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: path.join(project.root, '.casefile/cache') });
      expect(diagnostics.map((d) => `${d.file}:${d.start.line} ${d.ruleId} ${d.message}`)).toEqual([]);

      const dist = path.join(project.root, 'dist');
      await buildSite({ root: project.root, outDir: dist, today: '2026-11-28' }, { log: () => {} }, postBuildStages);
      const manifest = JSON.parse(await readFile(path.join(project.root, 'data/demo-case', format, 'manifest.json'), 'utf8')) as { title: string };
      const methodology = await readFile(path.join(dist, 'cases/demo-case/methodology/index.html'), 'utf8');
      expect(methodology).toContain(manifest.title.replace(/&/g, '&amp;'));
    } finally {
      await project.remove();
    }
  }, 300_000);
});
