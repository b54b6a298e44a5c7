import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter.ts';

const file = 'content/sources/x.md';
const located = (text: string) => parseFrontmatter(text, file).diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}`);

describe('parseFrontmatter(hostile YAML)', () => {
  it('reports block nesting 10,000 deep at the line that goes too deep', () => {
    const yaml = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(located(`---\n${yaml}\n---\nbody\n`)).toEqual(['66:1 yaml/too-deep']);
  });

  it('reports nested `- ` items and brackets 10,000 deep', () => {
    expect(located(`---\na: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n`)).toEqual(['2:1 yaml/too-deep']);
    expect(located(`---\na:\n${'- '.repeat(10_000)}x\n---\n`)).toEqual(['3:1 yaml/too-deep']);
  });

  it('reports an alias bomb at its first alias', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 9; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(i === 0 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    expect(located(`---\n${lines.join('\n')}\n---\n`)).toEqual(['3:10 yaml/alias-limit']);
  });

  it('keeps the nesting of real frontmatter', () => {
    const text = '---\ntitle: A [bracketed] title\naffiliations:\n  - entity: x\n    sources: [a, b]\n    nested:\n      - - deep\n---\n';
    expect(parseFrontmatter(text, file).diagnostics).toEqual([]);
  });
});
