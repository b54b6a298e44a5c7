/**
 * Every example in docs/editing.md is real. Fenced blocks say where they go:
 *   ```markdown file=PATH``` writes a whole file; ```markdown append=PATH``` adds to a file's end;
 *   ```yaml frontmatter=PATH``` adds fields at the end of a file's frontmatter;
 *   ```markdown file=PATH broken``` is checked alone and must print the ```text check-output``` block after it;
 *   `npm run new -- …` lines in ```sh``` blocks must be commands that `npm run new` accepts.
 * The examples are applied to a copy of the minimal project, which must then check clean.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { formatDiagnostics } from '../../src/diagnostics/reporter.ts';
import { planScaffold, scaffoldKinds, type ScaffoldKind } from '../../src/scaffold/kinds.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const TODAY = '2026-11-28';
const guide = await readFile(path.resolve(import.meta.dirname, '../../docs/editing.md'), 'utf8');

interface Block {
  lang: string;
  attributes: Map<string, string>;
  flags: Set<string>;
  text: string;
}

const blocks: Block[] = [...guide.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => {
  const attributes = new Map<string, string>();
  const flags = new Set<string>();
  for (const word of (m[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const [key, value] = word.split('=', 2) as [string, string | undefined];
    if (value === undefined) flags.add(key);
    else attributes.set(key, value);
  }
  return { lang: m[1] ?? '', attributes, flags, text: m[3] ?? '' };
});

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function apply(p: TempProject, block: Block): Promise<void> {
  const file = block.attributes.get('file');
  const append = block.attributes.get('append');
  const frontmatter = block.attributes.get('frontmatter');
  if (file) await p.write(file, block.text);
  else if (append) await p.write(append, `${(await p.read(append)).replace(/\n*$/, '\n')}${block.text}`);
  else if (frontmatter) await p.edit(frontmatter, /\n---\n/, `\n${block.text}---\n`);
}

async function checkText(p: TempProject): Promise<string> {
  const { diagnostics } = await checkProject(p.root, { today: TODAY, cacheDir: `${p.root}/.casefile/cache` });
  return formatDiagnostics(diagnostics, 'text');
}

/** `npm run new -- a "b c" d` → ['a', 'b c', 'd']. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('docs/editing.md', () => {
  const examples = blocks.filter((b) => ['file', 'append', 'frontmatter'].some((k) => b.attributes.has(k)) && !b.flags.has('broken'));

  it('has examples of every kind of file and of every directive it teaches', () => {
    const all = examples.map((b) => b.text).join('\n');
    for (const needle of ['content/sources/', 'content/entities/', 'content/accounts/']) {
      expect(examples.some((b) => b.attributes.get('file')?.startsWith(needle)), needle).toBe(true);
    }
    for (const needle of ['[@', ':account[', ':entity[', '::chart{', '::post{', ':count{', ':coordination{', '::coordination\n', 'corrections:', '{#', 'pseudonym:']) {
      expect(all, needle).toContain(needle);
    }
  });

  it('has examples that, applied to a valid project, leave it valid', async () => {
    project = await tempProject('minimal');
    for (const block of examples) await apply(project, block);
    expect(await checkText(project)).toBe('✓ no problems\n');
  });

  it('shows the output of `npm run check` that its broken example really produces', async () => {
    const index = blocks.findIndex((b) => b.flags.has('broken'));
    const broken = blocks[index];
    const output = blocks[index + 1];
    expect(output?.flags.has('check-output')).toBe(true);
    project = await tempProject('minimal');
    await apply(project, broken!);
    expect(await checkText(project)).toBe(output!.text);
  });

  it('gives `npm run new` commands that it accepts', () => {
    const commands = blocks
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.text.split('\n'))
      .filter((line) => line.startsWith('npm run new -- '));
    expect(commands.length).toBeGreaterThanOrEqual(scaffoldKinds.length);
    for (const command of commands) {
      const [kind, ...rest] = words(command.slice('npm run new -- '.length));
      const option = (name: string) => {
        const at = rest.indexOf(`--${name}`);
        return at < 0 ? undefined : rest.splice(at, 2)[1];
      };
      const url = option('url');
      const pseudonym = option('pseudonym');
      expect(scaffoldKinds).toContain(kind);
      expect(() =>
        planScaffold({ kind: kind as ScaffoldKind, args: rest, today: TODAY, ...(url ? { url } : {}), ...(pseudonym ? { pseudonym } : {}) }),
      ).not.toThrow();
    }
  });
});
