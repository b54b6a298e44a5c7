import { describe, expect, it } from 'vitest';
import { context } from '../../test/fixtures/markdown/context.ts';
import { collectDataRequests } from './collect.ts';
import { renderMarkdown } from './index.ts';

const problems = (body: string) =>
  renderMarkdown(body, context({ lineOffset: 1 })).diagnostics.map((d) => ({ rule: d.ruleId, line: d.start.line, column: d.start.column, message: d.message, hint: d.hint }));

describe('directives that do not parse', () => {
  it('reports a chart whose caption has spaces but no quotes, at the chart, with the quoting to use', () => {
    const [p, ...rest] = problems('Intro.\n\n::chart{kind=top-accounts hashtag=RecognizeNewCaledonia n=10 caption=The ten most active accounts (synthetic)}\n');
    expect(rest).toEqual([]);
    expect(p).toEqual({
      rule: 'markdown/malformed-directive',
      line: 4,
      column: 1,
      message:
        'Unexpected `(` in `::chart{…`, expected options written name=value, or name="value" when the value has spaces or punctuation.',
      hint: 'Put the value of `caption` in double quotes when it has spaces or punctuation: caption="The …".',
    });
  });

  it('reports an unclosed figure, label, quote and a chart split over two lines', () => {
    const body = [
      'Some :count{hashtag=RecognizeNewCaledonia expect=3 posts.',
      'See :account[x/esmira and more.',
      '::chart{kind=timeline caption="Posts per day}',
      '::chart{kind=timeline\nhashtag=RecognizeNewCaledonia}',
    ].join('\n\n');
    expect(problems(body).map((p) => [p.rule, p.line, p.column, p.message])).toEqual([
      ['markdown/malformed-directive', 2, 6, 'Unexpected the end of the paragraph in `:count{…`, expected `}` after the options.'],
      ['markdown/malformed-directive', 4, 5, 'Unexpected the end of the paragraph in `:account[…`, expected `]` after the label.'],
      ['markdown/malformed-directive', 6, 1, 'Unexpected a quote that is never closed in `::chart{…`, expected a closing ".'],
      ['markdown/malformed-directive', 8, 1, 'Unexpected a line break in `::chart{…`, expected `}` on the same line.'],
    ]);
  });

  it('leaves prose with colons alone, and an escaped directive is text', () => {
    expect(problems('At 10\\:30, a ratio of 3\\:2 (see https://example.org/a:b) and \\:\\:chart{kind=x} as text.')).toEqual([]);
  });

  it('leaves times, ratios and a colon before a word as written, with no problem, in the check and on the page', () => {
    const body = [
      'The first post came at 10:30, the last at 23:59:15 (Nouméa time, UTC+11:00).',
      'At 9:45pm and at 10:30h the counts were 3:2; by 11 p.m.: nothing, and at 11 p.m.:nobody posted.',
      'Note:this is prose, and so is a vote of 2:1[1] or 10:30{local}.',
      '',
      '## Between 10:30 and 11:00 {#between}',
    ].join('\n');
    expect(problems(body)).toEqual([]);
    expect(collectDataRequests(body, { file: 'index.md', lineOffset: 1 }).diagnostics).toEqual([]);
    const { html } = renderMarkdown(body, context({ lineOffset: 1 }));
    for (const written of ['at 10:30, the last at 23:59:15 (Nouméa time, UTC+11:00).', '9:45pm and at 10:30h the counts were 3:2; by 11 p.m.: nothing, and at 11 p.m.:nobody posted.', 'Note:this is prose, and so is a vote of 2:1[1] or 10:30{local}.', 'Between 10:30 and 11:00']) {
      expect(html).toContain(written);
    }
  });

  it('still reports a misspelt directive that has options or a label', () => {
    const body = 'Posts: :cuont{hashtag=RecognizeNewCaledonia} and :acount[x/esmira].';
    expect(problems(body).map((p) => [p.rule, p.column, p.message.slice(0, 33), p.hint])).toEqual([
      ['markdown/unknown-directive', 8, 'Unexpected directive `:cuont`, ex', 'Did you mean `:count`?'],
      ['markdown/unknown-directive', 50, 'Unexpected directive `:acount`, e', 'Did you mean `:account`?'],
    ]);
  });
});
