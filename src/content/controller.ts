// The reader in one page: opens and closes the overlay, answers the background's requests
// (toggle, status, copy, draft) and the reader's own keys. Every extension API arrives through
// `ReaderDeps`, so the whole flow runs under jsdom with fakes.
import { ownEchoes } from './own-echoes';
import { stepSetting, nextTheme, validateSettings, type ReaderSettings } from '../shared/settings';
import { t } from '../shared/strings/t';
import { fail, ok, type ArticleDraft, type CopyFormat, type CopyResult, type ReaderStatus, type Reply, type SaveResult } from '../platform/messages';
import type { SettingsStore } from '../platform/settings-store';
import type { PositionStore } from '../platform/position-store';
import type { ZapStore } from '../platform/zap-store';
import { keepPlace, type PlaceKeeper } from './resume';
import { findByText, findContaining, zapRuleFor, ZAPPED, ZAP_TEXT_CHARS, type Article, type ArticleHeading, type Removal } from '../core/index';
import { ZAP_LABEL_CHARS } from '../shared/zaps';
import { normalizedText } from '../core/dom';
import { openOverlay, type Overlay, type OverlayOptions } from './overlay';
import { buildPayload, type ClipboardPayload } from './payload';
import { copiedText, savedText } from '../shared/action-text';
import { readPage, messageView, restoring, selectionInArticle, toDraft, defaultExtract, NOTHING_RESTORED, type Extract, type Restore, type Source } from './source';
import { DEFAULT_LIMITS, elementCount } from '../core/budget';
import { cleanRange, overlaySelection } from './selection';
import type { ReaderAction } from './keys';
import type { ReaderFonts } from './reader-fonts';
import { subsetsOf } from '../shared/fonts';
import { captureImages, imagesToKeep } from './image-capture';
import { enableHighlights, type Highlighting, type HighlightSurface } from '../shared/highlighting';
import type { Highlight } from '../shared/highlights';

export interface ReaderDeps {
  doc: Document;
  url(): string;
  settings: SettingsStore;
  /** Where each article was left; without it the reader always opens at the top. */
  positions?: PositionStore;
  /** The blocks removed by hand per site; without it the reader offers no zap. */
  zaps?: ZapStore;
  saveDraft(draft: ArticleDraft): Promise<Reply<SaveResult>>;
  writeClipboard(payload: ClipboardPayload): Promise<boolean>;
  /** Shows a short notice on the page when no overlay is open. */
  pageToast(text: string): void;
  /** Shows a notice that fades in if work runs on; returns its removal. Without it, none is shown. */
  pageWorking?(text: string): () => void;
  extract?: Extract;
  /** Builds the overlay (tests wrap it to look inside the closed shadow root). */
  openOverlay?: typeof openOverlay;
  /** The saved copy's highlights for this page, and writing them back; without it the overlay offers none. */
  highlights?: {
    load(): Promise<Highlight[] | null>;
    save(highlights: readonly Highlight[]): Promise<Reply<null>>;
  };
  /** Fetches the article's pictures for a save (image-capture.ts); without it a save keeps none. */
  fetchImage?: typeof fetch;
  /** The shipped reading fonts (reader-fonts.ts); without it the system's fonts show. */
  fonts?: ReaderFonts;
}

interface Open {
  overlay: Overlay;
  article: Article | null;
  content: DocumentFragment | null;
  unsubscribe: () => void;
  place: PlaceKeeper | null;
  /** An article is shown while the page has a selection (the popup offers to read that instead). */
  hasSelection: boolean;
  /** What the reader was asked to show again (the removed panel), kept while it stays open. */
  restore: Restore;
  /** The scripts of the text the reader shows (shared/fonts.ts subsetsOf): what its font must cover. */
  scripts: ReadonlySet<string>;
  /** Highlights on the article, once the saved copy's have been asked for. */
  highlighting?: Highlighting;
}

/** How long an opening waits for its reading font (the first reading in a tab reads the files) before showing in the system's. */
const FONT_WAIT_MS = 250;

