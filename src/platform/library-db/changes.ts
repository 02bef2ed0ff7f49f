// Change events between the contexts that hold the library open. The background and each page
// have their own connection to the database; a broadcast after each committed change lets an
// open library page follow saves made from tabs without reloading everything.

/** What other contexts hear after a change lands: these ids, or everything (`all`). */
export type LibraryChange = { ids: string[] } | { all: true };

const CHANNEL = 'readwell-library';

export class LibraryChanges {
  // BroadcastChannel reaches every context of this origin but the sender, which already knows.
  private readonly channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

  announce(change: LibraryChange): void {
    this.channel?.postMessage(change);
  }

  /** Calls `cb` when another connection changed the library; returns the unsubscribe. */
  subscribe(cb: (change: LibraryChange) => void): () => void {
    if (!this.channel) return () => undefined;
    const listener = (e: MessageEvent) => {
      // Anything on the channel is checked: only our own shapes, with only text ids, get through.
      const d = e.data as { ids?: unknown; all?: unknown } | null;
      if (d?.all === true) cb({ all: true });
      else if (Array.isArray(d?.ids)) cb({ ids: d.ids.filter((x): x is string => typeof x === 'string') });
    };
    this.channel.addEventListener('message', listener);
    return () => this.channel?.removeEventListener('message', listener);
  }

  close(): void {
    this.channel?.close();
  }
}
