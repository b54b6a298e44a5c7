/**
 * `npm run new -- <kind> <args> [--url URL] [--pseudonym NAME] [--root DIR]`
 * Writes a new case, account dossier, entity, source or dataset skeleton with every field of its
 * schema explained; refuses to overwrite. Exits 1 when a file exists, 2 on a bad command line.
 */
import { printArgsMessage, readArgs } from './args.ts';
import path from 'node:path';
import { scaffoldKinds, UsageError, type ScaffoldKind } from '../scaffold/kinds.ts';
import { ExistsError, scaffold } from '../scaffold/scaffold.ts';

const usage = `Usage:
  npm run new -- case <case-id>
  npm run new -- account <platform> <handle> [--pseudonym "Name"]   (--pseudonym for a private individual)
  npm run new -- entity <entity-id>
  npm run new -- source <source-id> --url <url>
  npm run new -- dataset <case-id> <dataset-id>
Options: --root DIR (the project folder, default .)
`;

async function main(argv: string[]): Promise<number> {
  const read = readArgs(
    { args: argv, allowPositionals: true, options: { url: { type: 'string' }, pseudonym: { type: 'string' }, root: { type: 'string', default: '.' } } },
    usage,
  );
  if (!read.ok) return printArgsMessage(read);
  const parsed = read.parsed;
  const [kind, ...args] = parsed.positionals;
  if (!scaffoldKinds.includes(kind as ScaffoldKind)) {
    process.stderr.write(`${kind ? `Unexpected kind \`${kind}\`, expected one of ${scaffoldKinds.join(', ')}.\n\n` : ''}${usage}`);
    return 2;
  }
  try {
    const plan = await scaffold(path.resolve(parsed.values.root), {
      kind: kind as ScaffoldKind,
      args,
      ...(parsed.values.url !== undefined ? { url: parsed.values.url } : {}),
      ...(parsed.values.pseudonym !== undefined ? { pseudonym: parsed.values.pseudonym } : {}),
      today: new Date().toISOString().slice(0, 10),
    });
    process.stdout.write(`${plan.files.map((f) => `Wrote ${f.path}`).join('\n')}\n\nNext:\n${plan.next.map((l) => `  ${l}`).join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof ExistsError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
