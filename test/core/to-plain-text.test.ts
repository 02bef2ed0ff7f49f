import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/core/to-plain-text';
import { fragment } from './page';

describe('toPlainText', () => {
  it('separates paragraphs with one blank line and collapses whitespace inside them', () => {
    expect(toPlainText(fragment('<p>First   line\n of text.</p>\n\n<p>Second.</p>'))).toBe('First line of text.\n\nSecond.');
  });

  it('puts headings and list items on their own lines, with list markers', () => {
    const text = toPlainText(fragment('<h2>Plan</h2><ul><li>One</li><li>Two<ol><li>Sub</li></ol></li></ul><p>After</p>'));
    expect(text).toBe('Plan\n\n- One\n- Two\n  1. Sub\n\nAfter');
  });

  it('reads ruby text without its readings: furigana would repeat every word', () => {
    const text = toPlainText(fragment('<p><ruby>子<rt>こ</rt></ruby>どもの<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>ができました。</p>'));
    expect(text).toBe('子どもの法律ができました。');
  });

  it('keeps code verbatim, indentation included', () => {
    const text = toPlainText(fragment('<p>Run:</p><pre><code>if x:\n    print(x)\n</code></pre>'));
    expect(text).toBe('Run:\n\nif x:\n    print(x)');
  });

  it('turns <br> into a line break and tables into tab-separated rows', () => {
    expect(toPlainText(fragment('<p>a<br>b</p>'))).toBe('a\nb');
    expect(toPlainText(fragment('<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>'))).toBe('k\tv\n1\t2');
  });

  it('skips SVG titles and images, which carry no prose', () => {
    expect(toPlainText(fragment('<p>Photo <svg><title>icon camera</title></svg>by Ann <img alt="x" src="a.png"></p>'))).toBe('Photo by Ann');
  });

  it('starts a list item\'s first paragraph on the marker\'s line (items of paragraphs stay a blank line apart)', () => {
    expect(toPlainText(fragment('<ol><li><p>First note.</p></li><li>\n  <p>Second note.</p><p>More.</p></li></ol>'))).toBe('1. First note.\n\n2. Second note.\n\nMore.');
  });

  it('numbers ordered lists from their start attribute', () => {
    expect(toPlainText(fragment('<ol start="4"><li>d</li><li>e</li></ol>'))).toBe('4. d\n5. e');
  });

  it('walks content nested far deeper than the call stack allows', () => {
    const frag = fragment('');
    const doc = frag.ownerDocument;
    // Built bottom-up with DOM calls (each wrapper is still detached, so appending is cheap);
    // 50,000 levels would overflow any recursive walk.
    let node: Element = doc.createElement('p');
    node.textContent = 'bottom';
    for (let i = 0; i < 50_000; i++) {
      const wrapper = doc.createElement('div');
      wrapper.appendChild(node);
      node = wrapper;
    }
    frag.appendChild(node);
    expect(toPlainText(frag)).toBe('bottom');
  });
});
