/**
 * `::post{id=…}`: one post as evidence, from the case model. The text is the dataset's, untrusted, so it is
 * only ever a text node; links go to archived copies (http(s) only), never a live embed or platform image.
 */
import type { Element } from 'hast';
import type { LeafDirective } from 'mdast-util-directive';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import { isHttpUrl } from '../schema/index.ts';
import { attributesOf, unknownOptions } from './attributes.ts';
import { formatDay, formatInstantNamed } from './format.ts';
import { h, type Child } from './hast.ts';
import { markdownMessages } from './messages.ts';
import { cardText } from './post-excerpt.ts';
import { addOnce, type RenderState } from './state.ts';

function when(post: NormalisedPost, locale: string, timeZone: string): string {
  // A day-precision timestamp only knows the day; a clock time would claim more than the source says.
  return post.precision === 'day' ? formatDay(post.time, locale, timeZone) : formatInstantNamed(post.time, locale, timeZone);
}

function lines(text: string): Child[] {
  return text.split(/\r?\n/).flatMap((line, i) => (i === 0 ? [line] : [h('br'), line]));
}

export function evidenceCard(data: NormalisedPost, state: RenderState): Element {
  const { ctx } = state;
  // A private person's ids, handle, addresses and archives never reach the card, nor their handle in others' texts.
  const post = ctx.showPost ? ctx.showPost(data) : data;
  const m = markdownMessages(ctx.locale);
  const who = (authorId: string) => ctx.account(authorId) ?? { label: authorId };
  const author = who(post.authorId);
  const iso = new Date(post.time).toISOString();
  const notes: Child[] = [];
  if (post.refId !== undefined && post.kind !== 'post') {
    notes.push(h('p', { className: ['evidence-ref'] }, [m.repostOf(post.kind, post.refAuthorId ? who(post.refAuthorId).label : '?', post.refId)]));
  }
  if (post.availability === 'deleted' || post.availability === 'suspended' || post.availability === 'withheld') {
    notes.push(h('p', { className: ['evidence-status'] }, [m.availability[post.availability]]));
  }
  const archives = post.archives.filter((a) => isHttpUrl(a.url));
  const excerpt = cardText(post.text);
  return h('article', { className: ['evidence-card'], id: `post-${post.id}`, ariaLabel: m.evidence(author.label) }, [
    h('header', {}, [
      // <bdi>: an author name with a right-to-left override cannot reorder the card's text.
      h('span', { className: ['evidence-author'] }, [h('bdi', {}, [author.href ? h('a', { href: author.href }, [author.label]) : author.label])]),
      ' ',
      h('span', { className: ['evidence-kind'] }, [m.kinds[post.kind]]),
    ]),
    h('p', { className: ['evidence-time'] }, [
      `${m.postedAt} `,
      h('time', { dateTime: iso }, [when(post, ctx.locale, ctx.timeZone)]),
      ` (${ctx.timeZone}) · `,
      h('time', { dateTime: iso }, [when(post, ctx.locale, 'UTC')]),
    ]),
    ...notes,
    h('blockquote', { className: ['evidence-text'] }, [h('p', {}, lines(excerpt.text))]),
    excerpt.cut &&
      h('p', { className: ['evidence-shortened'] }, [
        m.shortened(post.dataset, post.line),
        ctx.caseId ? h('a', { href: `${ctx.urls.caseSection(ctx.caseId, 'data')}#datasets` }, [m.releasedData]) : m.releasedData,
        '.',
      ]),
    post.mediaHashes.length > 0 &&
      h('div', { className: ['evidence-media'] }, [
        h('p', {}, [m.media]),
        h('ul', {}, post.mediaHashes.map((hash) => h('li', {}, [h('code', {}, [hash])]))),
      ]),
    archives.length > 0 &&
      h('div', { className: ['evidence-archives'] }, [
        h('p', {}, [m.archives]),
        h(
          'ul',
          {},
          archives.map((a) =>
            h('li', {}, [
              h('a', { href: a.url, rel: ['nofollow', 'noreferrer'] }, [new URL(a.url).hostname]),
              a.archivedAt ? `, ${m.archivedAt(formatDay(Date.parse(a.archivedAt), ctx.locale, ctx.timeZone))}` : null,
              a.sha256 ? [', SHA-256 ', h('code', {}, [a.sha256])] : null,
            ].flat()),
          ),
        ),
      ]),
    h('footer', { className: ['evidence-source'] }, [m.source(post.dataset, post.line)]),
  ]);
}

export function postDirective(node: LeafDirective, state: RenderState): void {
  const attributes = attributesOf(node);
  for (const problem of unknownOptions('::post', attributes, ['id'])) state.report.at(node, problem);
  const id = attributes['id']?.trim() ?? '';
  const post = id ? state.ctx.model?.posts[id] : undefined;
  if (!state.ctx.model) {
    state.report.at(node, {
      ruleId: 'markdown/no-case-data',
      message: 'Unexpected `::post` outside a case, expected evidence cards only in a case report, where the posts are loaded.',
      hint: 'Link to an archived copy instead, or move the card into the case report.',
    });
    return;
  }
  if (!post) {
    state.report.at(node, {
      ruleId: 'reference/post',
      message: `Unexpected post \`${id}\`, expected the id of a post in the case's datasets.`,
      actual: id,
      hint: id ? 'Check the id against the dataset (it is the platform’s post id).' : 'Write the post id as ::post{id=…}.',
    });
    return;
  }
  addOnce(state.collected.postsReferenced, id);
  if (!state.render) return;
  const card = evidenceCard(post, state);
  node.data = { hName: 'article', hProperties: card.properties, hChildren: card.children };
}
