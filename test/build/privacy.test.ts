/**
 * A private person leaves no trace in what a build publishes. The minimal fixture gains one
 * `subject: private` dossier (its handle not recorded: the handle comes from the data) whose person posts,
 * is reposted, replied to and mentioned; then every byte of every file under the output folder is searched
 * for each of the person's identifiers, plain and in the escaped forms a page, a URL or a JSON file would carry.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { postBuildStages } from '../../src/build/stages.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

/** What the data shows of the private person; none of it may be published. */
const PERSON = {
  handle: 'JaneDoe77',
  name: "Jane O'Doe & Kin",
  platformId: '4815162342',
  postIds: ['1790000000000000001', '1790000000000000002', '1790000000000000003', '1790000000000000004'],
  postUrls: ['https://x.com/JaneDoe77/status/1790000000000000001', 'https://x.com/JaneDoe77/status/1790000000000000002'],
  /** The addresses of the person's posts the coordination tables name (a cluster's evidence, a burst's first post). */
  coordinationUrls: ['https://x.com/JaneDoe77/status/1790000000000000003', 'https://x.com/JaneDoe77/status/1790000000000000004'],
  mediaUrl: 'https://pbs.twimg.com/media/JnDoeMedia7.jpg',
  linkUrl: 'https://janedoe77.example.net/about',
};

const post = (fields: Record<string, unknown>) => JSON.stringify({ platform: 'x', hashtags: ['DemoTag'], ...fields });
const PRIVATE_POSTS = [
  post({
    id: PERSON.postIds[0],
    url: PERSON.postUrls[0],
    author: { id: PERSON.platformId, handle: PERSON.handle, name: PERSON.name },
    createdAt: '2024-05-16T11:00:00+04:00',
    text: 'Look at this #DemoTag',
    kind: 'post',
    urls: [PERSON.linkUrl],
    media: [{ type: 'photo', url: PERSON.mediaUrl }],
    archives: [{ url: `https://web.archive.org/web/2024/${PERSON.postUrls[0]}` }],
  }),
  post({
    id: PERSON.postIds[1],
    url: PERSON.postUrls[1],
    author: { id: PERSON.platformId, handle: PERSON.handle, name: PERSON.name },
    createdAt: '2024-05-17T09:00:00+04:00',
    text: 'Again #DemoTag',
    kind: 'reply',
    ref: { id: '1', authorId: '100' },
  }),
  // Other people's posts that point at the person: lower-case and upper-case handle forms in text and mentions.
  post({
    id: '6',
    author: { id: '200', handle: 'user_a' },
    createdAt: '2024-05-16T12:00:00+04:00',
    text: `RT @${PERSON.handle.toLowerCase()}: Look at this #DemoTag`,
    kind: 'repost',
    ref: { id: PERSON.postIds[0], authorId: PERSON.platformId },
    mentions: [PERSON.handle.toLowerCase()],
  }),
  post({
    id: '7',
    author: { id: '300', handle: 'user_b' },
    createdAt: '2024-05-17T10:00:00+04:00',
    text: `@${PERSON.handle.toUpperCase()} agreed, see ${PERSON.postUrls[1]} #DemoTag`,
    kind: 'reply',
    ref: { id: PERSON.postIds[1], authorId: PERSON.platformId },
    mentions: [PERSON.handle.toUpperCase()],
    urls: [PERSON.postUrls[1]],
  }),
  // Someone citing the person's posts by their addresses alone, with no `ref`.
  post({
    id: '8',
    author: { id: '400', handle: 'user_c' },
    createdAt: '2024-05-17T11:00:00+04:00',
    text: `Compare ${PERSON.postUrls[0]}?s=20 with twitter.com/${PERSON.handle.toLowerCase()}/status/${PERSON.postIds[1]}. #DemoTag`,
    kind: 'post',
  }),
  // And by addresses that name no handle: X finds a post by its id alone.
  post({
    id: '9',
    author: { id: '500', handle: 'user_d' },
    createdAt: '2024-05-17T12:00:00+04:00',
    hashtags: [],
    text: `Also https://x.com/i/status/${PERSON.postIds[0]} and https://mobile.twitter.com/i/web/status/${PERSON.postIds[1]}?s=20`,
    kind: 'post',
    urls: [`https://x.com/i/status/${PERSON.postIds[0]}`, `https://twitter.com/i/web/status/${PERSON.postIds[1]}?s=20`],
  }),
  // For the coordination analysis: the person reposts post 1 between two others (one cluster of three), and
  // first posts a text three others paste within a minute (a burst: burstCap is 2 below). No tracked tag.
  post({
    id: PERSON.postIds[2],
    url: PERSON.coordinationUrls[0],
    author: { id: PERSON.platformId, handle: PERSON.handle, name: PERSON.name },
    createdAt: '2024-05-16T09:06:00+04:00',
    text: 'First #DemoTag',
    kind: 'repost',
    ref: { id: '1', authorId: '100' },
    hashtags: [],
  }),
  post({ id: '20', url: 'https://x.com/user_b/status/20', author: { id: '300', handle: 'user_b' }, createdAt: '2024-05-16T09:07:00+04:00', text: 'First #DemoTag', kind: 'repost', ref: { id: '1', authorId: '100' }, hashtags: [] }),
  ...[PERSON.platformId, '200', '300', '400'].map((id, k) =>
    post({
      id: k === 0 ? PERSON.postIds[3] : `${20 + k}`,
      ...(k === 0 ? { url: PERSON.coordinationUrls[1] } : {}),
      author: k === 0 ? { id, handle: PERSON.handle, name: PERSON.name } : { id, handle: ['user_a', 'user_b', 'user_c'][k - 1] },
      createdAt: `2024-05-16T13:00:${10 * k + 10}+04:00`,
      text: `The referendum was organised without the consent of the people, says ${PERSON.name}`,
      kind: 'post',
      hashtags: [],
    }),
  ),
];

