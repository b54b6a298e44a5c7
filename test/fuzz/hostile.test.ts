/**
 * Seeded fuzzing with the inputs a hostile contributor would write: structures nested thousands deep, alias
 * bombs, prototype keys, and mutated exports for every importer, and any argument list for every command.
 * The one property: a result or a located diagnostic, never a thrown exception (a stack trace in CI).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArgs } from '../../src/cli/args.ts';
import { parseFrontmatter } from '../../src/content/frontmatter.ts';
import { parseJsonFile } from '../../src/content/json-file.ts';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.ts';
import { fixtureImports } from '../../src/import/fixtures.ts';
import { importDataset } from '../../src/import/run.ts';
import { importFormats } from '../../src/import/types.ts';
import { expectLocated, FUZZ_SEED, mutated, text } from './arbitraries.ts';

const FILE = 'content/fuzz.md';

/**
 * Brackets and `- ` items nested up to 20,000 levels, block mappings up to 3,000 (each level indents one more
 * space, so the text grows with the square of the depth; the parser's stack gives out near 900).
 */
const deepYaml = fc
  .record({ depth: fc.integer({ min: 1, max: 20_000 }), kind: fc.constantFrom('block', 'items', 'flow', 'mixed') })
  .map(({ depth, kind }) => {
    if (kind === 'flow') return `a: ${'['.repeat(depth)}${']'.repeat(depth)}`;
    if (kind === 'items') return `a:\n${'- '.repeat(depth)}x`;
    depth = Math.min(depth, 3_000);
    const lines: string[] = [];
    for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i)}${kind === 'mixed' && i % 2 ? '- ' : ''}k${i}:`);
    return lines.join('\n');
  });

/** Anchors whose aliases multiply: `width` aliases per level, `levels` levels. */
const aliasBomb = fc.record({ width: fc.integer({ min: 2, max: 12 }), levels: fc.integer({ min: 1, max: 12 }) }).map(({ width, levels }) => {
  const lines = ['a0: &a0 [x, x]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n');
});

const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype');

describe('parseFrontmatter(hostile YAML)', () => {
  it('answers deep nesting, alias bombs and prototype keys with data or located diagnostics', () => {
    fc.assert(
      fc.property(fc.oneof(deepYaml, aliasBomb, prototypeKeys.map((k) => `${k}: 1\n${k}x:\n  ${k}: [${k}]`)), (yaml) => {
        const result = parseFrontmatter(`---\n${yaml}\n---\nBody\n`, FILE);
        expectLocated(result.diagnostics, FILE);
      }),
      { seed: FUZZ_SEED, numRuns: 60 },
    );
  });
});

describe('parseJsonFile(hostile JSON)', () => {
  it('answers nesting up to 100,000 deep and prototype keys with data or located diagnostics', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), prototypeKeys, fc.boolean(), (depth, key, arrays) => {
        const json = arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`;
        expectLocated(parseJsonFile(json, 'data/x/y/manifest.json').diagnostics, 'data/x/y/manifest.json');
      }),
      { seed: FUZZ_SEED, numRuns: 40 },
    );
  });
});

describe('importDataset(mutated exports)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'casefile-fuzz-import-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  for (const format of importFormats) {
    it(`imports a mutated ${format} export or reports why not, never throwing anything else`, async () => {
      const fixture = fixtureImports[format];
      const source = (await readFile(fixture.inputs[0]!, 'utf8')).slice(0, 4000);
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutated(source), text), async (content) => {
          const input = path.join(root, `input-${format}-${run++}${path.extname(fixture.inputs[0]!)}`);
          await writeFile(input, content);
          try {
            await importDataset({ ...fixture, format, inputs: [input], root, caseId: 'fuzz', dataset: 'd', replace: true, skipInvalid: run % 2 === 0, now: () => new Date('2024-06-01T00:00:00Z') });
          } catch (error) {
            if (!(error instanceof DiagnosticError)) throw error;
            expectLocated(error.diagnostics);
          }
        }),
        { seed: FUZZ_SEED, numRuns: 25 },
      );
    });
  }
});

describe('readArgs(command line)', () => {
  const word = fc.oneof(
    fc.constantFrom('--case', '--root', '--format', '--strict', '--replace', '--', '-x', '--=', '--root=..', '--__proto__', '--constructor', 'x', 'telegram'),
    text,
  );
  const configs = {
    check: { options: { format: { type: 'string', default: 'text' }, strict: { type: 'boolean', default: false }, root: { type: 'string', default: '.' } } },
    import: { allowPositionals: true, options: { case: { type: 'string' }, replace: { type: 'boolean', default: false } } },
  } as const;

  it('returns the parsed arguments or a message that ends in the usage, for any argument list', () => {
    fc.assert(
      fc.property(fc.constantFrom('check', 'import'), fc.array(word, { maxLength: 8 }), (command, args) => {
        const result = readArgs({ ...configs[command], args }, 'Usage: npm run x\n');
        if (!result.ok) {
          expect(result.message).toMatch(/^Unexpected /);
          expect(result.message.endsWith('Usage: npm run x\n')).toBe(true);
        }
      }),
      { seed: FUZZ_SEED, numRuns: 500 },
    );
  });
});

describe('commands with unknown options', () => {
  const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
  it.each([
    ['import', ['x', '--root', 'x']],
    ['check', ['--nope']],
    ['new', ['--nope']],
  ])('npm run %s %j prints what was wrong and the usage, exit 2, no stack trace', (command, args) => {
    const run = spawnSync(tsx, [path.resolve(import.meta.dirname, `../../src/cli/${command}.ts`), ...args], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Unexpected option `--(root|nope)`, expected one of .*\n\nUsage:/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
