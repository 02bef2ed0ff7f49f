// A blog post whose comments outweigh it: students' essays posted as comments under a teacher's
// assignment. Each comment has its Reply link, so by shape the thread could be a forum's; what
// says it hangs under an article is the heading blog software writes over it, the count and the
// post's title ("142 Antworten zu „Title“", "12 thoughts on “Title”"). The reader shows the post.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { BASE, page, prose } from './page';

const essay = (i: number) =>
  `<li class="comment" id="comment-${i}"><div class="comment-author"><cite>Student ${i}</cite> schreibt:</div><div class="comment-meta">29. Mai 2019 um 17:${10 + i}</div>` +
  `<div class="comment-body">${prose(4, `essay ${i} on human dignity`)}</div><div class="reply"><a class="comment-reply-link" href="?replytocom=${i}#respond">Antworten</a></div></li>`;

function blogWithComments(heading: string): string {
  return `<div id="content"><div class="post"><h2 class="entry-title">Würde des Lebens – ein Projekt</h2>
    <div class="entry-content">${prose(4, 'the assignment')}</div></div>
    <div id="comments"><h3 id="comments-title">${heading}</h3><ol class="commentlist">${Array.from({ length: 8 }, (_, i) => essay(i + 1)).join('')}</ol></div></div>`;
}

describe('a comment section announced by the blog’s own heading', () => {
  for (const heading of ['142 Antworten zu <em>Würde des Lebens – ein Projekt</em>', '12 thoughts on “Würde des Lebens – ein Projekt”', 'One response to “Würde des Lebens”']) {
    it(`reads the post, not the comments, under "${heading.replace(/<[^>]+>/g, '')}"`, () => {
      const result = extractArticle(page(blogWithComments(heading)), BASE);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.article.text).toContain('Paragraph 4 about the assignment');
      expect(result.article.text).not.toContain('essay 3 on human dignity');
    });
  }
});
