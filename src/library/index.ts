// The library page (library.html): saved articles, search, tags, delete with undo, export and
// import. Everything lives in this extension's IndexedDB; nothing here talks to a server.
import { openArticleStore } from '../platform/article-store';
import { addStyles, h } from './dom';
import { LibraryPage } from './library-page';
import { LIBRARY_CSS } from './library-style';

async function main(): Promise<void> {
  addStyles(document, LIBRARY_CSS);
  document.title = 'Readwell library';
  try {
    const store = await openArticleStore();
    await new LibraryPage(document, store).start();
  } catch (e) {
    document.body.append(h(document, 'p', { class: 'empty', role: 'alert' }, [`The library could not be opened: ${e instanceof Error ? e.message : String(e)}`]));
  }
}

void main();
