import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postNormaliser } from './normalise-post.ts';
import { readArrayElements, type ElementAt } from './read-array.ts';
import { readPosts } from './read-posts.ts';

const dir = mkdtempSync(join(tmpdir(), 'casefile-array-'));
let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, content);
  return path;
}

async function elements(path: string) {
  const found: { value: unknown; at: ElementAt; line: number; column: number }[] = [];
  const ok = await readArrayElements(path, (bytes, start, end, at) => {
    // Where the element starts, counted in the decoded text before it (the whole file is one chunk here).
    const before = bytes.toString('utf8', 0, start).replace(/^\ufeff/, '');
    const lines = before.split('\n');
    found.push({ value: JSON.parse(bytes.toString('utf8', start, end)), at, line: lines.length, column: lines.at(-1)!.length + 1 });
  });
  return { ok, found };
}

describe('readArrayElements(path)', () => {
  it('hands over each element of any JSON array, pretty-printed or not, with its line and column', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue()), fc.constantFrom(undefined, 2, '\t'), fc.boolean(), async (values, indent, bom) => {
        const text = JSON.stringify(values, null, indent);
        const { ok, found } = await elements(file((bom ? '\ufeff' : '') + text));
        expect(ok).toBe(true);
        expect(found.map((f) => f.value)).toEqual(JSON.parse(text));
        for (const [k, f] of found.entries()) expect([f.at.index, f.at.line, f.at.column]).toEqual([k, f.line, f.column]);
      }),
      { seed: 43, numRuns: 200 },
    );
  });

  it('joins an element that spans 1 MiB chunks, and reads the ones around it', async () => {
    const big = 'é'.repeat(1_500_000);
    const values = [{ a: 1 }, { text: big, list: ['"]}', 2] }, 'x"y', 12.5e3, null, [[], {}]];
    const { ok, found } = await elements(file(`  ${JSON.stringify(values, null, 1)}  \n`));
    expect(ok).toBe(true);
    expect(found.map((f) => f.value)).toEqual(values);
  });

  it.each(['{}', '', '[1,,2]', '[1 2]', '[1', '[{"a":1}', '[] x', ',[1]', '[,1]', '[1,]'])('readArrayElements(%j) says the file is not a well-formed array', async (text) => {
    expect((await elements(file(text))).ok).toBe(false);
  });
});

describe('readPosts(json) on a streamed array', () => {
  const post = (id: string, extra = '') => `{"id":"${id}","platform":"x","author":{"id":"a1"},"createdAt":"2024-10-26T10:00:00Z","text":"ok","kind":"post"${extra}}`;
  const normalise = postNormaliser([]);

  it('reads every good element, and places each bad one by its own line and column, all in one run', async () => {
    const text = `[${post('j1')}, ${post('j2', ',"kind2":1')},\n  ${post('j3')} ,{"id":"j4" "platform":"x"},\n${post('j5')}]`;
    const ids: string[] = [];
    const result = await readPosts({ path: file(text), file: 'posts.json', dataset: 'd', format: 'json', normalise, onPost: (p) => ids.push(p.id) });
    expect(ids).toEqual(["j1", "j3", "j5"]);
    expect(result.diagnostics.map((d) => [d.start.line, d.start.column, d.ruleId])).toEqual([
      [1, text.indexOf('"kind2"') + 1, 'schema/unknown-key'],
      [2, text.split('\n')[1]!.lastIndexOf('"platform"') + 1, 'json/syntax'],
    ]);
    expect(result.diagnostics[1]!.hint).toMatch(/JSON array/);
  });

  it('reports a file that is not an array, or whose array is cut short', async () => {
    const notList = await readPosts({ path: file(`{"posts":[]}`), file: 'p.json', dataset: 'd', format: 'json', normalise, onPost: () => {} });
    expect(notList.diagnostics.map((d) => d.ruleId)).toEqual(['schema/invalid-type']);
    const cut = await readPosts({ path: file(`[${post('j1')},\n${post('j2')}`), file: 'p.json', dataset: 'd', format: 'json', normalise, onPost: () => {} });
    expect(cut.diagnostics.map((d) => [d.ruleId, d.start.line])).toEqual([['json/syntax', 2]]);
  });
});
