// Snippets: the stretch of text around the first match, matched words marked by the index's rule.
import { describe, expect, it } from 'vitest';
import { findSnippet, type SnippetPart } from '../../src/shared/search-snippet';

/** The snippet as a reader sees it, marked words in [brackets]. */
const shown = (parts: SnippetPart[] | null) => parts && parts.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

describe('search snippets', () => {
  it('marks every matched word, whole, including prefix and typo matches', () => {
    const text = 'The harbour crane lifted a container.\n\nLater the ferry left the harbour.';
    expect(shown(findSnippet(text, 'harb ferrry'))).toBe('The [harbour] crane lifted a container. Later the [ferry] left the [harbour].');
  });

  it('starts near the first match and cuts at word boundaries, saying so', () => {
    const before = 'word '.repeat(100);
    const after = ' tail'.repeat(100);
    const snippet = shown(findSnippet(`${before}Zeppelins over the bay${after}`, 'zeppelin'))!;
    expect(snippet).toMatch(/^…(word ){5,12}\[Zeppelins\] over the bay( tail){10,40}…$/);
  });

  it('folds like the index does, and keeps the text as written', () => {
    expect(shown(findSnippet('Ein Café in Zürich.', 'zurich cafe'))).toBe('Ein [Café] in [Zürich].');
    expect(shown(findSnippet('東京都の地下鉄', '地下'))).toBe('[東京都の地下鉄]');
  });

  it('has no snippet when no word matches, or for an empty query', () => {
    expect(findSnippet('Nothing to see here.', 'zeppelin')).toBeNull();
    expect(findSnippet('Nothing to see here.', '  ')).toBeNull();
    expect(findSnippet('contain', 'container')).toBeNull();
  });

  it('keeps markup in the text as text', () => {
    expect(shown(findSnippet('<img src=x onerror=alert(1)> ferry <b>', 'ferry'))).toBe('<img src=x onerror=alert(1)> [ferry] <b>');
  });
});
