// The images a save keeps (content/image-capture.ts): which addresses the article shows, fetched
// through the page's fetch, and each one left out with its reason. The fetch is a fake answering
// with real Responses around the first bytes of real image formats, so the type check is the
// module's own, not a stub's.
import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { captureImages, imagesToKeep, type CaptureLimits } from '../../src/content/image-capture';
import { fromBase64, IMAGE_LIMITS } from '../../src/shared/saved-images';

const PAGE = 'https://news.example/2024/story';
const doc = new JSDOM('', { url: PAGE }).window.document;

/** The sanitized article as the save hands it over: a fragment. */
function content(html: string): DocumentFragment {
  const t = doc.createElement('template');
  t.innerHTML = html;
  return t.content;
}

const keep = (html: string, lead: string | null = null) => imagesToKeep(content(html), PAGE, lead);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG of `size` bytes: the signature, then filler (`fill` tells images of one size apart). */
const png = (size = 16, fill = 0) => Uint8Array.from({ length: size }, (_, i) => PNG_SIGNATURE[i] ?? fill);
const jpeg = (size = 16) => Uint8Array.from({ length: size }, (_, i) => [0xff, 0xd8, 0xff, 0xe0][i] ?? 0x11);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

// The real sizes, and timeouts short enough that a test which should not wait fails quickly.
const LIMITS: CaptureLimits = { ...IMAGE_LIMITS, imageTimeoutMs: 1000, allTimeoutMs: 1500 };
const img = (url: string) => `<img src="${url}">`;
const imgs = (...urls: string[]) => urls.map(img).join('');

type Answer = Response | Error | ((init: RequestInit | undefined) => Response | Promise<Response>);

/** A page fetch answering from a table (an unlisted address hangs, as a dead host does), recording each call. */
function fakeFetch(answers: Record<string, Answer>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const a = answers[url];
    if (a === undefined) return new Promise<Response>(() => {});
    if (a instanceof Error) throw a;
    return typeof a === 'function' ? a(init) : a;
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, calls };
}

const ok = (bytes: Uint8Array | string, headers: Record<string, string> = {}) => new Response(bytes as BodyInit, { status: 200, headers });
const later = <T>(ms: number, value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), ms));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const bytesOf = (data: string) => Array.from(fromBase64(data)!);

