// The reader overlay: a fresh <div> host on <html> with a closed shadow root, a modal <dialog>
// inside it (shown with showModal(), so it sits in the browser's top layer above the page's own
// dialogs, popovers and fullscreen elements: top-layer.ts), and the page locked behind it.
// Everything the page could notice is undone by close(): the host leaves, the <html> style
// attribute, scroll position and focus are restored. The host is held in this closure, never
// looked up by id, so a page cannot hand us its own.
import type { ReaderSettings } from '../shared/settings';
import { markAccepted, markLongArticle, markThread } from '../shared/reader-theme';
import { h, trusted } from './dom';
import { buildHeader, leadFigure, TITLE_ID, type ReaderView } from './header';
import { buildHelp } from './help';
import { isReaderAction, keyAction, type ReaderAction } from './keys';
import { lockPage } from './page-state';
import { makePageInert } from './page-inert';
import { adoptStyles, applySettings } from './styles';
import { buildToolbar, type ToolbarActions } from './toolbar';
import { trapTab, scrollToFragment } from './focus';
import { keyScroller, STOP_MARGIN_PX } from './scroll';
import { keepOnTop, showOnTop } from './top-layer';
import { buildOutline, MIN_HEADINGS, outlineOf, type Outline } from './outline';
import { buildProgress } from './progress';
import { buildReadAloudBar, type ReadAloudBar } from './read-aloud-bar';
import { buildRemovedPanel } from './removed-panel';
import { revealRestored } from './reveal';
import { buildZapMode, type ZapMode } from './zap-mode';
import type { Removal } from '../core/index';
import { progressOf, scrollTopFor } from '../shared/reading-position';
import { t } from '../shared/strings/t';

export interface OverlayHandlers extends Omit<ToolbarActions, 'keys' | 'outline' | 'readAloud' | 'zap'> {
  key(action: ReaderAction): void;
  /** The reader scrolled to `progress` (0–1), to remember the place (resume.ts). */
  moved?(progress: number): void;
  /** Show these removed blocks again (the removed panel); without it the panel is not offered. */
  restore?(which: Removal[]): void;
  /** Remove this block of the reader's content, here and on the site's pages (zap mode); without it there is no zap. */
  zap?(block: Element): void;
}

export interface OverlayOptions {
  /** Where to open the article (0–1 of its scrollable height), a remembered place. */
  startAt?: number;
  /** Open with the removed panel showing, these rules' groups expanded (the article was just read again from it). */
  removedOpen?: readonly string[];
  /** Blocks just shown again: the first is brought into view and each is marked for a moment (over `startAt`). */
  reveal?: readonly Removal[];
  /** Open with zap mode on (the article was just read again after a zap). */
  zapping?: boolean;
}

export interface Overlay {
  view: ReaderView;
  root: ShadowRoot;
  content: HTMLElement;
  /** The element the article scrolls in (positioned: highlights place their bar in it). */
  scroller: HTMLElement;
  applySettings(s: ReaderSettings): void;
  toast(text: string): void;
  /** How far down the article the reader is (0–1). */
  progress(): number;
  close(): void;
}

