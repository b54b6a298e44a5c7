/**
 * Query parameters in ClickHouse's own syntax, `{name:Type}`, so a query file runs by hand with
 * `clickhouse-client --param_name=…`. A server that binds parameters itself (HTTP `param_<name>`, ClickHouse
 * 19.11 and later) gets them as URL parameters; an older one (Debian's 18.16) gets each value written into
 * the query as a typed literal, escaped here. Values never reach a query any other way.
 */

export type ParameterValue = string | number | readonly string[] | readonly number[];
export type Parameters = Record<string, ParameterValue>;

/** The types the query files use. */
const SCALAR = new Set(['String', 'Int64', 'UInt64', 'Int32', 'UInt32', 'UInt8']);
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*):([A-Za-z0-9_()]+)\}/g;

/** Every `{name:Type}` in a query, in order of first use. */
export function placeholders(sql: string): { name: string; type: string }[] {
  const seen = new Map<string, string>();
  for (const [, name, type] of sql.matchAll(PLACEHOLDER)) {
    const earlier = seen.get(name!);
    if (earlier !== undefined && earlier !== type) throw new Error(`Unexpected parameter {${name}:${type}}, expected the type it has elsewhere (${earlier})`);
    seen.set(name!, type!);
  }
  return [...seen].map(([name, type]) => ({ name, type }));
}

/**
 * The query with placeholders replaced by their values as literals: every one, or only those whose type
 * passes `which`. A table name (`Identifier`) is always written in: few servers bind one.
 */
export function inlineParameters(sql: string, values: Parameters, which: (type: string) => boolean = () => true): string {
  placeholders(sql);
  return sql.replace(PLACEHOLDER, (whole, name: string, type: string) => (which(type) ? literal(type, valueOf(values, name), name) : whole));
}

/** `db.table` or `table`, back-quoted; anything else is refused, never escaped. */
export function identifier(value: ParameterValue, name = 'table'): string {
  if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(value)) {
    throw new Error(`Unexpected table name ${JSON.stringify(value)} for {${name}}, expected \`table\` or \`database.table\` of letters, digits and _`);
  }
  return value.split('.').map((part) => `\`${part}\``).join('.');
}

/** The URL parameters (`param_<name>`) a server that binds them needs, in the text form ClickHouse parses. */
export function urlParameters(sql: string, values: Parameters): URLSearchParams {
  const params = new URLSearchParams();
  for (const { name, type } of placeholders(sql)) {
    const value = valueOf(values, name);
    params.set(`param_${name}`, textForm(type, value, name));
  }
  return params;
}

function valueOf(values: Parameters, name: string): ParameterValue {
  if (!Object.hasOwn(values, name)) throw new Error(`Unexpected query parameter {${name}} without a value, expected one of: ${Object.keys(values).join(', ')}`);
  return values[name]!;
}

/**
 * The text a server parses a `param_` value from: a string bare, a number in decimal, an array as its
 * literal (elements quoted). Checked as `literal` checks it.
 */
function textForm(type: string, value: ParameterValue, name: string): string {
  literal(type, value, name);
  if (type === 'String') return value as string;
  if (!Array.isArray(value)) return String(value);
  return `[${(value as readonly (string | number)[]).map((v) => (typeof v === 'string' ? quoteString(v) : String(v))).join(',')}]`;
}

/** A literal of `type` holding `value`; throws when the value does not fit the type. */
export function literal(type: string, value: ParameterValue, name = 'value'): string {
  if (type === 'Identifier') return identifier(value, name);
  const array = /^Array\((.+)\)$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw new Error(`Unexpected ${typeof value} for {${name}:${type}}, expected an array`);
    return `[${(value as readonly (string | number)[]).map((v) => literal(array[1]!, v, name)).join(', ')}]`;
  }
  if (!SCALAR.has(type)) throw new Error(`Unexpected parameter type ${type} for {${name}}, expected Identifier, one of ${[...SCALAR].join(', ')} or an Array of one`);
  if (type === 'String') return quoteString(checkedString(value, name));
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`Unexpected ${JSON.stringify(value)} for {${name}:${type}}, expected a whole number`);
  if (type.startsWith('U') && value < 0) throw new Error(`Unexpected ${value} for {${name}:${type}}, expected a number of at least 0`);
  // Bare, so it may stand where ClickHouse takes only a literal (LIMIT n BY); a negative one in brackets.
  return value < 0 ? `(${value})` : String(value);
}

function checkedString(value: ParameterValue, name: string): string {
  if (typeof value !== 'string') throw new Error(`Unexpected ${typeof value} for {${name}:String}, expected a string`);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    throw new Error(`Unexpected lone surrogate in {${name}}, expected well-formed text`);
  }
  return value;
}

/**
 * A single-quoted ClickHouse string: backslash and quote escaped, and every control character, so the
 * literal is one line whatever the value holds (a NUL, a newline ending a comment).
 */
export function quoteString(value: string): string {
  let out = "'";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}
