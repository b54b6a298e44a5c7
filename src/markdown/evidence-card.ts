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
import { translator } from '../locale/messages.ts';
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
  const t = translator(ctx.locale);
  const who = (authorId: string) => ctx.account(authorId) ?? { label: authorId };
  const author = who(post.authorId);
  const iso = new Date(post.time).toISOString();
  const notes: Child[] = [];
  if (post.refId !== undefined && post.kind !== 'post') {
    notes.push(h('p', { className: ['evidence-ref'] }, [t('md.repostOf', { kind: post.kind, author: post.refAuthorId ? who(post.refAuthorId).label : '?', id: post.refId })]));
  }
  if (post.availability === 'deleted' || post.availability === 'suspended' || post.availability === 'withheld') {
    notes.push(h('p', { className: ['evidence-status'] }, [t('md.availability', { state: post.availability })]));
  }
  const archives = post.archives.filter((a) => isHttpUrl(a.url));
  const excerpt = cardText(post.text);
  return h('article', { className: ['evidence-card'], id: `post-${post.id}`, ariaLabel: t('md.evidence', { author: author.label }) }, [
    h('header', {}, [
      // <bdi>: an author name with a right-to-left override cannot reorder the card's text.
      h('span', { className: ['evidence-author'] }, [h('bdi', {}, [author.href ? h('a', { href: author.href }, [author.label]) : author.label])]),
      ' ',
      h('span', { className: ['evidence-kind'] }, [t('md.kind', { kind: post.kind })]),
    ]),
    h('p', { className: ['evidence-time'] }, [
      `${t('md.postedAt')} `,
      h('time', { dateTime: iso }, [when(post, ctx.locale, ctx.timeZone)]),
      ` (${ctx.timeZone}) · `,
      h('time', { dateTime: iso }, [when(post, ctx.locale, 'UTC')]),
    ]),
    ...notes,
    h('blockquote', { className: ['evidence-text'] }, [h('p', {}, lines(excerpt.text))]),
    excerpt.cut &&
      h('p', { className: ['evidence-shortened'] }, [
        t('md.shortened', { dataset: post.dataset, line: post.line }),
        ctx.caseId ? h('a', { href: `${ctx.urls.caseSection(ctx.caseId, 'data')}#datasets` }, [t('md.releasedData')]) : t('md.releasedData'),
        '.',
      ]),
    post.mediaHashes.length > 0 &&
      h('div', { className: ['evidence-media'] }, [
        h('p', {}, [t('md.media')]),
        h('ul', {}, post.mediaHashes.map((hash) => h('li', {}, [h('code', {}, [hash])]))),
      ]),
    archives.length > 0 &&
      h('div', { className: ['evidence-archives'] }, [
        h('p', {}, [t('md.archives')]),
        h(
          'ul',
          {},
          archives.map((a) =>
            h('li', {}, [
              h('a', { href: a.url, rel: ['nofollow', 'noreferrer'] }, [new URL(a.url).hostname]),
              a.archivedAt ? `, ${t('md.archivedAt', { date: formatDay(Date.parse(a.archivedAt), ctx.locale, ctx.timeZone) })}` : null,
              a.sha256 ? [', SHA-256 ', h('code', {}, [a.sha256])] : null,
            ].flat()),
          ),
        ),
      ]),
    h('footer', { className: ['evidence-source'] }, [t('md.source', { dataset: post.dataset, line: post.line })]),
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
