import { describe, expect, it } from 'vitest';
import { context } from '../../test/fixtures/markdown/context.ts';
import { renderMarkdown } from './index.ts';

describe('renderMarkdown references', () => {
  it('links accounts and entities with their display names, or the author’s label', () => {
    const r = renderMarkdown(':account[x/esmirakhahil], :account[the montage account]{id=x/esmirakhahil}, :account[u2] and :entity[yap].', context());
    expect(r.html).toBe(
      '<p><a class="account-ref" href="/accounts/x/esmirakhahil/">Esmira Khalil</a>, ' +
        '<a class="account-ref" href="/accounts/x/esmirakhahil/">the montage account</a>, ' +
        '<span class="account-ref">Account A (pseudonym)</span> and ' +
        '<a class="entity-ref" href="/entities/yap/">New Azerbaijan Party</a>.</p>',
    );
    expect(r.accountsReferenced).toEqual(['x/esmirakhahil', 'u2']);
    expect(r.entitiesReferenced).toEqual(['yap']);
    expect(r.diagnostics).toEqual([]);
  });

  it('marks an account’s or entity’s own name as English on a French page, and leaves a name the editor wrote in French unmarked', () => {
    const r = renderMarkdown(':account[x/esmirakhahil], :account[le compte du montage]{id=x/esmirakhahil}, :account[u2], :entity[yap] et :entity[le parti]{id=yap}.', context({ locale: 'fr' }));
    expect(r.html).toBe(
      '<p><a class="account-ref" href="/accounts/x/esmirakhahil/" lang="en">Esmira Khalil</a>, ' +
        '<a class="account-ref" href="/accounts/x/esmirakhahil/">le compte du montage</a>, ' +
        '<span class="account-ref" lang="en">Account A (pseudonym)</span>, ' +
        '<a class="entity-ref" href="/entities/yap/" lang="en">New Azerbaijan Party</a> et ' +
        '<a class="entity-ref" href="/entities/yap/">le parti</a>.</p>',
    );
  });

  it('reports unknown accounts, entities and posts at their line and column', () => {
    const body = 'Intro\n\nBy :account[x/nobody] of :entity[nope]{id=ghost}.\n\n::post{id=999}\n';
    const r = renderMarkdown(body, context({ lineOffset: 4 }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.actual, d.start])).toEqual([
      ['reference/account', 'x/nobody', { line: 7, column: 4 }],
      ['reference/entity', 'ghost', { line: 7, column: 26 }],
      ['reference/post', '999', { line: 9, column: 1 }],
    ]);
  });

  it('reports unknown directives and known ones in the wrong form, listing the known ones', () => {
    const r = renderMarkdown(':acount[x/esmirakhahil]\n\n::account[x]\n', context());
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line, d.start.column])).toEqual([
      ['markdown/unknown-directive', 11, 1],
      ['markdown/directive-form', 13, 1],
    ]);
    expect(r.diagnostics[0]!.message).toContain('`:account`, `:entity`, `:count`');
    expect(r.html).toContain(':acount[x/esmirakhahil]');
  });

  it('needs a case for data directives in a dossier', () => {
    const r = renderMarkdown(':count{hashtag=RecognizeNewCaledonia}\n\n::post{id=1001}\n', context({ model: undefined, caseId: undefined }));
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['markdown/no-case-data', 'markdown/no-case-data']);
  });

  it('finds a dossier or entity written with other capitals, or with the handle as the platform shows it', () => {
    const r = renderMarkdown(':account[X/EsmiraKhahil], :account[x/EsmiraKhahil_] and :entity[YAP].', context());
    expect(r.diagnostics).toEqual([]);
    expect(r.accountsReferenced).toEqual(['x/esmirakhahil']);
    expect(r.html).toBe(
      '<p><a class="account-ref" href="/accounts/x/esmirakhahil/">Esmira Khalil</a>, ' +
        '<a class="account-ref" href="/accounts/x/esmirakhahil/">Esmira Khalil</a> and ' +
        '<a class="entity-ref" href="/entities/yap/">New Azerbaijan Party</a>.</p>',
    );
  });

  it('suggests the closest dossier or entity for a misspelt reference', () => {
    const r = renderMarkdown(':account[x/esmirakhalil] and :entity[yapp]', context());
    expect(r.diagnostics.map((d) => [d.ruleId, d.hint])).toEqual([
      ['reference/account', 'Did you mean `x/esmirakhahil`?'],
      ['reference/entity', 'Did you mean `yap`?'],
    ]);
  });
});
