/**
 * `:account[x/esmirakhahil]` and `:entity[yap]`: links to the account's or entity's page, labelled with its
 * display name (private individuals come back pseudonymised from the site). `:account[label]{id=…}` keeps
 * the author's words as the label.
 */
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { attributesOf, unknownOptions } from './attributes.ts';
import { addOnce, type RenderState } from './state.ts';

/** The id and the label the author wrote, if any. */
function target(node: TextDirective): { id: string; label?: string } {
  const content = toString(node).trim();
  const id = node.attributes?.['id']?.trim();
  return id ? { id, ...(content ? { label: content } : {}) } : { id: content };
}

function link(node: TextDirective, className: string, label: string, href: string | undefined): void {
  node.data = {
    hName: href ? 'a' : 'span',
    hProperties: { className: [className], ...(href ? { href } : {}) },
    hChildren: [{ type: 'text', value: label }],
  };
}

function checkOptions(node: TextDirective, state: RenderState): void {
  for (const problem of unknownOptions(`:${node.name}`, attributesOf(node), ['id'])) state.report.at(node, problem);
}

export function accountReference(node: TextDirective, state: RenderState): void {
  checkOptions(node, state);
  const { id, label } = target(node);
  const account = id ? state.ctx.account(id) : undefined;
  if (!account) {
    state.report.at(node, {
      ruleId: 'reference/account',
      message: `Unexpected account \`${id}\`, expected a dossier id (like \`x/esmirakhahil\`) or an author id from the dataset.`,
      actual: id,
      hint: 'Add a dossier under content/accounts or correct the id.',
    });
    link(node, 'account-ref', label ?? id, undefined);
    return;
  }
  addOnce(state.collected.accountsReferenced, id);
  link(node, 'account-ref', label ?? account.label, account.href);
}

export function entityReference(node: TextDirective, state: RenderState): void {
  checkOptions(node, state);
  const { id, label } = target(node);
  const entity = state.ctx.entities.get(id);
  if (!entity) {
    state.report.at(node, {
      ruleId: 'reference/entity',
      message: `Unexpected entity \`${id}\`, expected a file in content/entities.`,
      actual: id,
      hint: `Add content/entities/${id}.md or correct the id.`,
    });
    link(node, 'entity-ref', label ?? id, undefined);
    return;
  }
  addOnce(state.collected.entitiesReferenced, id);
  link(node, 'entity-ref', label ?? entity.name, state.ctx.urls.entity(id));
}
