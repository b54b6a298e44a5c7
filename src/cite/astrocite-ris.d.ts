/** Used by the tests as an RIS reader independent of citation-js; the package ships no types. */
declare module 'astrocite-ris' {
  export function parse(ris: string): Record<string, unknown>[];
}
