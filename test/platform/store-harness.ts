// What the article-store tests share: a fresh database per test (closed after it, mocks
// restored) and an IDBRequest as a promise, for the tests that build old-schema databases by hand.
import 'fake-indexeddb/auto';
import { afterEach, vi } from 'vitest';
import { openArticleStore, type ArticleStore } from '../../src/platform/article-store';

/** `fresh()` opens a new store named `<prefix>-N`; every store opened is closed after each test. */
export function freshStores(prefix: string): (name?: string) => Promise<ArticleStore> {
  let n = 0;
  const stores: ArticleStore[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    while (stores.length) stores.pop()!.close();
  });
  return async (name = `${prefix}-${n++}`) => {
    const store = await openArticleStore(name);
    stores.push(store);
    return store;
  };
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** From now until mocks are restored, every put into the object store `name` fails as a full disk does. */
export function fullDiskFor(name: string): void {
  const original = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === name) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args as Parameters<IDBObjectStore['put']>);
  });
}
