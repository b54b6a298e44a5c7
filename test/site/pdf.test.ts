/**
 * The PDF edition of the built example, printed the way `npm run pdf` prints it (Debian's Chromium through
 * playwright-core), on A4 and Letter: at most 16 A4 pages, text that can be extracted, a title page with
 * the citation, endnotes, and no page made of bare table rows. Runs where Chromium is installed (CI is).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfStage, printReports, type Paper } from '../../src/build/pdf-stage.ts';
import { pdfFile } from '../../src/content/urls.ts';

const { exampleA: build } = inject('siteBuilds');
let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(path.join(os.tmpdir(), 'casefile-pdf-'));
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

/** The text of each page, as pdftotext (poppler-utils) extracts it. */
function pagesOf(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

/** A line of a data table: two or more numbers set apart in columns. */
const isTableRow = (line: string) => /\d[\d,.:%]*\s{2,}\S*\d/.test(line);

describe('the PDF edition of the example', () => {
  describe.each(['A4', 'Letter'] as Paper[])('on %s', (paper) => {
    let pages: string[];
    beforeAll(async () => {
      expect(build.error, build.error).toBeUndefined();
      const root = path.join(copy, paper);
      await cp(build.dir, root, { recursive: true });
      expect(await printReports(root, paper)).toEqual([pdfFile('new-caledonia-2024')]);
      pages = pagesOf(path.join(root, pdfFile('new-caledonia-2024')));
    }, 180_000);

    it('fits in 16 pages', () => {
      expect(pages.length).toBeGreaterThan(4);
      expect(pages.length).toBeLessThanOrEqual(16);
    });

    it('opens on a title page with the headline, the citation and the page number', () => {
      const cover = pages[0]!.replace(/\s+/g, ' ');
      expect(cover).toContain('#RecognizeNewCaledonia: how a hashtag campaign against France was traced to Azerbaijani officials');
      expect(cover).toMatch(/Cite as: Casefile example desk\. 2026\./);
      expect(cover).toContain(`1 / ${pages.length}`);
      // The story starts on the next page, not under the cover.
      expect(cover).not.toContain('This page is a worked example');
    });

    it('ends with the notes, and shows the address of external links', () => {
      const text = pages.join('\n');
      const notes = pages.findIndex((p) => /^\s*Notes\s*$/m.test(p));
      expect(notes).toBeGreaterThan(0);
      expect(pages.slice(0, notes).join('\n')).not.toMatch(/^\s*1\. Exclusive: Azerbaijani Officials/m);
      expect(text).toContain('<https://web.archive.org/');
    });

    it('has no page of bare table rows, and no chart data table at all', () => {
      for (const [i, page] of pages.entries()) {
        const lines = page.split('\n').filter((l) => l.trim() !== '');
        const rows = lines.filter(isTableRow).length;
        expect(rows / lines.length, `page ${i + 1} is ${rows} table rows of ${lines.length} lines`).toBeLessThan(0.5);
      }
      expect(pages.join('\n')).not.toMatch(/Download (CSV|JSON)|Data table/);
    });
  });
});

describe('a build asked for the PDF edition without a browser', () => {
  it('fails with a located message that says how to get one', async () => {
    // The browser a command was given (CHROMIUM_PATH at the CLI) reaches the stage as the `chromium` option.
    const missing = path.join(copy, 'no-such-chromium');
    const found = await pdfStage(copy, { root: copy, today: '2026-11-28', pdf: true, chromium: missing }, { log: () => {} });
    expect(found).toEqual([
      expect.objectContaining({
        ruleId: 'build/pdf-browser',
        severity: 'error',
        message: expect.stringContaining('expected Chromium to print the PDF edition'),
        hint: expect.stringContaining('apt-get install chromium'),
      }),
    ]);
    expect(await pdfStage(copy, { root: copy, today: '2026-11-28', chromium: missing }, { log: () => {} })).toEqual([]);
  });
});
