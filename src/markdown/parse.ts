/** Markdown to mdast with the syntax every body may use: GFM and generic directives. */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(body: string): Root {
  return parser.runSync(parser.parse(body)) as Root;
}
