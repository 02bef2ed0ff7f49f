// Lines article-meta must leave alone though they look like a dateline to it: a recipe's times
// ("15 Min", a schema.org duration) and a venue's telephone number behind a phone icon (digits
// only, like a date). A real dateline above the story still goes.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { BASE, page, prose } from './page';

function textOf(body: string, disabledRules: string[] = []): string {
  const result = extractArticle(page(body), BASE, { disabledRules });
  if (!result.ok) throw new Error(result.message);
  return result.article.text;
}

describe('metadata-like lines that are content', () => {
  it('keeps a recipe’s preparation and baking times, and still removes the dateline', () => {
    const text = textOf(`<article><h1>Apple muffins</h1>
      <div class="entry-date"><time datetime="2024-03-05">5 March 2024</time></div>
      <div class="times">
        <div class="time-heading">Preparation</div><div class="time-item"><time itemprop="prepTime" datetime="PT15M">15 Min</time></div>
        <div class="time-heading">Baking</div><div class="time-item"><time itemprop="cookTime">20 – 25 Min</time></div>
        <div class="time-heading">Resting</div><div class="time-item"><time datetime="PT1H">1 hour</time></div>
      </div>${prose(5, 'the batter')}</article>`);
    expect(text).toMatch(/Preparation\s+15 Min\s+Baking\s+20 – 25 Min\s+Resting\s+1 hour/);
    expect(text).not.toContain('5 March 2024');
  });

  it('keeps a telephone number behind a phone icon, and removes an icon-marked date', () => {
    const body = `<article><h1>A museum by the sea</h1>${prose(5, 'the museum')}
      <div class="visit"><p><i class="fa fa-phone"></i> +81 158-23-2012</p><p><i class="fa fa-calendar"></i> 12.05.2014</p></div></article>`;
    const text = textOf(body);
    expect(text).toContain('+81 158-23-2012');
    expect(text).not.toContain('12.05.2014');
    expect(textOf(body, ['article-meta'])).toContain('12.05.2014');
  });
});
