// The jsdom side of bench:chromium: one page parsed once, then Readwell (as the CLI calls it, no
// layout) against raw Readability on a clone, one warm-up each and `runs` alternating calls, as
// in the page. Kept beside the browser figures because jsdom is where `npm run bench` measures.
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

export function timeJsdom(extractArticle, html, url, runs) {
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const call = (which) => {
    const t = performance.now();
    if (which === 'ours') extractArticle(doc, url);
    else new Readability(doc.cloneNode(true)).parse();
    return performance.now() - t;
  };
  try {
    const oursFirst = call('ours');
    const rawFirst = call('raw');
    const ours = [];
    const raw = [];
    for (let i = 0; i < runs; i++) for (const which of i % 2 ? ['raw', 'ours'] : ['ours', 'raw']) (which === 'ours' ? ours : raw).push(call(which));
    return { ours, raw, oursFirst, rawFirst };
  } finally {
    dom.window.close();
  }
}
