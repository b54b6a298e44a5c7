/** Markdown to mdast with the syntax every body may use: GFM and generic directives. */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkProseColons } from './prose-colons.ts';

/** The syntax after remark-parse, for every processor that reads a body: times and ratios stay text. */
export const markdownSyntax = { plugins: [remarkGfm, remarkDirective, remarkProseColons] };

const parser = unified().use(remarkParse).use(markdownSyntax);

export function parseMarkdown(body: string): Root {
  return parser.runSync(parser.parse(body), body) as Root;
}
