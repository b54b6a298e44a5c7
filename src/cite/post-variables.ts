/**
 * What each record of a released post dataset holds, for the Dataset's `variableMeasured`: one entry per
 * field of the canonical post, in the schema's order. Its test fails when the schema gains a field this
 * list does not describe.
 */
import { PostSchema } from '../schema/post.ts';

const descriptions: Record<string, string> = {
  id: 'The post’s id on its platform (or a pseudonymous id).',
  platform: 'The platform the post was published on.',
  url: 'The post’s address on its platform, when known.',
  author: 'Who posted it: platform id, handle and display name as collected.',
  createdAt: 'When it was posted, ISO 8601 with the offset of the source.',
  precision: 'How precise the posting time is (second, minute, hour or day).',
  text: 'The post’s text as collected.',
  lang: 'The language the platform gives the post.',
  kind: 'Original post, repost, quote or reply.',
  ref: 'The post a repost, quote or reply refers to, and its author.',
  hashtags: 'Hashtags as written, without #.',
  mentions: 'Accounts mentioned.',
  urls: 'Links in the post.',
  media: 'Attached media: type and SHA-256 of the file.',
  metrics: 'Engagement counts (reposts, likes, replies, views) and when they were observed.',
  availability: 'Whether the post could still be seen when last checked, and when.',
  archives: 'Archived copies of the post, with their date and digest.',
};

/** The fields of the canonical post schema. */
export function postFields(): string[] {
  return Object.keys(PostSchema.innerType().shape);
}

export function postVariables(): { name: string; description: string }[] {
  return postFields().map((name) => ({ name, description: descriptions[name] ?? name }));
}

export { descriptions as postFieldDescriptions };
