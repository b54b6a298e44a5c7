import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeHash, relativeImports } from './code-hash.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** A copy of src/ whose files can be edited without touching this checkout. */
async function copyOfSources(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'casefile-code-'));
  await cp(join(repo, 'src'), join(root, 'src'), { recursive: true });
  return root;
}

describe('relativeImports(source)', () => {
  it('relativeImports(source) finds static, re-exported, side-effect and dynamic imports, not packages', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b/b.ts';",
      "export * from './c.ts';",
      "import './d.css';",
      "const e = await import('./e.mjs');",
      "import { z } from 'zod';",
    ].join('\n');
    expect(relativeImports(source)).toEqual(['./a.ts', '../b/b.ts', './c.ts', './d.css', './e.mjs']);
  });
});

describe('codeHash(entry)', () => {
  it('codeHash(entry) changes when any module the model code imports changes, and not with its location', async () => {
    const root = await copyOfSources();
    const entry = join(root, 'src/model/case-model.ts');
    const original = codeHash(entry);
    expect(original).toBe(codeHash(fileURLToPath(new URL('./case-model.ts', import.meta.url))));
    for (const file of ['src/aggregate/timelines.ts', 'src/ingest/normalise-post.ts', 'src/schema/post.ts']) {
      const path = join(root, file);
      const before = await readFile(path, 'utf8');
      await writeFile(path, `${before}\n// edited\n`);
      expect(codeHash(entry), file).not.toBe(original);
      await writeFile(path, before);
    }
    expect(codeHash(entry)).toBe(original);
  });
});
