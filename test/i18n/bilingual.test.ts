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
corrections:
  - Une version précédente donnait une date erronée pour la première publication.
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
  await project.edit(
    'content/cases/demo-case/index.md',
    'status: published',
    'corrections:\n  - date: 2024-06-10\n    text: An earlier version gave the wrong date for the first post.\nstatus: published',
  );
  // A second case over a copy of the same data, in English only.
  const original = await project.read('content/cases/demo-case/index.md');
  await project.write('content/cases/other-case/index.md', original.replace('title: A small demonstration case', 'title: Another demonstration case').replace(/corrections:[^]*?status:/, 'status:'));
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

describe('the words of the French pages', () => {
  it('name the period by its two ends in French prose, and the zone by its French name', async () => {
    const dd = (html: string) => /<dd>(\d+ [^<]*\([^<()]*\))<\/dd>/.exec(html)?.[1];
    expect(dd(await page('fr/cases/demo-case/hashtags/demotag/'))).toBe('5 du 16 au 17 mai 2024 (heure normale de l’Azerbaïdjan)');
    expect(dd(await page('cases/demo-case/hashtags/demotag/'))).toBe('5 from May 16 to 17, 2024 (Azerbaijan Standard Time)');
  });

  it('mark the project’s untranslated English (a source’s title, a dataset’s manifest) as English, and the English pages nothing', async () => {
    const frReport = await page('fr/cases/demo-case/');
    expect(frReport).toContain('<cite lang="en">A demonstration article</cite>');
    expect(await page('fr/cases/demo-case/sources/')).toContain('<cite lang="en">A demonstration article</cite>');
    const frMethod = await page('fr/cases/demo-case/methodology/');
    expect(frMethod).toMatch(/<h3 id="dataset-[^"]+" lang="en">Demo posts<\/h3>/);
    expect(frMethod).toMatch(/<dd lang="en">Hand-written fixture<\/dd>/);
    expect(await page('fr/cases/demo-case/data/')).toContain('<span lang="en">Demo posts</span>');
    expect(await page('cases/demo-case/')).toContain('<cite>A demonstration article</cite>');
    expect(await page('cases/demo-case/methodology/')).toMatch(/<h3 id="dataset-[^"]+">Demo posts<\/h3>/);
  });

  it('break a hashtag heading between its words, not inside one', async () => {
    expect(await page('fr/cases/demo-case/hashtags/demotag/')).toContain('<h1>#Demo<wbr>Tag</h1>');
  });

  it('cite the French report from its own files: its title, its address, its language', async () => {
    const html = await page('fr/cases/demo-case/');
    expect(html).toContain('<a href="/fr/cases/demo-case/data/cite/report.bib" download type="application/x-bibtex">BibTeX</a>');
    const bib = await readFile(path.join(dist, 'fr/cases/demo-case/data/cite/report.bib'), 'utf8');
    // Its key names its language (BibTeX keys drop the hyphens), so both versions can sit in one library.
    expect(bib).toMatch(/^@\w+\{democasefrreport,/);
    expect(bib).toContain("title = {Un petit cas de d{\\' e}monstration}");
    expect(bib).toContain(`url = {${SITE}/fr/cases/demo-case/}`);
    const ris = await readFile(path.join(dist, 'fr/cases/demo-case/data/cite/first-post.ris'), 'utf8');
    expect(ris).toMatch(/^TI {2}- La première publication$/m);
    expect(ris).toMatch(/^LA {2}- fr$/m);
    // The original's files are unchanged.
    expect(await readFile(path.join(dist, 'cases/demo-case/data/cite/report.bib'), 'utf8')).toContain('title = {A small demonstration case}');
  });

  it('title a correction in the feed in the language of its entry', async () => {
    const feed = await readFile(path.join(dist, 'feed.xml'), 'utf8');
    expect(feed).toContain('<title>Correction to “A small demonstration case” (June 10, 2024)</title>');
    expect(feed).toContain('<title>Correction de « Un petit cas de démonstration » (10 juin 2024)</title>');
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
      // The original states no correction here, so the translation translates none.
      const text = FRENCH.replace(/corrections:\n.*\n/, '').replace('expect=5}', 'expect=6}');
      await wrong.write('content/cases/demo-case/index.fr.md', text);
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes(':count'));
      const { diagnostics } = await checkProject(wrong.root, { today: TODAY, cacheDir: `${wrong.root}/.casefile/cache` });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.ruleId} ${d.actual} ${d.expected}`)).toEqual([
        `content/cases/demo-case/index.fr.md:${line + 1}:${lines[line]!.indexOf(':count') + 1} figure/expect-mismatch 5 6`,
      ]);
    } finally {
      await wrong.remove();
    }
  });
});
