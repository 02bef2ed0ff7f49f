// One worker process: extracts a batch of corpus pages with Readwell and with raw Readability,
// reports each page to the parent, then exits. The parent starts a fresh worker per batch
// because jsdom keeps memory per window that no amount of window.close() fully returns.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { pageUrl } from './corpora.mjs';

const [coreFile, decodeFile] = process.argv.slice(2);
const { extractArticle } = await import(coreFile);
const { decodeHtml } = await import(decodeFile);


process.on('message', (batch) => {
  for (const page of batch.pages) {
    let out;
    try {
      const html = decodeHtml(gunzipSync(readFileSync(page.path))).text;
      const url = pageUrl(page.url);
      const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
      const doc = dom.window.document;
      const t0 = performance.now();
      const ours = extractArticle(doc, url, { disabledRules: batch.disabled ?? [] });
      const t1 = performance.now();
      const raw = new Readability(doc.cloneNode(true)).parse();
      const t2 = performance.now();
      out = {
        key: page.key,
        ours: ours.ok ? ours.article.text : '',
        oursReason: ours.ok ? null : ours.reason,
        oursSource: ours.ok ? ours.choice.source : null,
        oursLang: ours.ok ? ours.article.lang : null,
        htmlLang: doc.documentElement.getAttribute('lang'),
        raw: raw?.textContent ?? '',
        oursMs: t1 - t0,
        rawMs: t2 - t1,
        removals: batch.withRemovals && ours.ok ? ours.article.removals.map((r) => `${r.rule}\t${r.selector}\t${r.text}`) : undefined,
      };
      dom.window.close();
    } catch (err) {
      out = { key: page.key, error: String(err?.stack ?? err).slice(0, 500) };
    }
    process.send(out);
  }
  process.send({ done: true }, () => process.exit(0));
});
