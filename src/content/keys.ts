// The reader's keyboard map as a pure function, so it is tested without trusted events (which
// jsdom cannot make); the listener in overlay.ts only checks `isTrusted` and calls this.

export type KeyAction = 'close' | 'size-up' | 'size-down' | 'theme' | 'copy' | 'save';

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** True when focus is in a control that takes typing (select, input, textarea). */
  inControl?: boolean;
}

const LETTERS: Record<string, KeyAction> = { '+': 'size-up', '=': 'size-up', '-': 'size-down', _: 'size-down', t: 'theme', T: 'theme', c: 'copy', C: 'copy', s: 'save', S: 'save' };

export function keyAction(e: KeyInput): KeyAction | null {
  if (e.key === 'Escape') return 'close';
  // Browser and OS shortcuts (Ctrl+C, Cmd+S, Alt+…) keep their meaning.
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  // In a select or slider, letters pick options and +/- may be typed; leave them be.
  if (e.inControl) return null;
  return LETTERS[e.key] ?? null;
}
