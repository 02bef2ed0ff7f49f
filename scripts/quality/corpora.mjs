// The two public corpora in ../shared/corpora, read in place (never copied into the repo), as one
// list of pages: { corpus, id, path, url, with, without, kind?, truth? }.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const here = new URL('.', import.meta.url).pathname;
export const CORPORA_DIR = process.env.READWELL_CORPORA ?? join(here, '..', '..', '..', 'shared', 'corpora');

export const CORPUS_NAMES = ['trafilatura', 'wcxb'];

/** WCXB's reading kinds: the pages that have an article-like main text. */
export const READING_KINDS = ['article', 'documentation', 'forum', 'service', 'product'];

export function loadCorpus(name) {
  if (name === 'trafilatura') {
    const dir = join(CORPORA_DIR, 'trafilatura-eval');
    const list = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8'));
    return list.map((p) => ({ corpus: name, id: p.id, path: join(dir, p.file), url: p.url, with: p.with, without: p.without }));
  }
  if (name === 'wcxb') {
    const dir = join(CORPORA_DIR, 'wcxb-dev');
    const list = JSON.parse(gunzipSync(readFileSync(join(dir, 'corpus.json.gz'))).toString('utf8'));
    return list.map((p) => ({
      corpus: name,
      id: p.id,
      path: join(dir, p.file),
      url: p.url,
      kind: p.type,
      truth: p.main_content,
      with: p.with ?? [],
      without: p.without ?? [],
    }));
  }
  throw new Error(`unknown corpus ${name} (known: ${CORPUS_NAMES.join(', ')})`);
}

export function corpusAvailable(name) {
  return existsSync(join(CORPORA_DIR, name === 'wcxb' ? 'wcxb-dev' : 'trafilatura-eval'));
}

/**
 * The URL a corpus page is extracted under: its capture URL when that is http(s), else (trafilatura
 * names some pages "hard::site-slug.html") a placeholder host that keeps relative links resolvable.
 */
export function pageUrl(url) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {}
  return 'https://page.invalid/';
}
