/**
 * Reads one posts file of a dataset (NDJSON by line, a JSON array by element, both streamed),
 * validates every post and hands each valid one to the sink. Every problem of the file is collected.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ZodError } from 'zod';
import type { NormalisedPost } from './normalise-post.ts';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.ts';
import { zodIssuesToDiagnostics, type Locate } from '../diagnostics/zod-issues.ts';
import { PostSchema } from '../schema/index.ts';
import { postTime, type RawPost } from './is-post.ts';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-syntax.ts';
import { jsonTextLocator } from '../diagnostics/positions.ts';
import { fieldsOf, type PostNormaliser, type RawPostSink } from './normalise-post.ts';
import { problems, type Problems } from './problems.ts';
import { readArrayElements } from './read-array.ts';
import { readLineBytes } from './read-lines.ts';
import { PostScanner } from './scan-post.ts';
import { ChunkMarks } from './chunk-marks.ts';
import { controlCharacterDiagnostic, controlStrings, fieldPath } from '../content/control-characters.ts';
import { firstInvalidUtf8, invalidUtf8Diagnostic } from '../content/utf8.ts';

interface ReadPostsFile {
  /** Absolute path to read. */
  path: string;
  /** Path relative to the project root, as diagnostics name it. */
  file: string;
  dataset: string;
  format: 'ndjson' | 'json' | 'csv';
  /**
   * Told once, after the first ESTIMATE_AFTER records of a file, how many more the rest of it likely
   * holds (by the bytes those took), so a sink can size its storage once rather than grow it.
   */
  onEstimate?: (more: number) => void;
}

/** Valid posts go either normalised to `onPost`, or as read to `onRawPost` (the aggregator's column-writing path). */
export type ReadPostsOptions = ReadPostsFile & ({ normalise: PostNormaliser; onPost: (post: NormalisedPost) => void } | { onRawPost: RawPostSink });

export interface ReadResult {
  /** Valid posts handed to `onPost`. */
  posts: number;
  diagnostics: Diagnostic[];
}

export const NDJSON_HINT = 'Each line of an NDJSON file must be one complete JSON value.';
const ARRAY_HINT = 'A posts file in `json` format is one JSON array of posts, separated by commas.';

export async function readPosts(options: ReadPostsOptions): Promise<ReadResult> {
  const { file, dataset } = options;
  const found = problems(file);
  let posts = 0;
  const take: RawPostSink =
    'onRawPost' in options ? options.onRawPost : (_, line, whole) => options.onPost(options.normalise(whole(), { dataset, file, line }));
  // The fast check settles the common valid post; zod decides, and explains, the rest.
  const accept = (value: unknown, line: number, locate: () => Locate): void => {
    const time = postTime(value);
    if (time === time) {
      posts++;
      const post = value as RawPost;
      take(fieldsOf(post, time), line, () => post);
      return;
    }
    const result = PostSchema.safeParse(value);
    if (!result.success) {
      found.add(issues(result.error, file, value, locate()));
      return;
    }
    posts++;
    const post = result.data;
    take(fieldsOf(post), line, () => post);
  };

  // One record, an NDJSON line or an array element, at `line`:`column` of the file: most are read from
  // their bytes by the scanner, the rest take the full path. `origin` is what the sink is told (line or index).
  const scanner = new PostScanner();
  const marks = new ChunkMarks();
  const altered = alteredText(file, found);
  const estimate = options.onEstimate && options.format !== 'csv' ? estimator((await stat(options.path)).size, options.onEstimate) : undefined;
  const record = (bytes: Buffer, start: number, end: number, origin: number, line: number, column: number, hint: string): void => {
    estimate?.(end - start);
    const { utf8, control } = marks.look(bytes, start, end, hint === NDJSON_HINT);
    const before = posts;
    read(bytes, start, end, origin, line, column, hint);
    // A post refused for its value is reported once, by its error; an accepted one is looked at closely.
    if ((!utf8 || control) && posts > before) altered.add(bytes, start, end, line, column, utf8);
  };
  const read = (bytes: Buffer, start: number, end: number, origin: number, line: number, column: number, hint: string): void => {
    const fields = scanner.scan(bytes, start, end);
    if (fields !== undefined) {
      posts++;
      take(fields, origin, () => JSON.parse(bytes.toString('utf8', start, end)) as RawPost);
      return;
    }
    const text = bytes.toString('utf8', start, end);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (!/^\s*$/.test(text)) found.add(jsonSyntaxDiagnostic(text, file, { lineOffset: line - 1, columnOffset: column - 1, hint }));
      return;
    }
    accept(value, origin, () => jsonTextLocator(text, [], line - 1, column - 1));
  };

  if (options.format === 'csv') {
    found.add(
      diagnostic({
        file,
        ruleId: 'ingest/format',
        message: 'Unexpected format `csv` for a posts file, expected `ndjson` or `json`.',
        hint: 'Convert the export with `casefile import`, which writes canonical NDJSON.',
      }),
    );
  } else if (options.format === 'ndjson') {
    await readLineBytes(options.path, (bytes, start, end, line) => record(bytes, start, end, line, line, 1, NDJSON_HINT));
  } else {
    // A JSON array is streamed element by element, each read as an NDJSON line is.
    const wellFormed = await readArrayElements(options.path, (bytes, start, end, at) =>
      record(bytes, start, end, at.index, at.line, at.column, ARRAY_HINT),
    );
    if (!wellFormed) {
      // The array itself is broken or absent: the whole text says where (an error path, so reading it whole is fine).
      const read = await readFile(options.path, 'utf8');
      const text = read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        found.add(jsonSyntaxDiagnostic(text, file, { hint: ARRAY_HINT }));
      }
      if (value !== undefined && !Array.isArray(value)) {
        found.add(
          diagnostic({
            file,
            ruleId: 'schema/invalid-type',
            message: 'Unexpected JSON value that is not a list, expected a JSON array of posts.',
          }),
        );
      }
    }
  }
  return { posts, diagnostics: [...found.list(), ...altered.list()] };
}

