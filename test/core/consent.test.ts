// The consent rule (clean/consent.ts): a cookie-consent dialog is not the article, however much
// text it holds; a story or a recipe about cookies is not a consent dialog.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { page, prose } from './page';

const PURPOSES = Array.from({ length: 6 }, (_, i) =>
  `<h3>Purpose ${i + 1}</h3><p>These cookies may be set through our site by our advertising partners. They may be used by those companies to build a profile of your interests and show you relevant adverts on other sites, measured across every device you use.</p>`,
).join('');

function read(body: string) {
  const r = extractArticle(page(body), 'https://news.example/story');
  if (!r.ok) throw new Error(`expected an article, got ${r.reason}`);
  return r;
}

describe('cookie-consent dialogs', () => {
  it('a consent platform\'s banner and preference centre, longer than the story, are removed and the story is read', () => {
    const r = read(`<div class="story">${prose(3)}</div><div id="onetrust-consent-sdk"><div role="region" aria-label="Cookie banner"><p>We use cookies to improve your experience.</p><button>Accept All Cookies</button><button>Reject All</button></div><div id="onetrust-pc-sdk">${PURPOSES}<button>Confirm My Choices</button></div></div>`);
    expect(r.article.text).toContain('Paragraph 3 about the harbour');
    expect(r.article.text).not.toMatch(/cookies|advertising partners|Accept/);
    expect(r.article.removals.some((x) => x.rule === 'consent')).toBe(true);
  });

  it('a banner whose only choice is a submit button\'s value is removed: the article is not the banner', () => {
    const banner = '<div class="widget widget_eu_cookie_law_widget"><div id="eu-cookie-law"><form method="post"><input type="submit" value="Schließen und Akzeptieren" class="accept"> Datenschutz &amp; Cookies: Diese Website verwendet Cookies. Wenn du die Website weiterhin nutzt, stimmst du der Verwendung von Cookies zu.<br>Weitere Informationen findest du hier: <a href="/cookies">Cookie-Richtlinie</a></form></div></div>';
    const r = read(`<div class="story">${prose(3)}</div>${banner}`);
    expect(r.article.text).toContain('Paragraph 3 about the harbour');
    expect(r.article.text).not.toMatch(/Datenschutz|Cookie-Richtlinie/);
    expect(r.article.removals.some((x) => x.rule === 'consent')).toBe(true);
  });

  it('a dialog known only by its label is removed too', () => {
    const r = read(`<div class="story">${prose(3)}</div><div role="dialog" aria-label="Privacy and cookie consent"><p>We and our partners use cookies and similar technologies.</p>${PURPOSES}<a href="#">Manage preferences</a> <a href="#">Accept</a></div>`);
    expect(r.article.text).not.toMatch(/advertising partners/);
  });
});

describe('pages about cookies keep their text', () => {
  it('a recipe in a box named for cookies, with its Print button, is the article', () => {
    const method = '<p>Cream the butter and sugar, beat in the egg, then fold in the flour and the chocolate. Roll the dough into balls, flatten them a little and bake the cookies for twelve minutes, then allow them to cool on the tray before you lift them off.</p>';
    const r = read(`<div class="cookie-recipe"><h2>Chocolate chip cookies</h2>${method.repeat(4)}<button>Print recipe</button></div>`);
    expect(r.article.text).toContain('bake the cookies for twelve minutes');
    expect(r.article.removals.some((x) => x.rule === 'consent')).toBe(false);
  });

  it('a story on consent law, in a section named for it, is the article', () => {
    const story = '<p>The regulator said that consent banners must offer a reject button as prominent as the accept button, and that sites which hide the choice behind a settings page will be fined under the new cookie rules from next spring.</p>';
    const r = read(`<div class="gdpr-explainer"><h1>What the new cookie rules mean</h1>${story.repeat(5)}</div>`);
    expect(r.article.text).toContain('as prominent as the accept button');
  });
});
