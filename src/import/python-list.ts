/**
 * Parse the Python `repr` of a list as the information-operations archives write it:
 * `['a', "it's"]`, `[123, 456]`, `[]`. Returns null when the text is not such a list.
 */
export function parsePythonList(text: string): string[] | null {
  // Most cells of an archive: no list at all.
  if (text === '[]' || text === '') return [];
  const s = text.trim();
  if (s === '') return [];
  if (!s.startsWith('[') || !s.endsWith(']')) return null;
  const items: string[] = [];
  let i = 1;
  const end = s.length - 1;
  const skipSpace = (): void => {
    while (i < end && /\s/.test(s[i]!)) i++;
  };
  skipSpace();
  while (i < end) {
    const quote = s[i];
    if (quote === "'" || quote === '"') {
      let value = '';
      i++;
      // Without a backslash before the closing quote the item is one slice, not a character at a time.
      const close = s.indexOf(quote, i);
      const slash = s.indexOf('\\', i);
      if (close !== -1 && close < end && (slash === -1 || slash > close)) {
        value = s.slice(i, close);
        i = close;
      }
      while (i < end && s[i] !== quote) {
        if (s[i] === '\\') {
          const decoded = unescape(s, i + 1);
          if (!decoded) return null;
          value += decoded.value;
          i = decoded.next;
        } else {
          value += s[i++];
        }
      }
      if (i >= end) return null;
      i++;
      items.push(value);
    } else {
      const start = i;
      while (i < end && s[i] !== ',') i++;
      const bare = s.slice(start, i).trim();
      if (!/^-?\d+(?:\.\d+)?$/.test(bare)) return null;
      items.push(bare);
    }
    skipSpace();
    if (i < end) {
      if (s[i] !== ',') return null;
      i++;
      skipSpace();
    }
  }
  return items;
}

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

function unescape(s: string, at: number): { value: string; next: number } | null {
  const c = s[at];
  if (c === undefined) return null;
  const simple = simpleEscapes[c];
  if (simple !== undefined) return { value: simple, next: at + 1 };
  const width = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (width === 0) return null;
  const hex = s.slice(at + 1, at + 1 + width);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return null;
  return { value: String.fromCodePoint(parseInt(hex, 16)), next: at + 1 + width };
}
