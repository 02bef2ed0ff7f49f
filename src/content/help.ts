// The key list that "?" opens: a modal dialog over the article naming every reader key, built
// from KEY_LIST (keys.ts), the table the key map is tested against, so it cannot drift from what
// the keys do. While it is open the rest of the reader is inert; closing it hands focus back.
import { t } from '../shared/strings/t';
import { h, trusted } from './dom';
import { KEY_LIST } from './keys';

export interface Help {
  element: HTMLElement;
  isOpen(): boolean;
  toggle(): void;
}

const TITLE = 'rw-keys-title';

/** `behind`: the parts of the reader the list covers; `focusBack`: the reader, for focus on close. */
export function buildHelp(doc: Document, behind: HTMLElement[], focusBack: HTMLElement): Help {
  const rows = KEY_LIST.flatMap(([labels, what]) => [
    h(doc, 'dt', {}, labels.flatMap((label, i) => [...(i ? [' '] : []), h(doc, 'kbd', {}, [label])])),
    h(doc, 'dd', {}, [t(what)]),
  ]);
  const close = h(doc, 'button', { type: 'button', class: 'help-close', 'data-testid': 'reader-help-close' }, [t('close')]);
  const box = h(doc, 'div', { class: 'help-box', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': TITLE, tabindex: -1, 'data-testid': 'reader-help' }, [
    h(doc, 'h2', { id: TITLE }, [t('keys')]),
    close,
    h(doc, 'dl', {}, rows),
    h(doc, 'p', { class: 'help-note' }, [t('keys_note')]),
  ]);
  const element = h(doc, 'div', { class: 'help', hidden: true }, [box]);

  const isOpen = () => !element.hidden;
  // Focus goes back where it was (the toolbar's ? button, say), or to `focusBack`.
  let returnTo: HTMLElement = focusBack;
  const toggle = () => {
    const open = !isOpen();
    if (open) returnTo = ((element.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null) ?? focusBack;
    element.hidden = !open;
    for (const el of behind) el.toggleAttribute('inert', open);
    (open ? box : returnTo.isConnected ? returnTo : focusBack).focus({ preventScroll: true });
  };
  close.addEventListener('click', trusted(toggle));
  // A click on the dimmed backdrop, outside the list, closes it too.
  element.addEventListener('click', trusted((e: MouseEvent) => e.target === element && toggle()));
  return { element, isOpen, toggle };
}
