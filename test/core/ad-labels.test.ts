// Ad-slot labels (clean/page-chrome.ts): a line that is only "Advertisement", in the languages
// pages use and with the dashes and colons sites set around it, goes; a sentence about
// advertising stays.
import { describe, expect, it } from 'vitest';
import { storyTextWith as textOf } from './page';

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
