/**
 * The site's addresses, made from the plain data the site holds (`Site.addresses`) by the one address builder
 * (src/content/urls.ts). The views and the release's files call this while they are made; pages receive the
 * addresses already written into their views.
 */
import { createUrls, type SiteUrls } from '../content/urls.ts';
import type { Site } from './types.ts';

const made = new Map<string, SiteUrls>();

/** The addresses as a language version links them: `language` (`fr`) for a translation's case pages, unset for the original's. */
export function siteUrls(site: Pick<Site, 'addresses'>, language?: string): SiteUrls {
  const { base, origin } = site.addresses;
  const key = `${base}\0${origin}\0${language ?? ''}`;
  let urls = made.get(key);
  if (!urls) {
    urls = createUrls(base, origin, language);
    made.set(key, urls);
  }
  return urls;
}

/** A site's list by id, indexed once per list: the views join by id (a source cited, an entity named, an account's page). */
const indexes = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>();

export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((item) => [item.id, item]));
    indexes.set(list, index);
  }
  return index.get(id) as T | undefined;
}
