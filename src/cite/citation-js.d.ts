/** The slice of citation-js this project calls; the packages ship no types. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(format: 'bibliography', options: { template: string; format: 'text' | 'html'; lang: string }): string;
    format(format: 'bibtex' | 'ris'): string;
    /** RIS as one record per item, tag to value (or values, for repeated tags). */
    format(format: 'ris', options: { type: 'object' }): Record<string, string | string[]>[];
    format(format: 'data', options: { format: 'object' }): Record<string, unknown>[];
    static async(data: string): Promise<Cite>;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { templates: { has(name: string): boolean; add(name: string, xml: string): void }; locales: { add(name: string, xml: string): void } };
      get(name: '@bibtex'): { format: { useIdAsLabel: boolean } };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/name' {
  export function parse(name: string): { given?: string; family?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string };
}
