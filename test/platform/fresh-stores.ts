// Library databases for the article store tests (fake IndexedDB), each test starting from
// nothing: `fresh()` opens a new, empty one under a name of its own, `fresh(name)` another
// connection to a named one (as a second page would), `newName(what)` such a name; all are
// closed after each test.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { openArticleStore, type ArticleStore } from '../../src/platform/article-store';

export function useFreshStores(prefix: string) {
  let n = 0;
  const stores: ArticleStore[] = [];
  afterEach(() => {
    while (stores.length) stores.pop()!.close();
  });
  const newName = (what = '') => `${prefix}-${what ? `${what}-` : ''}${n++}`;
  const fresh = async (name = newName()): Promise<ArticleStore> => {
    const store = await openArticleStore(name);
    stores.push(store);
    return store;
  };
  return { fresh, newName };
}
