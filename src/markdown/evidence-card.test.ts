import { describe, expect, it } from 'vitest';
import { context, model, posts } from '../../test/fixtures/markdown/context.ts';
import { renderMarkdown } from './index.ts';

describe('renderMarkdown evidence cards', () => {
  it('shows a post from the data, escaped, with times in the case zone and UTC, media and archive hashes', () => {
    const r = renderMarkdown('::post{id=1001}', context());
    expect(r.postsReferenced).toEqual(['1001']);
    expect(r.html).toContain('<article class="evidence-card" id="post-1001" aria-label="Evidence: post by Esmira Khalil">');
    expect(r.html).toContain('<time datetime="2024-05-16T05:30:00.000Z">May 16, 2024 at 09:30 GMT+4</time> (Azerbaijan Standard Time)');
    expect(r.html).toContain('<time datetime="2024-05-16T05:30:00.000Z">May 16, 2024 at 05:30 UTC</time>');
    expect(r.html).toContain('Montage &#x3C;script>alert(1)&#x3C;/script><br>second line');
    expect(r.html).toContain(`<code>${'a'.repeat(64)}</code>`);
    expect(r.html).toContain(`SHA-256 <code>${'b'.repeat(64)}</code>`);
    expect(r.html).toContain('<a href="https://web.archive.org/web/2024/https://x.com/a/status/1001" rel="nofollow noreferrer">web.archive.org</a>');
    expect(r.html).not.toMatch(/javascript:|<img|<iframe/);
  });

  it('says what a repost reposts and that it was deleted', () => {
    const html = renderMarkdown('::post{id=1002}', context()).html;
    expect(html).toContain('<p class="evidence-ref">Repost of post 1001 by Esmira Khalil.</p>');
    expect(html).toContain('<p class="evidence-status">This post has since been deleted.</p>');
  });

  it('shows a bounded excerpt of a huge post, with an ellipsis and a link to the whole text in the released data', () => {
    const huge = { ...posts['1001']!, id: '1003', line: 7, text: `Opening words ${'<b>x</b> '.repeat(1_200_000)}` };
    const r = renderMarkdown('::post{id=1003}', context({ model: { ...model, posts: { ...model.posts, '1003': huge } } }));
    expect(r.html.length).toBeLessThan(10_000);
    expect(r.html).toMatch(/<p>Opening words (&#x3C;b>x&#x3C;\/b> )+&#x3C;b>x&#x3C;\/b>…<\/p><\/blockquote>/);
    expect(r.html).toContain(
      '<p class="evidence-shortened">Text shortened. The whole post is record 7 of dataset x-2024, in <a href="/cases/new-caledonia/data/#datasets">the released data</a>.</p>',
    );
    expect(renderMarkdown('::post{id=1001}', context()).html).not.toContain('evidence-shortened');
  });

  it('marks the text with the post’s language and lets it run in its own direction', () => {
    const arabic = { ...posts['1001']!, id: '1004', lang: 'ar', text: 'كاليدونيا الجديدة' };
    const html = renderMarkdown('::post{id=1004}', context({ model: { ...model, posts: { ...model.posts, '1004': arabic } } })).html;
    expect(html).toContain('<blockquote class="evidence-text" lang="ar" dir="auto"><p>كاليدونيا الجديدة</p></blockquote>');
    // Without a known language the text claims none (it inherits the page's), but still runs in its own direction.
    expect(renderMarkdown('::post{id=1001}', context()).html).toContain('<blockquote class="evidence-text" dir="auto"><p>Montage');
  });
});
