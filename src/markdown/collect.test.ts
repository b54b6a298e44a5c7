import { describe, expect, it } from 'vitest';
import { collectDataRequests } from './collect.ts';

const count = ':count{hashtag=RecognizeNewCaledonia from=2024-05-16 to=2024-05-22';

describe('collectDataRequests', () => {
  it('returns each figure query once, the posts asked for, and syntax problems', () => {
    const body = `${count}} and ${count}}.\n\n:peak{hashtag=RecognizeNewCaledonia}\n\n::post{id=1001}\n\n::chart{kind=cascade post=2002}\n\n::chart{kind=pie}\n\n:nope[x]\n`;
    const r = collectDataRequests(body, { file: 'a.md', lineOffset: 2 });
    expect(r.figureQueries).toEqual([
      { measure: 'count', hashtag: 'RecognizeNewCaledonia', from: '2024-05-16', to: '2024-05-22' },
      { measure: 'peak', hashtag: 'RecognizeNewCaledonia', bin: 'day' },
    ]);
    expect(r.postIds).toEqual(['1001', '2002']);
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line, d.start.column])).toEqual([
      ['chart/invalid-option', 11, 1],
      ['markdown/unknown-directive', 13, 1],
    ]);
  });
});
