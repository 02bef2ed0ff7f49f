// Library benchmark (run by `npm run bench`, or alone: `node scripts/bench-library.mjs`). Never a
// pass/fail test: it prints figures. Against fake-indexeddb in Node (a pure-JS IndexedDB, slower
// than a browser's, so storage figures are upper bounds; search and index figures are the same
// code the library page runs), at 1,000 and 10,000 generated articles of ~800 words:
//   save     one save (url lookup + put in one transaction) into a library of that size
//   open     the library page's own open (LibraryModel.load): the list from the summaries
//            store alone, then the search index from the stored forms in slices; beside the two
//            older ways: the list waiting for every full record, and tokenizing every text
//   search   per query, median over repeated runs, beside a naive substring scan for scale;
//            "ranked" adds ordering the hits by where the words appear (search-ranking.ts), as
//            the library list does, and the typo queries exercise one-typo matching
// and for 10,000: export (load + serialize) and import (parse + validate + one transaction).
import 'fake-indexeddb/auto';
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const cache = join(root, 'node_modules', '.cache', 'readwell-bench');
mkdirSync(cache, { recursive: true });
const out = join(cache, 'library.mjs');
await build({
  stdin: {
    contents: [
      "export { openArticleStore } from './src/platform/article-store.ts';",
      "export { LibrarySearch } from './src/shared/library-search.ts';",
      "export { LibraryModel } from './src/library/library-model.ts';",
      "export { rankHits } from './src/shared/search-ranking.ts';",
      "export { foldText } from './src/shared/search-tokens.ts';",
      "export { buildExport, serializeExport } from './src/shared/library-export.ts';",
      "export { parseImport } from './src/shared/library-import.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  logLevel: 'warning',
});
const lib = await import(`${out}?t=${Date.now()}`);

// ---- Generated articles: deterministic, Zipf-like word frequencies, some accents ----------------
let seed = 42;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'ver', 'an', 'del', 'por', 'qui', 'st', 'har', 'bour', 'é', 'ü', 'na', 'is', 'tor', 'mel'];
const VOCAB = Array.from({ length: 20_000 }, () => {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
});
const word = () => VOCAB[Math.floor(VOCAB.length * rand() ** 3)]; // skewed: low indexes are common
const sentence = (n) => Array.from({ length: n }, word).join(' ');

function draft(i) {
  const paragraphs = Array.from({ length: 10 }, () => `${sentence(80)}.`);
  const text = paragraphs.join('\n\n');
  return {
    canonicalUrl: null,
    title: `${sentence(6)} ${i}`,
    byline: `${word()} ${word()}`,
    siteName: `${word()} news`,
    publishedTime: '2024-05-01T10:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: paragraphs[0].slice(0, 200),
    html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    text,
    wordCount: 800,
    readingMinutes: 4,
    leadImage: null,
  };
}
const record = (i) => ({ id: `id-${i}`, url: `https://example.com/a/${i}`, ...draft(i), savedAt: 1_700_000_000_000 + i, updatedAt: 1_700_000_000_000 + i, tags: [], progress: 0, images: [], highlights: [] });

// ---- Helpers --------------------------------------------------------------------------------------
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  const t = performance.now();
  const result = await fn();
  return [performance.now() - t, result];
}
/** CPU milliseconds (user + system) of `fn`: on a shared, loaded machine wall time overstates. */
function cpuTime(fn) {
  const c = process.cpuUsage();
  const result = fn();
  const d = process.cpuUsage(c);
  return [(d.user + d.system) / 1000, result];
}
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

const QUERIES = [
  ['common word', () => VOCAB[0]],
  ['rare word', () => VOCAB[15_000]],
  ['two words (AND)', () => `${VOCAB[3]} ${VOCAB[900]}`],
  ['short prefix', () => VOCAB[5].slice(0, 2)],
  ['three terms, prefixes', () => `${VOCAB[10].slice(0, 4)} ${VOCAB[200].slice(0, 4)} ${VOCAB[2000]}`],
  ['rare word, one letter missing', () => typo(VOCAB.find((w, i) => i >= 15_000 && w.length >= 7), 'drop')],
  ['common word, two letters swapped', () => typo(VOCAB.find((w) => w.length >= 7), 'swap')],
];

