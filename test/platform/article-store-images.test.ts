// The images kept with saved articles (database version 4): stored once per picture however many
// articles show it, let go only when no article shows it any more, given back by a delete so undo
// restores the article whole, carried by export and import, and a version 3 database opens with
// every article as it was.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, type ArticleStore, type KeptImages } from '../../src/platform/article-store';
import { summaryOf } from '../../src/shared/article-summary';
import { buildExport, serializeExport } from '../../src/shared/library-export';
import { parseImport, readImages } from '../../src/shared/library-import';
import { sha256Hex, type ImageRef, type StoredImage } from '../../src/shared/saved-images';
import { storedSearchForm } from '../../src/shared/search-form';
import { draft, record } from '../library/fixtures';
import { freshStores, fullDiskFor, request } from './store-harness';

const fresh = freshStores('test-images');
let n = 0;

/** A real (tiny) PNG-signature image whose bytes differ by `seed`. */
async function picture(url: string, seed: number): Promise<{ ref: ImageRef; image: StoredImage }> {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, seed, seed + 1, seed + 2]);
  const hash = await sha256Hex(bytes);
  return { ref: { url, hash, type: 'image/png', bytes: bytes.length }, image: { hash, type: 'image/png', data: bytes.buffer } };
}

const kept = (...pictures: { ref: ImageRef; image: StoredImage }[]): KeptImages => ({ refs: pictures.map((p) => p.ref), images: pictures.map((p) => p.image) });
const bytesOf = async (store: ArticleStore, refs: ImageRef[]) => [...(await store.images(refs)).values()].map((i) => [...new Uint8Array(i.data)]);
const storedHashes = async (store: ArticleStore) => (await store.allImages()).map((i) => i.hash).sort();

describe('article store: images', () => {
  it('keeps one copy of a picture two articles show, and lets it go only with the last of them; undo brings the bytes back', async () => {
    const store = await fresh();
    const shared = await picture('https://example.com/shared.png', 1);
    const own = await picture('https://example.com/own.png', 2);
    const a = (await store.saveDraft(draft(1), 'https://example.com/a', 1000, kept(shared, own))).record;
    const b = (await store.saveDraft(draft(2), 'https://example.com/b', 2000, kept({ ...shared, ref: { ...shared.ref, url: 'https://cdn.example/same-bytes.png' } }))).record;
    expect(a.images.map((i) => i.url)).toEqual(['https://example.com/shared.png', 'https://example.com/own.png']);
    expect(await storedHashes(store)).toEqual([shared.ref.hash, own.ref.hash].sort());

    const deletedA = (await store.delete(a.id))!;
    // Only A showed `own`; B still shows the shared picture.
    expect(deletedA.images.map((i) => i.hash)).toEqual([own.ref.hash]);
    expect(await storedHashes(store)).toEqual([shared.ref.hash]);
    expect(await bytesOf(store, b.images)).toEqual([[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]]);

    await store.restore(deletedA.record, deletedA.images);
    expect(await store.get(a.id)).toEqual(a);
    expect((await store.images(a.images)).size).toBe(2);

    await store.delete(a.id);
    await store.delete(b.id);
    expect(await store.allImages()).toEqual([]);
  });

  it('saving the page again lets go of the pictures the new copy no longer shows', async () => {
    const store = await fresh();
    const first = await picture('https://example.com/1.png', 1);
    const second = await picture('https://example.com/2.png', 5);
    await store.saveDraft(draft(1), 'https://example.com/a', 1000, kept(first, second));
    const again = await store.saveDraft(draft(1), 'https://example.com/a', 2000, kept(second));
    expect(again.updated).toBe(true);
    expect(again.record.images).toEqual([second.ref]);
    expect(await storedHashes(store)).toEqual([second.ref.hash]);
  });

  it('a save whose image bytes do not fit lands nothing: no article pointing at pictures that are not there', async () => {
    const store = await fresh();
    const p = await picture('https://example.com/1.png', 1);
    fullDiskFor('images');
    await expect(store.saveDraft(draft(1), 'https://example.com/a', 1000, kept(p))).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect(await store.count()).toBe(0);
    expect(await store.allImages()).toEqual([]);
  });

  it('export → clear → import gives back the same articles and the same bytes; a damaged image is counted and left out', async () => {
    const store = await fresh();
    const p1 = await picture('https://example.com/1.png', 1);
    const p2 = await picture('https://example.com/2.png', 9);
    await store.saveDraft(draft(1), 'https://example.com/a', 1000, kept(p1, p2));
    await store.saveDraft(draft(2), 'https://example.com/b', 2000, kept(p1));
    const before = (await store.loadAll()).records;
    const file = serializeExport(buildExport(before, new Date(0), await store.allImages()));
    expect(JSON.parse(file)).toMatchObject({ version: 2, images: { [p1.ref.hash]: { type: 'image/png' }, [p2.ref.hash]: { type: 'image/png' } } });

    await store.clear();
    expect(await store.allImages()).toEqual([]);
    const parsed = parseImport(file);
    if (!parsed.ok) throw new Error(parsed.reason);
    const { images, damaged } = await readImages(parsed.images);
    expect(damaged).toBe(0);
    expect(await store.importRecords(parsed.records, images)).toEqual({ added: 2, merged: 0, unchanged: 0 });
    expect((await store.loadAll()).records).toEqual(before);
    expect(await bytesOf(store, before[1]!.images)).toEqual([[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 10, 11]]);

    // The same file with one picture's bytes swapped for another's: that entry is refused.
    const tampered = JSON.parse(file);
    tampered.images[p2.ref.hash].data = tampered.images[p1.ref.hash].data;
    const again = parseImport(JSON.stringify(tampered));
    if (!again.ok) throw new Error(again.reason);
    const checked = await readImages(again.images);
    expect(checked.damaged).toBe(1);
    expect([...checked.images.keys()]).toEqual([p1.ref.hash]);
  });
});

