// While the reader is open, the page under it is inert: no focus, no clicks, and nothing for
// assistive technology, which otherwise lists the page's headings and article beside the reader.
// A modal <dialog> (top-layer.ts) already blocks the rest of the document in today's engines, but
// not where showModal() is refused and the dialog is merely open, nor for a moment while it is
// shown again above a page's own modal. So each element beside the reader's host under <html>
// (the <body>, and anything a page or another extension hung there) gets the `inert` attribute,
// and gets back exactly what it had on close: its own `inert`, if any, is put back as it was.
// `aria-hidden` is not needed: inert content is already absent from the accessibility tree.

export function makePageInert(doc: Document, host: Element): () => void {
  const changed: [el: Element, was: string | null][] = [];
  for (const el of Array.from(doc.documentElement.children)) {
    if (el === host || el.localName === 'head') continue;
    changed.push([el, el.getAttribute('inert')]);
    el.setAttribute('inert', '');
  }
  return () => {
    for (const [el, was] of changed) {
      if (was === null) el.removeAttribute('inert');
      else el.setAttribute('inert', was);
    }
  };
}
