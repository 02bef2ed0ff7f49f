// The offline reader (reader.html?id=…): the saved copy with the overlay's typography and themes,
// read from storage.sync and validated, following live changes; the reading position is restored
// on open and saved while scrolling.
import { openArticleStore, type ArticleStore } from '../platform/article-store';
import { browser, settingsStore } from '../platform/extension-page';
import type { StoredImage } from '../shared/saved-images';
import { useBrowserStrings } from '../platform/i18n';
import { localizePage } from '../shared/strings/localize-page';
import { t } from '../shared/strings/t';
import { addStyles } from './dom';
import { progressOf, scrollTopFor, throttledSaver } from '../shared/reading-position';
import { enableHighlights, pageSurface } from '../shared/highlighting';
import { renderArticle, renderMessage } from './reader-view';
import { applySettings, READER_CSS } from './reader-style';

const SAVE_EVERY_MS = 1000;

function track(store: ArticleStore, id: string, label: HTMLElement, startAt: number): void {
  const root = document.scrollingElement ?? document.documentElement;
  const saver = throttledSaver((p) => void store.setProgress(id, p).catch(() => undefined), SAVE_EVERY_MS, window);
  const current = () => progressOf(root.scrollTop, root.scrollHeight, window.innerHeight);
  const show = (p: number) => (label.textContent = t('offline_percent', Math.round(p * 100)));
  show(startAt);
  window.addEventListener('scroll', () => {
    const p = current();
    show(p);
    saver.push(p);
  }, { passive: true });
  // Last chance to record the position when the tab is closed or switched away from.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && saver.flush());
  window.addEventListener('pagehide', () => saver.flush());
}

async function main(): Promise<void> {
  useBrowserStrings(browser);
  localizePage(document);
  addStyles(document, READER_CSS);
  const settings = settingsStore();
  applySettings(document.documentElement, await settings.load());
  settings.subscribe((s) => applySettings(document.documentElement, s));

  const id = new URLSearchParams(location.search).get('id');
  if (!id) return renderMessage(document, t('offline_no_id'));
  let store: ArticleStore;
  try {
    store = await openArticleStore();
  } catch (e) {
    return renderMessage(document, t('store_unopened', e instanceof Error ? e.message : String(e)));
  }
  const record = await store.get(id).catch((e: Error) => {
    renderMessage(document, e.message);
    return undefined;
  });
  if (record === undefined) return;
  if (record === null) return renderMessage(document, t('offline_gone'));

  // The kept images as blob: addresses, for the page's life (it shows one article).
  const stored = await store.images(record.images).catch(() => new Map<string, StoredImage>());
  const kept = new Map(record.images.flatMap((ref) => {
    const image = stored.get(ref.hash);
    return image ? [[ref.url, URL.createObjectURL(new Blob([image.data], { type: image.type }))] as const] : [];
  }));
  let progress: HTMLElement;
  try {
    const shown = renderArticle(document, record, kept);
    progress = shown.progress;
    enableHighlights(pageSurface(document), shown.content, record, store, (message) => (shown.status.textContent = message));
  } catch (e) {
    // A record validation let through must still leave the page saying something.
    return renderMessage(document, t('offline_broken', e instanceof Error ? e.message : String(e)));
  }
  // Layout has to exist before a fraction of the height means anything.
  requestAnimationFrame(() => {
    const root = document.scrollingElement ?? document.documentElement;
    if (record.progress > 0) root.scrollTop = scrollTopFor(record.progress, root.scrollHeight, window.innerHeight);
    track(store, record.id, progress, record.progress);
  });
}

void main();
