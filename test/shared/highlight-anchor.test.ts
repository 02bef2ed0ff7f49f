// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anchorOf, locate, unwrap, wrapRange, type TextAnchor } from '../../src/shared/highlight-anchor';

/** The article as the reader renders it: a fresh element holding `html`. */
function render(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

/** The Text node under `root` that holds `needle` (the `nth` such node). */
function textWith(root: Node, needle: string, nth = 0): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(needle) && nth-- === 0) return n as Text;
  throw new Error(`no text node with ${needle}`);
}

/** A range over `needle` inside one text node, as a user's selection of it would be. */
function select(root: Node, needle: string, nth = 0): Range {
  const node = textWith(root, needle, nth);
  const at = node.data.indexOf(needle);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + needle.length);
  return range;
}

const ARTICLE = '<h1>A walk in the hills</h1><p>We left early, before the fog lifted from the valley.</p><p>By noon the path had turned to scree and the dog refused to go on.</p>';

describe('anchoring a highlight and finding it again', () => {
  it('finds the quote again in a fresh rendering of the same article', () => {
    const root = render(ARTICLE);
    const made = anchorOf(root, select(root, 'the path had turned'))!;
    expect(made).toEqual({ quote: 'the path had turned', prefix: ' lifted from the valley.By noon ', suffix: ' to scree and the dog refused to', start: root.textContent!.indexOf('the path had turned') });
    expect(made.prefix).toHaveLength(32);
    expect(made.suffix).toHaveLength(32);

    const again = render(ARTICLE);
    const range = locate(again, made)!;
    expect(range.toString()).toBe('the path had turned');
    expect(again.contains(range.startContainer)).toBe(true);
  });

  it('trims whitespace off the ends of the selection, and keeps short context at the edges of the text', () => {
    const root = render('<p>  Fog  </p>');
    const anchor = anchorOf(root, select(root, '  Fog  '))!;
    expect(anchor).toEqual({ quote: 'Fog', prefix: '  ', suffix: '  ', start: 2 });
    expect(locate(render('<p>  Fog  </p>'), anchor)!.toString()).toBe('Fog');
  });

  it('tells two copies of the same words apart by their context', () => {
    const html = '<p>The dog barked at the gate.</p><p>Later, a cat sat at the gate and waited.</p>';
    const root = render(html);
    const anchor = anchorOf(root, select(root, 'at the gate', 1))!;
    const again = render(html);
    const range = locate(again, anchor)!;
    expect(range.toString()).toBe('at the gate');
    expect(range.startContainer.parentElement).toBe(again.querySelectorAll('p')[1]);
    // And the first copy comes back as the first.
    const first = locate(again, anchorOf(root, select(root, 'at the gate', 0))!)!;
    expect(first.startContainer.parentElement).toBe(again.querySelectorAll('p')[0]);
  });

  it('still finds the quote when text was added before it (a new paragraph, an image become a line of alt text)', () => {
    const root = render(ARTICLE);
    const anchor = anchorOf(root, select(root, 'the dog refused'))!;
    const again = render(`<p>Photo: the ridge at dawn, seen from the hut.</p>${ARTICLE.replace('<h1>', '<p>[image]</p><h1>')}`);
    const range = locate(again, anchor)!;
    expect(range.toString()).toBe('the dog refused');
    expect(range.startContainer.parentElement).toBe(again.querySelectorAll('p')[3]);
  });

  it('prefers the copy with the right context over the one nearer the old offset', () => {
    const root = render(ARTICLE);
    const anchor = anchorOf(root, select(root, 'the valley'))!;
    // A new opening paragraph puts other words "the valley" right where the quote used to be.
    const filler = 'x'.repeat(anchor.start);
    const again = render(`<p>${filler.slice(0, -4)}See the valley below.</p>${ARTICLE}`);
    expect(again.textContent!.indexOf('the valley')).toBeLessThan(anchor.start + 10);
    const range = locate(again, anchor)!;
    expect(range.toString()).toBe('the valley');
    expect(range.startContainer.parentElement).toBe(again.querySelectorAll('p')[1]);
  });

  it('anchors a range that runs from the end of one paragraph into the emphasis of the next', () => {
    const html = '<p>The fog lifted.</p><p><em>Then</em> the sun came out.</p>';
    const root = render(html);
    const from = textWith(root, 'The fog lifted.');
    const to = textWith(root, 'Then');
    const range = document.createRange();
    range.setStart(from, 4);
    range.setEnd(to, 4);
    const anchor = anchorOf(root, range)!;
    expect(anchor.quote).toBe('fog lifted.Then');
    expect(anchor.suffix).toBe(' the sun came out.');

    // The same selection with its ends in elements (before <p>'s second child, after <em>'s text) names the same text.
    const byElements = document.createRange();
    byElements.setStart(root.querySelector('p')!, 0);
    byElements.setEnd(root.querySelector('em')!, 1);
    expect(anchorOf(root, byElements)!.quote).toBe('The fog lifted.Then');
    const whole = document.createRange();
    whole.selectNodeContents(root);
    expect(anchorOf(root, whole)!.quote).toBe(root.textContent);

    const again = render(html);
    const found = locate(again, anchor)!;
    expect(found.toString()).toBe('fog lifted.Then');
    expect(found.startContainer).toBe(textWith(again, 'The fog lifted.'));
    expect(found.endContainer).toBe(textWith(again, 'Then'));
  });

  it('finds a quote rendered with other whitespace (a newline and an indent where a space was)', () => {
    const root = render('<p>It rained all the way down to the lake, and we did not mind.</p>');
    const anchor = anchorOf(root, select(root, 'all the way down to the lake'))!;
    const again = render('<p>It rained all the way\n      down   to the\tlake, and we did not mind.</p>');
    const range = locate(again, anchor)!;
    expect(range.toString()).toBe('all the way\n      down   to the\tlake');

    // Across elements too, and the context still chooses between copies.
    const twice = render('<p>one: all\n  the way <b>down</b>\nto the lake</p><p>two: all the way\n down to\n the lake</p>');
    const second: TextAnchor = { ...anchor, prefix: 'two: ', suffix: '', start: 0 };
    expect(locate(twice, second)!.toString()).toBe('all the way\n down to\n the lake');
    const first = locate(twice, { ...anchor, prefix: 'one: ', start: 1000 })!;
    expect(first.toString()).toBe('all\n  the way down\nto the lake');
  });

  it('gives null when the quote is no longer there', () => {
    const root = render(ARTICLE);
    const anchor = anchorOf(root, select(root, 'the dog refused'))!;
    expect(locate(render(ARTICLE.replace('the dog refused', 'the dog agreed')), anchor)).toBeNull();
    expect(locate(render(''), anchor)).toBeNull();
    expect(locate(render(ARTICLE), { ...anchor, quote: '  ' })).toBeNull();
  });

  it('gives no anchor for an empty or whitespace-only range, or one outside the root', () => {
    const root = render('<p>Hello</p>   <p>world</p>');
    const collapsed = document.createRange();
    collapsed.setStart(textWith(root, 'Hello'), 2);
    expect(anchorOf(root, collapsed)).toBeNull();
    const blank = document.createRange();
    blank.selectNodeContents(root.childNodes[1]!);
    expect(blank.toString()).toBe('   ');
    expect(anchorOf(root, blank)).toBeNull();
    const between = document.createRange();
    between.setStart(root.querySelector('p')!, 1);
    between.setEnd(root.querySelectorAll('p')[1]!, 0);
    expect(anchorOf(root, between)).toBeNull();
    expect(anchorOf(root.querySelector('p')!, select(root, 'world'))).toBeNull();
  });
});