/** Records read before the rest of a file is estimated: enough to average out a few long posts, a moment of a large file. */
export const ESTIMATE_AFTER = 10_000;

/** Counts records and their bytes (each with its separator) and tells `tell` once how many more the file's `size` likely holds. */
function estimator(size: number, tell: (more: number) => void): (bytes: number) => void {
  let records = 0;
  let read = 0;
  let told = false;
  return (bytes) => {
    if (told) return;
    records++;
    read += bytes + 1;
    if (records < ESTIMATE_AFTER) return;
    told = true;
    tell(Math.max(0, Math.ceil(((size - read) * records) / read)));
  };
}

/**
 * Bytes that are not UTF-8 and control characters in an accepted post. In its text they are located
 * warnings: the pages print the text with them replaced (U+FFFD) or named (⟨U+0000⟩), as the platform
 * showed it. Anywhere else (ids, handles, names, hashtags, links) they are located errors, to `errors`:
 * an identity or a label must read as what it is, and two ids differing by an invisible byte look alike.
 */
function alteredText(file: string, errors: Problems) {
  const out: Diagnostic[] = [];
  let more = 0;
  const warn = (d: Diagnostic): void => {
    if (out.length < MAX_ALTERED_SHOWN) out.push(d);
    else more++;
  };
  return {
    add(bytes: Buffer, start: number, end: number, line: number, column: number, utf8: boolean): void {
      const text = bytes.toString('utf8', start, end);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return; // Not JSON: the reader reports it.
      }
      const locate = jsonTextLocator(text, [], line - 1, column - 1);
      const textSpan = locate(['text']);
      const inText = (at: Position): boolean =>
        textSpan !== undefined && before(textSpan.start, at) && before(at, textSpan.end ?? textSpan.start);
      const bad = utf8 ? undefined : firstInvalidUtf8(bytes, start, end);
      if (bad) {
        const at = { line: line + bad.line - 1, column: bad.line === 1 ? column - 1 + bad.column : bad.column };
        if (inText(at)) warn(invalidUtf8Diagnostic(file, at, 'warning'));
        else errors.add(invalidUtf8Diagnostic(file, at, 'error'));
      }
      for (const s of controlStrings(value)) {
        const d = controlCharacterDiagnostic({
          file,
          at: locate(s.path, { key: s.key }),
          code: s.code,
          field: fieldPath(s.path),
          key: s.key,
          ...(s.path[0] === 'text' && !s.key
            ? { severity: 'warning' as const, shown: 'pages show it named (⟨U+0000⟩) or as � (U+FFFD)' }
            : {}),
          hint: 'It usually comes from a faulty export; re-run the import, or remove it from the data and rehash the manifest.',
        });
        if (d.severity === 'warning') warn(d);
        else errors.add(d);
      }
    },
    list(): Diagnostic[] {
      if (more === 0) return out;
      return [
        ...out,
        diagnostic({
          file,
          start: out.at(-1)!.start,
          severity: 'warning',
          ruleId: 'text/altered-summary',
          message: `Unexpected ${more} more post${more === 1 ? '' : 's'} with bytes that are not UTF-8 or control characters after the first ${MAX_ALTERED_SHOWN}, expected none.`,
        }),
      ];
    },
  };
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** Altered posts reported one by one per file; the rest are counted, so warnings never drown the errors. */
const MAX_ALTERED_SHOWN = 20;

function issues(error: ZodError, file: string, input: unknown, locate: Locate): Diagnostic[] {
  return zodIssuesToDiagnostics(error, { file, input, locate});
}
