/**
 * Command-line arguments for every `npm run` command: node's `parseArgs`, with its errors (an unknown option,
 * a missing value, a stray word) turned into one line saying what was found and what was expected, followed by
 * the command's usage. Never a stack trace: the person typing the command needs the usage, not the code.
 * `--help` (or `-h`) anywhere before a `--` asks for the usage alone, whatever else is on the line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Parsed<C extends ParseArgsConfig> = ReturnType<typeof parseArgs<C>>;

/**
 * The parsed arguments, or the message to print instead of running: the usage with exit code 0 when it was
 * asked for, else what was wrong followed by the usage, with exit code 2.
 */
export function readArgs<C extends ParseArgsConfig>(
  config: C,
  usage: string,
): { ok: true; parsed: Parsed<C> } | { ok: false; message: string; exitCode: 0 | 2 } {
  const args = config.args ?? process.argv.slice(2);
  const end = args.indexOf('--');
  if ((end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) return { ok: false, message: usage, exitCode: 0 };
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
    return { ok: false, message: `${line}\n\n${usage}`, exitCode: 2 };
  }
}

/** Prints what `readArgs` says instead of running: asked-for help on stdout, a mistake on stderr. */
export function printArgsMessage(result: { message: string; exitCode: 0 | 2 }): 0 | 2 {
  const text = result.message.endsWith('\n') ? result.message : `${result.message}\n`;
  (result.exitCode === 0 ? process.stdout : process.stderr).write(text);
  return result.exitCode;
}

/** `readArgs` for a command's own process: prints the usage or the mistake and exits (0 for help, else 2). */
export function commandArgs<C extends ParseArgsConfig>(config: C, usage: string): Parsed<C> {
  const result = readArgs(config, usage);
  if (result.ok) return result.parsed;
  process.exit(printArgsMessage(result));
}
