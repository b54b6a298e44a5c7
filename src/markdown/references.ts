/**
 * `:account[x/esmirakhahil]` and `:entity[yap]`: links to the account's or entity's page, labelled with its
 * display name (private individuals come back pseudonymised from the site). `:account[label]{id=…}` keeps
 * the author's words as the label.
 */
import type { Element } from 'hast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { fileId } from '../content/file-id.ts';
import { closest } from '../diagnostics/suggest.ts';
import { markedLanguage } from '../aggregate/account-names.ts';
import { projectLanguage } from '../locale/intl.ts';
import { attributesOf, unknownOptions } from './attributes.ts';
import { h } from './hast.ts';
import { addOnce, type RenderState } from './state.ts';

/** The id and the label the author wrote, if any. */
function target(node: TextDirective): { id: string; label?: string } {
  const content = toString(node).trim();
  const id = node.attributes?.['id']?.trim();
  return id ? { id, ...(content ? { label: content } : {}) } : { id: content };
}

function link(node: TextDirective, className: string, label: string, href: string | undefined, lang?: string): void {
  node.data = {
    hName: href ? 'a' : 'span',
    hProperties: { className: [className], ...(href ? { href } : {}), ...(lang ? { lang } : {}) },
    hChildren: [{ type: 'text', value: label }],
  };
}

function checkOptions(node: TextDirective, state: RenderState): void {
  for (const problem of unknownOptions(`:${node.name}`, attributesOf(node), ['id'])) state.report.at(node, problem);
}

/**
 * The ids a reference may mean, as written first: then in lower case, then as `npm run new` names the file
 * (`x/GrzegorzBraun_` → `x/grzegorzbraun`), so a handle written as it appears on the platform finds its dossier.
 */
function spellings(written: string): string[] {
  const slash = written.indexOf('/');
  const named = slash < 0 ? fileId(written) : `${written.slice(0, slash).toLowerCase()}/${fileId(written.slice(slash + 1))}`;
  return [...new Set([written, written.toLowerCase(), named])];
}

function didYouMean(written: string, known: Iterable<string>): string | undefined {
  const ids = [...known];
  return closest(written, ids) ?? closest(spellings(written).at(-1)!, ids);
}

export function accountReference(node: TextDirective, state: RenderState): void {
  checkOptions(node, state);
  const { id: written, label } = target(node);
  const id = spellings(written).find((s) => s && state.ctx.account(s)) ?? written;
  const account = id ? state.ctx.account(id) : undefined;
  if (!account) {
    const suggestion = didYouMean(written, state.ctx.accounts.keys());
    state.report.at(node, {
      ruleId: 'reference/account',
      message: `Unexpected account \`${written}\`, expected a dossier id (like \`x/esmirakhahil\`) or an author id from the dataset.`,
      actual: written,
      hint: suggestion
        ? `Did you mean \`${suggestion}\`?`
        : 'A dossier id is its path under content/accounts without `.md` (`npm run new -- account x Handle` writes x/handle.md); add a dossier or correct the id.',
    });
    link(node, 'account-ref', label ?? written, undefined);
    return;
  }
  addOnce(state.collected.accountsReferenced, id);
  // The account's own name, in the project's language, on a page in another: marked as such. A label the
  // editor wrote is in the page's language.
  link(node, 'account-ref', label ?? account.label, account.href, label === undefined ? markedLanguage(account, state.ctx.locale) : undefined);
}

export function entityReference(node: TextDirective, state: RenderState): void {
  checkOptions(node, state);
  const { id: written, label } = target(node);
  const id = spellings(written).find((s) => state.ctx.entities.has(s)) ?? written;
  const entity = state.ctx.entities.get(id);
  if (!entity) {
    const suggestion = didYouMean(written, state.ctx.entities.keys());
    state.report.at(node, {
      ruleId: 'reference/entity',
      message: `Unexpected entity \`${written}\`, expected a file in content/entities.`,
      actual: written,
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Add content/entities/${fileId(written) || written}.md or correct the id.`,
    });
    link(node, 'entity-ref', label ?? written, undefined);
    return;
  }
  addOnce(state.collected.entitiesReferenced, id);
  // An entity's name is written in its file, in the project's language: marked as such on a page in another.
  const lang = label === undefined ? markedLanguage({ lang: projectLanguage }, state.ctx.locale) : undefined;
  link(node, 'entity-ref', label ?? entity.name, state.ctx.urls.entity(id), lang);
}

/** An account as a Markdown page names it: what `RenderContext.account` gives, isolated (`<bdi>`) and linked to its page. */
export type NamedAccount = NonNullable<ReturnType<RenderState['ctx']['account']>>;

/**
 * The name in a `<bdi>`, so a handle with a right-to-left override cannot reorder the text around it, linked
 * when the account has a page, and marked with its language when its words are the project's and the page
 * is in another (AccountLabel.lang).
 */
export function accountName(account: NamedAccount, locale: string): Element {
  const lang = markedLanguage(account, locale);
  return h('bdi', lang ? { lang } : {}, [account.href ? h('a', { href: account.href }, [account.label]) : account.label]);
}
