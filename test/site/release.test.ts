/**
 * The data release of the example: SHA256SUMS lists every file of the release with the hash of the bytes
 * served, the citation files read back with real parsers, and released posts never carry a private
 * individual's platform id.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, inject, it } from 'vitest';

const { exampleA } = inject('siteBuilds');
const data = () => path.join(exampleA.dir, 'cases/new-caledonia-2024/data');

describe('the example data release', () => {
  it('has a SHA256SUMS whose every line matches the file served', async () => {
    const sums = await readFile(path.join(data(), 'SHA256SUMS'), 'utf8');
    const lines = sums.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    const mismatches: string[] = [];
    for (const line of lines) {
      const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!m) {
        mismatches.push(`unreadable line: ${line}`);
        continue;
      }
      const bytes = await readFile(path.join(data(), m[2]!)).catch(() => undefined);
      if (!bytes) mismatches.push(`${m[2]} is listed but not released`);
      else if (createHash('sha256').update(bytes).digest('hex') !== m[1]) mismatches.push(`${m[2]} does not match its checksum`);
    }
    expect(mismatches).toEqual([]);
    // Every chart of the report has its numbers in the release.
    expect(lines.some((l) => l.endsWith('timeline-recognizenewcaledonia-day.csv'))).toBe(true);
  });

  it('releases the coordination the example plants: the montage burst and one cluster of eight accounts', async () => {
    const sums = await readFile(path.join(data(), 'SHA256SUMS'), 'utf8');
    for (const name of ['params.json', 'edges.csv', 'clusters.csv', 'bursts.csv', 'sensitivity.csv', 'coordination.gexf']) {
      expect(sums).toMatch(new RegExp(` [ *]?coordination/${name.replace('.', '\\.')}$`, 'm'));
    }
    const bursts = (await readFile(path.join(data(), 'coordination/bursts.csv'), 'utf8')).trim().split('\r\n');
    expect(bursts).toHaveLength(2);
    expect(bursts[1]).toMatch(/^repost,syn-240516-0001,syn-240516-\d{4},synthetic-u-[0-9a-f]{6},24,24,2024-05-15T20:41:06\.000Z,2024-05-15T20:41:58\.000Z$/);
    const clusters = (await readFile(path.join(data(), 'coordination/clusters.csv'), 'utf8')).trim().split('\r\n').slice(1);
    expect(clusters.map((l) => l.split(',')[0])).toEqual(Array(8).fill('1'));
    const params = JSON.parse(await readFile(path.join(data(), 'coordination/params.json'), 'utf8'));
    expect(params.counts).toMatchObject({ clusters: 1, bursts: 1 });
    expect(params.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never releases the platform id of a private individual', async () => {
    const files = (await readdir(data(), { recursive: true })).filter((f) => f.endsWith('.ndjson'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(path.join(data(), file), 'utf8');
      // content/accounts/x/yap-member-account.md is `subject: private` with this synthetic platform id.
      expect(text, file).not.toContain('synthetic-yap-member');
    }
  });

  it('offers BibTeX for a finding that a real parser reads back with title, author, year and anchored URL', async () => {
    const bib = await readFile(path.join(data(), 'cite/montage-first-post.bib'), 'utf8');
    const { entries } = parseBibtex(bib);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry.fields['title']).toBe("The montage's first post");
    expect(JSON.stringify(entry.fields['author'])).toContain('Casefile example desk');
    expect(entry.fields['url']).toBe('https://casefile.example.org/cases/new-caledonia-2024/#montage-first-post');
    expect(String(entry.fields['year'])).toMatch(/^\d{4}$/);
  });
});