describe('article store: upgrade from version 3', () => {
  it('opens a version 3 database with every article, form and summary as it was, and no images', async () => {
    const name = `test-v3-${n++}`;
    // Records as version 3 wrote them: no images field at all.
    const records = [record(1, { tags: ['work'] }), record(2, { leadImage: 'https://example.com/a.jpg' })].map(({ images: _images, ...r }) => r);
    const open = indexedDB.open(name, 3);
    open.onupgradeneeded = () => {
      const articles = open.result.createObjectStore('articles', { keyPath: 'id' });
      articles.createIndex('url', 'url', { unique: true });
      articles.createIndex('savedAt', 'savedAt');
      open.result.createObjectStore('search', { keyPath: 'id' });
      open.result.createObjectStore('summaries', { keyPath: 'id' });
    };
    const db = await request(open);
    const tx = db.transaction(['articles', 'search', 'summaries'], 'readwrite');
    for (const r of records) {
      tx.objectStore('articles').put(r);
      tx.objectStore('search').put(storedSearchForm(r.id, r));
      tx.objectStore('summaries').put(summaryOf({ ...r, images: [] }));
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const store = await fresh(name);
    expect(DB_VERSION).toBe(4);
    expect((await store.loadAll()).records).toEqual([record(2, { leadImage: 'https://example.com/a.jpg' }), record(1, { tags: ['work'] })]);
    expect((await store.loadSummaries()).summaries.map((s) => s.id)).toEqual(['id-00002', 'id-00001']);
    expect(await store.allImages()).toEqual([]);
    // And it takes images from now on, and deletes an old article cleanly.
    const p = await picture('https://example.com/new.png', 3);
    await store.saveDraft(draft(3), 'https://example.com/new', 5000, kept(p));
    expect(await store.delete('id-00001')).toMatchObject({ record: { id: 'id-00001' }, images: [] });
    expect(await storedHashes(store)).toEqual([p.ref.hash]);
  });
});