/** The scripts of the text a reader shows: what its font must cover. */
const scriptsOf = (view: { title?: string | null; message?: string | null }, content: DocumentFragment | null) =>
  subsetsOf(`${view.title ?? ''} ${content?.textContent ?? view.message ?? ''}`);

export function createReader(deps: ReaderDeps) {
  const { doc } = deps;
  const extract = deps.extract ?? defaultExtract;
  let open: Open | null = null;
  let settings: ReaderSettings = validateSettings(undefined);
  const echoes = ownEchoes<ReaderSettings>();

  const status = (): ReaderStatus =>
    open ? { open: true, source: open.overlay.view.kind, title: open.overlay.view.title, ...(open.hasSelection ? { hasSelection: true } : {}) } : { open: false };
  const notify = (text: string) => (open ? open.overlay.toast(text) : deps.pageToast(text));

  function close(): void {
    if (!open) return;
    open.highlighting?.stop();
    open.unsubscribe();
    open.overlay.close(); // reports the last position first,
    open.place?.stop(); // which this saves
    open = null;
    deps.fonts?.release();
  }

  /** The reading font for the open reader, when the choice is one Readwell ships. */
  function useFont(font: ReaderSettings['font']): void {
    if (open) void deps.fonts?.use(font, open.scripts).catch(() => undefined);
  }

  function changeSettings(next: ReaderSettings): void {
    const font = settings.font;
    settings = validateSettings(next);
    open?.overlay.applySettings(settings);
    if (settings.font !== font) useFont(settings.font);
    echoes.saving(settings);
    deps.settings.save(settings).catch(() => notify(t('error_stale')));
  }

  /** How a reader opens: where (a remembered place), and after "Show again", what came back. */
  interface ShowOptions extends OverlayOptions {
    hasSelection?: boolean;
    restore?: Restore;
    /** The scripts of what shows, when the caller has them already (fontsFor). */
    scripts?: ReadonlySet<string>;
  }

  function show(view: Open['overlay']['view'], article: Article | null, content: DocumentFragment | null, options: ShowOptions = {}): void {
    const { hasSelection = false, restore = NOTHING_RESTORED, scripts = scriptsOf(view, content), ...overlayOptions } = options;
    const startAt = overlayOptions.startAt ?? 0;
    // Only articles have a place to come back to: a selection differs each time.
    const win = doc.defaultView;
    const place = view.kind === 'article' && deps.positions && win ? keepPlace(deps.positions, deps.url(), startAt, win) : null;
    const overlay = (deps.openOverlay ?? openOverlay)(doc, view, settings, {
      change: changeSettings,
      copy: () => void copy('text'),
      save: () => void save(),
      close,
      key: onKey,
      moved: place?.moved,
      restore: view.kind === 'article' ? restoreRemoved : undefined,
      zap: view.kind === 'article' && deps.zaps ? (block) => void zapBlock(block) : undefined,
    }, overlayOptions);
    // Settings changed elsewhere (popup, another tab) restyle the open reader at once.
    const unsubscribe = safeSubscribe((s) => {
      if (echoes.isOwnEcho(s)) return;
      const font = settings.font;
      settings = s;
      overlay.applySettings(s);
      if (s.font !== font) useFont(s.font);
    });
    open = { overlay, article, content, unsubscribe, place, hasSelection, restore, scripts };
    useFont(settings.font);
    if (view.kind === 'article' && deps.highlights) void attachHighlights(open);
  }

  /** Shows the saved copy's highlights on the open article and lets the user add and edit them there. */
  async function attachHighlights(shown: Open): Promise<void> {
    const stored = await deps.highlights!.load().catch(() => null);
    if (open !== shown || !shown.overlay.scroller) return; // closed, or read again, meanwhile
    const { root, content, scroller } = shown.overlay;
    const surface: HighlightSurface = {
      doc,
      events: root,
      layer: scroller,
      selection: () => overlaySelection(root, content),
      clearSelection: () => doc.getSelection()?.removeAllRanges(),
    };
    shown.highlighting = enableHighlights(surface, content, { id: '', highlights: stored ?? [] }, { setHighlights: (_id, list) => persistHighlights(list) }, (m) => notify(m));
  }

  /** Writes the page's highlights; a page not saved yet is saved first (a highlight belongs to a saved article). */
  async function persistHighlights(list: readonly Highlight[]): Promise<void> {
    let reply = await deps.highlights!.save(list);
    if (!reply.ok && reply.error.code === 'not-found') {
      const d = await draft();
      if (!d.ok) throw new Error(d.error.message);
      const saved = await deps.saveDraft(d.value);
      if (!saved.ok) throw new Error(saved.error.message);
      notify(savedText(saved.value));
      reply = await deps.highlights!.save(list);
    }
    if (!reply.ok) throw new Error(reply.error.message);
  }

  /**
   * Waits (at most FONT_WAIT_MS) for the reading font of what is about to show: opened in its
   * own font, the text does not reflow under the reader a moment later, which would also move
   * a remembered place away from where it was left.
   */
  async function fontsFor(view: Open['overlay']['view'], content: DocumentFragment | null): Promise<ReadonlySet<string>> {
    const scripts = scriptsOf(view, content);
    if (!deps.fonts) return scripts;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      deps.fonts.use(settings.font, scripts).catch(() => undefined),
      new Promise<void>((resolve) => { timer = setTimeout(resolve, FONT_WAIT_MS); }),
    ]);
    clearTimeout(timer);
    return scripts;
  }

  /**
   * Reads the page again with `which` left in place as well as what was shown again before, and
   * shows the result where the reader was, the removed panel still open. The page may have
   * changed since (or a spared block may change Readability's pick): whatever comes out is shown.
   */
  function restoreRemoved(which: Removal[]): void {
    if (!open) return;
    const next = restoring(open.restore, which);
    const at = open.overlay.progress();
    const source = readPage(doc, deps.url(), extract, 'never', next);
    if (!source.ok || source.view.kind !== 'article') return notify(source.ok ? t('reader_no_article') : source.message);
    close();
    show(source.view, source.article, source.content, { startAt: at, restore: next, removedOpen: [...new Set(which.map((r) => r.rule))], reveal: which });
    notify(t('removed_shown'));
  }

  /** The site's zaps as a reading's starting point: none without a store, or where it cannot be read. */
  async function siteRestore(): Promise<Restore> {
    const zaps = deps.zaps ? await deps.zaps.load(deps.url()).catch(() => []) : [];
    return { ...NOTHING_RESTORED, zaps: zaps.map(({ selector, text }) => ({ selector, text })) };
  }

  /**
   * Zap: the user picked `block` in the reader to go. It is found on the page itself (by its
   * text), turned into a rule the site's other pages can match (core/zap.ts), and the page is
   * read again with it, so what Save and Copy take is what the reader shows. The rule is stored
   * only when it took something out: the removal guard keeps a block that holds the article.
   */
  async function zapBlock(block: Element): Promise<void> {
    if (!open || !deps.zaps) return;
    const text = normalizedText(block);
    const onPage = doc.body && text ? findByText(doc.body, text.slice(0, ZAP_TEXT_CHARS)) ?? findContaining(doc.body, text) : null;
    const rule = onPage ? zapRuleFor(doc, onPage) : null;
    if (!rule) return notify(t('zap_cannot'));
    const next: Restore = { ...open.restore, zaps: [...open.restore.zaps, rule] };
    const zappedBefore = zappedIn(open.overlay.view.removals);
    const at = open.overlay.progress();
    const source = readPage(doc, deps.url(), extract, 'never', next);
    if (!source.ok || source.view.kind !== 'article') return notify(t('zap_kept'));
    if (zappedIn(source.view.removals) <= zappedBefore) return notify(t('zap_kept'));
    close();
    show(source.view, source.article, source.content, { startAt: at, restore: next, zapping: true });
    try {
      await deps.zaps.add(deps.url(), { ...rule, label: text.slice(0, ZAP_LABEL_CHARS), added: Date.now() });
      notify(t('zap_done'));
    } catch {
      notify(t('zap_not_saved'));
    }
  }

  function safeSubscribe(cb: (s: ReaderSettings) => void): () => void {
    try {
      return deps.settings.subscribe(cb);
    } catch {
      return () => {};
    }
  }

  /**
   * Opens or closes the reader. With no article, a selection opens as the reader when
   * `allowSelection`; `preferSelection` (the popup's "Read the selection instead") shows the
   * selection even over an article, replacing an open reader rather than closing it.
   */
  async function toggle(allowSelection: boolean, preferSelection = false): Promise<Reply<ReaderStatus>> {
    if (open) {
      close();
      if (!preferSelection) return ok(status());
    }
    // Both reads at once: the remembered place costs the opening no extra wait.
    const [loaded, startAt, restore] = await Promise.all([deps.settings.load(), deps.positions?.load(deps.url()) ?? 0, siteRestore()]);
    settings = loaded;
    // The font's files travel while the page is read (extraction holds this thread; the reply waits for it).
    deps.fonts?.prefetch(settings.font);
    const mode = preferSelection ? 'prefer' : allowSelection ? 'fallback' : 'never';
    const source = await readVisibly(() => readPage(doc, deps.url(), extract, mode, restore));
    if (source.ok) {
      const scripts = await fontsFor(source.view, source.content);
      show(source.view, source.article, source.content, { startAt: source.view.kind === 'article' ? startAt : 0, hasSelection: source.hasSelection, restore, scripts });
      // For `npm run bench`: how long extraction and building the overlay took on this page.
      measure('readwell:extract', source.started, source.extracted);
      measure('readwell:overlay', source.extracted, now());
      return ok(status());
    }
    // With a selection the popup offers to read it instead; otherwise say so in the page.
    if (!(source.code === 'no-article' && source.hasSelection)) show(messageView(source.message), null, null);
    return fail(source.code, source.message, source.code === 'no-article' ? { hasSelection: source.hasSelection } : {});
  }

  /**
   * Runs the extraction, which holds the page's main thread for as long as it takes. On a page
   * large enough that it may take a while, the working notice goes up first and one frame is let
   * through so it is on screen (it fades in by itself if the work runs past 150 ms, and comes
   * down when the work is done); smaller pages, and pages the budget refuses by their element
   * count alone, start at once.
   */
  async function readVisibly(read: () => Source): Promise<Source & { started: number; extracted: number }> {
    const elements = elementCount(doc);
    // Over the budget's element limit the refusal comes at once, from the count alone.
    const slow = elements > WORKING_NOTICE_ELEMENTS && elements <= DEFAULT_LIMITS.maxElements;
    const done = slow ? deps.pageWorking?.(t('reader_preparing')) : undefined;
    if (done) await nextFrame(doc.defaultView);
    const started = now();
    try {
      const source = read();
      return { ...source, started, extracted: now() };
    } finally {
      done?.();
    }
  }

  /**
   * The content to copy: a selection in the open reader, else what it shows; with the reader
   * closed, the page goes through readPage (the budget) first, then a page selection counts
   * only when it lies inside the article (source.ts), else the whole article is copied. With no
   * article, the selection is what selection mode would show.
   */
  async function copySource(): Promise<{ content: DocumentFragment; heading?: ArticleHeading; fromSelection: boolean } | Reply<never>> {
    if (open?.content) {
      const range = overlaySelection(open.overlay.root, open.overlay.content);
      const selected = range && cleanRange(range, doc);
      if (selected) return { content: selected, fromSelection: true };
      return { content: open.content, heading: open.article ?? {}, fromSelection: open.overlay.view.kind === 'selection' };
    }
    const source = readPage(doc, deps.url(), extract, 'fallback', await siteRestore());
    if (!source.ok) return fail(source.code, source.message);
    if (!source.article) return { content: source.content, fromSelection: true };
    const selected = selectionInArticle(doc, source.article);
    return selected ? { content: selected, fromSelection: true } : { content: source.content, heading: source.article, fromSelection: false };
  }

  async function copy(format: CopyFormat): Promise<Reply<CopyResult>> {
    const src = await copySource();
    if ('ok' in src) {
      if (!src.ok) notify(src.error.message);
      return src;
    }
    const payload = buildPayload(src.content, format, src.heading);
    const copied = await deps.writeClipboard(payload);
    notify(copied ? copiedText(payload.words, format, src.fromSelection) : t('error_clipboard'));
    const result: CopyResult = { format, words: payload.words, fromSelection: src.fromSelection, copied };
    return ok(copied ? result : { ...result, text: payload.plain, ...(payload.html ? { html: payload.html } : {}) });
  }

  /** The article to save, with its pictures fetched for reading offline. */
  async function draft(): Promise<Reply<ArticleDraft>> {
    let made: ArticleDraft;
    let content: DocumentFragment;
    if (open?.content) {
      made = toDraft(deps.url(), open.article, open.overlay.view, open.content);
      content = open.content;
    } else {
      const source = readPage(doc, deps.url(), extract, 'fallback', await siteRestore());
      if (!source.ok) return fail(source.code, source.message);
      made = toDraft(deps.url(), source.article, source.view, source.content);
      content = source.content;
    }
    if (!deps.fetchImage || imagesToKeep(content, doc.baseURI, made.leadImage).length === 0) return ok(made);
    // Fetching the pictures may take seconds on a slow site: say so, in the reader when it is
    // open, else on the page (the notice shows only if the wait passes 150 ms).
    if (open) open.overlay.toast(t('saving_pictures'));
    const done = open ? undefined : deps.pageWorking?.(t('saving_pictures'));
    try {
      const { images, skipped } = await captureImages(content, doc.baseURI, made.leadImage, deps.fetchImage);
      return ok({ ...made, images, ...(skipped.length ? { imagesSkipped: skipped.length } : {}) });
    } finally {
      done?.();
    }
  }

  async function save(): Promise<void> {
    const d = await draft();
    if (!d.ok) return notify(d.error.message);
    const reply = await deps.saveDraft(d.value);
    notify(reply.ok ? savedText(reply.value) : reply.error.message);
  }

  function onKey(action: ReaderAction): void {
    if (action === 'close') open?.highlighting?.dismiss() || close();
    else if (action === 'size-up' || action === 'size-down') changeSettings(stepSetting(settings, 'fontSize', action === 'size-up' ? 1 : -1));
    else if (action === 'theme') changeSettings({ ...settings, theme: nextTheme(settings.theme) });
    else if (action === 'copy') void copy('text');
    else if (action === 'save') void save();
    else if (action === 'highlight') void open?.highlighting?.highlightSelection('yellow');
  }

  return { toggle, status, copy, draft, close, onKey };
}

export type Reader = ReturnType<typeof createReader>;

/** How many blocks of an article zaps took out. */
const zappedIn = (removals: readonly Removal[] | undefined) => (removals ?? []).filter((r) => r.rule === ZAPPED).length;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Above this many elements the working notice goes up before extracting. In headless Chromium on
 * 116 corpus pages, 17 of the 32 above 1,000 elements took over 150 ms on their first extraction,
 * against 3 of the 84 below (bench:chromium); below it the frame of wait would be pure cost.
 */
const WORKING_NOTICE_ELEMENTS = 1_000;

/** After the next paint: a frame callback, then a task. A hidden tab paints no frames, so 100 ms at most. */
function nextFrame(win: Window | null): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    win?.requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

function measure(name: string, start: number, end: number): void {
  try {
    globalThis.performance?.measure(name, { start, end });
  } catch {
    // Timing is a diagnostic; an engine without User Timing Level 3 simply records nothing.
  }
}