describe('marking a highlight in the page', () => {
  const mark = () => {
    const m = document.createElement('mark');
    m.className = 'rw-highlight';
    m.dataset.highlight = 'h1';
    return m;
  };

  it('wraps each text node a cross-paragraph range covers, leaving the text as it was', () => {
    const root = render('<p>The fog <a href="#x">lifted</a> at last.</p>\n<p><em>Then</em> the sun came out.</p>');
    const text = root.textContent;
    const range = document.createRange();
    range.setStart(textWith(root, 'The fog'), 4);
    range.setEnd(textWith(root, 'the sun'), 4);
    const quote = range.toString();
    const marks = wrapRange(range, mark);
    expect(marks.map((m) => m.textContent)).toEqual(['fog ', 'lifted', ' at last.', 'Then', ' the']);
    expect(marks.every((m) => m.tagName === 'MARK' && m.className === 'rw-highlight' && m.dataset.highlight === 'h1' && root.contains(m))).toBe(true);
    // The newline between the paragraphs is not marked: the marks hold the quote without it.
    expect(marks.map((m) => m.textContent).join('')).toBe(quote.replace('\n', ''));
    expect(root.textContent).toBe(text);
    expect(marks[1]!.parentElement!.tagName).toBe('A');
  });

  it('marks exactly the quote of a located anchor', () => {
    const html = '<p>The fog lifted.</p><p><em>Then</em> the sun came out.</p>';
    const root = render(html);
    const range = document.createRange();
    range.setStart(textWith(root, 'The fog lifted.'), 4);
    range.setEnd(textWith(root, 'Then'), 4);
    const anchor = anchorOf(root, range)!;
    const again = render(html);
    const marks = wrapRange(locate(again, anchor)!, mark);
    expect(marks).toHaveLength(2);
    expect(marks.map((m) => m.textContent).join('')).toBe(anchor.quote);
    expect(again.textContent).toBe(root.textContent);
    expect(again.innerHTML).toBe('<p>The <mark class="rw-highlight" data-highlight="h1">fog lifted.</mark></p><p><em><mark class="rw-highlight" data-highlight="h1">Then</mark></em> the sun came out.</p>');
  });

  it('unwrapping puts the page back exactly as it was, text nodes joined again', () => {
    const root = render('<p>The fog <a href="#x">lifted</a> at last.</p>\n<p><em>Then</em> the sun came out.</p>');
    const before = root.innerHTML;
    const nodes = root.querySelectorAll('*').length;
    const range = document.createRange();
    range.setStart(textWith(root, 'The fog'), 4);
    range.setEnd(textWith(root, 'the sun'), 4);
    const marks = wrapRange(range, mark);
    expect(root.innerHTML).not.toBe(before);
    // A second highlight inside the first paragraph, unwrapped before and after the first.
    const other = wrapRange(select(root, 'The'), mark);
    unwrap(marks);
    unwrap(other);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelectorAll('*').length).toBe(nodes);
    const p = root.querySelector('p')!;
    expect([...p.childNodes].map((n) => n.nodeName)).toEqual(['#text', 'A', '#text']);
    expect([...root.querySelectorAll('p')[1]!.childNodes].map((n) => n.textContent)).toEqual(['Then', ' the sun came out.']);
    unwrap(marks); // twice is harmless
    expect(root.innerHTML).toBe(before);
  });

  it('wraps part of a single text node, and nothing for an empty range', () => {
    const root = render('<p>The fog lifted.</p>');
    const marks = wrapRange(select(root, 'fog'), mark);
    expect(root.innerHTML).toBe('<p>The <mark class="rw-highlight" data-highlight="h1">fog</mark> lifted.</p>');
    unwrap(marks);
    expect(root.innerHTML).toBe('<p>The fog lifted.</p>');
    expect(root.querySelector('p')!.childNodes).toHaveLength(1);
    const empty = document.createRange();
    empty.setStart(textWith(root, 'fog'), 3);
    expect(wrapRange(empty, mark)).toEqual([]);
  });
});

