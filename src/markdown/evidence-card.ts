/**
 * `::post{id=…}`: one post as evidence, from the case model. The text is the dataset's, untrusted, so it is
 * only ever a text node; links go to archived copies (http(s) only), never a live embed or platform image.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { LeafDirective } from 'mdast-util-directive';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import { isHttpUrl } from '../schema/index.ts';
import { attributesOf, unknownOptions } from './attributes.ts';
import { formatDay, formatInstantNamed } from './format.ts';
import { h, type Child } from './hast.ts';
import { translator } from '../locale/messages.ts';
import { cardText } from './post-excerpt.ts';
import { accountName, type NamedAccount } from './references.ts';
import { addOnce, type RenderState } from './state.ts';

function when(post: NormalisedPost, locale: string, timeZone: string): string {
  // A day-precision timestamp only knows the day; a clock time would claim more than the source says.
  return post.precision === 'day' ? formatDay(post.time, locale, timeZone) : formatInstantNamed(post.time, locale, timeZone);
}

function lines(text: string): Child[] {
  return text.split(/\r?\n/).flatMap((line, i) => (i === 0 ? [line] : [h('br'), line]));
}

/** What a card needs besides the post: the case's language and zone, how accounts are named, where the data is. */
export interface EvidenceCardContext {
  locale: string;
  timeZone: string;
  /** How an account is shown, by dataset author id; private individuals come back pseudonymised. */
  account(authorId: string): { label: string; href?: string; pseudonymised?: boolean } | undefined;
  /** The case's data page, where a shortened post's whole text is released; absent outside a case. */
  dataHref?: string;
}

/**
 * The one evidence card, for `::post` in Markdown and for the posts pages show (a hashtag's first posts and
 * cascade roots). `post` is the post as published: the caller has applied the site's privacy decision.
 */
export function evidenceCard(post: NormalisedPost, ctx: EvidenceCardContext): Element {
  const t = translator(ctx.locale);
  const who = (authorId: string): NamedAccount => ctx.account(authorId) ?? { label: authorId };
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
      h('span', { className: ['evidence-author'] }, [
        accountName(author, ctx.locale),
        author.pseudonymised ? h('span', { className: ['evidence-pseudonym'] }, [` ${t('account.pseudonym')}`]) : null,
      ]),
      ' ',
      h('span', { className: ['evidence-kind'] }, [t('md.kind', { kind: post.kind })]),
    ]),
    h('p', { className: ['evidence-time'] }, [
      `${t('md.postedAt')} `,
      h('time', { dateTime: iso }, [when(post, ctx.locale, ctx.timeZone)]),
      `${t('md.zone', { timeZone: ctx.timeZone })} · `,
      h('time', { dateTime: iso }, [when(post, ctx.locale, 'UTC')]),
    ]),
    ...notes,
    // The text is the poster's: marked with its language when the export knew it (screen readers pick the
    // voice, browsers hyphenate by it), and with dir="auto" so an Arabic or Persian post in a left-to-right
    // page (or the reverse) runs in its own direction.
    h('blockquote', { className: ['evidence-text'], ...(post.lang ? { lang: post.lang } : {}), dir: 'auto' }, [h('p', {}, lines(excerpt.text))]),
    excerpt.cut &&
      h('p', { className: ['evidence-shortened'] }, [
        t('md.shortened', { dataset: post.dataset, line: post.line }),
        ctx.dataHref ? h('a', { href: ctx.dataHref }, [t('md.releasedData')]) : t('md.releasedData'),
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
    h('footer', { className: ['evidence-source'] }, [
      t('md.source', { dataset: post.dataset, line: post.line }),
      ` · ${t('md.postId')} `,
      h('code', {}, [post.id]),
    ]),
  ]);
}

/** The card as HTML, for pages: serialised as the Markdown pipeline serialises it, so both print the same markup. */
export function evidenceCardHtml(post: NormalisedPost, ctx: EvidenceCardContext): string {
  return toHtml(evidenceCard(post, ctx));
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
  const { ctx } = state;
  // A private person's ids, handle, addresses and archives never reach the card, nor their handle in others' texts.
  const card = evidenceCard(ctx.showPost ? ctx.showPost(post) : post, {
    locale: ctx.locale,
    timeZone: ctx.timeZone,
    account: ctx.account,
    ...(ctx.caseId ? { dataHref: `${ctx.urls.caseSection(ctx.caseId, 'data')}#datasets` } : {}),
  });
  node.data = { hName: 'article', hProperties: card.properties, hChildren: card.children };
}
