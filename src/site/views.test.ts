/**
 * The page model is plain data: every view a page receives survives a JSON round trip and structuredClone
 * unchanged, and holds no function, getter, Map or class instance. And what pages show of a post is the
 * report's own evidence card.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../check/check-project.ts';
import { repoRoot, tempProject, type TempProject } from '../../test/support/fixture-project.ts';
import { prepareSite } from './prepare.ts';
import type { Site } from './types.ts';
import { siteViews, type SiteViews } from './views.ts';
import { filesView, type FilesView } from './views-files.ts';
import { generatedIndex } from './release-files.ts';

/** Where `value` is not plain data: a function, an accessor, or an object that is neither a plain object nor an array. */
export function plainDataProblems(value: unknown, at = 'view'): string[] {
  if (typeof value === 'function') return [`${at} is a function`];
  // JSON drops a key whose value is undefined: the page would see the key vanish.
  if (value === undefined) return [`${at} is undefined`];
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? [`${at} is ${Object.is(value, -0) ? '-0' : value}, which JSON cannot hold`] : typeof value === 'bigint' || typeof value === 'symbol' ? [`${at} is a ${typeof value}`] : [];
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return [`${at} is a ${proto?.constructor?.name ?? 'class instance'}`];
  return Object.entries(Object.getOwnPropertyDescriptors(value)).flatMap(([key, d]) =>
    'value' in d ? plainDataProblems(d.value, `${at}.${key}`) : [`${at}.${key} is a getter or setter`],
  );
}

describe('plainDataProblems', () => {
  it('names closures, getters, Maps and Dates, and passes plain objects and arrays', () => {
    expect(plainDataProblems({ a: [1, 'x', { b: null }] })).toEqual([]);
    expect(plainDataProblems({ f: () => 1 })).toEqual(['view.f is a function']);
    expect(plainDataProblems({ get g() { return 1; } })).toEqual(['view.g is a getter or setter']);
    expect(plainDataProblems({ m: new Map(), d: [new Date(0)], u: undefined })).toEqual(['view.m is a Map', 'view.d.0 is a Date', 'view.u is undefined']);
  });
});

