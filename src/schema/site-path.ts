/**
 * One rule for every address and file name the site makes from its inputs: page paths in the anchors lock,
 * redirect sources and targets, and ids that name files (account pages, chart data). A path never climbs out
 * of the site (`..`, encoded dots or slashes, a backslash), never leaves it (`//host`), and every segment fits
 * the file systems static sites are built and served on (255 bytes a name; 200 leaves room for suffixes).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Longest file or folder name the build writes, in UTF-8 bytes. */
export const MAX_SEGMENT_BYTES = 200;

const encoder = new TextEncoder();

/** Why `path` (a site path such as `/cases/x/`) is not a safe page address, or undefined when it is. */
export function sitePathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'it does not start with `/`';
  if (path.startsWith('//')) return 'it starts with `//`, which names another site';
  if (path.includes('\\')) return 'it contains a backslash';
  // Control characters and the bidi/invisible marks that make two paths look alike.
  if (/[\p{Cc}\p{Cf}\s]/u.test(path)) return 'it contains a space, a control or an invisible character';
  if (/%(?:2e|2f|5c|00)/i.test(path)) return 'it contains an encoded `.`, `/`, `\\` or NUL';
  for (const segment of path.split('/').slice(1)) {
    if (segment === '.' || segment === '..') return `it contains a \`${segment}\` segment`;
    if (encoder.encode(segment).length > MAX_SEGMENT_BYTES) return `a segment is longer than ${MAX_SEGMENT_BYTES} bytes`;
  }
  return undefined;
}

const expectedPage = 'a site path such as /cases/old-name/, starting with one `/`, without `..`, encoded dots, `#` or `?`';

/** A page of this site, without the base path: `/cases/x/`. */
export const PagePathSchema = z
  .string({ invalid_type_error: expectedPage })
  .superRefine((s, ctx) => {
    const problem = /[#?]/.test(s) ? 'it contains `#` or `?`' : sitePathProblem(s);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${expectedPage} (${problem})` });
  });

const expectedTarget = 'a path of this site such as /cases/new-name/ or /cases/x/#finding, never another site (`//host`)';

/** Where a redirect goes: a page of this site, optionally with an `#anchor`, never another origin. */
export const SiteTargetSchema = z
  .string({ invalid_type_error: expectedTarget })
  .superRefine((s, ctx) => {
    const hash = s.indexOf('#');
    const path = hash < 0 ? s : s.slice(0, hash);
    const anchor = hash < 0 ? '' : s.slice(hash + 1);
    const problem = path.includes('?') ? 'it contains `?`' : sitePathProblem(path) ?? (/[\s\p{Cc}\p{Cf}#]/u.test(anchor) ? 'its anchor contains a space or control character' : undefined);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${expectedTarget} (${problem})` });
  });

const expectedFile = 'a relative path inside the dataset folder such as posts.ndjson: letters, digits, `_`, `-`, `.` and `/`, without `..` or `.` segments';

/** A data file named by a manifest, relative to its folder: never `.`, `..`, absolute or too long to exist. */
export const DataFilePathSchema = z
  .string({ invalid_type_error: expectedFile })
  .refine(
    (s) => s.split('/').every((segment) => /^[\w.-]+$/.test(segment) && segment !== '.' && segment !== '..' && segment.length <= MAX_SEGMENT_BYTES),
    expectedFile,
  );

/**
 * `id` as one file or folder name, different for every different id: lower-case ASCII letters, digits and
 * `-` are kept, every other character is written `_<hex code point>_` (so `u.x` is `u_2e_x`, apart from `u-x`,
 * and `A` apart from `a` on case-insensitive disks). Past 120 characters the name is cut and ends in `~` and
 * a hash of the whole id: `~` appears in no other name, so a cut name never equals an uncut one.
 */
export function fileSafeId(id: string): string {
  let out = '';
  for (const ch of id) out += /^[a-z0-9-]$/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  if (out.length <= 120) return out;
  return `${out.slice(0, 100)}~${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}
