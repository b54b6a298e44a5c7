/** SPDX ids become their canonical spdx.org page, so `license` is a URL machines can follow; a phrase stays as written. */
export function licenceUrl(licence: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(licence) ? `https://spdx.org/licenses/${licence}.html` : licence;
}
