/**
 * What readers of posts files ask of every record, answered once per chunk of the file: is it UTF-8, and may
 * it hold a control character (a raw DEL, or one escaped as `\u0000`…`\u001f`, `\u007f`)? Asked per record,
 * the checks add up over millions of posts; per 1 MiB chunk they cost nothing measurable (BENCHMARKS.md,
 * "Checks per chunk"). A record that may hold one is then looked at closely (`firstInvalidUtf8`, `controlStrings`).
 */
import { isUtf8 } from 'node:buffer';

const ESCAPE = Buffer.from('\\u00');

export class ChunkMarks {
  private chunk: Buffer | undefined;
  private valid = true;
  /** Offsets in the chunk that may start a control character, ascending. */
  private marks: number[] = [];
  private next = 0;

  /**
   * Whether the record `bytes[start..end)` is UTF-8 (`utf8`) and may hold a control character (`control`).
   * Records of one chunk must come in order. For NDJSON, whose chunks the line reader cuts after a `\n`,
   * `lines` lets one check cover the chunk; other records are checked one by one.
   */
  look(bytes: Buffer, start: number, end: number, lines: boolean): { utf8: boolean; control: boolean } {
    if (bytes !== this.chunk || !lines) {
      this.chunk = bytes;
      const last = lines ? bytes.lastIndexOf(10) : -1;
      const stop = last >= start ? last : end;
      const region = bytes.subarray(start, stop);
      this.valid = isUtf8(region);
      this.marks = [];
      this.next = 0;
      for (let at = region.indexOf(ESCAPE); at !== -1; at = region.indexOf(ESCAPE, at + 1)) this.marks.push(start + at);
      for (let at = region.indexOf(0x7f); at !== -1; at = region.indexOf(0x7f, at + 1)) this.marks.push(start + at);
      this.marks.sort((a, b) => a - b);
    }
    while (this.next < this.marks.length && this.marks[this.next]! < start) this.next++;
    const control = this.next < this.marks.length && this.marks[this.next]! < end;
    return { utf8: this.valid || (lines && isUtf8(bytes.subarray(start, end))), control };
  }
}
