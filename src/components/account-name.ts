/**
 * An account as the case shows it: linked when it has a page; a private individual only by pseudonym.
 * `AccountName.astro` places it in templates; lists that name many accounts a page (the amplification
 * tables) build their rows from it directly, since an Astro component instance a row was the largest part of
 * an account page's render after its chart (BENCHMARKS.md, "Pages without copies").
 */
import { markedLanguage, type AccountLabel } from '../aggregate/account-names.ts';
import { translator } from '../locale/messages.ts';
import { element, join, text, type Html } from './html.ts';

export function accountNameHtml(label: AccountLabel, locale: string): Html {
  // <bdi>: a handle with a right-to-left override cannot reorder the text around it.
  // Words of the project's language on a page in another are marked as such (see AccountLabel.lang).
  const lang = markedLanguage(label, locale);
  const name = element('bdi', lang ? { lang } : null, text(label.label));
  const named = label.href ? element('a', { href: label.href }, name) : name;
  return label.pseudonymised ? join([named, element('span', { class: 'muted' }, text(` ${translator(locale)('account.pseudonym')}`))]) : named;
}
