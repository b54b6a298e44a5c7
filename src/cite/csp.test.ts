import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile } from './csp.ts';

describe('headersFile(base)', () => {
  it('sends the CSP, nosniff and the referrer policy for every file under the base', () => {
    const text = headersFile('/investigations');
    expect(text.split('\n')[0]).toBe('/investigations/*');
    expect(text).toContain(`  Content-Security-Policy: ${contentSecurityPolicy({ search: true })}; frame-ancestors 'none'\n`);
    expect(text).toContain("script-src 'self' 'wasm-unsafe-eval'; object-src 'none'");
    expect(text).toContain('  X-Content-Type-Options: nosniff\n');
  });
});
