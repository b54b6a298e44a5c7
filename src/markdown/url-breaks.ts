/**
 * Where a long address may break across lines, as style guides set it (Chicago 14.18): after the `//` of
 * the scheme, and before a slash, full stop, hyphen, underscore, tilde, percent sign, question mark, `#`,
 * `&` or `=`. Never inside `https://`, so a reader never sees "htt / ps". Pages put a `<wbr>` between parts.
 */
export function urlBreaks(url: string): string[] {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  const parts = rest.split(/(?=[/.\-_~%?#&=])/);
  // The scheme stays with the host; repeated marks (`//`, `--`) stay together.
  const merged: string[] = [];
  for (const part of parts) {
    const previous = merged.at(-1);
    if (previous !== undefined && previous.length === 1 && part[0] === previous) merged[merged.length - 1] = previous + part;
    else merged.push(part);
  }
  if (merged.length > 0) merged[0] = scheme + merged[0];
  else merged.push(scheme);
  return merged;
}
