/**
 * Streams the elements of a file holding one JSON array, without reading or parsing it whole: a
 * 400 MB array read as one string comes close to V8's limit on a string's length, and parsed whole
 * it holds every post at once. The bytes are read in 1 MiB chunks; a small state machine follows
 * strings and nesting to find where each element starts and ends, and hands over its bytes with its
 * position (1-based line, column in UTF-16 code units as editors and momoa count them). The elements
 * themselves are checked by the caller. The first byte that cannot belong to an array of values
 * (outside an element) stops the reading: the caller then reports the file's syntax as a whole.
 */
import { createReadStream } from 'node:fs';

export interface ElementAt {
  index: number;
  line: number;
  column: number;
}

export type OnElement = (bytes: Buffer, start: number, end: number, at: ElementAt) => void;

// What the reader expects next, outside an element.
const OPEN = 0; // the array's `[`
const FIRST = 1; // an element or `]`
const ELEMENT = 2; // an element, after a comma
const AFTER = 3; // `,` or `]`
const DONE = 4; // nothing but whitespace

/** Reads the array; false when the file is not a well-formed array of values at its top level. */
export async function readArrayElements(path: string, onElement: OnElement): Promise<boolean> {
  let expect = OPEN;
  let line = 1;
  let column = 1;
  let index = 0;
  // The element being read: where it started (in `pending`), its position, and what is open inside it.
  let pending: Buffer | undefined;
  let from = -1;
  let at: ElementAt = { index: 0, line: 1, column: 1 };
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false;
  let first = true;
  let resume = 0;

  const finish = (bytes: Buffer, end: number): void => {
    onElement(bytes, from, end, at);
    from = -1;
    expect = AFTER;
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let bytes = chunk as Buffer;
    let i = 0;
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    }
    if (pending !== undefined) {
      // An element continues from the last chunk: read on in the joined bytes.
      i = resume;
      bytes = Buffer.concat([pending, bytes]);
      pending = undefined;
    }
    for (; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (from >= 0) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) {
            inString = false;
            if (depth === 0) {
              advance(c);
              finish(bytes, i + 1);
              continue;
            }
          }
        } else if (scalar) {
          if (c === 44 || c === 93 || c === 32 || c === 9 || c === 10 || c === 13) {
            finish(bytes, i);
            i--;
            continue;
          }
        } else if (c === 34) {
          inString = true;
        } else if (c === 123 || c === 91) {
          depth++;
        } else if (c === 125 || c === 93) {
          depth--;
          if (depth === 0) {
            advance(c);
            finish(bytes, i + 1);
            continue;
          }
        }
        advance(c);
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 10) {
        advance(c);
        continue;
      }
      if (expect === OPEN) {
        if (c !== 91) return false;
        expect = FIRST;
      } else if (expect === AFTER) {
        if (c === 44) expect = ELEMENT;
        else if (c === 93) expect = DONE;
        else return false;
      } else if (expect === FIRST && c === 93) {
        expect = DONE;
      } else if (expect === FIRST || expect === ELEMENT) {
        if (c === 44 || c === 93) return false;
        from = i;
        at = { index: index++, line, column };
        depth = c === 123 || c === 91 ? 1 : 0;
        inString = c === 34;
        escaped = false;
        scalar = depth === 0 && !inString;
      } else {
        return false;
      }
      advance(c);
    }
    if (from >= 0) {
      // Keep the element's bytes so far; the next chunk is appended to them.
      pending = bytes.subarray(from);
      resume = bytes.length - from;
      from = 0;
    }
  }
  if (from >= 0 && scalar) {
    finish(pending!, pending!.length);
    return false;
  }
  return expect === DONE;

  function advance(c: number): void {
    if (c === 10) {
      line++;
      column = 1;
    } else if ((c & 0xc0) !== 0x80) {
      // A UTF-8 lead byte of four bytes is a character outside the BMP: two UTF-16 code units.
      column += c >= 0xf0 ? 2 : 1;
    }
  }
}
