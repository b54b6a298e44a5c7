import { describe, expect, it } from 'vitest';
import { context, model } from '../../test/fixtures/markdown/context.ts';
import { renderFigures } from '../../test/fixtures/markdown/render-plugin.ts';
import { figureKey, type FigureQuery, type FigureValue, type UnknownName } from '../aggregate/figure-query.ts';
import type { RenderResult } from './types.ts';

const count = ':count{hashtag=RecognizeNewCaledonia from=2024-05-16 to=2024-05-22';

describe('figures in the text', () => {
  it('renders a count in English and in French (narrow no-break space), linked to the methodology', () => {
    const en = renderFigures(`${count}}`, context());
    expect(en.html).toMatch(
      /^<p><a class="figure" href="\/cases\/new-caledonia\/methodology\/#fig-[0-9a-f]{12}" data-figure-key="from=2024-05-16;hashtag=RecognizeNewCaledonia;measure=count;to=2024-05-22">1,413<\/a><\/p>$/,
    );
    const fr = renderFigures(`${count}}`, context({ locale: 'fr' }));
    expect(fr.figures[0]!.formatted).toBe('1\u202F413');
    expect(fr.figures[0]!.description).toBe('publications sous #RecognizeNewCaledonia du 16 au 22 mai 2024 (heure normale de l’Azerbaïdjan)');
    expect(en.figures).toEqual([
      {
        key: 'from=2024-05-16;hashtag=RecognizeNewCaledonia;measure=count;to=2024-05-22',
        query: { measure: 'count', hashtag: 'RecognizeNewCaledonia', from: '2024-05-16', to: '2024-05-22' },
        value: 1413,
        formatted: '1,413',
        line: 11,
        column: 1,
        description: 'posts under #RecognizeNewCaledonia from May 16 to 22, 2024 (Azerbaijan Standard Time)',
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
          'Unexpected 1,413 for posts under #RecognizeNewCaledonia from May 16 to 22, 2024 (Azerbaijan Standard Time), expected 1412 (as written in the text).',
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

/** The context with the model answering `answers` too: [query, value, unit, basis, unknown names]. */
function answering(...answers: [FigureQuery, number, FigureValue['unit'], number, UnknownName[]?][]) {
  const figures = { ...model.figures };
  for (const [query, value, unit, basis, unknown] of answers) {
    const key = figureKey(query);
    figures[key] = { key, value, unit, basis, ...(unknown ? { unknown } : {}) };
  }
  return context({ lineOffset: 0, model: { ...model, figures } });
}

const shown = (r: RenderResult) => [r.html, r.diagnostics.map((d) => [d.ruleId, d.start.line, d.start.column, d.message, d.hint])];

describe('figures that cannot be stated', () => {
  it('reports a figure outside a case and leaves it as written', () => {
    const r = renderFigures('Dossier text with :count{hashtag=RecognizeNewCaledonia}.', context({ model: undefined, caseId: undefined, lineOffset: 2 }));
    expect(shown(r)).toEqual([
      '<p>Dossier text with :count{hashtag=RecognizeNewCaledonia}.</p>',
      [[
        'markdown/no-case-data',
        3,
        19,
        'Unexpected `:count` outside a case, expected figures only in a case report, where there is data to compute them.',
        'Write the number in words here, or move the figure into the case report.',
      ]],
    ]);
    expect(r.figures).toEqual([]);
    // The case's model alone is not enough: figures link to the case's methodology.
    expect(renderFigures(':count{hashtag=RecognizeNewCaledonia}', context({ caseId: undefined })).diagnostics.map((d) => d.ruleId)).toEqual(['markdown/no-case-data']);
  });

  it('names the tracked hashtags once each when a figure asks for another, and accepts an alias', () => {
    const [d] = renderFigures(':count{hashtag=Nope}', context()).diagnostics;
    expect([d!.message, d!.actual, d!.hint]).toEqual([
      'Unexpected hashtag `Nope`, expected one the case tracks: RecognizeNewCaledonia, FrenchColonialism.',
      'Nope',
      'Add the hashtag to the case’s `hashtags`, or correct its spelling.',
    ]);
    const alias = { measure: 'count', hashtag: 'recognizenewcalendonia' } as const;
    expect(renderFigures(':count{hashtag=recognizenewcalendonia}', answering([alias, 1413, 'count', 1413])).figures.map((f) => f.formatted)).toEqual(['1,413']);
    // Without the case's frontmatter there is no list to check against: the model's answer stands.
    expect(renderFigures(':count{hashtag=Nope}', answering([{ measure: 'count', hashtag: 'Nope' }, 2, 'count', 2])).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'reference/hashtag' }),
    ]);
    const noCase = { ...answering([{ measure: 'count', hashtag: 'Nope' }, 2, 'count', 2]), caseData: undefined };
    expect(renderFigures(':count{hashtag=Nope}', noCase).figures.map((f) => f.formatted)).toEqual(['2']);
  });

  it('reports a figure the aggregation did not answer, with its key', () => {
    const [d] = renderFigures(':count{hashtag=FrenchColonialism}', context()).diagnostics;
    expect([d!.ruleId, d!.message, d!.actual, d!.hint]).toEqual([
      'figure/unanswered',
      'Unexpected figure without a computed value (`hashtag=FrenchColonialism;measure=count`), expected the aggregation to answer every figure of the case.',
      'hashtag=FrenchColonialism;measure=count',
      'Rebuild the case model: the figure queries come from collectDataRequests on this same text.',
    ]);
  });

  it('reports each account or post the data does not know, with the closest name when there is one', () => {
    const accounts: FigureQuery = { measure: 'share', hashtag: 'RecognizeNewCaledonia', accounts: ['esmirakhahi', 'u2', 'zz'] };
    const post = { measure: 'cascade-size', post: '999' } as const;
    const ctx = answering(
      [accounts, 0.3, 'share', 1413, [{ option: 'accounts', name: 'esmirakhahi', suggestion: 'esmirakhahil' }, { option: 'accounts', name: 'zz' }]],
      [post, 0, 'count', 0, [{ option: 'post', name: '999', suggestion: '1001' }]],
      [{ measure: 'cascade-size', post: '998' }, 0, 'count', 0, [{ option: 'post', name: '998' }]],
    );
    const r = renderFigures(':share{hashtag=RecognizeNewCaledonia accounts=esmirakhahi,u2,zz}\n\n:cascade-size{post=999}\n\n:cascade-size{post=998}', ctx);
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line, d.message, d.actual, d.expected, d.hint])).toEqual([
      [
        'figure/unknown-account',
        1,
        'Unexpected accounts=`esmirakhahi` in `:share`, expected a dossier id or the handle of an author in the case’s data.',
        'esmirakhahi',
        'a dossier id or the handle of an author in the case’s data',
        'Did you mean `esmirakhahil`?',
      ],
      [
        'figure/unknown-account',
        1,
        'Unexpected accounts=`zz` in `:share`, expected a dossier id or the handle of an author in the case’s data.',
        'zz',
        'a dossier id or the handle of an author in the case’s data',
        'Check the spelling, or add a dossier for the account.',
      ],
      ['figure/unknown-post', 3, 'Unexpected post=`999` in `:cascade-size`, expected a post id in the case’s data.', '999', 'a post id in the case’s data', 'Did you mean `1001`?'],
      ['figure/unknown-post', 5, 'Unexpected post=`998` in `:cascade-size`, expected a post id in the case’s data.', '998', 'a post id in the case’s data', 'Copy the post id from the dataset or the post’s URL.'],
    ]);
    // Not stated, not even as 0: the text shows the directive as written until the name is fixed.
    expect(r.figures).toEqual([]);
    expect(r.html).toBe('<p>:share{hashtag=RecognizeNewCaledonia accounts=esmirakhahi,u2,zz}</p>\n<p>:cascade-size{post=999}</p>\n<p>:cascade-size{post=998}</p>');
  });

  it('reports a from= or to= outside the case period, and accepts its first and last days', () => {
    const q = (from: string, to: string) => ({ measure: 'count', hashtag: 'RecognizeNewCaledonia', from, to }) as const;
    const ctx = answering([q('2024-05-15', '2024-05-20'), 5, 'count', 5], [q('2024-05-16', '2024-05-23'), 5, 'count', 5], [q('2024-05-16', '2024-05-22'), 1413, 'count', 1413]);
    const at = (from: string, to: string) => renderFigures(`:count{hashtag=RecognizeNewCaledonia from=${from} to=${to}}`, ctx);
    expect(at('2024-05-15', '2024-05-20').diagnostics.map((d) => [d.ruleId, d.message, d.actual, d.expected, d.hint])).toEqual([
      [
        'figure/outside-period',
        'Unexpected from=2024-05-15, expected a date from 2024-05-16 to 2024-05-22 (the case period).',
        '2024-05-15',
        'a date from 2024-05-16 to 2024-05-22 (the case period)',
        'Move the date inside the case period, or widen the case’s `period` if the data covers it.',
      ],
    ]);
    expect(at('2024-05-15', '2024-05-20').figures).toEqual([]);
    expect(at('2024-05-16', '2024-05-23').diagnostics.map((d) => d.message)).toEqual([
      'Unexpected to=2024-05-23, expected a date from 2024-05-16 to 2024-05-22 (the case period).',
    ]);
    expect(at('2024-05-16', '2024-05-22').diagnostics).toEqual([]);
  });

  it('reports a figure that matches nothing, unless the text states it is zero', () => {
    const ctx = answering(
      [{ measure: 'count', hashtag: 'RecognizeNewCaledonia', kind: 'quote' }, 0, 'count', 0],
      [{ measure: 'share', hashtag: 'RecognizeNewCaledonia', kind: 'quote', top: 10 }, 0, 'share', 0],
      [{ measure: 'first-time', hashtag: 'RecognizeNewCaledonia', kind: 'quote' }, Number.NaN, 'time', 0],
      [{ measure: 'status-count', status: 'suspended' }, 0, 'count', 0],
      [{ measure: 'cascade-size', post: '1002' }, 0, 'count', 0],
    );
    const body = (expect: string) =>
      [
        `:count{hashtag=RecognizeNewCaledonia kind=quote${expect}}`,
        `:share{hashtag=RecognizeNewCaledonia kind=quote top=10${expect.replace(/\d+$/, '$&%')}}`,
        `:first-time{hashtag=RecognizeNewCaledonia kind=quote${expect ? ' expect=2024-05-16' : ''}}`,
        `:status-count{status=suspended${expect}}`,
        `:cascade-size{post=1002${expect}}`,
      ].join('\n\n');
    const unstated = renderFigures(body(''), ctx);
    expect(unstated.diagnostics.map((d) => [d.ruleId, d.start.line, d.message, d.actual, d.hint])).toEqual([
      [
        'figure/empty',
        1,
        'Unexpected `:count` that matches nothing in the data (`hashtag=RecognizeNewCaledonia;kind=quote;measure=count`), expected a figure computed from at least one post.',
        'hashtag=RecognizeNewCaledonia;kind=quote;measure=count',
        'Check the hashtag, account, kind and dates; if nothing is the finding, say so with expect=0.',
      ],
      [
        'figure/empty',
        3,
        'Unexpected `:share` that matches nothing in the data (`hashtag=RecognizeNewCaledonia;kind=quote;measure=share;top=10`), expected a figure computed from at least one post.',
        'hashtag=RecognizeNewCaledonia;kind=quote;measure=share;top=10',
        'Check the hashtag, account, kind and dates; if nothing is the finding, say so with expect=0.',
      ],
      [
        'figure/empty',
        5,
        'Unexpected `:first-time` that matches nothing in the data (`hashtag=RecognizeNewCaledonia;kind=quote;measure=first-time`), expected a figure computed from at least one post.',
        'hashtag=RecognizeNewCaledonia;kind=quote;measure=first-time',
        'Check the hashtag, account, kind and dates: no post matches them, so there is no time to state.',
      ],
      [
        'figure/empty',
        7,
        'Unexpected `:status-count` that matches nothing in the data (`measure=status-count;status=suspended`), expected a figure computed from at least one dossier.',
        'measure=status-count;status=suspended',
        'Check the hashtag, account, kind and dates; if nothing is the finding, say so with expect=0.',
      ],
      [
        'figure/empty',
        9,
        'Unexpected `:cascade-size` that matches nothing in the data (`measure=cascade-size;post=1002`), expected a figure computed from at least one repost or quote.',
        'measure=cascade-size;post=1002',
        'Check the hashtag, account, kind and dates; if nothing is the finding, say so with expect=0.',
      ],
    ]);
    expect(unstated.figures).toEqual([]);
    // Stated as zero, an empty answer is the finding; a time is never zero.
    const stated = renderFigures(body(' expect=0'), ctx);
    expect(stated.diagnostics.map((d) => [d.ruleId, d.start.line])).toEqual([['figure/empty', 5]]);
    expect(stated.figures.map((f) => [f.formatted, f.expect])).toEqual([['0', '0'], ['0%', '0%'], ['0', '0'], ['0', '0']]);
    expect(renderFigures(':count{hashtag=RecognizeNewCaledonia kind=quote expect=1}', ctx).diagnostics.map((d) => d.ruleId)).toEqual(['figure/empty']);
  });
});

describe('a figure as the reader sees it', () => {
  it('names accounts as the site shows them, by label, or by the name written when the site has none', () => {
    const q = { measure: 'count', hashtag: 'RecognizeNewCaledonia', account: 'u2' } as const;
    const other = { measure: 'count', hashtag: 'RecognizeNewCaledonia', account: 'someone' } as const;
    const r = renderFigures(':count{hashtag=RecognizeNewCaledonia account=u2} and :count{hashtag=RecognizeNewCaledonia account=someone expect=3}', answering([q, 400, 'count', 400], [other, 4, 'count', 4]));
    expect(r.figures.map((f) => f.description)).toEqual([
      'posts under #RecognizeNewCaledonia by Account A (pseudonym)',
      'posts under #RecognizeNewCaledonia by someone',
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "Unexpected 4 for posts under #RecognizeNewCaledonia by someone, counted within the case's period (May 16, 2024 to May 22, 2024, Asia/Baku), expected 3 (as written in the text).",
    ]);
  });

  it('keeps the value stated only when the text states one', () => {
    const [plain] = renderFigures(`${count}}`, context()).figures;
    expect(Object.keys(plain!)).not.toContain('expect');
    const [stated] = renderFigures(`${count} expect=1413}`, context()).figures;
    expect(stated!.expect).toBe('1413');
  });

  it('says which days were counted when a figure gives one date or none, and not for cascades or dossier counts', () => {
    const ctx = answering(
      [{ measure: 'count', hashtag: 'RecognizeNewCaledonia', from: '2024-05-18' }, 10, 'count', 10],
      [{ measure: 'count', hashtag: 'RecognizeNewCaledonia', to: '2024-05-18' }, 10, 'count', 10],
      [{ measure: 'cascade-size', post: '1001' }, 1, 'count', 1],
      [{ measure: 'status-count', status: 'active' }, 1, 'count', 1],
      [{ measure: 'status-count', status: 'active', hashtag: 'RecognizeNewCaledonia' }, 1, 'count', 1],
      [{ measure: 'count' }, 1413, 'count', 1413],
    );
    const message = (directive: string) => {
      const [d] = renderFigures(directive, ctx).diagnostics;
      return [d!.message, d!.hint];
    };
    const plainHint = 'Update the text (and its expect=) or check the data change that moved this figure.';
    const periodHint =
      "Update the text (and its expect=), or check the data change that moved this figure. Only posts within the case's `period` are counted; give from= and to= to count other days.";
    expect(message(':count{hashtag=RecognizeNewCaledonia from=2024-05-18 expect=9}')).toEqual([
      "Unexpected 10 for posts under #RecognizeNewCaledonia from May 18, 2024 (Azerbaijan Standard Time), counted within the case's period (May 18, 2024 to May 22, 2024, Asia/Baku), expected 9 (as written in the text).",
      periodHint,
    ]);
    expect(message(':count{hashtag=RecognizeNewCaledonia to=2024-05-18 expect=9}')[0]).toContain("counted within the case's period (May 16, 2024 to May 18, 2024, Asia/Baku)");
    expect(message(':cascade-size{post=1001 expect=2}')).toEqual(['Unexpected 1 for reposts and quotes of post 1001, expected 2 (as written in the text).', plainHint]);
    expect(message(':count{expect=2}')).toEqual([
      "Unexpected 1,413 for posts, counted within the case's period (May 16, 2024 to May 22, 2024, Asia/Baku), expected 2 (as written in the text).",
      periodHint,
    ]);
    expect(message(':status-count{status=active expect=2}')[1]).toBe(plainHint);
    expect(message(':status-count{status=active hashtag=RecognizeNewCaledonia expect=2}')[1]).toBe(periodHint);
    // Without the case's frontmatter the period is not known, so it is not named.
    expect(renderFigures(':count{hashtag=RecognizeNewCaledonia expect=2}', { ...context(), caseData: undefined }).diagnostics[0]!.hint).toBe(plainHint);
  });

  it('states the figure in the case language, and reports a mismatch in English', () => {
    const r = renderFigures(':share{hashtag=RecognizeNewCaledonia top=10 expect=40%}', context({ locale: 'fr' }));
    expect(r.html).toContain('>41,2\u00A0%</a>');
    expect(r.diagnostics.map((d) => [d.actual, d.message])).toEqual([
      ['41.2%', 'Unexpected 41.2% for share of posts by the 10 most active accounts under #RecognizeNewCaledonia, counted within the case\'s period (May 16, 2024 to May 22, 2024, Asia/Baku), expected 40% (as written in the text).'],
    ]);
  });
});
