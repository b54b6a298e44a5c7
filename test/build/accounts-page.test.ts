/**
 * A case with more accounts than one page should list (303 here: the fixture's three and 300 generated, three
 * posts each): the built accounts page lists the 250 most active and every account with a page of its own,
 * says how many are left out, and links the CSV that holds them all; every link a reader follows from it
 * lands on a file of the built site.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { postBuildStages } from '../../src/build/stages.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const GENERATED = 300;
const DATASET = 'data/demo-case/posts';
let project: TempProject;
let dist: string;
let page: string;

/** `/cases/…/` or `/cases/…/file.csv` as the file the built site serves for it. */
const served = (href: string) => path.join(dist, href.endsWith('/') ? `${href}index.html` : href);

beforeAll(async () => {
  project = await tempProject('minimal');
  // Accounts 1000…1299, three posts each without the case's hashtag, so the fixture's figures still hold and its
  // dossier account (one post) ranks last, far below the 250 listed.
  const generated = Array.from({ length: GENERATED * 3 }, (_, i) => {
    const account = 1000 + (i % GENERATED);
    const minute = String(Math.floor(i / GENERATED) * 10 + 10).padStart(2, '0');
    return JSON.stringify({ id: String(10_000 + i), platform: 'x', author: { id: String(account), handle: `gen_${account}` }, createdAt: `2024-05-16T12:${minute}:00+04:00`, text: 'A post', kind: 'post' });
  });
  await project.write(`${DATASET}/posts.ndjson`, `${(await project.read(`${DATASET}/posts.ndjson`)).trimEnd()}\n${generated.join('\n')}\n`);
  await project.rehash(`${DATASET}/manifest.json`);
  dist = path.join(project.root, 'dist');
  await buildSite({ root: project.root, outDir: dist, today: '2026-11-28' }, { log: () => {} }, postBuildStages);
  page = await readFile(path.join(dist, 'cases/demo-case/accounts/index.html'), 'utf8');
}, 600_000);
afterAll(() => project.remove());

describe('the accounts page of a case with 303 accounts', () => {
  it('says what it lists and what it leaves to the CSV', () => {
    expect(page).toContain('The 251 most active of the 303 accounts in the datasets, with every account that has a page; the other 52 are in the CSV file.');
  });

  it('lists the 250 most active accounts, then the dossier account ranked last', () => {
    const body = page.slice(page.indexOf('<tbody'), page.indexOf('</tbody>'));
    const rows = body.split('<tr').slice(1);
    expect(rows).toHaveLength(251);
    expect(rows.slice(0, 250).every((row) => row.includes('gen_1'))).toBe(true);
    expect(rows[250]).toContain('href="/accounts/x/demo_official/"');
  });

  it('links the CSV of all 303 accounts, and every account link lands on a built page', async () => {
    const csv = /<a href="([^"]+)" type="text\/csv" download>Download all 303 accounts as CSV<\/a>/.exec(page)?.[1];
    expect(csv).toBeDefined();
    const lines = (await readFile(served(csv!), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1 + 303);
    const accountLinks = [...page.matchAll(/href="(\/accounts\/[^"]+)"/g)].map((m) => m[1]!);
    // The 50 most active accounts (topAccounts) and the dossier have pages; the others are plain names.
    expect(new Set(accountLinks).size).toBe(51);
    for (const href of accountLinks) expect(existsSync(served(href)), href).toBe(true);
  });

  it('is reached from the report, and weighs what a phone can load', async () => {
    const report = await readFile(path.join(dist, 'cases/demo-case/index.html'), 'utf8');
    expect(report).toContain('href="/cases/demo-case/accounts/"');
    expect(Buffer.byteLength(page)).toBeLessThan(400_000);
  });
});
