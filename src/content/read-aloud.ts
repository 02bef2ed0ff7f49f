// Read aloud with the browser's own speech synthesis (nothing leaves the machine that the
// browser's voices do not send themselves): a queue of the article's sentences, one utterance
// each, so the spoken sentence can be marked and the engines' trouble with long utterances
// (Chrome cuts them off after about 15 s) never arises. Pause is a cancel that keeps the place,
// and resuming speaks that sentence again from its start: speechSynthesis.pause() and resume()
// are unreliable across engines (on Linux Chrome, resume often stays silent). The synthesis is
// injected, so the queueing is tested against a fake.
import type { SpokenBlock, Sentence } from './speech-text';

/** The part of SpeechSynthesis used here. */
export interface Synthesis {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

export interface Speech {
  synth: Synthesis;
  Utterance: new (text: string) => SpeechSynthesisUtterance;
}

export type PlayerState = 'loading' | 'unavailable' | 'idle' | 'playing' | 'paused';

export interface PlayerEvents {
  /** `problem`: why speech stopped or cannot start, in the engine's words. */
  state(state: PlayerState, problem?: string): void;
  /** The sentence now at the reading place (`null`: none, the place was cleared). */
  place(block: SpokenBlock | null, sentence: Sentence | null, blockIndex: number): void;
}

/** The window's speech synthesis, or null where there is none. */
export function speechOf(win: Window | null): Speech | null {
  const w = win as (Window & { SpeechSynthesisUtterance?: Speech['Utterance'] }) | null;
  if (!w?.speechSynthesis || typeof w.SpeechSynthesisUtterance !== 'function') return null;
  return { synth: w.speechSynthesis, Utterance: w.SpeechSynthesisUtterance };
}

const primary = (tag: string) => tag.toLowerCase().replace('_', '-').split('-')[0]!;
const sameTag = (a: string, b: string) => a.toLowerCase().replace('_', '-') === b.toLowerCase().replace('_', '-');

/**
 * Voices for an article in `lang`: those of its language first (the exact tag, then the same
 * language), the browser's default among them first, then local ones; then every other voice.
 */
export function voicesFor(voices: readonly SpeechSynthesisVoice[], lang: string | null): SpeechSynthesisVoice[] {
  const score = (v: SpeechSynthesisVoice) =>
    (lang && sameTag(v.lang, lang) ? 8 : 0) + (lang && primary(v.lang) === primary(lang) ? 4 : 0) + (v.default ? 2 : 0) + (v.localService ? 1 : 0);
  return [...voices].sort((a, b) => score(b) - score(a));
}

/** How long to wait for voices that load asynchronously (Chrome) before saying there are none. */
const VOICES_WAIT_MS = 1500;

export class ReadAloud {
  state: PlayerState = 'loading';
  voice: SpeechSynthesisVoice | null = null;
  rate = 1;
  private voiceList: SpeechSynthesisVoice[] = [];
  private block = 0;
  private sentence = 0;
  /** Bumped by every start and stop: events of an utterance that is no longer current are ignored. */
  private token = 0;

  constructor(
    private readonly blocks: readonly SpokenBlock[],
    private readonly speech: Speech | null,
    private readonly lang: string | null,
    private readonly on: PlayerEvents,
  ) {}

  /** Waits for the voices (at most 1.5 s), then says whether reading can start. */
  async ready(): Promise<void> {
    const speech = this.speech;
    if (speech && !speech.synth.getVoices().length) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          speech.synth.removeEventListener('voiceschanged', done);
          resolve();
        };
        const timer = setTimeout(done, VOICES_WAIT_MS);
        speech.synth.addEventListener('voiceschanged', done);
      });
    }
    this.voiceList = speech ? voicesFor(speech.synth.getVoices(), this.lang) : [];
    this.voice = this.voiceList.find((v) => this.lang && primary(v.lang) === primary(this.lang)) ?? null;
    this.setState(this.voiceList.length && this.blocks.length ? 'idle' : 'unavailable');
  }

  voices(): readonly SpeechSynthesisVoice[] {
    return this.voiceList;
  }

  get position(): { block: number; blocks: number } {
    return { block: this.block, blocks: this.blocks.length };
  }

  play(): void {
    if (this.state !== 'idle' && this.state !== 'paused') return;
    this.speakCurrent();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.silence();
    this.setState('paused');
  }

  /** Play or pause, as the one button and the `r` key do. */
  toggle(): void {
    if (this.state === 'playing') this.pause();
    else this.play();
  }

  /** Stops and goes back to the start. */
  stop(): void {
    if (this.state === 'loading' || this.state === 'unavailable') return;
    this.silence();
    this.block = 0;
    this.sentence = 0;
    this.on.place(null, null, 0);
    this.setState('idle');
  }

  next(): void {
    this.moveTo(Math.min(this.block + 1, this.blocks.length - 1));
  }

  /** To the start of this block when past its first sentence, else to the block before. */
  previous(): void {
    this.moveTo(this.sentence > 0 ? this.block : Math.max(0, this.block - 1));
  }

  setVoice(uri: string): void {
    this.voice = this.voiceList.find((v) => v.voiceURI === uri) ?? this.voice;
    if (this.state === 'playing') this.speakCurrent();
  }

  setRate(rate: number): void {
    this.rate = Math.min(2, Math.max(0.5, rate));
    if (this.state === 'playing') this.speakCurrent();
  }

  private moveTo(block: number): void {
    if (this.state === 'loading' || this.state === 'unavailable') return;
    this.block = block;
    this.sentence = 0;
    if (this.state === 'playing') this.speakCurrent();
    else this.on.place(this.blocks[block]!, this.blocks[block]!.sentences[0]!, block);
  }

  private silence(): void {
    this.token++;
    this.speech?.synth.cancel();
  }

  private speakCurrent(): void {
    const speech = this.speech;
    const block = this.blocks[this.block];
    const sentence = block?.sentences[this.sentence];
    if (!speech || !block || !sentence) return;
    this.silence();
    const token = this.token;
    const utterance = new speech.Utterance(sentence.text);
    if (this.lang) utterance.lang = this.lang;
    if (this.voice) utterance.voice = this.voice;
    utterance.rate = this.rate;
    utterance.onend = () => {
      if (token === this.token) this.advance();
    };
    utterance.onerror = (e: SpeechSynthesisErrorEvent) => {
      // A cancel (pause, stop, a move) ends the old utterance with one of these: not a failure.
      if (token !== this.token || e.error === 'interrupted' || e.error === 'canceled') return;
      this.token++;
      this.setState('paused', e.error);
    };
    this.on.place(block, sentence, this.block);
    this.setState('playing');
    speech.synth.speak(utterance);
  }

  private advance(): void {
    const block = this.blocks[this.block]!;
    if (this.sentence + 1 < block.sentences.length) this.sentence++;
    else if (this.block + 1 < this.blocks.length) {
      this.block++;
      this.sentence = 0;
    } else {
      // The end of the article: back to the start, as a finished recording would be.
      this.token++;
      this.block = 0;
      this.sentence = 0;
      this.on.place(null, null, 0);
      this.setState('idle');
      return;
    }
    this.speakCurrent();
  }

  private setState(state: PlayerState, problem?: string): void {
    this.state = state;
    this.on.state(state, problem);
  }
}
