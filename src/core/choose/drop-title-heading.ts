// The reader shows the title in its own header. Readability takes the heading that repeats it
// out of its article; the prose candidate is a piece of the page as it is, so its copy of the
// headline goes here, or the reader would show the title twice.

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
