/**
 * Calls `onLine` for every line of a UTF-8 file, 1-based. Reads 1 MiB chunks and splits on `\n`
 * itself: node:readline costs about a third more on large NDJSON files.
 */
import { createReadStream } from 'node:fs';

export async function readLines(path: string, onLine: (line: string, lineNumber: number) => void): Promise<number> {
  let rest = '';
  let lineNumber = 0;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, encoding: 'utf8' })) {
    let text = rest + (chunk as string);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let from = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text.slice(from, end), ++lineNumber);
      from = nl + 1;
      nl = text.indexOf('\n', from);
    }
    rest = text.slice(from);
  }
  if (rest.length > 0) onLine(rest.charCodeAt(rest.length - 1) === 13 ? rest.slice(0, -1) : rest, ++lineNumber);
  return lineNumber;
}