export function openOverlay(doc: Document, view: ReaderView, settings: ReaderSettings, on: OverlayHandlers, options: OverlayOptions = {}): Overlay {
  const startAt = options.startAt ?? 0;
  const snapshot = lockPage(doc);
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root);

  const win = doc.defaultView;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const toast = (text: string) => {
    toastEl.textContent = text;
    toastEl.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toastEl.hidden = true), 2600);
  };
  const dialog = h(doc, 'dialog', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': TITLE_ID, tabindex: -1, 'data-testid': 'reader-dialog' });
  const isMessage = view.kind === 'message';
  // The outline needs the content's headings, so the content is filled before the toolbar is built.
  const content = h(doc, 'div', { class: 'content', 'data-testid': 'reader-content', 'data-list': view.listItems ? '' : undefined });
  if (!isMessage && view.content) content.append(doc.importNode(view.content, true));
  const headings = isMessage ? [] : outlineOf(content);
  // `help` and `outline` are built below, once the parts they cover exist; the buttons only call them later.
  const toolbar = buildToolbar(doc, settings, {
    ...on,
    keys: () => help.toggle(),
    outline: headings.length >= MIN_HEADINGS ? () => outline?.toggle() : undefined,
    readAloud: isMessage ? undefined : () => readAloud?.toggle(),
    zap: on.zap && !isMessage ? () => zapMode?.toggle() : undefined,
  }, isMessage);
  const toastEl = h(doc, 'div', { class: 'toast', role: 'status', 'aria-live': 'polite', 'data-testid': 'reader-toast', hidden: true });
  const page = h(doc, 'article', { class: 'page', lang: view.lang ?? undefined, dir: view.dir ?? undefined });
  if (view.kind === 'message') {
    page.append(h(doc, 'h1', { class: 'sr-only', id: TITLE_ID }, [view.title]), h(doc, 'p', { class: 'message', 'data-testid': 'reader-message' }, [view.message ?? '']));
  } else {
    // importNode (above): the sanitized nodes belong to the core's inert document; we show copies.
    markLongArticle(content);
    if (markThread(content) && view.acceptedPost !== undefined) markAccepted(content, view.acceptedPost, t('reader_accepted'));
    const lead = leadFigure(doc, view, content);
    page.append(buildHeader(doc, view), ...(lead ? [lead] : []), content);
  }
  const scroller = h(doc, 'div', { class: 'scroller', 'data-testid': 'reader-scroller' }, [page]);
  const scroll = keyScroller(scroller, content);
  const toHeading = (target: HTMLElement) => {
    const top = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - STOP_MARGIN_PX;
    scroller.scrollTo({ top: Math.max(0, Math.round(top)) });
  };
  const title = page.querySelector<HTMLElement>('h1');
  const outline: Outline | null = toolbar.outlineButton && title
    ? buildOutline(doc, [{ depth: 0, text: view.title, target: title }, ...headings], scroller, toHeading, dialog, (open) => toolbar.outlineButton?.setAttribute('aria-expanded', String(open)))
    : null;
  const progress = isMessage ? null : buildProgress(doc, view.readingMinutes ?? 1);
  const readAloud: ReadAloudBar | null = isMessage
    ? null
    : buildReadAloudBar(doc, content, scroller, view.lang ?? null, (open) => toolbar.readAloudButton?.setAttribute('aria-expanded', String(open)));
  const zapMode: ZapMode | null = on.zap && !isMessage
    ? buildZapMode(doc, content, scroller, on.zap, (open) => toolbar.zapButton?.setAttribute('aria-expanded', String(open)), options.zapping)
    : null;
  const removed = progress && on.restore && view.removals?.length ? buildRemovedPanel(doc, view.removals, on.restore, options.removedOpen) : null;
  if (removed) progress!.element.prepend(removed.button);
  const main = h(doc, 'div', { class: 'main' }, [...(outline ? [outline.element] : []), scroller, ...(removed ? [removed.element] : [])]);
  const bars = [toolbar.element, ...(readAloud ? [readAloud.element] : []), ...(zapMode ? [zapMode.element] : [])];
  const help = buildHelp(doc, [...bars, main, ...(progress ? [progress.element] : [])], dialog);
  dialog.append(...bars, main, ...(progress ? [progress.element] : []), toastEl, help.element);
  root.append(dialog);
  applySettings(dialog, settings);

  // Keys: only trusted ones, and none of them leak to the page's own shortcuts. The listener sits
  // on the window in the capture phase, the first stop of every key event, so a page's capture
  // listeners on document, <html> or <body> (or on window, added after this one) that stop
  // propagation cannot swallow Esc or the reader keys. A window capture listener the page added
  // before reader view opened still runs first (listeners run in the order they were added); Esc
  // then still arrives as the dialog's close request (below), and the close button and the
  // toolbar toggle close the reader too.
  const onKeydown = trusted((e: KeyboardEvent) => {
    if (e.target !== host) return; // focus is kept on the dialog; anything else is the page's
    e.stopImmediatePropagation();
    if (e.key === 'Tab') return trapTab(root, help.isOpen() ? help.element : dialog, e);
    const target = root.activeElement;
    // A focused highlight opens its editor on Enter or Space, as a click does (shared/highlighting.ts).
    if ((e.key === 'Enter' || e.key === ' ') && target?.matches?.('mark.hl') && !help.isOpen()) return void (e.preventDefault(), (target as HTMLElement).click());
    const focus = target?.matches?.('select, input, textarea') ? 'control' : target?.matches?.('button') ? 'button' : 'reader';
    const { key, shiftKey, ctrlKey, metaKey, altKey } = e;
    // In zap mode the arrows pick blocks and Enter removes one (checked before the reader's keys).
    if (zapMode?.isOn() && !help.isOpen() && !(ctrlKey || metaKey || altKey) && (focus === 'reader' || key === 'Escape') && zapMode.key(key)) return void e.preventDefault();
    // In the outline, arrows, Home and End move between its entries (checked before the reader's scroll keys).
    if (!(shiftKey || ctrlKey || metaKey || altKey) && outline?.moveFocus(key)) return void e.preventDefault();
    const action = keyAction({ key, shiftKey, ctrlKey, metaKey, altKey, focus, helpOpen: help.isOpen() });
    if (!action) return;
    e.preventDefault();
    if (action === 'help') help.toggle();
    else if (action === 'outline') outline ? outline.toggle() : !isMessage && toast(t('reader_no_headings'));
    else if (action === 'read-aloud') readAloud?.playPause();
    else if (action === 'zap') zapMode?.toggle();
    else if (action === 'close' && outline?.isOpen()) outline.toggle();
    else if (action === 'close' && removed?.isOpen()) removed.toggle();
    else if (isReaderAction(action)) on.key(action);
    else scroll(action);
  });
  win?.addEventListener('keydown', onKeydown, true);
  host.addEventListener('keydown', (e) => e.stopPropagation());
  content.addEventListener('click', trusted((e: MouseEvent) => scrollToFragment(root, scroller, e)));
  // Esc on a modal dialog is also the browser's close request: it reaches the dialog as `cancel`
  // even when a page listener the keydown met first stopped it. It does what the key does (close
  // the key list if open, else the reader); the dialog never closes on its own.
  dialog.addEventListener('cancel', trusted((e: Event) => {
    e.preventDefault();
    if (help.isOpen()) help.toggle();
    else if (zapMode?.isOn()) zapMode.toggle();
    else if (outline?.isOpen()) outline.toggle();
    else if (removed?.isOpen()) removed.toggle();
    else on.key('close');
  }));

  // Focus stays in the dialog: anything that pulls it out to the page is sent back.
  const keepFocus = (e: FocusEvent) => {
    if (e.target !== host) dialog.focus({ preventScroll: true });
  };
  doc.documentElement.appendChild(host);
  showOnTop(dialog);
  const stopKeepingOnTop = keepOnTop(doc, root, dialog, outline ? [scroller, outline.element] : [scroller]);
  doc.addEventListener('focusin', keepFocus, true);
  dialog.focus({ preventScroll: true });
  // After focus has left the page: an element made inert while focused would be blurred.
  const restoreInert = makePageInert(doc, host);

  // The place: progress bar, minutes left, the outline's mark, and the remembered position. Read
  // once a frame at most while scrolling; the first read also follows the resume below.
  let frame = 0;
  const place = () => {
    frame = 0;
    const p = progressOf(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight);
    progress?.show(p);
    outline?.follow();
    if (!closed) on.moved?.(p);
  };
  const nextFrame = win?.requestAnimationFrame?.bind(win) ?? ((fn: () => void) => setTimeout(fn, 16) as unknown as number);
  if (progress) {
    scroller.addEventListener('scroll', () => (frame ||= nextFrame(place)), { passive: true });
    progress.show(0);
    // In the next frame, once the dialog's layout has settled: a fraction of a height still
    // changing lands short.
    if (startAt > 0) nextFrame(() => scroller.scrollTo({ top: scrollTopFor(startAt, scroller.scrollHeight, scroller.clientHeight), behavior: 'instant' as ScrollBehavior }));
    if (options.reveal?.length) nextFrame(() => revealRestored(content, options.reveal!));
  }

  return {
    view,
    root,
    content,
    scroller,
    applySettings(s) {
      toolbar.update(s);
      applySettings(dialog, s);
    },
    toast,
    progress: () => progressOf(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight),
    close() {
      if (closed) return;
      // The position a scroll in the last frame has not reported yet.
      if (progress) on.moved?.(progressOf(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight));
      closed = true;
      readAloud?.stop();
      zapMode?.stop();
      clearTimeout(toastTimer);
      stopKeepingOnTop();
      doc.removeEventListener('focusin', keepFocus, true);
      win?.removeEventListener('keydown', onKeydown, true);
      host.remove();
      restoreInert(); // before focus goes back: an inert element cannot take it
      snapshot.restore();
    },
  };
}
