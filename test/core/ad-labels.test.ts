// Ad-slot labels (clean/page-chrome.ts): a line that is only "Advertisement", in the languages
// pages use and with the dashes and colons sites set around it, goes; a sentence about
// advertising stays.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { page, prose, BASE } from './page';

function textOf(inner: string, disabledRules: string[] = []): string {
  const result = extractArticle(page(`<article><h1>A story</h1>${prose(3)}${inner}${prose(3, 'the ferry')}</article>`), BASE, { disabledRules });
  if (!result.ok) throw new Error(result.message);
  return result.article.text;
}

describe('ad-slot labels', () => {
  it('removes labels set with dashes, colons or stars, and Polish and Portuguese ones', () => {
    const labels = '<div>- Anzeige -</div><div>Advertisement:</div><div>*Werbung.</div><p>Reklama</p><span>Publicidade</span>';
    expect(textOf(labels)).not.toMatch(/Anzeige|Advertisement|Werbung|Reklama|Publicidade/);
    expect(textOf(labels, ['page-chrome'])).toMatch(/Anzeige[\s\S]*Reklama/);
  });

  it('keeps a sentence about advertising', () => {
    expect(textOf('<p>Advertisement revenue fell by a third, the harbour paper said.</p>')).toMatch(/Advertisement revenue fell/);
  });
});
