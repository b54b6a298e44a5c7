/** What an editor reads for a mistake in a frontmatter field: the value found, at its place, and what was expected. */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { yamlLocator } from '../diagnostics/positions.ts';
import { zodIssuesToDiagnostics } from '../diagnostics/zod-issues.ts';
import { PeriodSchema } from './common.ts';

/** The diagnostics an editor sees for `yaml` checked against `schema`. */
function check(schema: z.ZodTypeAny, yaml: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  const input: unknown = doc.toJS();
  const result = schema.safeParse(input);
  if (result.success) return [];
  return zodIssuesToDiagnostics(result.error, { file: 'index.md', input, locate: yamlLocator(doc, lineCounter) })
    .map((d) => `${d.start.line}:${d.start.column} ${d.message}`);
}

describe('zodIssuesToDiagnostics', () => {
  test('says how long a list is that is too short or too long, not just that it is a list', () => {
    const schema = z.object({ datasets: z.array(z.string()).min(1), tags: z.array(z.string()).max(2) });
    expect(check(schema, 'datasets: []\ntags: [a, b, c]\n')).toEqual([
      '1:11 Unexpected an empty list in `datasets`, expected a list of at least 1 item.',
      '2:7 Unexpected a list of 3 items in `tags`, expected a list of at most 2 items.',
    ]);
  });
});

describe('a period in the frontmatter', () => {
  test('reports a misspelt `from` once, not also as a `to` before it', () => {
    const schema = z.object({ period: PeriodSchema });
    expect(check(schema, 'period:\n  from: 23/08/2022\n  to: 2022-08-24\n')).toEqual([
      '2:9 Unexpected `23/08/2022` in `period.from`, expected a date written as YYYY-MM-DD.',
    ]);
    expect(check(schema, 'period:\n  from: 2022-08-25\n  to: 2022-08-24\n')).toEqual([
      '3:7 Unexpected `2022-08-24` in `period.to`, expected a period whose `from` is on or before its `to`.',
    ]);
  });
});

describe('a count in a dataset', () => {
  test('is refused past what JavaScript holds exactly, so the released data never shows a changed number', async () => {
    const { PostSchema } = await import('./post.ts');
    const post = (likes: string) => [
      'id: "1"', 'platform: x', 'author: { id: "100" }', 'createdAt: 2024-05-16T09:00:00Z', 'text: hi', 'kind: post',
      `metrics: { likes: ${likes}, observedAt: 2024-05-20T12:00:00Z }`, '',
    ].join('\n');
    expect(check(PostSchema, post('9007199254740991'))).toEqual([]);
    expect(check(PostSchema, post('9007199254740993'))).toEqual([
      '7:19 Unexpected `9007199254740992` in `metrics.likes`, expected a value of at most 9007199254740991.',
    ]);
    expect(check(PostSchema, post('1e300'))).toHaveLength(1);
  });
});