describe('the page views of a project', () => {
  let project: TempProject;
  let site: Site;
  let views: SiteViews;
  let files: FilesView;
  beforeAll(async () => {
    project = await tempProject('minimal');
    // The report shows the hashtag's first post as evidence, as its page does.
    await project.edit('content/cases/demo-case/index.md', ':account[x/demo_official] posted first.', ':account[x/demo_official] posted first.\n\n::post{id=1}\n');
    // A French version: its pages get views of their own, under /fr/.
    await project.write(
      'content/cases/demo-case/index.fr.md',
      '---\ntitle: Un petit cas de démonstration\nsummary: Cinq publications sous un mot-dièse.\n---\n\nUn journal l’a signalé [@demo-source].\n\n## Le premier message {#first-post}\n\n:account[x/demo_official] a publié en premier.\n',
    );
    const checked = await checkProject(project.root, { today: '2026-11-28', cacheDir: path.join(project.root, '.cache') });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    site = prepareSite(checked, { version: { commit: null, date: null, label: 'test' } });
    views = await siteViews(site);
    files = await filesView(site, { devServer: true });
  });
  afterAll(() => project.remove());

  const every = (): [string, unknown][] => [
    ['site', views.site],
    ['home', views.home],
    ['sources', views.sources],
    ...views.search.map((v): [string, unknown] => [`search ${v.language}`, v]),
    ...views.cases.flatMap((c) => (['chrome', 'report', 'sources', 'methodology', 'corrections', 'accounts', 'data'] as const).map((page): [string, unknown] => [`${c.prefix ?? ''}/${c.chrome.id} ${page}`, c[page]])),
    ...views.entities.map((v): [string, unknown] => [`entity ${v.id}`, v]),
    ...views.hashtags.map((v): [string, unknown] => [`hashtag ${v.hashtag.tag}`, v]),
    ...views.accounts.map((v): [string, unknown] => [`account ${v.pageId}`, v]),
    ...views.data.map((v): [string, unknown] => [`data ${v.caseId}`, v]),
    ['files', files],
  ];

  it('has a view for each page: the site\'s, each language version of a case, entity, hashtag and account', () => {
    expect(views.home.cases.map((c) => c.href)).toEqual(['/cases/demo-case/']);
    expect(views.search.map((v) => [v.prefix, v.language])).toEqual([[undefined, 'en'], ['fr', 'fr']]);
    expect(views.cases.map((c) => [c.prefix, c.chrome.reportHref])).toEqual([[undefined, '/cases/demo-case/'], ['fr', '/fr/cases/demo-case/']]);
    expect(views.entities.map((v) => v.id)).toEqual(['demo-party']);
    expect(views.hashtags.map((v) => `${v.prefix ?? ''}/${v.caseId} #${v.hashtag.tag}`)).toEqual(['/demo-case #DemoTag', 'fr/demo-case #DemoTag']);
    expect(views.accounts.map((v) => v.pageId)).toEqual(site.accounts.map((a) => a.pageId));
    expect(views.data.map((v) => v.caseId)).toEqual(['demo-case']);
  });

  it('holds only plain data, unchanged by a JSON round trip and by structuredClone', () => {
    for (const [name, view] of every()) {
      expect(plainDataProblems(view, name)).toEqual([]);
      // toEqual, not toStrictEqual: records keyed by data (hashtags, ids) have no prototype, so a key such as
      // `__proto__` stays a key; JSON gives them Object's. Undefined values and -0 are caught above.
      expect(JSON.parse(JSON.stringify(view)), name).toEqual(view);
      expect(structuredClone(view), name).toEqual(view);
    }
  });

  it('makes the views from a site that is plain data too: no address builder, privacy functions, Maps or content entries', () => {
    expect(plainDataProblems(site, 'site')).toEqual([]);
    expect(JSON.parse(JSON.stringify(site))).toEqual(site);
    expect(structuredClone(site)).toEqual(site);
    // The views made again from a copy of the site are the same views: nothing they hold came from outside it.
    return expect(siteViews(structuredClone(site))).resolves.toEqual(views);
  });

  it('gives each file route its body: feed, sitemap, robots.txt, citations and SHA256SUMS, with full addresses', () => {
    expect(files.feed.body).toContain('<link rel="self" type="application/atom+xml" href="https://casefile.example.org/feed.xml"/>');
    expect(files.feed.body).toContain('<id>https://casefile.example.org/fr/cases/demo-case/</id>');
    expect(files.sitemap.body).toContain('<loc>https://casefile.example.org/accounts/x/demo_official/</loc>');
    expect(files.robots.body).toBe('User-agent: *\nAllow: /\n\nSitemap: https://casefile.example.org/sitemap.xml\n');
    expect(files.citations.filter((c) => c.file === 'report.ris').map((c) => [c.lang, c.caseId])).toEqual([[undefined, 'demo-case'], ['fr', 'demo-case']]);
    expect(files.citations.find((c) => c.lang === 'fr' && c.file === 'report.bib')!.body).toContain('url = {https://casefile.example.org/fr/cases/demo-case/}');
    const sums = files.data.find((f) => f.file === 'SHA256SUMS')!;
    const bytes = views.data[0]!.files[0]!.released!;
    expect(sums.body).toContain(`${bytes.sha256}  posts/posts.ndjson\n`);
    // Under `astro dev` the generated files are served too, and the checksums name them as served.
    const accounts = files.data.find((f) => f.file === 'accounts.csv')!;
    expect(sums.body).toContain(`${createHash('sha256').update(accounts.body).digest('hex')}  accounts.csv\n`);
    expect(files.datasets.map((d) => [d.caseId, d.dataset, d.path])).toEqual([['demo-case', 'posts', 'posts.ndjson']]);
    expect(files.cards.map((c) => c.path).sort()).toEqual(['accounts/x/demo_official.png', 'cases/demo-case.png', 'cases/demo-case/hashtags/demotag.png']);
  });

  it('gives the data page the size of each file it links, the same in every language: the files the release writes', () => {
    const written = new Map(generatedIndex(site, site.cases[0]!).map((f) => [f.name, f.bytes]));
    for (const { data } of views.cases) {
      expect(data.accountsCsvBytes).toBe(written.get('accounts.csv'));
      expect(data.charts.length).toBeGreaterThan(0);
      for (const chart of data.charts) expect([chart.csvBytes, chart.jsonBytes]).toEqual([written.get(`${chart.id}.csv`), written.get(`${chart.id}.json`)]);
    }
  });

  it('says which accounts a dossier ties to the entity, with the role, confidence and source', () => {
    expect(views.entities[0]!.ties).toEqual([
      {
        account: { label: 'Demo Official (@demo_official)', handle: 'demo_official', pseudonymised: false, lang: 'en', href: '/accounts/x/demo_official/' },
        role: 'spokesperson',
        confidence: 'confirmed',
        sources: [{ href: '/sources/#demo-source', text: expect.any(String) }],
        holder: false,
      },
    ]);
  });

  it('gives the hashtag page the report\'s evidence card of the first post, markup for markup', () => {
    const hashtag = views.hashtags[0]!;
    expect(hashtag.firstPosts.map((f) => f.cardId)).toEqual(['post-1']);
    const card = hashtag.firstPostCards[0]!;
    const report = site.cases[0]!.report.html;
    const start = report.indexOf('<article class="evidence-card" id="post-1"');
    expect(start).toBeGreaterThan(-1);
    expect(report.slice(start, report.indexOf('</article>', start) + '</article>'.length)).toBe(card);
    // What a reader sees on both: the author linked, the kind, the time in the case's zone and in UTC, the text, the record.
    expect(card).toContain('<a href="/accounts/x/demo_official/">Demo Official (@demo_official)</a>');
    expect(card).toContain('<time datetime="2024-05-16T05:00:00.000Z">May 16, 2024 at 09:00 GMT+4</time> (Azerbaijan Standard Time)');
    expect(card).toContain('<blockquote class="evidence-text" dir="auto"><p>First #DemoTag</p></blockquote>');
    expect(card).toContain('Dataset posts, record 1 · post id <code>1</code>');
  });

  it('hashes each released dataset file once, as the data page and the report metadata state it', async () => {
    const [file] = views.data[0]!.files;
    const bytes = await readFile(path.join(project.root, 'data/demo-case/posts/posts.ndjson'));
    expect(file).toEqual({
      name: 'posts/posts.ndjson',
      href: '/cases/demo-case/data/posts/posts.ndjson',
      released: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length },
      collectedSha256: createHash('sha256').update(bytes).digest('hex'),
      release: 'copy',
      title: expect.any(String),
      licence: expect.any(String),
    });
  });

  it('gives each language version of a case its own navigation, in its language, and one shared by all its pages', () => {
    const [en, fr] = views.cases;
    expect(fr!.chrome).toMatchObject({
      title: 'Un petit cas de démonstration',
      language: 'fr',
      reportHref: '/fr/cases/demo-case/',
      sectionHrefs: { sources: '/fr/cases/demo-case/sources/', data: '/fr/cases/demo-case/data/' },
      hashtags: [{ tag: 'DemoTag', href: '/fr/cases/demo-case/hashtags/demotag/' }],
      searchHref: '/fr/search/',
    });
    expect(en!.chrome.searchHref).toBe('/search/');
    expect(en!.chrome.versions.map((v) => v.href)).toEqual(['/cases/demo-case/', '/fr/cases/demo-case/']);
    // The hashtag page's layout is the case's, not a copy of it.
    expect(views.hashtags[1]!.caseChrome).toBe(fr!.chrome);
    // Data files and the datasets' checksums are the same for every language.
    expect(fr!.data.accountsCsvHref).toBe('/cases/demo-case/data/accounts.csv');
    expect(fr!.data.files).toEqual(en!.data.files);
  });

  it('lays the report out from its view: segments that rebuild the body, a citation under each finding', () => {
    const report = views.cases[0]!.report;
    expect(report.segments.map((s) => s.html).join('')).toBe(site.cases[0]!.report.html);
    const cited = report.segments.flatMap((s) => (s.finding ? [s.finding] : []));
    expect(cited.map((f) => [f.id, f.citation.id, f.citation.finding, f.citation.permalink, f.citation.files.ris])).toEqual([
      ['first-post', 'first-post', true, 'https://casefile.example.org/cases/demo-case/#first-post', '/cases/demo-case/data/cite/first-post.ris'],
    ]);
    expect([report.citation.finding, report.citation.permalink]).toEqual([false, 'https://casefile.example.org/cases/demo-case/']);
    expect(report.keyFigures.hashtags.map((h) => [h.tag, h.total, h.href])).toEqual([['DemoTag', 5, '/cases/demo-case/hashtags/demotag/']]);
    expect(report.keyFigures.lead).toEqual({ id: 'first-post', title: 'The first post' });
    // No PDF edition unless the build prints one.
    expect(report.pdfHref).toBeUndefined();
    expect(report.metadata.jsonLd.map((j) => j['@type'])).toEqual(['NewsArticle', 'Dataset']);
  });

  it('lists a case\'s sources with the notes citing them, and its accounts with their labels resolved', () => {
    const [en, fr] = views.cases;
    expect(en!.sources).toEqual({ entries: [{ id: 'demo-source', source: expect.objectContaining({ url: expect.any(String) }), notes: [1], siteHref: '/sources/#demo-source' }], reportHref: '/cases/demo-case/' });
    expect(fr!.sources.reportHref).toBe('/fr/cases/demo-case/');
    const official = en!.accounts.rows.find((r) => r.account.handle === 'demo_official');
    expect(official?.account).toEqual({ label: 'Demo Official (@demo_official)', handle: 'demo_official', pseudonymised: false, lang: 'en', href: '/accounts/x/demo_official/' });
    expect(en!.accounts.total).toBe(en!.accounts.rows.length + en!.accounts.left);
    expect(views.sources.entries.map((e) => [e.id, e.citedBy.map((c) => c.href)])).toEqual([['demo-source', ['/cases/demo-case/sources/']]]);
  });

  it('links the site\'s pages to the share cards of reports, hashtags and dossiers', () => {
    expect(Object.keys(views.site.cards).sort()).toEqual(['/accounts/x/demo_official/', '/cases/demo-case/', '/cases/demo-case/hashtags/demotag/']);
    expect(views.site.cards['/cases/demo-case/']!.imageUrl).toBe('https://casefile.example.org/cards/cases/demo-case.png');
  });
});

/**
 * Pages, components and the layout lay out views: none reads the assembled site or its closures. Each file
 * that still does is named here with why; a file that no longer does must leave the list.
 */
const readsSite: Record<string, string> = {};

describe('the pages read only their views', () => {
  it('has no page, route, component or layout that reads the Site, a SiteCase or their addresses', async () => {
    const files = (
      await Promise.all(
        ['src/pages', 'src/components', 'src/layouts'].map(async (dir) =>
          (await readdir(path.join(repoRoot, dir), { recursive: true })).filter((f) => /\.(astro|ts)$/.test(f)).map((f) => `${dir}/${f.split(path.sep).join('/')}`),
        ),
      )
    ).flat();
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(repoRoot, file), 'utf8');
      const reads = /\bgetSite\b|\bSiteCase\b|\bsite\/types\.ts\b|\.urls\b|\baccountLabel\b|release\/|\brelease-files\b/.test(source);
      if (reads !== file in readsSite) found.push(`${file}: ${reads ? 'reads the site' : 'no longer reads the site; take it off the list'}`);
    }
    expect(found).toEqual([]);
  });
});
