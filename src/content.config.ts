/**
 * Markdown content as Astro collections, so `astro dev` watches the files and reloads on change.
 * Pages still read everything through getSite(), which validates cross-references; ids here match
 * the project's own ids so both agree on what a file is called.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { AccountSchema, CaseSchema, EntitySchema, SourceSchema } from './schema/index.ts';

/** The content root being built (a fixture or another project), else this repository. */
const root = process.env.CASEFILE_ROOT ?? process.cwd();
const folder = (name: string) => path.join(root, 'content', name);

/** `<name>.md` → `<name>`. */
const fileName = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

const cases = defineCollection({
  // `<case>/index.md` → `<case>`: the folder names the case, and may hold the case's other files.
  loader: glob({ pattern: '*/index.md', base: folder('cases'), generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: CaseSchema,
});

const accounts = defineCollection({
  // `<platform>/<name>.md` → `<platform>/<name>`.
  loader: glob({ pattern: '*/*.md', base: folder('accounts'), generateId: fileName }),
  schema: AccountSchema,
});

const entities = defineCollection({
  loader: glob({ pattern: '*.md', base: folder('entities'), generateId: fileName }),
  schema: EntitySchema,
});

const sources = defineCollection({
  loader: glob({ pattern: '*.md', base: folder('sources'), generateId: fileName }),
  schema: SourceSchema,
});

export const collections = { cases, accounts, entities, sources };
