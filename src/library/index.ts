// The library page (library.html): saved articles, search, tags, delete with undo, export and
// import. Everything lives in this extension's IndexedDB; nothing here talks to a server.
import { openArticleStore } from '../platform/article-store';
import { browser } from '../platform/extension-page';
import { useBrowserStrings } from '../platform/i18n';
import { localizePage } from '../shared/strings/localize-page';
import { t } from '../shared/strings/t';
import { addStyles, h } from './dom';
import { LibraryPage } from './library-page';
import { LIBRARY_CSS } from './library-style';

async function main(): Promise<void> {
  useBrowserStrings(browser);
  localizePage(document);
  addStyles(document, LIBRARY_CSS);
  document.title = t('library_title');
  try {
    const store = await openArticleStore();
    await new LibraryPage(document, store).start();
  } catch (e) {
    document.body.append(h(document, 'p', { class: 'empty', role: 'alert' }, [t('store_unopened', e instanceof Error ? e.message : String(e))]));
  }
}

void main();
