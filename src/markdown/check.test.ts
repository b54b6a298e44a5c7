/**
 * The check's parse-only pass reports what rendering reports, at the same places, and finds the same
 * headings, findings and figures: the check never renders, so nothing rendering would say may be missed.
 */
import { describe, expect, it } from 'vitest';
import { context } from '../../test/fixtures/markdown/context.ts';
import { checkMarkdown } from './check.ts';
import { renderMarkdown } from './render.ts';
import { parseMarkdown } from './parse.ts';
import type { RenderContext } from './types.ts';

/** One body per kind of mistake a render reports, and bodies that are right. */
const bodies: [string, string][] = [
  ['headings and finding ids', '# Intro\n\n## Intro\n\n## A {#same}\n\ntext\n\n## B {#same}\n\n## C {#Not Slug}\n\n## Montage {#montage}\n'],
  ['figures', [':count{hashtag=Nope}', ':count{bin=day}', ':peak{hashtag=RecognizeNewCaledonia bin=week}', ':share{hashtag=RecognizeNewCaledonia}', ':count{hashtag=RecognizeNewCaledonia expect=41%}', ':cascade-size{}', ':count{hashtag=RecognizeNewCaledonia expect=1412}', ':count{hashtag=RecognizeNewCaledonia expect=1413}'].join('\n\n')],
  ['charts', ['::chart{kind=pie}', '::chart{kind=timeline hashtag=Nope}', '::chart{kind=timeline hashtag=RecognizeNewCaledonia bin=week colour=red}', '::chart{kind=compare hashtags=RecognizeNewCaledonia}', '::chart{kind=cascade post=404}', '::chart{kind=cascade post=1001}', '::chart{kind=cascade post=1001}', '::chart{kind=heatmap account=nobody}', '::chart{kind=top-accounts hashtag=RecognizeNewCaledonia n=50}'].join('\n\n')],
  ['references and cards', 'Intro\n\nBy :account[x/nobody] of :entity[nope]{id=ghost}, :account[x/esmirakhalil] and :entity[yapp].\n\n::post{id=999}\n\n::post{id=1001 extra=1}\n'],
  ['directive names and look-alikes', ':acount[x/esmirakhahil]\n\n::account[x]\n\n::chart{caption=Two words}\n\nAn unclosed :count{hashtag=X and `:count{kept}` at 10:30.\n'],
  ['citations', 'Intro.\n\nSee [@rferl-2024; @nope] and\n> quoted [@gone].\n\nAgain [@rferl-2024, p. 4].\n'],
  ['addresses', 'see [x](javascript:alert(1)) and <a href="data:text/html,hi">d</a>\n\n<img src=x onerror="alert(1)">\n\n![](/map.png) ![chart](https://tracker.example/p.png) [d](//evil.example/x) <video poster="img/p.png"></video>\n'],
  ['addresses without HTML', '[x]([click](javascript:alert(1))) [y](a:b) [z](/p?q=a:b#c:d) ![](relative.png)\n'],
  ['a clean body', '## Findings {#montage-first-post}\n\nWe found :count{hashtag=RecognizeNewCaledonia expect=1413} posts [@rferl-2024].\n\n::chart{kind=timeline hashtag=RecognizeNewCaledonia}\n\n::post{id=1001}\n'],
];

const contexts: [string, Partial<RenderContext>][] = [
  ['in a case', { lineOffset: 3 }],
  ['outside a case', { model: undefined, caseId: undefined }],
];

describe('checkMarkdown(tree, body, ctx)', () => {
  for (const [where, overrides] of contexts) {
    for (const [name, body] of bodies) {
      it(`reports what rendering reports: ${name}, ${where}`, async () => {
        const ctx = context(overrides);
        const rendered = renderMarkdown(body, ctx);
        const checked = await checkMarkdown(parseMarkdown(body), body, ctx);
        expect(checked.diagnostics).toEqual(rendered.diagnostics);
        expect(checked.headings).toEqual(rendered.headings);
        expect(checked.findings).toEqual(rendered.findings);
        expect(checked.figures).toEqual(rendered.figures);
        expect(checked.notes).toEqual(rendered.notes);
        expect(checked.postsReferenced).toEqual(rendered.postsReferenced);
        if (name !== 'a clean body' || where !== 'in a case') expect(checked.diagnostics.length).toBeGreaterThan(0);
        else expect(checked.diagnostics).toEqual([]);
      });
    }
  }

  it('draws no chart and builds no card', async () => {
    const body = '::chart{kind=timeline hashtag=RecognizeNewCaledonia}\n\n::post{id=1001}\n';
    const checked = await checkMarkdown(parseMarkdown(body), body, context());
    expect(checked).not.toHaveProperty('charts');
    expect(checked).not.toHaveProperty('html');
    expect(checked.postsReferenced).toEqual(['1001']);
  });
});
