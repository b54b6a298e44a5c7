import { describe, expect, it } from 'vitest';
import { checkProject } from '../check/check-project.ts';
import { tempProject } from '../../test/support/fixture-project.ts';
import { isSpdxLicence, spdxSuggestion } from './licence.ts';

describe('SpdxLicenceSchema', () => {
  it('takes SPDX ids, LicenseRef-… and expressions of them, and nothing written another way', () => {
    for (const ok of ['CC-BY-4.0', 'CC0-1.0', 'MIT OR Apache-2.0', '(MIT AND CC-BY-SA-4.0)', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-Newsroom-Terms']) {
      expect(isSpdxLicence(ok), ok).toBe(true);
    }
    for (const bad of ['CC BY 4.0', 'cc-by-4.0', 'Creative Commons', 'CC-BY-4', 'MIT OR']) expect(isSpdxLicence(bad), bad).toBe(false);
  });

  it('suggests the id an editor meant', () => {
    expect(spdxSuggestion('CC BY 4.0')).toBe('CC-BY-4.0');
    expect(spdxSuggestion('cc-by-sa-4.0')).toBe('CC-BY-SA-4.0');
    expect(spdxSuggestion('CC-BY-4')).toBe('CC-BY-4.0');
  });

  it('npm run check reports `licence: CC BY 4.0` at its value, with the id as the hint', async () => {
    const project = await tempProject('minimal');
    try {
      await project.edit('content/cases/demo-case/index.md', /^licence: .*$/m, 'licence: CC BY 4.0');
      const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
      expect(diagnostics).toEqual([
        expect.objectContaining({
          file: 'content/cases/demo-case/index.md',
          start: expect.objectContaining({ column: 10 }),
          ruleId: 'schema/invalid-value',
          message: 'Unexpected `CC BY 4.0` in `licence`, expected an SPDX licence id such as CC-BY-4.0.',
          hint: 'Did you mean `CC-BY-4.0`? SPDX ids are written with dashes, as listed at https://spdx.org/licenses/.',
        }),
      ]);
    } finally {
      await project.remove();
    }
  });
});
