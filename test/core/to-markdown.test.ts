import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/core/to-markdown';
import { fragment } from './page';

describe('toMarkdown', () => {
  it('fences code with the language the code-language rule settled on', () => {
    const md = toMarkdown(fragment('<pre><code class="language-python">print("hi")\n</code></pre>'));
    expect(md).toBe('```python\nprint("hi")\n```');
  });

  it('uses a longer fence when the code itself contains backticks', () => {
    expect(toMarkdown(fragment('<pre><code>a ``` b</code></pre>'))).toBe('````\na ``` b\n````');
  });

  it('writes GFM tables, giving header-less tables an empty header row', () => {
    expect(toMarkdown(fragment('<table><thead><tr><th>City</th><th>Pop.</th></tr></thead><tbody><tr><td>Oslo</td><td>700k</td></tr></tbody></table>')))
      .toBe('| City | Pop. |\n| --- | --- |\n| Oslo | 700k |');
    expect(toMarkdown(fragment('<table><tr><td>a</td><td>b</td></tr></table>'))).toBe('|  |  |\n| --- | --- |\n| a | b |');
  });

  it('puts a table caption in its own paragraph above the table', () => {
    expect(toMarkdown(fragment('<table><caption>Sales by region</caption><thead><tr><th>Region</th><th>Sales</th></tr></thead><tbody><tr><td>North</td><td>5</td></tr></tbody></table>')))
      .toBe('Sales by region\n\n| Region | Sales |\n| --- | --- |\n| North | 5 |');
  });

  it('writes ruby text without its readings', () => {
    expect(toMarkdown(fragment('<p><ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>ができました。</p>'))).toBe('法律ができました。');
  });

  it('keeps image alt text and absolute links', () => {
    const md = toMarkdown(fragment('<p><img src="https://img.example/a.jpg" alt="A harbour at dawn"> <a href="https://news.example/x">more</a></p>'));
    expect(md).toBe('![A harbour at dawn](https://img.example/a.jpg) [more](https://news.example/x)');
  });

  it('writes compact list markers and indents nested lists under their text', () => {
    expect(toMarkdown(fragment('<ul><li>One</li><li>Two<ul><li>Sub</li></ul></li></ul><ol start="3"><li>c</li></ol>')))
      .toBe('- One\n- Two\n  - Sub\n\n3. c');
  });

  it('drops SVG, whose titles are icon names, and writes TeX for math that carries it', () => {
    expect(toMarkdown(fragment('<p>Share <svg><title>icon share</title></svg>now</p>'))).toBe('Share now');
    const math = '<p>Energy: <math><semantics><mi>E</mi><annotation encoding="application/x-tex">E=mc^2</annotation></semantics></math></p>';
    expect(toMarkdown(fragment(math))).toBe('Energy: $E=mc^2$');
  });

  it('does not change the content it is given', () => {
    const frag = fragment('<table><tr><td>a</td></tr></table>');
    const before = (frag.firstChild as Element).outerHTML;
    toMarkdown(frag);
    expect((frag.firstChild as Element).outerHTML).toBe(before);
  });
});