const DOSSIER = `---
platform: x
handle: null
platformId: "${PERSON.platformId}"
displayName: ${JSON.stringify(PERSON.name)}
subject: private
pseudonym: Member A
status:
  - status: suspended
    date: 2024-05-20
    source: demo-source
---
A private individual who shared the campaign's posts [@demo-source].
`;

/** Every form a string may take in a file: plain, URL-encoded, HTML-escaped (named, decimal and hexadecimal) and JSON-escaped. */
export function encodings(value: string): string[] {
  const html = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const forms = [
    value,
    encodeURIComponent(value),
    encodeURI(value),
    html,
    html.replace(/'/g, '&#39;'),
    html.replace(/'/g, '&#x27;'),
    html.replace(/'/g, '&apos;'),
    value.replace(/&/g, '&#38;').replace(/'/g, '&#39;'),
    // As hast-util-to-html writes text and attributes (every piece of HTML and SVG the site builds).
    value.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/"/g, '&#x22;'),
    JSON.stringify(value).slice(1, -1),
    JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'),
    // JSON written by JavaScript inside an HTML attribute or script, `<`, `>`, `&`, `'` as \u escapes.
    JSON.stringify(value).slice(1, -1).replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  ];
  return [...new Set(forms)];
}

let project: TempProject;
let dist: string;
let files: { file: string; text: string }[];

beforeAll(async () => {
  project = await tempProject('minimal');
  await project.write('content/accounts/x/member-a.md', DOSSIER);
  const posts = await project.read('data/demo-case/posts/posts.ndjson');
  await project.write('data/demo-case/posts/posts.ndjson', `${posts}${PRIVATE_POSTS.join('\n')}\n`);
  await project.rehash('data/demo-case/posts/manifest.json');
  await project.edit('content/cases/demo-case/index.md', 'expect=5', 'expect=10');
  await project.edit('content/cases/demo-case/index.md', '\nstatus: published', '\ncoordination: { minPosts: 1, minWeight: 1, burstCap: 2 }\nstatus: published');
  await project.write(
    'content/cases/demo-case/index.md',
    `${await project.read('content/cases/demo-case/index.md')}\n:account[x/member-a] shared the campaign too.\n\n::coordination\n\n::post{id=${PERSON.postIds[0]}}\n\n::post{id=7}\n\n::post{id=8}\n\n::post{id=9}\n`,
  );
  dist = path.join(project.root, 'dist');
  await buildSite({ root: project.root, outDir: dist, today: '2026-11-28', site: 'https://casefile.example.org' }, { log: () => {} }, postBuildStages);
  const names = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
  files = await Promise.all(
    names.map(async (d) => {
      const abs = path.join(d.parentPath, d.name);
      // latin1 keeps every byte as one character, so binary files are searched too.
      return { file: path.relative(dist, abs), text: (await readFile(abs)).toString('latin1') };
    }),
  );
}, 300_000);
afterAll(() => project.remove());

/** `file: form` for each place an identifier shows, in a file's name or its bytes. */
function traces(value: string, { caseless }: { caseless: boolean }): string[] {
  const found: string[] = [];
  for (const form of encodings(value)) {
    const needle = caseless ? form.toLowerCase() : form;
    for (const { file, text } of files) {
      const hay = caseless ? text.toLowerCase() : text;
      const name = caseless ? file.toLowerCase() : file;
      if (hay.includes(needle)) found.push(`${file}: ${form}`);
      if (name.includes(needle)) found.push(`file name ${file}: ${form}`);
    }
  }
  return [...new Set(found)];
}

describe('a private person in the published site', () => {
  it('is published at all: the pseudonym shows and the fixture built', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.text.includes('Member A'))).toBe(true);
    // The released posts still carry the person's posts, pseudonymised.
    const released = files.filter((f) => f.file.endsWith('.ndjson')).map((f) => f.text).join('\n');
    expect(released).toContain('Look at this #DemoTag');
  });

  it('is in the coordination tables and files, by pseudonym', () => {
    const page = files.find((f) => f.file === 'cases/demo-case/index.html')!.text;
    const clusters = page.slice(page.indexOf('<caption id="coordination-clusters">'));
    expect(clusters.slice(0, clusters.indexOf('</table>'))).toMatch(/<td data-label="Accounts"><span class="coordination-accounts">3: .*Member A/);
    // The fixture's data is synthetic, so no evidence post is linked to its (invented) address; the person's
    // post is named by its stand-in id only (checked below).
    const table = clusters.slice(0, clusters.indexOf('</table>'));
    expect(table).toContain('<code>20</code>');
    expect(table).not.toContain('href="https://x.com/user_b/status/20"');
    const bursts = page.slice(page.indexOf('<caption id="coordination-bursts">'));
    expect(bursts.slice(0, bursts.indexOf('</table>'))).toContain('says [Member A]');
    const released = files.find((f) => f.file === 'cases/demo-case/data/coordination/clusters.csv')!.text;
    expect(released.split('\r\n').filter((l) => l.startsWith('1,'))).toHaveLength(3);
  });

  it('never shows the handle, in any case or encoding', () => {
    expect(traces(PERSON.handle, { caseless: true })).toEqual([]);
  });

  it('never shows the display name', () => {
    expect(traces(PERSON.name, { caseless: false })).toEqual([]);
    expect(traces("Jane O'Doe", { caseless: false })).toEqual([]);
  });

  it('never shows the platform id, in file names, HTML ids or data', () => {
    expect(traces(PERSON.platformId, { caseless: false })).toEqual([]);
  });

  it('never shows the post ids, post URLs, media or link URLs', () => {
    const values = [...PERSON.postIds, ...PERSON.postUrls, ...PERSON.coordinationUrls, PERSON.mediaUrl, PERSON.linkUrl];
    expect(values.flatMap((value) => traces(value, { caseless: false }))).toEqual([]);
  });

  it('replaces the post ids by stable pseudonymous ones, the same in every released file', () => {
    const released = files.filter((f) => f.file.endsWith('.ndjson'));
    const lines = released.flatMap((f) => f.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; ref?: { id: string }; text: string }));
    const own = lines.filter((p) => p.text === 'Look at this #DemoTag');
    expect(own.length).toBeGreaterThan(0);
    const pseudoId = own[0]!.id;
    expect(pseudoId).not.toBe(PERSON.postIds[0]);
    expect(own.every((p) => p.id === pseudoId)).toBe(true);
    // The repost of it points at the same stand-in id, and a post citing its address carries it too.
    const repost = lines.find((p) => p.id === '6');
    expect(repost?.ref?.id).toBe(pseudoId);
    expect(lines.find((p) => p.id === '8')?.text).toContain(`/status/${pseudoId}?s=20`);
    expect(lines.find((p) => p.id === '9')?.text).toContain(`https://x.com/i/status/${pseudoId} and`);
  });
});
