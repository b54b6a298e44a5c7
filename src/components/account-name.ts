/**
 * An account as the case shows it, as hast: linked when it has a page; a private individual only by pseudonym.
 * `AccountName.astro` places it in templates; lists that name many accounts a page (the amplification
 * tables) build their rows from it directly, since an Astro component instance a row was the largest part of
 * an account page's render after its chart (BENCHMARKS.md, "Pages without copies").
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { AccountLabel } from '../aggregate/account-names.ts';
import { translator } from '../locale/messages.ts';

export function accountName(label: AccountLabel, locale: string): ElementContent[] {
  // <bdi>: a handle with a right-to-left override cannot reorder the text around it.
  const name = h('bdi', label.label);
  const named = label.href ? h('a', { href: label.href }, [name]) : name;
  return label.pseudonymised ? [named, h('span', { class: 'muted' }, ` ${translator(locale)('account.pseudonym')}`)] : [named];
}

export function accountNameHtml(label: AccountLabel, locale: string): string {
  return toHtml({ type: 'root', children: accountName(label, locale) });
}
