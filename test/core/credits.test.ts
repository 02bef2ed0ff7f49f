// Photo credits and source lines (clean/credits.ts): a copyright line or a "Source: …" line of its
// own goes from the reader's text; the caption beside it, a clause numbered "(c)" and a longer
// sentence that starts with "Source" stay.
import { describe, expect, it } from 'vitest';
import { storyTextWith as textOf } from './page';

const figure = (caption: string) => `<figure><img src="/harbour.jpg" alt="The harbour"><figcaption>${caption}</figcaption></figure>`;

describe('credits', () => {
  it('removes a copyright credit in a caption and keeps the caption', () => {
    const text = textOf(figure('The harbour at dawn.<span>© Bundesregierung/Steffen Kugler</span>'));
    expect(text).toMatch(/The harbour at dawn\./);
    expect(text).not.toMatch(/Steffen Kugler/);
    expect(textOf(figure('The harbour at dawn.<span>© Bundesregierung/Steffen Kugler</span>'), ['credits'])).toMatch(/Steffen Kugler/);
  });

  it('removes "Copyright 2020 …" on its own, and a short source line by a picture', () => {
    const text = textOf(`<p>Copyright 2020 Harbour News Ltd.</p>${figure('The slipway.<span>(Quelle: Landesregierung)</span>')}<img src="/b.jpg" alt="boat"><p>Source: Reuters</p>`);
    expect(text).toMatch(/The slipway\./);
    expect(text).not.toMatch(/Copyright 2020|Landesregierung|Source: Reuters/);
  });

  it('keeps the source line under a table: it says where the data came from', () => {
    const text = textOf('<table><tr><th>Year</th><th>Sailings</th></tr><tr><td>2024</td><td>712</td></tr></table><p>Source: harbour authority, annual report.</p>');
    expect(text).toMatch(/Source: harbour authority, annual report\./);
  });

  it('keeps a legal clause numbered (c) and a sentence that begins with "Source"', () => {
    const text = textOf('<p>(c) the harbour master may close the slipway.</p><p>Source: the harbour master told us on Tuesday that the slipway would close for the winter, for repairs to its lower end.</p>');
    expect(text).toMatch(/\(c\) the harbour master may close the slipway\./);
    expect(text).toMatch(/Source: the harbour master told us/);
  });
});
