import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { astroConfig } from './astro-config.ts';

const options = { root: '/projects/report', base: '/reports/', site: 'https://example.org', pdf: true, drafts: false, handOver: '7.1' };

/** The Vite plugins the render-options integration adds when Astro sets up for `command`. */
function optionsPlugins(command: 'dev' | 'build'): Plugin[] {
  const integration = (astroConfig(options).integrations as AstroIntegration[]).find((i) => i.name === 'casefile-render-options')!;
  const plugins: Plugin[] = [];
  const setup = integration.hooks['astro:config:setup'] as (p: unknown) => void;
  setup({ command, updateConfig: (c: { vite: { plugins: Plugin[] } }) => plugins.push(...c.vite.plugins) });
  return plugins;
}

const call = <T>(hook: unknown, ...args: unknown[]): T => (hook as (...a: unknown[]) => T).call({}, ...args);

describe('astroConfig(options)', () => {
  it('is the whole configuration the options make: site, base, no config file needed', () => {
    const config = astroConfig(options);
    expect(config.site).toBe('https://example.org');
    expect(config.base).toBe('/reports/');
    expect(config.trailingSlash).toBe('always');
  });

  it('hands the pages the options as virtual:casefile/render-options, saying whether this is astro dev', () => {
    for (const command of ['build', 'dev'] as const) {
      const [plugin] = optionsPlugins(command);
      const id = call<string>(plugin!.resolveId, 'virtual:casefile/render-options');
      const code = call<string>(plugin!.load, id);
      expect(JSON.parse(code.replace(/^export default |;$/g, ''))).toEqual({ ...options, devServer: command === 'dev' });
      expect(call(plugin!.resolveId, './other.ts')).toBeUndefined();
    }
  });

  it('leaves src/site/hand-over.mjs out of the pages’ bundle, so the render shares the build’s instance', () => {
    const plugin = (astroConfig(options).vite!.plugins as Plugin[]).find((p) => p.name === 'casefile-shared-hand-over')!;
    expect(plugin.enforce).toBe('pre');
    const site = fileURLToPath(new URL('../site/site.ts', import.meta.url));
    const handOver = fileURLToPath(new URL('../site/hand-over.mjs', import.meta.url));
    expect(call(plugin.resolveId, './hand-over.mjs', site)).toEqual({ id: pathToFileURL(handOver).href, external: 'absolute' });
    // Another file of that name is bundled as any other.
    expect(call(plugin.resolveId, './hand-over.mjs', '/elsewhere/page.ts')).toBeUndefined();
  });
});
