/**
 * Registers the official CSL styles for MLA (9th ed.) and Chicago (17th ed., author-date) with citation-js,
 * which bundles only APA. The XML is read verbatim, licence (CC BY-SA 3.0) included, from rehype-citation,
 * a maintained package that ships the citation-style-language files; its package exports hide the folder,
 * so the files are found beside its resolved entry point. Each is a module holding one template literal; it is
 * read as text rather than imported, because an import of a computed path is opaque to Vite (under `astro dev`
 * it printed a warning with a code frame of this file on the first page that cites).
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import cslLocaleXml from './csl-locales/locales.json';

/** Template names accepted by `format('bibliography', { template })` once this module is loaded. */
export const cslTemplates = { apa: 'apa', mla: 'modern-language-association', chicago: 'chicago-author-date' } as const;

const stylesDir = join(dirname(createRequire(import.meta.url).resolve('rehype-citation')), 'styles');

/** The XML of `export default \`…\`;`, a literal without escapes or substitutions, checked to be exactly that. */
async function readStyle(file: string): Promise<string> {
  const path = join(stylesDir, file);
  const xml = /^export default `([^`\\$]*)`;\s*$/.exec(await readFile(path, 'utf8'))?.[1];
  if (xml === undefined) throw new Error(`${path} is no longer one template literal of CSL XML: read it another way.`);
  return xml;
}

const templates = plugins.config.get('@csl').templates;
if (!templates.has(cslTemplates.mla)) templates.add(cslTemplates.mla, await readStyle('mla.js'));
if (!templates.has(cslTemplates.chicago)) templates.add(cslTemplates.chicago, await readStyle('chicago.js'));

/**
 * The CSL locales of the languages a case can be written in (src/cite/csl-locales/, the CSL project's own
 * files), registered over citation-js's bundled copies, which hold English, Dutch, French, German and Spanish
 * only. A language without one (Azerbaijani: CSL has none) is cited with the English terms.
 */
const locales = plugins.config.get('@csl').locales;
for (const [tag, xml] of Object.entries(cslLocaleXml)) locales.add(tag, xml);
/** Each vendored locale by its language subtag (`fr` → `fr-FR`). */
const byLanguage = new Map(Object.keys(cslLocaleXml).map((tag) => [new Intl.Locale(tag).language, tag]));

/** The CSL locale a citation in `language` (a BCP 47 tag) is formatted with: its language's file, or US English. */
export function cslLocale(language: string): string {
  return byLanguage.get(new Intl.Locale(language).language) ?? 'en-US';
}