/** `w` with its fourth letter dropped, or its third and fourth swapped. */
function typo(w, kind) {
  return kind === 'drop' ? w.slice(0, 3) + w.slice(4) : w.slice(0, 2) + w[3] + w[2] + w.slice(4);
}

/** The scan an index avoids: fold every text once, then substring per term per query. */
function naiveSearch(folded, query) {
  const terms = lib.foldText(query).split(/\s+/).filter(Boolean);
  const hits = [];
  for (let i = 0; i < folded.length; i++) if (terms.every((t) => folded[i].includes(t))) hits.push(i);
  return hits;
}

let dbCount = 0;
const rows = [];
const results = {};

for (const size of [1_000, 10_000]) {
  const store = await lib.openArticleStore(`bench-${size}-${dbCount++}`);
  const records = Array.from({ length: size }, (_, i) => record(i));
  await store.importRecords(records);

  // Save: new URLs and re-saves of existing ones, each one transaction, into a library of `size`.
  const saves = [];
  for (let i = 0; i < 30; i++) {
    const url = i % 2 ? `https://example.com/new/${size}/${i}` : `https://example.com/a/${i * 7}`;
    saves.push((await time(() => store.saveDraft(draft(i), url)))[0]);
  }
  const concurrent = (await time(() => Promise.all(Array.from({ length: 100 }, (_, i) => store.saveDraft(draft(i), `https://example.com/burst/${size}/${i}`)))))[0];

  // Open as the library page does: the list shows when load() returns, search when `indexed` settles.
  const model = new lib.LibraryModel(store);
  const listCpuStart = process.cpuUsage();
  const [listMs, { indexed }] = await time(() => model.load());
  const listCpu = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(listCpuStart));
  const [indexWaitMs] = await time(() => indexed);
  // The list before database version 3: every full record (and its form) read before it showed.
  const [oldLoadMs, loaded] = await time(async () => {
    const [{ records }, searchForms] = await Promise.all([store.loadAll(), store.loadSearchForms()]);
    return { records, searchForms };
  });
  const fromForms = () => {
    const index = new lib.LibrarySearch();
    index.autoCompact = false;
    for (const r of loaded.records) index.addForm(r.id, r.savedAt, loaded.searchForms.get(r.id));
    index.compact();
    return index;
  };
  const [indexMs, index] = await time(fromForms);
  const [indexCpu] = cpuTime(fromForms);
  const [oldIndexCpu] = cpuTime(() => new lib.LibrarySearch(loaded.records));
  const heapMb = process.memoryUsage().heapUsed / 1e6;

  // Search.
  const folded = loaded.records.map((r) => lib.foldText(`${r.title} ${r.byline} ${r.siteName} ${r.text}`));
  const summaries = new Map(loaded.records.map((r) => [r.id, { title: r.title, tags: r.tags }]));
  // The first search after opening sorts the vocabulary and buckets it for typo lookup, once.
  const firstT = performance.now();
  index.search(QUERIES[1][1]());
  const firstSearchMs = performance.now() - firstT;
  const searchRows = QUERIES.map(([label, q]) => {
    const query = q();
    index.search(query); // first run builds the sorted vocabulary once
    const runs = Array.from({ length: 15 }, () => {
      const t = performance.now();
      const hits = index.search(query);
      return [performance.now() - t, hits.length];
    });
    const ranked = Array.from({ length: 15 }, () => {
      const t = performance.now();
      lib.rankHits(query, index.find(query), (id) => summaries.get(id));
      return performance.now() - t;
    });
    const scan = Array.from({ length: 3 }, () => {
      const t = performance.now();
      naiveSearch(folded, query);
      return performance.now() - t;
    });
    return { label, query, ms: median(runs.map((r) => r[0])), rankedMs: median(ranked), hits: runs[0][1], scanMs: median(scan) };
  });

  results[size] = { save: median(saves), concurrent, loadMs: listMs, indexMs: indexCpu, oldIndexMs: oldIndexCpu, search: searchRows };
  rows.push([`library of ${size.toLocaleString('en')}`, '', '']);
  rows.push(['  save one article (median of 30)', ms(median(saves)), '']);
  rows.push(['  100 concurrent saves, all landed', ms(concurrent), `${(await store.count()) - size - 15} new`]);
  rows.push(['  open: list visible (summaries only)', ms(listMs), `CPU ${ms(listCpu)} ms; ${model.total} summaries`]);
  rows.push(['  (before: list waited for all full records + forms)', ms(oldLoadMs), `${loaded.records.length} records, ${loaded.searchForms.size} forms`]);
  rows.push(['  open: then forms read + index built in slices', ms(indexWaitMs), '']);
  rows.push(['  open: total until search covers all', ms(listMs + indexWaitMs), `before: ${ms(oldLoadMs + indexMs)} ms`]);
  rows.push(['  index from forms alone (no slices)', ms(indexMs), `CPU ${ms(indexCpu)} ms; heap ${heapMb.toFixed(0)} MB + typed arrays ${(process.memoryUsage().arrayBuffers / 1e6).toFixed(0)} MB`]);
  rows.push(['  (before that: index by tokenizing every text on open, CPU)', ms(oldIndexCpu), '']);
  rows.push(['  first search after open (sorts + buckets the vocabulary)', ms(firstSearchMs), '']);
  for (const s of searchRows) rows.push([`  search: ${s.label} "${s.query}"`, ms(s.ms), `${s.hits} hits; ranked ${ms(s.rankedMs)} ms; scan ${ms(s.scanMs)} ms`]);

  if (size === 10_000) {
    const [exportMs, json] = await time(async () => lib.serializeExport(lib.buildExport((await store.loadAll()).records, new Date())));
    const fresh = await lib.openArticleStore(`bench-import-${dbCount++}`);
    const [parseMs, parsed] = await time(() => lib.parseImport(json));
    const [importMs, outcome] = await time(() => fresh.importRecords(parsed.records));
    rows.push([`export all (${parsed.records.length.toLocaleString('en')} articles, ${(json.length / 1e6).toFixed(0)} MB JSON)`, ms(exportMs), '']);
    rows.push(['import: parse + validate', ms(parseMs), `${parsed.invalid.length} invalid`]);
    rows.push(['import: one transaction into an empty library', ms(importMs), `${outcome.added} added`]);
    rows.push(['import: total', ms(parseMs + importMs), '']);
    fresh.close();
  }
  store.close();
}

const w = Math.max(...rows.map((r) => r[0].length));
const os = await import('node:os');
console.log(`\nLibrary (fake-indexeddb in Node; browsers' IndexedDB is faster for storage). Load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs.`);
console.log(`${'step'.padEnd(w)}  ${'ms'.padStart(8)}  note`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${String(b).padStart(8)}  ${c}`);
const k1 = results[1000];
const k10 = results[10000];
const growth = (a, b) => `${(b / a).toFixed(1)}x`;
console.log('\nGrowth 1k → 10k (10x the articles):');
console.log(`  save ${growth(k1.save, k10.save)}, list visible ${growth(k1.loadMs, k10.loadMs)}, index from forms (CPU) ${growth(k1.indexMs, k10.indexMs)} ` +
  `(tokenizing texts: ${growth(k1.oldIndexMs, k10.oldIndexMs)}), ` +
  `search ${k10.search.map((s, i) => `${s.label} ${growth(k1.search[i].ms, s.ms)}`).join(', ')}`);
