/**
 * What the Astro render is told, as one plain object: the build (src/build/build-site.ts) or, under
 * `astro dev`, astro.config.mjs makes it, and src/build/astro-config.ts hands it to the pages as the module
 * `virtual:casefile/render-options`. Nothing below the command line reads environment variables or globals.
 */
export interface RenderOptions {
  /** The project's content root: the folder holding content/ and data/. */
  root: string;
  /** The path the site lives under (`/` at the root of a domain). */
  base: string;
  /** The scheme and host the site is served from, when given. */
  site?: string;
  /** The build prints each report to a PDF edition (`npm run pdf`), which the report then links. */
  pdf: boolean;
  /** Drafts are included: previews only (`astro dev`, a preview build). */
  drafts: boolean;
  /** A fixed version label for pages and citations, in place of the Git commit. */
  version?: string;
  /** Under `astro dev`: drafts shown, the model rebuilt when its inputs change, problems listed on every page. */
  devServer: boolean;
  /** The key under which the build handed its prepared site over (src/site/hand-over.mjs). */
  handOver?: string;
}
