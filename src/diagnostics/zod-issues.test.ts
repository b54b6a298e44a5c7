import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseFrontmatter } from '../content/frontmatter.ts';
import { parseJsonFile } from '../content/json-file.ts';
import { zodIssuesToDiagnostics } from './zod-issues.ts';

const Schema = z.object({ id: z.string() });

describe('zodIssuesToDiagnostics: a number where text is expected', () => {
  it('quotes an id past 2^53 as written in JSON, not as JSON.parse rounded it, and says to quote ids', () => {
    const file = parseJsonFile('{"id": 1790000000000000001}', 'data/c/d/manifest.json');
    const [d] = zodIssuesToDiagnostics(Schema.safeParse(file.data).error!, { file: 'data/c/d/manifest.json', input: file.data, locate: file.locate });
    expect(d).toMatchObject({
      start: { line: 1, column: 8 },
      message: 'Unexpected `1790000000000000001` (number) in `id`, expected text.',
      hint: 'Put the value in quotes ("1790000000000000001") so it is read as text: unquoted, a number this long loses its last digits (ids are always written in quotes).',
    });
  });

  it('does the same in YAML frontmatter, and keeps a short number as it is', () => {
    for (const [written, hint] of [
      ['1790000000000000001', 'Put the value in quotes ("1790000000000000001") so it is read as text: unquoted, a number this long loses its last digits (ids are always written in quotes).'],
      ['42', 'Put the value in quotes ("42") so it is read as text.'],
    ] as const) {
      const parsed = parseFrontmatter(`---\nid: ${written}\n---\n`, 'content/x.md');
      const [d] = zodIssuesToDiagnostics(Schema.safeParse(parsed.data).error!, { file: 'content/x.md', input: parsed.data, locate: parsed.locate });
      expect(d).toMatchObject({ start: { line: 2, column: 5 }, message: `Unexpected \`${written}\` (number) in \`id\`, expected text.`, hint });
    }
  });
});