describe('a very deep page', () => {
  it('anchors, finds, marks and unmarks text 5,000 elements deep without running out of stack', () => {
    // Built from the inside out: appending to an element already 5,000 deep makes jsdom check its
    // ancestors each time (seconds), wrapping a finished subtree does not.
    const build = () => {
      let inner: Node = document.createTextNode('the bottom of the well');
      for (let i = 4999; i >= 0; i--) {
        const span = document.createElement('span');
        if (i % 1000 === 0) span.append(`level ${i} `);
        span.append(inner);
        inner = span;
      }
      const root = document.createElement('div');
      root.append(inner, ' and the top again');
      return { root, deepest: textWith(root, 'the bottom').parentNode! };
    };
    const { root, deepest } = build();
    const range = document.createRange();
    range.setStart(textWith(root, 'level 4000'), 6);
    range.setEnd(deepest, 1); // after the deepest span's only child, its text
    const anchor = anchorOf(root, range)!;
    expect(anchor.quote).toBe('4000 the bottom of the well');
    expect(anchor.suffix).toBe(' and the top again');

    const again = build().root;
    const text = again.textContent;
    const html = again.innerHTML;
    const found = locate(again, anchor)!;
    expect(found.toString()).toBe(anchor.quote);
    const marks = wrapRange(found, () => document.createElement('mark'));
    expect(marks.map((m) => m.textContent).join('')).toBe('4000 the bottom of the well');
    expect(again.textContent).toBe(text);
    unwrap(marks);
    expect(again.textContent).toBe(text);
    expect(again.innerHTML).toBe(html);
    expect(again.querySelectorAll('mark')).toHaveLength(0);
    expect(textWith(again, 'level 4000').data).toBe('level 4000 ');
  });

  it('anchors and finds text 50,000 elements deep, where a recursive walk runs out of stack', () => {
    // (jsdom itself recurses when nodes are inserted that deep, so marking is checked at 5,000 above.)
    const bottom = document.createTextNode('the bottom of the well');
    let inner: Node = bottom;
    for (let i = 0; i < 50_000; i++) {
      const span = document.createElement('span');
      span.append(inner);
      inner = span;
    }
    const root = document.createElement('div');
    root.append('At the top. ', inner, ' And the top again.');
    const range = document.createRange();
    range.setStart(root, 1); // before the outermost span
    range.setEnd(bottom.parentNode!, 1);
    const anchor = anchorOf(root, range)!;
    expect(anchor).toEqual({ quote: 'the bottom of the well', prefix: 'At the top. ', suffix: ' And the top again.', start: 12 });
    const found = locate(root, anchor)!;
    expect(found.startContainer).toBe(bottom);
    expect(found.toString()).toBe('the bottom of the well');
  });
});
