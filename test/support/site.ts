/** The site as the build assembles it from a check's result, for tests of what pages and the release receive. */
import type { CheckResult } from '../../src/check/checked.ts';
import { prepareSite } from '../../src/site/prepare.ts';
import type { Site } from '../../src/site/types.ts';

export function assembleSite(checked: CheckResult): Site {
  return prepareSite(checked, { version: { commit: null, date: null, label: 'unversioned' } });
}
