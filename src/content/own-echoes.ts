// storage.onChanged reports this tab's own saves back to it, later and in order. Pressing A+
// three times saves three values; applying the first echo after the third press would undo two
// of them. So the values this tab saved are remembered until their echo arrives, and an echo of
// one of them is not applied. A change from elsewhere (the popup, another tab) matches none of
// them and applies at once.

export interface OwnEchoes<T> {
  /** Call before saving `value`. */
  saving(value: T): void;
  /** True when `value` is the echo of one of our saves (it and every older pending save are then forgotten). */
  isOwnEcho(value: T): boolean;
}

/** At most this many saves are remembered: a lost echo must not make later changes invisible. */
const MAX_PENDING = 32;

export function ownEchoes<T>(): OwnEchoes<T> {
  const pending: string[] = [];
  return {
    saving(value) {
      pending.push(JSON.stringify(value));
      if (pending.length > MAX_PENDING) pending.shift();
    },
    isOwnEcho(value) {
      const at = pending.indexOf(JSON.stringify(value));
      if (at < 0) return false;
      pending.splice(0, at + 1);
      return true;
    },
  };
}