describe('which images a save keeps', () => {
  it('takes each image once, in document order, resolved against the page', () => {
    expect(keep(`<p>${img('/a.jpg')}</p>${img('b.png')}${img('https://cdn.example/c.webp')}${img('../2024/b.png')}${img('//cdn.example/c.webp')}`)).toEqual([
      'https://news.example/a.jpg',
      'https://news.example/2024/b.png',
      'https://cdn.example/c.webp',
    ]);
    // An element as root does as well as a fragment.
    const box = doc.createElement('div');
    box.innerHTML = img('/x.gif');
    expect(imagesToKeep(box, PAGE, null)).toEqual(['https://news.example/x.gif']);
  });

  it('leaves out what cannot be fetched over http(s), and images without an address', () => {
    expect(keep(`${img('data:image/png;base64,iVBORw0KGgo=')}${img('blob:https://news.example/1')}${img('javascript:alert(1)')}${img('ftp://files.example/a.jpg')}${img('http://[bad')}<img alt="x"><img src="">${img('http://plain.example/ok.jpg')}`)).toEqual([
      'http://plain.example/ok.jpg',
    ]);
    // A page address no relative one resolves against: only absolute addresses are kept.
    expect(imagesToKeep(content(`${img('/a.jpg')}${img('https://cdn.example/b.jpg')}`), 'about:blank', null)).toEqual(['https://cdn.example/b.jpg']);
  });

  it('chooses from a w srcset the smallest at least 1200 wide, else the widest', () => {
    expect(keep('<img src="/s.jpg" srcset="/a-400.jpg 400w, /a-2400.jpg 2400w, /a-1200.jpg 1200w, /a-1600.jpg 1600w">')).toEqual(['https://news.example/a-1200.jpg']);
    expect(keep('<img src="/s.jpg" srcset="/b-320.jpg 320w, /b-800.jpg 800w, /b-640.jpg 640w" sizes="100vw">')).toEqual(['https://news.example/b-800.jpg']);
    // Image CDNs put commas inside the address; they belong to it.
    expect(keep('<img srcset="https://res.cdn.example/w_400,h_300/c.jpg 400w, https://res.cdn.example/w_1300,h_975/c.jpg 1300w">')).toEqual(['https://res.cdn.example/w_1300,h_975/c.jpg']);
  });

  it('chooses from an x srcset 2x, else the largest below 2x, else the smallest', () => {
    expect(keep('<img src="/s.jpg" srcset="/d1.jpg, /d3.jpg 3x, /d2.jpg 2x, /d15.jpg 1.5x">')).toEqual(['https://news.example/d2.jpg']);
    expect(keep('<img src="/s.jpg" srcset="/e1.jpg 1x, /e15.jpg 1.5x, /e3.jpg 3x">')).toEqual(['https://news.example/e15.jpg']);
    expect(keep('<img src="/s.jpg" srcset="/f4.jpg 4x, /f3.jpg 3x">')).toEqual(['https://news.example/f3.jpg']);
    // No descriptor is 1x; a comma right after an address ends its candidate, spaces or not.
    expect(keep('<img src="/s.jpg" srcset="/g.jpg">')).toEqual(['https://news.example/g.jpg']);
    expect(keep('<img src="/s.jpg" srcset="/t1.jpg, /t2.jpg 2x">')).toEqual(['https://news.example/t2.jpg']);
    expect(keep('<img src="/s.jpg" srcset="/u1.jpg 1x,/u2.jpg 2x">')).toEqual(['https://news.example/u2.jpg']);
  });

  it('falls back to src when the srcset offers nothing usable', () => {
    expect(keep('<img src="/s.jpg" srcset="/h.jpg 100q">')).toEqual(['https://news.example/s.jpg']);
    expect(keep('<img src="/s.jpg" srcset=" , ,">')).toEqual(['https://news.example/s.jpg']);
    expect(keep('<img src="/s.jpg" srcset="data:image/gif;base64,R0lGOD 1x">')).toEqual(['https://news.example/s.jpg']);
    // A lazy-loading placeholder among real candidates is not chosen.
    expect(keep('<img srcset="data:image/gif;base64,R0lGOD 2x, /real.jpg 1x">')).toEqual(['https://news.example/real.jpg']);
  });

  it('takes a <picture> through its <img>, and its first <source> only when the <img> names nothing', () => {
    const sources = '<source type="image/avif" srcset="/p.avif 1x, /p@2.avif 2x"><source type="image/webp" srcset="/p.webp">';
    expect(keep(`<picture>${sources}<img src="/p.jpg"></picture>`)).toEqual(['https://news.example/p.jpg']);
    expect(keep(`<picture>${sources}<img alt="Bridge"></picture>`)).toEqual(['https://news.example/p@2.avif']);
    expect(keep(`<picture>${sources}<img src="data:image/gif;base64,R0lGOD"></picture>`)).toEqual(['https://news.example/p@2.avif']);
    // A first source with nothing fetchable gives way to the next.
    expect(keep('<picture><source srcset="data:image/webp;base64,UklG"><source srcset="/q.jpg 800w, /q-big.jpg 1600w"><img></picture>')).toEqual(['https://news.example/q-big.jpg']);
    // A source outside a picture's <img>, or in a video, is never fetched.
    expect(keep('<picture><source srcset="/lonely.webp"></picture><audio src="/a.mp3"><source src="/a.ogg"></audio>')).toEqual([]);
  });

  it('takes a video\'s poster, never its media or tracks', () => {
    expect(keep('<video src="/film.mp4" poster="/poster.jpg"><source src="/film.webm"><track src="/subs.vtt"></video><video src="/other.mp4"></video>')).toEqual(['https://news.example/poster.jpg']);
    expect(keep(`<video poster="/poster.jpg"></video>${img('/poster.jpg')}${img('/after.jpg')}`)).toEqual(['https://news.example/poster.jpg', 'https://news.example/after.jpg']);
  });

  it('adds the lead image last, unless the article already shows that address', () => {
    expect(keep(imgs('/a.jpg', '/b.jpg'), 'https://cdn.example/lead.jpg')).toEqual(['https://news.example/a.jpg', 'https://news.example/b.jpg', 'https://cdn.example/lead.jpg']);
    expect(keep(imgs('/a.jpg', '/b.jpg'), 'https://news.example/a.jpg')).toEqual(['https://news.example/a.jpg', 'https://news.example/b.jpg']);
    expect(keep(imgs('/a.jpg'), '../2024/../a.jpg')).toEqual(['https://news.example/a.jpg']);
    expect(keep(imgs('/a.jpg'), '/lead.png')).toEqual(['https://news.example/a.jpg', 'https://news.example/lead.png']);
    expect(keep(imgs('/a.jpg'), 'data:image/png;base64,iVBORw0KGgo=')).toEqual(['https://news.example/a.jpg']);
    expect(keep('', 'https://cdn.example/lead.jpg')).toEqual(['https://cdn.example/lead.jpg']);
  });
});

