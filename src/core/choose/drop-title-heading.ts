// The reader shows the title in its own header. Readability takes the heading that repeats it
// out of its article, but only for titles in Latin letters: it compares the words it gets by
// splitting on \W, which in JavaScript is every letter outside A–Z, so a Cyrillic, Greek, Arabic
// or Japanese headline stayed and the reader showed the title twice. The prose candidate is a
// piece of the page as it is. In both cases the heading that repeats the title goes here.

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function dropTitleHeading(content: Element, title: string | null): void {
  if (!title) return;
  const heading = content.querySelector('h1, h2');
  if (!heading) return;
  const text = squash(heading.textContent ?? '');
  const wanted = squash(title);
  // Page titles often carry the site's name too ("Headline | Site"): the heading is a part of it.
  if (text.length >= 10 && (text === wanted || wanted.includes(text))) heading.remove();
}
