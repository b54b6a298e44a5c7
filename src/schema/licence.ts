/**
 * A report's licence as an SPDX identifier (`CC-BY-4.0`), so citation managers, search engines and the
 * JSON-LD read it: checked against SPDX's list (the spdx-license-ids package, pinned), with the id that was
 * meant as the hint when it is written the way a licence is spoken (`CC BY 4.0`, `cc-by-4.0`).
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { closest } from '../diagnostics/suggest.ts';

const require = createRequire(import.meta.url);
const ids = [...(require('spdx-license-ids') as string[]), ...(require('spdx-license-ids/deprecated.json') as string[])];
const byFolded = new Map(ids.map((id) => [id.toLowerCase(), id]));

/** A licence an SPDX list does not hold, named as the licensor's own: `LicenseRef-<letters, digits, . and ->`. */
const licenseRef = /^LicenseRef-[A-Za-z0-9.-]+$/;

/** True for an SPDX id, a `LicenseRef-…`, or an expression of them joined by AND, OR and WITH (`MIT OR Apache-2.0`). */
export function isSpdxLicence(value: string): boolean {
  const terms = value.replace(/[()]/g, ' ').trim().split(/\s+(?:AND|OR)\s+/);
  return terms.every((term) => {
    const [id, exception, ...rest] = term.split(/\s+WITH\s+/);
    return rest.length === 0 && (byFolded.get(id!.toLowerCase()) === id || licenseRef.test(id!)) && (exception === undefined || /^[A-Za-z0-9.-]+$/.test(exception));
  });
}

/** The SPDX id an editor most likely meant: `CC BY 4.0` → `CC-BY-4.0`, `cc-by-sa-4.0` → `CC-BY-SA-4.0`. */
export function spdxSuggestion(value: string): string | undefined {
  const dashed = value.trim().replace(/\s+/g, '-');
  return byFolded.get(dashed.toLowerCase()) ?? byFolded.get(value.trim().toLowerCase()) ?? closest(dashed, ids);
}

export const SpdxLicenceSchema = z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    if (value === '' || isSpdxLicence(value)) return;
    const suggestion = spdxSuggestion(value);
    ctx.addIssue({
      code: 'custom',
      message: 'an SPDX licence id such as CC-BY-4.0',
      params: {
        hint: suggestion
          ? `Did you mean \`${suggestion}\`? SPDX ids are written with dashes, as listed at https://spdx.org/licenses/.`
          : 'Write the licence as its SPDX id (https://spdx.org/licenses/), e.g. CC-BY-4.0 or CC-BY-SA-4.0.',
      },
    });
  });