describe('capturing the images', () => {
  const U = (name: string) => `https://news.example/${name}`;
  const pics = (...names: string[]) => imgs(...names.map((n) => (n.startsWith('https:') ? n : U(n))));

  it('keeps the bytes of each image, asking the way the page would, through its cache', async () => {
    const { fetchImpl, calls } = fakeFetch({ [U('a.png')]: ok(png(12)), [U('b.jpg')]: ok(jpeg(20), { 'content-type': 'text/plain' }) });
    const capture = await captureImages(content(pics('a.png', 'b.jpg')), PAGE, null, fetchImpl, LIMITS);
    expect(capture.skipped).toEqual([]);
    expect(capture.images.map((i) => i.url)).toEqual([U('a.png'), U('b.jpg')]);
    expect(bytesOf(capture.images[0]!.data)).toEqual(Array.from(png(12)));
    expect(bytesOf(capture.images[1]!.data)).toEqual(Array.from(jpeg(20)));
    for (const { init } of calls) {
      expect(init).toMatchObject({ credentials: 'same-origin', cache: 'force-cache', redirect: 'follow' });
      expect(init?.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it('reports each image it could not keep, with the reason', async () => {
    const { fetchImpl } = fakeFetch({
      [U('ok.png')]: ok(png()),
      [U('drawing.svg')]: ok(SVG, { 'content-type': 'image/svg+xml' }),
      [U('error-page.jpg')]: ok('<!doctype html><title>Oops</title>', { 'content-type': 'image/jpeg' }),
      [U('empty.png')]: () => new Response(null, { status: 200 }),
      [U('gone.png')]: () => new Response('<h1>Not found</h1>', { status: 404 }),
      [U('down.png')]: () => new Response(png(), { status: 503 }),
      // What a fetch does on a network error and on a cross-origin image without CORS headers.
      'https://other.example/no-cors.png': new TypeError('Failed to fetch'),
    });
    const capture = await captureImages(content(pics('ok.png', 'drawing.svg', 'error-page.jpg', 'empty.png', 'gone.png', 'down.png', 'https://other.example/no-cors.png')), PAGE, null, fetchImpl, LIMITS);
    expect(capture.images.map((i) => i.url)).toEqual([U('ok.png')]);
    expect(capture.skipped).toEqual([
      { url: U('drawing.svg'), reason: 'not-image' },
      { url: U('error-page.jpg'), reason: 'not-image' },
      { url: U('empty.png'), reason: 'not-image' },
      { url: U('gone.png'), reason: 'refused' },
      { url: U('down.png'), reason: 'refused' },
      { url: 'https://other.example/no-cors.png', reason: 'refused' },
    ]);
  });

  it('refuses a fetch replacement that throws instead of rejecting', async () => {
    const fetchImpl = (() => {
      throw new Error('the page replaced fetch');
    }) as unknown as typeof fetch;
    expect(await captureImages(content(pics('a.png')), PAGE, null, fetchImpl, LIMITS)).toEqual({ images: [], skipped: [{ url: U('a.png'), reason: 'refused' }] });
  });

  it('skips an image declared too big without reading its body, and one found too big while reading', async () => {
    let pulled = 0;
    let cancelled = false;
    const declared = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          pulled++;
          c.enqueue(png(8));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    // No length given, and more bytes than any image may have: reading stops at the limit.
    let endlessChunks = 0;
    let endlessCancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(png(10));
      },
      pull(c) {
        endlessChunks++;
        c.enqueue(new Uint8Array(10));
      },
      cancel() {
        endlessCancelled = true;
      },
    });
    const { fetchImpl } = fakeFetch({
      [U('declared.png')]: ok(declared as unknown as Uint8Array, { 'content-length': '101' }),
      [U('endless.png')]: ok(endless as unknown as Uint8Array),
      [U('just-fits.png')]: ok(png(100), { 'content-length': '100' }),
      [U('over.jpg')]: ok(jpeg(101)),
    });
    const capture = await captureImages(content(pics('declared.png', 'endless.png', 'just-fits.png', 'over.jpg')), PAGE, null, fetchImpl, { ...LIMITS, perImageBytes: 100 });
    expect(capture.images.map((i) => i.url)).toEqual([U('just-fits.png')]);
    expect(capture.skipped).toEqual([
      { url: U('declared.png'), reason: 'too-big' },
      { url: U('endless.png'), reason: 'too-big' },
      { url: U('over.jpg'), reason: 'too-big' },
    ]);
    expect([pulled, cancelled]).toEqual([0, true]);
    expect(endlessCancelled).toBe(true);
    expect(endlessChunks).toBeLessThan(20);
  });

  it('returns the images in document order, whatever order they arrive in', async () => {
    const names = ['1.png', '2.png', '3.png', '4.png'];
    const gates = names.map(() => deferred<void>());
    const { fetchImpl } = fakeFetch(Object.fromEntries(names.map((n, i) => [U(n), async () => (await gates[i]!.promise, ok(png(16, i)))])));
    const done = captureImages(content(pics(...names)), PAGE, null, fetchImpl, LIMITS);
    for (const g of [...gates].reverse()) {
      g.resolve();
      await new Promise((r) => setTimeout(r, 1));
    }
    const capture = await done;
    expect(capture.images.map((i) => i.url)).toEqual(names.map(U));
    expect(capture.images.map((i) => bytesOf(i.data)[15])).toEqual([0, 1, 2, 3]);
  });

  it('has at most four requests in flight', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `${i}.png`);
    const gates = names.map(() => deferred<void>());
    let inFlight = 0;
    let most = 0;
    const { fetchImpl, calls } = fakeFetch(
      Object.fromEntries(
        names.map((n, i) => [
          U(n),
          async () => {
            most = Math.max(most, ++inFlight);
            await gates[i]!.promise;
            inFlight--;
            return ok(png());
          },
        ]),
      ),
    );
    const done = captureImages(content(pics(...names)), PAGE, null, fetchImpl, LIMITS);
    await vi.waitFor(() => expect(calls).toHaveLength(4));
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toHaveLength(4);
    gates[2]!.resolve();
    await vi.waitFor(() => expect(calls).toHaveLength(5));
    for (const g of gates) g.resolve();
    const capture = await done;
    expect(capture.images).toHaveLength(7);
    expect(most).toBe(4);
  });

  it('stops at the article\'s byte budget, and still keeps a later image that fits', async () => {
    // Sizes 20, 40, 20, 20, 10 against 50 bytes, arriving in this order.
    const sizes = [20, 40, 20, 20, 10];
    const names = sizes.map((s, i) => `${i}-${s}.png`);
    const { fetchImpl } = fakeFetch(Object.fromEntries(names.map((n, i) => [U(n), () => later(i * 10, () => ok(png(sizes[i])))])));
    const capture = await captureImages(content(pics(...names)), PAGE, null, fetchImpl, { ...LIMITS, perArticleBytes: 50 });
    expect(capture.images.map((i) => i.url)).toEqual([U('0-20.png'), U('2-20.png'), U('4-10.png')]);
    expect(capture.skipped).toEqual([
      { url: U('1-40.png'), reason: 'article-full' },
      { url: U('3-20.png'), reason: 'article-full' },
    ]);
  });

  it('fetches no more images than an article may keep', async () => {
    const names = ['a.png', 'b.png', 'c.png', 'd.png'];
    const { fetchImpl, calls } = fakeFetch(Object.fromEntries(names.map((n) => [U(n), () => ok(png())])));
    const capture = await captureImages(content(pics(...names)), PAGE, 'https://cdn.example/lead.jpg', fetchImpl, { ...LIMITS, perArticle: 2 });
    expect(capture.images.map((i) => i.url)).toEqual([U('a.png'), U('b.png')]);
    expect(capture.skipped).toEqual([
      { url: U('c.png'), reason: 'article-full' },
      { url: U('d.png'), reason: 'article-full' },
      { url: 'https://cdn.example/lead.jpg', reason: 'article-full' },
    ]);
    expect(calls.map((c) => c.url)).toEqual([U('a.png'), U('b.png')]);
  });

  it('gives up on an image that takes too long, and keeps the others', async () => {
    const { fetchImpl, calls } = fakeFetch({
      [U('fast.png')]: () => ok(png()),
      // Never answers, and ignores its signal: the capture does not wait on it all the same.
      [U('deaf.png')]: () => new Promise<Response>(() => {}),
      [U('slow-body.png')]: () =>
        ok(
          new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(png(8));
            },
          }) as unknown as Uint8Array,
        ),
    });
    const capture = await captureImages(content(pics('fast.png', 'deaf.png', 'slow-body.png')), PAGE, null, fetchImpl, {
      ...LIMITS,
      imageTimeoutMs: 30,
      allTimeoutMs: 5000,
    });
    expect(capture.images.map((i) => i.url)).toEqual([U('fast.png')]);
    expect(capture.skipped).toEqual([
      { url: U('deaf.png'), reason: 'timeout' },
      { url: U('slow-body.png'), reason: 'timeout' },
    ]);
    expect(calls.map((c) => c.init?.signal?.aborted)).toEqual([false, true, true]);
  });

  it('stops the whole capture at its deadline: what is unfinished or not started is a timeout', async () => {
    const names = Array.from({ length: 6 }, (_, i) => `${i}.png`);
    const signals: AbortSignal[] = [];
    const answers: Record<string, Answer> = { [U('0.png')]: () => ok(png()) };
    // The others honour their signal, as a real fetch does: an abort rejects them.
    for (const n of names.slice(1)) {
      answers[U(n)] = (init) => {
        signals.push(init!.signal!);
        return new Promise<Response>((_, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      };
    }
    const { fetchImpl, calls } = fakeFetch(answers);
    const started = Date.now();
    const capture = await captureImages(content(pics(...names)), PAGE, null, fetchImpl, {
      ...LIMITS,
      imageTimeoutMs: 5000,
      allTimeoutMs: 40,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(capture.images.map((i) => i.url)).toEqual([U('0.png')]);
    expect(capture.skipped).toEqual(names.slice(1).map((n) => ({ url: U(n), reason: 'timeout' })));
    // 0.png done, then 1–4 in flight until the deadline; 5.png never asked for.
    expect(calls.map((c) => c.url)).toEqual(names.slice(0, 5).map(U));
    expect(signals.map((s) => s.aborted)).toEqual([true, true, true, true]);
  });

  it('fetches nothing for an article without images', async () => {
    const { fetchImpl, calls } = fakeFetch({});
    expect(await captureImages(content('<p>Text only</p>'), PAGE, null, fetchImpl)).toEqual({ images: [], skipped: [] });
    expect(calls).toEqual([]);
  });
});
