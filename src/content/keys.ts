// The reader's keyboard map as a pure function, so it is tested without trusted events (which
// jsdom cannot make); the listener in overlay.ts only checks `isTrusted` and calls this.
import type { PlainKey } from '../shared/strings/t';

/** Keys the controller acts on: settings, clipboard, library, closing. */
export type ReaderAction = 'close' | 'size-up' | 'size-down' | 'theme' | 'copy' | 'save' | 'highlight';
/** Keys the overlay acts on itself: moving through the article, the key list, the outline and read aloud. */
export type ScrollMove = 'line-down' | 'line-up' | 'page-down' | 'page-up' | 'top' | 'bottom' | 'next-paragraph' | 'previous-paragraph';
export type KeyAction = ReaderAction | ScrollMove | 'help' | 'outline' | 'read-aloud' | 'zap';

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /**
   * What has focus: `control` is a select, slider or text field (letters, arrows, Home/End and
   * Page keys already mean something there); `button` is a button (Space presses it); anything
   * else (the reader itself, the article, a link) is `reader`.
   */
  focus?: 'reader' | 'button' | 'control';
  /** The key list is open: only Esc and ? (which close it) are the reader's. */
  helpOpen?: boolean;
}

const KEYS: Record<string, KeyAction> = {
  ArrowDown: 'line-down', ArrowUp: 'line-up', PageDown: 'page-down', PageUp: 'page-up', Home: 'top', End: 'bottom',
  j: 'next-paragraph', J: 'next-paragraph', k: 'previous-paragraph', K: 'previous-paragraph',
  '+': 'size-up', '=': 'size-up', '-': 'size-down', _: 'size-down', t: 'theme', T: 'theme', c: 'copy', C: 'copy', s: 'save', S: 'save',
  o: 'outline', O: 'outline', r: 'read-aloud', R: 'read-aloud', x: 'zap', X: 'zap', h: 'highlight', H: 'highlight', '?': 'help',
};

const READER_ACTIONS: ReadonlySet<KeyAction> = new Set<ReaderAction>(['close', 'size-up', 'size-down', 'theme', 'copy', 'save', 'highlight']);
export const isReaderAction = (a: KeyAction): a is ReaderAction => READER_ACTIONS.has(a);

export function keyAction(e: KeyInput): KeyAction | null {
  if (e.helpOpen) return e.key === 'Escape' || e.key === '?' ? 'help' : null;
  if (e.key === 'Escape') return 'close';
  // Browser and OS shortcuts (Ctrl+C, Cmd+S, Alt+←, Ctrl+End…) keep their meaning.
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.focus === 'control') return null;
  if (e.key === ' ') return e.focus === 'button' ? null : e.shiftKey ? 'page-up' : 'page-down';
  return KEYS[e.key] ?? null;
}

/**
 * Every key, as the "?" list shows it (and README.md lists it): labels, then what they do (a
 * catalogue key). keys.test.ts checks each label against keyAction, and that no mapped key is
 * left out. The labels are the keys' names as keyboards and README write them, not translated.
 */
export const KEY_LIST = [
  [['Space', 'PageDown'], 'keys_page_down'],
  [['Shift+Space', 'PageUp'], 'keys_page_up'],
  [['↓', '↑'], 'keys_line'],
  [['Home', 'End'], 'keys_ends'],
  [['j', 'k'], 'keys_paragraph'],
  [['+', '-'], 'keys_size'],
  [['t'], 'keys_theme'],
  [['c'], 'keys_copy'],
  [['s'], 'keys_save'],
  [['o'], 'keys_outline'],
  [['r'], 'keys_read_aloud'],
  [['x'], 'keys_zap'],
  [['h'], 'keys_highlight'],
  [['?'], 'keys_help'],
  [['Esc'], 'keys_close'],
] as const satisfies readonly (readonly [labels: readonly string[], what: PlainKey])[];
