/**
 * Control characters in input text: C0 controls other than tab and line breaks, and DEL. They are invisible in
 * editors and on pages, a NUL is a parse error in HTML and ends a C string, and ESC sequences repaint a
 * terminal that prints a diagnostic. Every reader asks here, so one rule and one wording cover them all.
 */
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.ts';
import type { IssuePath, Locate, Span } from '../diagnostics/zod-issues.ts';

export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `U+0000` for the first control character of `text`, or undefined when it has none. */
export function firstControl(text: string): string | undefined {
  const found = CONTROL.exec(text);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** A string of parsed input (a value, or a key when `key`) holding a control character, at `path`. */
export interface ControlString {
  path: IssuePath;
  key: boolean;
  code: string;
}

/** Every string and key of a parsed value holding a control character, in document order, up to `limit`. */
export function controlStrings(value: unknown, limit = 20): ControlString[] {
  const out: ControlString[] = [];
  const walk = (v: unknown, path: IssuePath): void => {
    if (out.length >= limit) return;
    if (typeof v === 'string') {
      const code = firstControl(v);
      if (code) out.push({ path, key: false, code });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const code = firstControl(k);
        if (code && out.length < limit) out.push({ path: [...path, k], key: true, code });
        walk(item, [...path, k]);
      }
    }
  };
  walk(value, []);
  return out;
}

/** `author.handle`, `hashtags[0]`: a path as an editor reads it in a diagnostic. */
export function fieldPath(path: IssuePath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : String(p)), '') || '(the value)';
}

export interface ControlDiagnosticInit {
  file: string;
  at: Span | undefined;
  code: string;
  /** The field it is in (`author.handle`), when the input is structured. */
  field?: string;
  key?: boolean;
  severity?: Severity;
  /** What pages do with it, for a warning: they print the text anyway. */
  shown?: string;
  hint?: string;
}

export const CONTROL_HINT = 'It is invisible in most editors (in JSON and YAML it may be written as an escape such as `\\u0000`); delete it.';

export function controlCharacterDiagnostic(init: ControlDiagnosticInit): Diagnostic {
  const where = init.field === undefined ? '' : ` in ${init.key ? 'the key ' : ''}\`${init.field}\``;
  return diagnostic({
    file: init.file,
    ...(init.at ?? {}),
    severity: init.severity ?? 'error',
    ruleId: 'text/control-character',
    message: `Unexpected control character ${init.code}${where}, expected readable text${init.shown ? `; ${init.shown}` : ''}.`,
    actual: init.code,
    expected: 'readable text',
    hint: init.hint ?? CONTROL_HINT,
  });
}

/** Located errors for the control characters in a parsed input's strings and keys. */
export function controlDiagnostics(value: unknown, file: string, locate: Locate, limit = 20): Diagnostic[] {
  return controlStrings(value, limit).map((s) =>
    controlCharacterDiagnostic({ file, at: locate(s.path, { key: s.key }), code: s.code, field: fieldPath(s.path), key: s.key }),
  );
}
