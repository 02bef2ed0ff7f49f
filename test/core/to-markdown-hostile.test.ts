// Markdown of hostile or broken content (issue 9, items 3 and 6): tables the GFM plugin could not
// read (it threw on a table without rows, and wrote others out as raw <table> HTML), text that is
// markup when a Markdown viewer renders it, and code whose blank lines are the code's own.
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/core/to-markdown';
import { fragment } from './page';

const md = (html: string) => toMarkdown(fragment(html));

describe('tables the GFM plugin cannot read on its own', () => {
  it('a table with no rows: no crash, nothing of it but its caption', () => {
    expect(md('<p>Before</p><table></table><p>After</p>')).toBe('Before\n\nAfter');
    expect(md('<p>Before</p><table><caption>Results</caption></table><p>After</p>')).toBe('Before\n\nResults\n\nAfter');
  });

  it('a table whose only rows belong to a table nested in its caption', () => {
    const out = md('<table><caption>Outer<table><tr><td>inner</td></tr></table></caption></table>');
    expect(out).toContain('inner');
    expect(out).not.toMatch(/<\/?t(able|r|d)\b/i);
  });

  it.each([
    ['an empty <thead> before the rows', '<table><thead></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>'],
    ['rows only in a <tfoot>', '<table><tfoot><tr><td>a</td><td>b</td></tr></tfoot></table>'],
    ['rows only in a second <tbody>', '<table><tbody></tbody><tbody><tr><td>a</td><td>b</td></tr></tbody></table>'],
  ])('%s: a GFM table, never raw HTML', (_name, html) => {
    expect(md(html)).toBe('|  |  |\n| --- | --- |\n| a | b |');
  });

  it('keeps a header row the table already has', () => {
    expect(md('<table><tbody><tr><th>City</th><th>Pop.</th></tr><tr><td>Oslo</td><td>700k</td></tr></tbody></table>'))
      .toBe('| City | Pop. |\n| --- | --- |\n| Oslo | 700k |');
  });
});

describe('no raw markup in Markdown', () => {
  it('text that looks like a tag is escaped, so a viewer shows it instead of rendering it', () => {
    const out = md('<p>Type &lt;img src=x onerror=alert(1)&gt; or &lt;https://evil.example&gt; to see.</p>');
    expect(out).toBe('Type \\<img src=x onerror=alert(1)> or \\<https://evil.example> to see.');
  });

  it('code keeps its < as written (code is not rendered)', () => {
    expect(md('<p><code>a &lt; b</code></p><pre><code>if (a &lt; b) {}</code></pre>')).toBe('`a < b`\n\n```\nif (a < b) {}\n```');
  });
});

describe('code blocks keep their own blank lines', () => {
  it('three blank lines inside <pre> stay three', () => {
    expect(md('<pre><code>first\n\n\n\nlast</code></pre>')).toBe('```\nfirst\n\n\n\nlast\n```');
  });

  it('also inside a list item', () => {
    expect(md('<ul><li><pre><code>a\n\n\nb</code></pre></li></ul>')).toBe('- ```\n  a\n\n\n  b\n  ```');
  });
});
