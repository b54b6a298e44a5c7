/**
 * Registers the official CSL styles for MLA (9th ed.) and Chicago (17th ed., author-date) with citation-js,
 * which bundles only APA. The XML is read verbatim, licence (CC BY-SA 3.0) included, from rehype-citation,
 * a maintained package that ships the citation-style-language files; its package exports hide the folder,
 * so the files are found beside its resolved entry point.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Template names accepted by `format('bibliography', { template })` once this module is loaded. */
export const cslTemplates = { apa: 'apa', mla: 'modern-language-association', chicago: 'chicago-author-date' } as const;

const stylesDir = join(dirname(createRequire(import.meta.url).resolve('rehype-citation')), 'styles');

async function readStyle(file: string): Promise<string> {
  const module = (await import(pathToFileURL(join(stylesDir, file)).href)) as { default: string };
  return module.default;
}

const templates = plugins.config.get('@csl').templates;
if (!templates.has(cslTemplates.mla)) templates.add(cslTemplates.mla, await readStyle('mla.js'));
if (!templates.has(cslTemplates.chicago)) templates.add(cslTemplates.chicago, await readStyle('chicago.js'));
