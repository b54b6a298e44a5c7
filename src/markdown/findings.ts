/**
 * Heading ids. `## Title {#id}` marks a finding with a permanent id, a visible self-link and a
 * `data-finding` hook for the site's "cite this finding" block; other headings get slug ids.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { translator } from '../locale/messages.ts';
import type { RenderState } from './state.ts';

const explicitId = /\s*\{#([^}]*)\}\s*$/;
/** Same shape as `SlugSchema`: finding ids appear in URLs and in `claims[].finding`. */
const findingId = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** Strip a trailing `{#id}` from the heading's last text, returning the id as written. */
function takeExplicitId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = explicitId.exec(last.value);
  if (!match) return undefined;
  (last as Text).value = last.value.slice(0, match.index);
  if (last.value === '') heading.children.pop();
  return match[1]!.trim();
}

export function remarkFindings(state: RenderState) {
  const t = translator(state.ctx.locale);
  return (tree: Root) => {
    const headings: { node: Heading; id?: string }[] = [];
    const explicit = new Map<string, Heading>();
    visit(tree, 'heading', (node) => {
      const id = takeExplicitId(node);
      if (id === undefined) {
        headings.push({ node });
        return;
      }
      if (!findingId.test(id)) {
        state.report.at(node, {
          ruleId: 'markdown/finding-id',
          message: `Unexpected finding id \`${id}\`, expected a lowercase id of letters, digits and single dashes.`,
          actual: id,
          expected: 'an id like `montage-first-post`',
          hint: 'Finding ids become permanent URLs: choose a short lowercase id such as {#montage-first-post}.',
        });
        headings.push({ node });
        return;
      }
      const first = explicit.get(id);
      if (first) {
        state.report.at(node, {
          ruleId: 'markdown/duplicate-id',
          message: `Unexpected second heading with id \`${id}\`, expected each id once (first used on line ${state.report.place(first).line}).`,
          actual: id,
          hint: 'Give this finding its own id; ids are permanent links and must be unique.',
        });
        headings.push({ node });
        return;
      }
      explicit.set(id, node);
      headings.push({ node, id });
    });

    // Slugs skip explicit ids, which stay what the author wrote wherever they appear.
    const slugger = new GithubSlugger();
    for (const { node, id } of headings) {
      const text = toString(node).trim();
      let slug = id;
      if (slug === undefined) {
        do slug = slugger.slug(text || 'section');
        while (explicit.has(slug));
      }
      const data = (node.data ??= {});
      data.hProperties = { ...data.hProperties, id: slug };
      state.collected.headings.push({ depth: node.depth, id: slug, text, line: state.report.place(node).line });
      if (id === undefined) continue;
      data.hProperties['dataFinding'] = id;
      // Marks the id as a permanent address: the anchors lock fails a build that drops it.
      data.hProperties['dataPermanent'] = '';
      state.collected.findings.push({ id, title: text, line: state.report.place(node).line });
      // A retired id of this finding stays a working, permanent address: an empty anchor in the heading.
      for (const [retired, target] of Object.entries(state.ctx.anchorAliases ?? {}).sort()) {
        if (target !== id) continue;
        node.children.unshift({ type: 'text', value: '', data: { hName: 'span', hProperties: { id: retired, dataPermanent: '' } } });
      }
      node.children.push({
        type: 'text',
        value: '',
        data: {
          hName: 'a',
          hProperties: { className: ['anchor'], href: `#${id}`, ariaLabel: t('md.linkToFinding') },
          // The visible `#` comes from the style sheet: copied headings, search results and feeds stay clean.
          hChildren: [],
        },
      });
    }
  };
}
