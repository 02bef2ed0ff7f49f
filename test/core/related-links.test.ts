// Inline promos (clean/related-links.ts): a paragraph that is a short label and one headline
// link goes in any language; a label with a short link, or a sentence around a link, stays.
import { describe, expect, it } from 'vitest';
import { storyTextWith as textOf } from './page';

describe('labelled headline links', () => {
  it('removes "LABEL: <a>headline</a>" whatever the label\'s language, and only with the rule on', () => {
    const promo = '<p><strong>VEA TAMBIÉN:&nbsp;<a href="/otra">Entre heces y guaricha: la escuela no brilla</a></strong></p><p><em><strong>Auch lesen: </strong></em><a href="/x">Diese 3 Sternzeichen verschenken ihr Herz</a></p>';
    expect(textOf(promo)).not.toMatch(/Entre heces|Sternzeichen|VEA TAMBIÉN|Auch lesen/);
    expect(textOf(promo, ['related-links'])).toMatch(/Entre heces[\s\S]*Sternzeichen/);
  });

  it('keeps a label with a short link, an in-page link, and a sentence that holds a link', () => {
    const text = textOf('<p>Website: <a href="https://harbour.example">harbour.example</a></p><p>Timetable: <a href="#times">see the times below for winter</a></p><p>The council published <a href="/report">its report on the harbour</a> on Tuesday.</p>');
    expect(text).toMatch(/Website: harbour\.example/);
    expect(text).toMatch(/Timetable: see the times below for winter/);
    expect(text).toMatch(/The council published its report on the harbour on Tuesday\./);
  });
});
