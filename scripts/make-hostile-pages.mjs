// Writes the hostile corpus's huge and shapeless pages (listed under "generated" in
// test/fixtures/hostile/manifest.json) into test/fixtures/hostile/generated/, which git ignores:
// megabytes of markup are made in a second, not committed. Each file is written to a temporary
// name and renamed, so test files that run this at the same time never read half a page.
//   node scripts/make-hostile-pages.mjs [OUT_DIR]
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(root, 'test', 'fixtures', 'hostile', 'generated');

const SENTENCES = [
  'The harbour authority published its annual report on Monday, and the figures show that container traffic fell for the third year in a row.',
  'Officials blamed the decline on a shift of shipping routes to the deeper port up the coast, which can take the largest vessels at any tide.',
  'Dock workers said the slowdown had already cost hundreds of shifts, and the union has asked the city to speed up the dredging of the main channel.',
  'The report also notes a rise in passenger ferries, which now carry more than two million people a year between the islands and the mainland.',
];
const paragraph = (i) => `<p>${SENTENCES[i % 4]} ${SENTENCES[(i + 1) % 4]}</p>`;
const page = (title, body) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><meta name="author" content="Lee Park"></head>
<body>
<header><nav><a href="/">Harbour Times</a> <a href="/news/">News</a> <a href="/business/">Business</a></nav></header>
${body}
<footer><p>(c) Harbour Times</p></footer>
</body>
</html>
`;
const article = (title, inner) => page(title, `<main><article><h1>${title}</h1>\n${inner}\n</article></main>`);

/** name → [what it is, the markup]. Sizes are what the manifest promises; check before changing. */
export const GENERATED = {
  'elements-200k.html': () => article('Port traffic falls again',
    Array.from({ length: 8 }, (_, i) => paragraph(i)).join('\n') +
    // A table of shipping records: 20,000 rows of 10 elements each.
    '\n<table><tbody>\n' + Array.from({ length: 20_000 }, (_, i) => `<tr><td>${i}</td><td>Vessel ${i}</td><td>IMO ${9_000_000 + i}</td><td>Berth ${i % 40}</td><td>${i % 300} TEU</td><td>ok</td><td>in</td><td>out</td><td>-</td></tr>`).join('\n') + '\n</tbody></table>'),
  'article-5mb.html': () => article('Port traffic falls again: the complete record',
    Array.from({ length: 18_500 }, (_, i) => paragraph(i)).join('\n')),
  'nesting-5000.html': () => article('Port traffic falls again',
    paragraph(0) + paragraph(1) + '<div>'.repeat(5_000) + paragraph(2) + '</div>'.repeat(5_000) + paragraph(3)),
  'nesting-50000.html': () => article('Port traffic falls again',
    paragraph(0) + paragraph(1) + '<div>'.repeat(50_000) + paragraph(2) + '</div>'.repeat(50_000) + paragraph(3)),
  'no-article.html': () => page('Sign in — Harbour Times',
    '<main><h1>Sign in</h1><p>Subscribers can read every story.</p><form action="/login"><input name="email"><button>Continue</button></form><ul><li><a href="/help">Help</a></li><li><a href="/privacy">Privacy</a></li></ul></main>'),
  'section-front.html': () => page('Business — Harbour Times',
    '<main><h1>Business</h1>\n' + Array.from({ length: 60 }, (_, i) =>
      `<div class="card"><a href="/business/story-${i}"><img src="/img/${i}.jpg" alt=""><h3>Story ${i}: ${SENTENCES[i % 4].slice(0, 60)}</h3></a><p class="dek">${SENTENCES[(i + 1) % 4].slice(0, 80)}…</p><span class="time">${i + 1}h ago</span></div>`).join('\n') + '\n</main>'),
};

export function makeHostilePages(dir = outDir) {
  mkdirSync(dir, { recursive: true });
  const written = [];
  for (const [name, make] of Object.entries(GENERATED)) {
    const file = join(dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, make());
    renameSync(tmp, file);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of makeHostilePages()) console.log(file);
}
