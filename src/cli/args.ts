/**
 * Command-line arguments for every `npm run` command: node's `parseArgs`, with its errors (an unknown option,
 * a missing value, a stray word) turned into one line saying what was found and what was expected, followed by
 * the command's usage. Never a stack trace: the person typing the command needs the usage, not the code.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Parsed<C extends ParseArgsConfig> = ReturnType<typeof parseArgs<C>>;

/** The parsed arguments, or the message to print (ending in the usage) when they cannot be parsed. */
export function readArgs<C extends ParseArgsConfig>(config: C, usage: string): { ok: true; parsed: Parsed<C> } | { ok: false; message: string } {
  try {
    return { ok: true, parsed: parseArgs(config) };
  } catch (error) {
    const known = Object.keys(config.options ?? {}).map((o) => `--${o}`);
    const found = /'([^']+)'/.exec((error as Error).message)?.[1];
    const code = (error as NodeJS.ErrnoException).code;
    const line =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `Unexpected option \`${found ?? ''}\`, expected one of ${known.map((o) => `\`${o}\``).join(', ')}.`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `Unexpected use of \`${found ?? 'an option'}\`: ${(error as Error).message.replace(/^Option '[^']*' /, '')}`
          : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? `Unexpected argument \`${found ?? ''}\`, expected only options.`
            : `Unexpected arguments: ${(error as Error).message}`;
    return { ok: false, message: `${line}\n\n${usage}` };
  }
}

/** `readArgs` for a command's own process: prints the message and exits 2 when the arguments are wrong. */
export function commandArgs<C extends ParseArgsConfig>(config: C, usage: string): Parsed<C> {
  const result = readArgs(config, usage);
  if (result.ok) return result.parsed;
  process.stderr.write(result.message.endsWith('\n') ? result.message : `${result.message}\n`);
  process.exit(2);
}
