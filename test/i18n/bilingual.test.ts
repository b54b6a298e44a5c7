/**
 * A project in two languages, built: the minimal case with a French translation, and a second case in English
 * alone. The two language versions of a page point at each other with `hreflang` (and the original as
 * `x-default`), state the same finding anchors, and the second case's report under /fr/ is the English original
 * with a note in French, never a missing page. A translation's own wrong `expect=` is a located error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { postBuildStages } from '../../src/build/stages.ts';
import { checkProject } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const TODAY = '2026-11-28';
const SITE = 'https://casefile.example.org';

/** The French translation of the minimal case: the same finding, its figure checked against the same data. */
const FRENCH = `---
title: Un petit cas de démonstration
summary: Cinq publications sous un mot-dièse, pour les tests.
---

Un média a rendu compte de la campagne [@demo-source].

## La première publication {#first-post}

:account[x/demo_official] a publié le premier. On compte :count{hashtag=DemoTag expect=5} publications.
`;

let project: TempProject;
let dist: string;
const page = (p: string) => readFile(path.join(dist, p, 'index.html'), 'utf8');

beforeAll(async () => {
  project = await tempProject('minimal');
  await project.write('content/cases/demo-case/index.fr.md', FRENCH);
  // A second case over a copy of the same data, in English only.
  const original = await project.read('content/cases/demo-case/index.md');
  await project.write('content/cases/other-case/index.md', original.replace('title: A small demonstration case', 'title: Another demonstration case'));
  for (const file of ['manifest.json', 'posts.ndjson']) await project.write(`data/other-case/posts/${file}`, await project.read(`data/demo-case/posts/${file}`));
  dist = path.join(project.root, 'dist');
  await buildSite({ root: project.root, outDir: dist, today: TODAY }, { log: () => {} }, postBuildStages);
}, 600_000);
afterAll(() => project.remove());

/** `<link rel="alternate" hreflang>` of a page, as `hreflang href` lines. */
const alternates = (html: string) => [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
const attribute = (html: string, name: string, tag: string) => new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];
/** The ids of the findings (the `##` headings' anchors) in the report body. */
const findingIds = (html: string) => [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]!).filter((id) => id !== 'corrections-heading' && !id.startsWith('toc'));

describe('a case in English and French', () => {
  const pairs = [
    ['cases/demo-case/', 'fr/cases/demo-case/'],
    ['cases/demo-case/hashtags/demotag/', 'fr/cases/demo-case/hashtags/demotag/'],
    ['cases/demo-case/sources/', 'fr/cases/demo-case/sources/'],
  ] as const;

  it.each(pairs)('%s and %s name each other, and the original as x-default', async (en, fr) => {
    const expected = [`en ${SITE}/${en}`, `fr ${SITE}/${fr}`, `x-default ${SITE}/${en}`];
    for (const html of [await page(en), await page(fr)]) expect(alternates(html).sort()).toEqual(expected);
    expect(attribute(await page(en), 'lang', 'html')).toBe('en');
    expect(attribute(await page(fr), 'lang', 'html')).toBe('fr');
  });

  it('states the same finding anchors in both reports', async () => {
    const en = findingIds(await page('cases/demo-case/'));
    expect(en).toContain('first-post');
    expect(findingIds(await page('fr/cases/demo-case/'))).toEqual(en);
    expect(await page('fr/cases/demo-case/')).toMatch(/<h2 id="first-post"[^>]*>La première publication</);
  });

  it('links each report to the other from the footer', async () => {
    expect(await page('cases/demo-case/')).toMatch(/<a href="\/fr\/cases\/demo-case\/" hreflang="fr" lang="fr">Français<\/a>/);
    expect(await page('fr/cases/demo-case/')).toMatch(/<a href="\/cases\/demo-case\/" hreflang="en" lang="en">English<\/a>/);
  });
});

describe('a case without a French translation, under /fr/', () => {
  it('shows the English original with a note in French', async () => {
    const html = await page('fr/cases/other-case/');
    expect(attribute(html, 'lang', 'html')).toBe('en');
    expect(html).toContain('<h1 id="report-title">Another demonstration case</h1>');
    const at = html.indexOf('<div class="untranslated-note"');
    const note = html.slice(at, html.indexOf('</div>', at) + '</div>'.length);
    expect(note.replace(/\s+/g, ' ')).toBe(
      '<div class="untranslated-note" lang="fr" dir="ltr"> <p>Ce rapport n’a pas été traduit en français : le voici dans sa langue d’origine (anglais).</p> ' +
        '<p> Versions : <a href="/cases/other-case/" hreflang="en" lang="en">English</a> </p> </div>',
    );
    expect(findingIds(html)).toEqual(findingIds(await page('cases/other-case/')));
  });

  it('names the original as canonical and claims no French version', async () => {
    const html = await page('fr/cases/other-case/');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/cases/other-case/">`);
    expect(alternates(html)).toEqual([]);
    expect(alternates(await page('cases/other-case/'))).toEqual([]);
    // Not indexed by the search: the original is, in its own language's index.
    expect(html).not.toContain('data-pagefind-body');
    const sitemap = await readFile(path.join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`${SITE}/cases/other-case/`);
    expect(sitemap).not.toContain(`${SITE}/fr/cases/other-case/`);
  });

  it('is the report alone: its other pages are the original’s', async () => {
    const html = await page('fr/cases/other-case/');
    expect(html).toContain('href="/cases/other-case/sources/"');
    await expect(page('fr/cases/other-case/sources/')).rejects.toThrow(/ENOENT/);
  });
});

describe('a translation whose figure disagrees with the data', () => {
  it('is a located error in the translation, and the original stays clean', async () => {
    const wrong = await tempProject('minimal');
    try {
      await wrong.write('content/cases/demo-case/index.fr.md', FRENCH.replace('expect=5}', 'expect=6}'));
      const { diagnostics } = await checkProject(wrong.root, { today: TODAY, cacheDir: `${wrong.root}/.casefile/cache` });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.ruleId} ${d.actual} ${d.expected}`)).toEqual([
        `content/cases/demo-case/index.fr.md:10:${FRENCH.split('\n')[9]!.indexOf(':count') + 1} figure/expect-mismatch 5 6`,
      ]);
    } finally {
      await wrong.remove();
    }
  });
});
