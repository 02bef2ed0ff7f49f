// Read aloud against a fake speech synthesis (issue 12 item 3): what is read and in which order,
// the sentence marked in the text, pause / resume / stop / previous / next, the voice picked by
// the article's language, a cancelled utterance's late events ignored, an engine error and a
// browser without voices said plainly.
// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadAloud, voicesFor, type PlayerState, type Speech } from '../../src/content/read-aloud';
import { buildReadAloudBar } from '../../src/content/read-aloud-bar';
import { markSentence, spokenBlocks } from '../../src/content/speech-text';

class FakeUtterance {
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  rate = 1;
  onend: (() => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

const voice = (name: string, lang: string, extra: Partial<SpeechSynthesisVoice> = {}) =>
  ({ name, lang, voiceURI: `uri:${name}`, default: false, localService: true, ...extra }) as SpeechSynthesisVoice;

/** Speaks nothing: keeps what it was given, ends an utterance when told, and cancels as Chrome does (an 'interrupted' error). */
function fakeSynthesis(voices: SpeechSynthesisVoice[]) {
  const spoken: FakeUtterance[] = [];
  let current: FakeUtterance | null = null;
  const listeners = new Set<() => void>();
  const synth = {
    speak: (u: SpeechSynthesisUtterance) => {
      current = u as unknown as FakeUtterance;
      spoken.push(current);
    },
    cancel: () => {
      const was = current;
      current = null;
      was?.onerror?.({ error: 'interrupted' });
    },
    getVoices: () => voices,
    addEventListener: (_: 'voiceschanged', fn: () => void) => listeners.add(fn),
    removeEventListener: (_: 'voiceschanged', fn: () => void) => listeners.delete(fn),
  };
  return {
    speech: { synth, Utterance: FakeUtterance as unknown as Speech['Utterance'] } satisfies Speech,
    spoken,
    texts: () => spoken.map((u) => u.text),
    /** The engine finished the current utterance. */
    finish: () => current?.onend?.(),
    fail: (error: string) => current?.onerror?.({ error }),
    /** The late event of a cancelled utterance, as some engines send it. */
    lateEnd: (u: FakeUtterance) => u.onend?.(),
    voicesArrive: (more: SpeechSynthesisVoice[]) => {
      voices.push(...more);
      listeners.forEach((fn) => fn());
    },
  };
}

function article(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

const ARTICLE = '<h2>Tides</h2><p>The harbour opens at six. Ferries leave <a href="#">every hour</a>!</p><pre><code>let x = 1;</code></pre><ul><li>Tickets at the pier<ul><li>Cash only</li></ul></li></ul><p>Last paragraph.</p>';

function player(html = ARTICLE, voices = [voice('English', 'en-GB', { default: true }), voice('Deutsch', 'de-DE')], lang: string | null = 'en') {
  const content = article(html);
  const fake = fakeSynthesis(voices);
  const states: string[] = [];
  const places: (string | null)[] = [];
  const p = new ReadAloud(spokenBlocks(content, lang), fake.speech, lang, {
    state: (s: PlayerState, problem?: string) => states.push(problem ? `${s}: ${problem}` : s),
    place: (_b, sentence) => places.push(sentence?.text ?? null),
  });
  return { p, fake, states, places, content };
}

afterEach(() => vi.useRealTimers());

describe('what read aloud reads', () => {
  it('reads headings, paragraphs and list items in order, sentence by sentence, and skips code', () => {
    const blocks = spokenBlocks(article(ARTICLE), 'en');
    expect(blocks.map((b) => b.sentences.map((s) => s.text))).toEqual([
      ['Tides'],
      ['The harbour opens at six.', 'Ferries leave every hour!'],
      ['Tickets at the pier'],
      ['Cash only'],
      ['Last paragraph.'],
    ]);
  });

  it('cuts Japanese at its full stops, and a block with no words is left out', () => {
    const blocks = spokenBlocks(article('<p>今日は晴れです。明日は雨です。</p><p> — </p><p><img alt="x"></p>'), 'ja');
    expect(blocks.map((b) => b.sentences.map((s) => s.text))).toEqual([['今日は晴れです。', '明日は雨です。']]);
  });

  it('marks a sentence across a link and puts the text back exactly', () => {
    const content = article('<p>The harbour opens at six. Ferries leave <a href="#">every hour</a>! Tea.</p>');
    const before = content.innerHTML;
    const [block] = spokenBlocks(content, 'en');
    const unmark = markSentence(block!.element, block!.sentences[1]!);
    expect([...content.querySelectorAll('.rw-spoken')].map((s) => s.textContent)).toEqual(['Ferries leave ', 'every hour', '!']);
    expect(content.querySelector('a')!.textContent).toBe('every hour');
    unmark();
    expect(content.innerHTML).toBe(before);
    expect(content.querySelector('p')!.childNodes).toHaveLength(3);
  });
});

describe('the player', () => {
  it('speaks every sentence in order in the article’s language and voice, then goes back to the start', async () => {
    const { p, fake, states, places } = player(ARTICLE, [voice('English', 'en-GB', { default: true }), voice('Deutsch', 'de-DE')], 'de');
    await p.ready();
    expect(p.voice?.name).toBe('Deutsch');
    p.play();
    for (let i = 0; i < 6; i++) fake.finish();
    expect(fake.texts()).toEqual(['Tides', 'The harbour opens at six.', 'Ferries leave every hour!', 'Tickets at the pier', 'Cash only', 'Last paragraph.']);
    expect(fake.spoken.every((u) => u.lang === 'de' && u.voice?.name === 'Deutsch')).toBe(true);
    expect(places.at(-1)).toBeNull();
    expect(states.at(-1)).toBe('idle');
  });

  it('pauses on a cancel that keeps the place, resumes that sentence from its start, and ignores the cancelled one’s late end', async () => {
    const { p, fake, states } = player();
    await p.ready();
    p.play();
    fake.finish(); // 'Tides' done
    const interrupted = fake.spoken.at(-1)!;
    p.toggle();
    expect(states.at(-1)).toBe('paused');
    fake.lateEnd(interrupted);
    expect(fake.texts()).toEqual(['Tides', 'The harbour opens at six.']);
    p.toggle();
    expect(fake.texts().at(-1)).toBe('The harbour opens at six.');
    expect(states.at(-1)).toBe('playing');
  });

  it('moves by paragraph: next, previous to the start of this one, previous again to the one before; stop goes back to the start', async () => {
    const { p, fake, places } = player();
    await p.ready();
    p.play();
    p.next();
    fake.finish();
    expect(fake.texts().slice(-2)).toEqual(['The harbour opens at six.', 'Ferries leave every hour!']);
    p.previous();
    expect(fake.texts().at(-1)).toBe('The harbour opens at six.');
    p.previous();
    expect(fake.texts().at(-1)).toBe('Tides');
    p.stop();
    expect(places.at(-1)).toBeNull();
    expect(p.position.block).toBe(0);
    // Idle, a move only shows where reading will start.
    const count = fake.spoken.length;
    p.next();
    expect(fake.spoken).toHaveLength(count);
    expect(places.at(-1)).toBe('The harbour opens at six.');
  });

  it('a new speed or voice while playing restarts the sentence with it', async () => {
    const { p, fake } = player();
    await p.ready();
    p.play();
    p.setRate(1.5);
    p.setVoice('uri:Deutsch');
    expect(fake.texts()).toEqual(['Tides', 'Tides', 'Tides']);
    expect(fake.spoken.at(-1)).toMatchObject({ rate: 1.5, voice: { name: 'Deutsch' } });
    p.setRate(9);
    expect(p.rate).toBe(2);
  });

  it('an engine error stops with its reason, and play tries that sentence again', async () => {
    const { p, fake, states } = player();
    await p.ready();
    p.play();
    fake.fail('synthesis-failed');
    expect(states.at(-1)).toBe('paused: synthesis-failed');
    p.play();
    expect(fake.texts()).toEqual(['Tides', 'Tides']);
  });

  it('waits for voices that load late, and says none when none come', async () => {
    vi.useFakeTimers();
    const late = player(ARTICLE, []);
    const ready = late.p.ready();
    late.fake.voicesArrive([voice('English', 'en-US')]);
    await ready;
    expect(late.states).toEqual(['idle']);

    const none = player(ARTICLE, []);
    const waiting = none.p.ready();
    await vi.advanceTimersByTimeAsync(1500);
    await waiting;
    expect(none.states).toEqual(['unavailable']);
    none.p.play();
    expect(none.fake.spoken).toEqual([]);
  });

  it('orders voices: the article’s exact tag, then its language, default and local first, then the rest', () => {
    const list = [voice('fr', 'fr-FR', { default: true }), voice('en-US remote', 'en-US', { localService: false }), voice('en-GB', 'en_GB'), voice('en-US', 'en-US')];
    expect(voicesFor(list, 'en-US').map((v) => v.name)).toEqual(['en-US', 'en-US remote', 'en-GB', 'fr']);
  });
});

describe('the controls', () => {
  it('play marks the sentence in the text and says where it is; stop takes the mark away', async () => {
    const content = article(ARTICLE);
    const before = content.innerHTML;
    const fake = fakeSynthesis([voice('English', 'en-GB')]);
    const opened: boolean[] = [];
    // jsdom lays nothing out, so every marked block is "out of view" and scrolled to.
    const scroller = Object.assign(document.createElement('div'), { scrollTo: vi.fn() });
    const bar = buildReadAloudBar(document, content, scroller, 'en', (open) => opened.push(open), fake.speech);
    document.body.append(bar.element);
    const status = bar.element.querySelector('[data-testid="read-aloud-status"]')!;
    bar.playPause();
    await vi.waitFor(() => expect(fake.texts()).toEqual(['Tides']));
    expect(opened).toEqual([true]);
    fake.finish();
    expect(content.querySelector('.rw-spoken')!.textContent).toBe('The harbour opens at six.');
    expect(content.querySelector('.rw-speaking')!.tagName).toBe('P');
    expect(status.textContent).toBe('Paragraph 2 of 5');
    expect(scroller.scrollTo).toHaveBeenCalled();
    expect(bar.element.querySelector('[data-testid="read-aloud-play"]')!.getAttribute('aria-label')).toBe('Pause');
    expect([...bar.element.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['English (en-GB)']);
    bar.stop();
    expect(content.innerHTML).toBe(before);
  });

  it('without speech synthesis the controls are off and say why', async () => {
    const content = article(ARTICLE);
    const bar = buildReadAloudBar(document, content, document.body, 'en', () => undefined, null);
    bar.toggle();
    const status = bar.element.querySelector('[data-testid="read-aloud-status"]')!;
    await vi.waitFor(() => expect(status.textContent).toBe('This browser has no speech voices, so it cannot read aloud.'));
    expect((bar.element.querySelector('[data-testid="read-aloud-play"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
