import { describe, expect, it } from 'vitest';
import { context } from '../../test/fixtures/markdown/context.ts';
import { renderFigures } from '../../test/fixtures/markdown/render-plugin.ts';

const count = ':count{hashtag=RecognizeNewCaledonia from=2024-05-16 to=2024-05-22';

describe('figures in the text', () => {
  it('renders a count in English and in French (narrow no-break space), linked to the methodology', () => {
    const en = renderFigures(`${count}}`, context());
    expect(en.html).toMatch(
      /^<p><a class="figure" href="\/cases\/new-caledonia\/methodology\/#fig-[0-9a-f]{12}" data-figure-key="from=2024-05-16;hashtag=RecognizeNewCaledonia;measure=count;to=2024-05-22">1,413<\/a><\/p>$/,
    );
    const fr = renderFigures(`${count}}`, context({ locale: 'fr' }));
    expect(fr.figures[0]!.formatted).toBe('1\u202F413');
    expect(fr.figures[0]!.description).toBe('publications sous #RecognizeNewCaledonia du 16 mai 2024 au 22 mai 2024 (Asia/Baku)');
    expect(en.figures).toEqual([
      {
        key: 'from=2024-05-16;hashtag=RecognizeNewCaledonia;measure=count;to=2024-05-22',
        query: { measure: 'count', hashtag: 'RecognizeNewCaledonia', from: '2024-05-16', to: '2024-05-22' },
        value: 1413,
        formatted: '1,413',
        line: 11,
        column: 1,
        description: 'posts under #RecognizeNewCaledonia from May 16, 2024 to May 22, 2024 (Asia/Baku)',
      },
    ]);
  });

  it('formats shares as percents and times in the case zone with the zone named', () => {
    const body = ':share{hashtag=RecognizeNewCaledonia top=10}, :peak-time{hashtag=RecognizeNewCaledonia}, :first-time{hashtag=RecognizeNewCaledonia}';
    expect(renderFigures(body, context()).figures.map((f) => f.formatted)).toEqual(['41.2%', 'May 16, 2024', 'May 16, 2024 at 09:30 GMT+4']);
    expect(renderFigures(body, context({ locale: 'fr' })).figures.map((f) => f.formatted)).toEqual([
      '41,2\u00A0%',
      '16 mai 2024',
      '16 mai 2024 à 09:30 UTC+4',
    ]);
  });

  it('fails when the data disagrees with the stated value, giving both', () => {
    const r = renderFigures(`Intro\n\nWe found ${count} expect=1412} posts.`, context({ lineOffset: 3 }));
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        ruleId: 'figure/expect-mismatch',
        start: { line: 6, column: 10 },
        message:
          'Unexpected 1,413 for posts under #RecognizeNewCaledonia from May 16, 2024 to May 22, 2024 (Asia/Baku), expected 1412 (as written in the text).',
        actual: '1,413',
        expected: '1412',
        hint: expect.stringContaining('Update the text'),
      }),
    ]);
    expect(renderFigures(`${count} expect=1413}`, context()).diagnostics).toEqual([]);
  });

  it("names the case's period when the figure gives no dates of its own", () => {
    const [d] = renderFigures(':count{hashtag=RecognizeNewCaledonia expect=48397}', context()).diagnostics;
    expect(d?.message).toBe(
      "Unexpected 1,413 for posts under #RecognizeNewCaledonia, counted within the case's period (May 16, 2024 to May 22, 2024, Asia/Baku), expected 48397 (as written in the text).",
    );
    expect(d?.hint).toContain('Only posts within the case\'s `period` are counted; give from= and to= to count other days.');
  });

  it('compares shares at the stated precision', () => {
    const share = (stated: string) =>
      renderFigures(`:share{hashtag=RecognizeNewCaledonia top=10 expect=${stated}}`, context()).diagnostics.map((d) => d.ruleId);
    expect(share('41%')).toEqual([]);
    expect(share('41.2%')).toEqual([]);
    expect(share('41.3%')).toEqual(['figure/expect-mismatch']);
    expect(share('42%')).toEqual(['figure/expect-mismatch']);
  });

  it('compares times by local day or hour, in the case zone', () => {
    const at = (measure: string, stated: string) =>
      renderFigures(`:${measure}{hashtag=RecognizeNewCaledonia expect=${stated}}`, context()).diagnostics.map((d) => d.ruleId);
    expect(at('peak-time', '2024-05-16')).toEqual([]);
    // 16 May 00:00 in Baku is still 15 May in UTC: the comparison is local.
    expect(at('peak-time', '2024-05-15')).toEqual(['figure/expect-mismatch']);
    expect(at('first-time', '2024-05-16T09')).toEqual([]);
    expect(at('first-time', '2024-05-16T09:30')).toEqual([]);
    expect(at('first-time', '2024-05-16T10')).toEqual(['figure/expect-mismatch']);
  });

  it('reports bad options, untracked hashtags and stated values of the wrong kind', () => {
    const body = [
      ':count{hashtag=Nope}',
      ':count{bin=day}',
      ':peak{hashtag=RecognizeNewCaledonia bin=week}',
      ':share{hashtag=RecognizeNewCaledonia}',
      ':count{hashtag=RecognizeNewCaledonia expect=41%}',
      ':cascade-size{}',
    ].join('\n\n');
    const r = renderFigures(body, context({ lineOffset: 0 }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line])).toEqual([
      ['reference/hashtag', 1],
      ['markdown/unknown-option', 3],
      ['figure/invalid-option', 5],
      ['figure/missing-option', 7],
      ['figure/invalid-option', 9],
      ['figure/missing-option', 11],
    ]);
    expect(r.diagnostics[0]!.message).toContain('RecognizeNewCaledonia, FrenchColonialism');
    expect(r.diagnostics[2]!.hint).toContain('day or hour');
  });
});
