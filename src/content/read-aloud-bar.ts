// The read-aloud controls under the reader's toolbar: previous / play-pause / stop / next, the
// voice (the article's language first) and the speed, and one status line that says where
// reading is, or plainly why it cannot start (no voices in this browser) or why it stopped. The
// sentence being spoken is marked in the text and kept in view; closing the reader stops speech.
import { t } from '../shared/strings/t';
import { h, trusted } from './dom';
import { icon, type IconName } from './icons';
import { ReadAloud, speechOf, type PlayerState, type Speech } from './read-aloud';
import { markSentence, spokenBlocks, type SpokenBlock } from './speech-text';

export interface ReadAloudBar {
  element: HTMLElement;
  isOpen(): boolean;
  /** Shows or hides the controls (hiding does not stop speech: the toolbar button still says it plays). */
  toggle(): void;
  /** Play or pause (the `r` key): opens the controls first if they are hidden. */
  playPause(): void;
  /** Stops speech for good (the reader is closing). */
  stop(): void;
}

const MARGIN_PX = 80;

/** Scrolls `scroller` so `el` is in view with a margin, only when it is not. */
function keepInView(scroller: HTMLElement, el: HTMLElement): void {
  const box = el.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top >= view.top + MARGIN_PX && box.bottom <= view.bottom - MARGIN_PX) return;
  const top = box.top - view.top + scroller.scrollTop - view.height / 3;
  scroller.scrollTo({ top: Math.max(0, Math.round(top)) });
}

export function buildReadAloudBar(
  doc: Document,
  content: HTMLElement,
  scroller: HTMLElement,
  lang: string | null,
  onOpenChange: (open: boolean) => void,
  speech: Speech | null = speechOf(doc.defaultView),
): ReadAloudBar {
  const status = h(doc, 'span', { class: 'speech-status', role: 'status', 'data-testid': 'read-aloud-status' }, [t('read_aloud_loading')]);
  const button = (glyph: IconName, label: string, testid: string, fn: () => void) => {
    const b = h(doc, 'button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label, 'data-testid': testid, disabled: true }, [icon(doc, glyph)]);
    b.addEventListener('click', trusted(fn));
    return b;
  };
  const voice = h(doc, 'select', { 'data-testid': 'read-aloud-voice', disabled: true });
  const rate = h(doc, 'input', { type: 'range', min: 0.5, max: 2, step: 0.1, value: 1, 'data-testid': 'read-aloud-rate', disabled: true });
  const rateValue = h(doc, 'span', { class: 'value', 'data-testid': 'read-aloud-rate-value' }, [t('read_aloud_speed_value', '1.0')]);

  let blocks: SpokenBlock[] | null = null;
  let player: ReadAloud | null = null;
  let unmark: (() => void) | null = null;
  let markedBlock: HTMLElement | null = null;

  const clearMark = () => {
    unmark?.();
    unmark = null;
    if (markedBlock) {
      markedBlock.classList.remove('rw-speaking');
      // The article as it was: no empty class attribute left where there was none (copy reads it).
      if (!markedBlock.classList.length) markedBlock.removeAttribute('class');
    }
    markedBlock = null;
  };
  const showPlace = () => {
    if (!player || player.state === 'unavailable' || player.state === 'loading') return;
    const { block, blocks: total } = player.position;
    status.textContent = t('read_aloud_place', block + 1, total);
  };
  const showState = (state: PlayerState, problem?: string) => {
    const usable = state !== 'loading' && state !== 'unavailable';
    for (const control of [prev, play, stopButton, next, voice, rate]) control.disabled = !usable;
    play.replaceChildren(icon(doc, state === 'playing' ? 'pause' : 'play'));
    play.setAttribute('aria-label', t(state === 'playing' ? 'read_aloud_pause' : 'read_aloud_play'));
    play.title = play.getAttribute('aria-label')!;
    if (state === 'unavailable') status.textContent = t('read_aloud_unavailable');
    else if (problem) status.textContent = t('read_aloud_failed', problem);
    else showPlace();
  };

  const prev = button('previous', t('read_aloud_previous'), 'read-aloud-previous', () => player?.previous());
  const play = button('play', t('read_aloud_play'), 'read-aloud-play', () => player?.toggle());
  const stopButton = button('stop', t('read_aloud_stop'), 'read-aloud-stop', () => player?.stop());
  const next = button('next', t('read_aloud_next'), 'read-aloud-next', () => player?.next());
  voice.addEventListener('change', trusted(() => player?.setVoice(voice.value)));
  rate.addEventListener('input', trusted(() => {
    player?.setRate(Number(rate.value));
    rateValue.textContent = t('read_aloud_speed_value', Number(rate.value).toFixed(1));
  }));

  const element = h(doc, 'div', { class: 'speech', role: 'group', 'aria-label': t('read_aloud'), id: 'rw-read-aloud', 'data-testid': 'read-aloud', hidden: true }, [
    prev, play, stopButton, next,
    h(doc, 'label', {}, [t('read_aloud_voice'), voice]),
    h(doc, 'label', {}, [t('read_aloud_speed'), rate, rateValue]),
    status,
  ]);

  /** Built on first use: the article is cut into sentences only when someone wants it read. */
  function start(): Promise<void> {
    if (player) return Promise.resolve();
    blocks = spokenBlocks(content, lang);
    player = new ReadAloud(blocks, speech, lang, {
      state: showState,
      place(block, sentence) {
        clearMark();
        showPlace();
        if (!block || !sentence) return;
        markedBlock = block.element;
        markedBlock.classList.add('rw-speaking');
        unmark = markSentence(block.element, sentence);
        keepInView(scroller, block.element);
      },
    });
    const ready = player.ready();
    return ready.then(() => {
      for (const v of player!.voices()) voice.append(h(doc, 'option', { value: v.voiceURI }, [`${v.name} (${v.lang})`]));
      if (player!.voice) voice.value = player!.voice.voiceURI;
    });
  }

  const setOpen = (open: boolean) => {
    element.hidden = !open;
    onOpenChange(open);
    if (open) void start();
  };

  return {
    element,
    isOpen: () => !element.hidden,
    toggle: () => setOpen(element.hidden),
    playPause() {
      if (element.hidden) setOpen(true);
      void start().then(() => player?.toggle());
    },
    stop() {
      player?.stop();
      clearMark();
    },
  };
}
