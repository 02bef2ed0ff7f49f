// A tiny element builder for the overlay's own chrome (never for page content, which arrives as
// sanitized nodes from the core). Text goes in as text nodes; there is no innerHTML here.

type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  return el;
}

/**
 * Runs `fn` only for events the user made. A page can dispatch synthetic events at the host; the
 * overlay ignores them so a page cannot drive or close the reader.
 */
export function trusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) fn(e);
  };
}

/** `text` cut to `max` characters with an ellipsis, for labels that show the start of a block. */
export const clipText = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
