/// <reference types="astro/client" />

/** The render's options (src/site/render-options.ts), made into a module by src/build/astro-config.ts. */
declare module 'virtual:casefile/render-options' {
  const options: import('./site/render-options.ts').RenderOptions;
  export default options;
}
