/**
 * The page model is plain data: every view a page receives survives a JSON round trip and structuredClone
 * unchanged, and holds no function, getter, Map or class instance. And what pages show of a post is the
 * report's own evidence card.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../check/check-project.ts';
import { tempProject, type TempProject } from '../../test/support/fixture-project.ts';
import { prepareSite } from './prepare.ts';
import type { Site } from './types.ts';
import { siteViews, type SiteViews } from './views.ts';

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
  beforeAll(async () => {
    project = await tempProject('minimal');
    // The report shows the hashtag's first post as evidence, as its page does.
    await project.edit('content/cases/demo-case/index.md', ':account[x/demo_official] posted first.', ':account[x/demo_official] posted first.\n\n::post{id=1}\n');
    const checked = await checkProject(project.root, { today: '2026-11-28', cacheDir: path.join(project.root, '.cache') });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    site = prepareSite(checked, { version: { commit: null, date: null, label: 'test' } });
    views = await siteViews(site);
  });
  afterAll(() => project.remove());

  const every = (): [string, unknown][] => [
    ...views.entities.map((v): [string, unknown] => [`entity ${v.id}`, v]),
    ...views.hashtags.map((v): [string, unknown] => [`hashtag ${v.hashtag.tag}`, v]),
    ...views.accounts.map((v): [string, unknown] => [`account ${v.pageId}`, v]),
    ...views.data.map((v): [string, unknown] => [`data ${v.caseId}`, v]),
  ];

  it('has a view for each entity, hashtag, account page and case', () => {
    expect(views.entities.map((v) => v.id)).toEqual(['demo-party']);
    expect(views.hashtags.map((v) => `${v.caseId} #${v.hashtag.tag}`)).toEqual(['demo-case #DemoTag']);
    expect(views.accounts.map((v) => v.pageId)).toEqual([...site.accounts.keys()]);
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

  it('says which accounts a dossier ties to the entity, with the role, confidence and source', () => {
    expect(views.entities[0]!.ties).toEqual([
      {
        account: { label: 'Demo Official (@demo_official)', handle: 'demo_official', pseudonymised: false, href: '/accounts/x/demo_official/' },
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
    expect(card).toContain('<time datetime="2024-05-16T05:00:00.000Z">May 16, 2024 at 09:00 GMT+4</time> (Asia/Baku)');
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
});
