// Print and PDF controls (clean/calls-to-action.ts): a link that only prints or saves the page
// goes; the same word linked inside a sentence is the story's reference and stays.
import { describe, expect, it } from 'vitest';
import { storyTextWith as textOf } from './page';

describe('print and PDF links', () => {
  it('removes a print link and a PDF button of their own', () => {
    const text = textOf('<div class="tools"><a href="?print=1">Print</a> <a href="/story.pdf">PDF</a></div><div class="tools">Save or share: <a href="/story.pdf">PDF</a></div>');
    expect(text).not.toMatch(/\bPrint\b|\bPDF\b/);
  });

  it('keeps a PDF link inside a sentence, with the sentence whole', () => {
    const text = textOf('<p>A look at the table of contents (<a href="/toc.pdf">PDF</a>) shows that hardly a question is left open.</p>');
    expect(text).toContain('A look at the table of contents (PDF) shows that hardly a question is left open.');
  });

  it('removes requests to rate the page, in several languages, and keeps a sentence about ratings', () => {
    const prompts = '<p>Was this article helpful?</p><div>War der Artikel nützlich?</div><p>Hier können Sie den Artikel bewerten</p><span>(Noch keine Bewertungen)</span><p>If you enjoyed reading this post, tell a friend.</p><p>¿Te ha resultado útil este artículo?</p>';
    expect(textOf(prompts)).not.toMatch(/helpful|nützlich|bewerten|Bewertungen|enjoyed|útil/);
    expect(textOf(prompts, ['calls-to-action'])).toMatch(/Was this article helpful\?[\s\S]*útil este artículo/);
    expect(textOf('<p>The council asked residents to rate this article of the new bylaw on a scale from one to five, and most gave it a three, which officials called a fair result for a first draft.</p>')).toContain('rate this article of the new bylaw');
  });
});
