// What each button in a list item does, by its data-action (library-view.ts sets them): one
// entry per action, like the background's handler per message. A click on a button whose action
// is not here does nothing.

/** The page operations the list's buttons reach. */
export interface ListActionHost {
  delete(id: string): Promise<void>;
  removeTag(id: string, tag: string): Promise<void>;
  exportOne(id: string, kind: 'md' | 'html'): Promise<void>;
  exportEpub(ids: readonly string[]): Promise<void>;
}

/** The article the clicked button belongs to, and the button (some actions read more of it). */
export interface ListActionTarget {
  id: string;
  button: Element;
}

export type ListAction = (host: ListActionHost, target: ListActionTarget) => Promise<void>;

export const LIST_ACTIONS: Readonly<Record<string, ListAction>> = {
  delete: (host, { id }) => host.delete(id),
  'remove-tag': (host, { id, button }) => host.removeTag(id, button.getAttribute('data-tag') ?? ''),
  'export-md': (host, { id }) => host.exportOne(id, 'md'),
  'export-html': (host, { id }) => host.exportOne(id, 'html'),
  'export-epub': (host, { id }) => host.exportEpub([id]),
};

/** The action a button names, or null for none (or one that no entry handles). */
export function listActionOf(button: Element): ListAction | null {
  const name = button.getAttribute('data-action') ?? '';
  return Object.hasOwn(LIST_ACTIONS, name) ? LIST_ACTIONS[name]! : null;
}
