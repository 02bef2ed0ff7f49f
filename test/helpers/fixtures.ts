// The fixture corpus: every folder under test/fixtures/pages is one page, named
// `<rule>--<slug>`, loaded at a fixed URL so relative links resolve the same way every time.
// Pages are read as bytes and handed to jsdom with a text/html content type, so a page that
// declares windows-1251 is decoded exactly as the CLI decodes it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

export const FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'pages');
export const FIXTURE_ORIGIN = 'https://fixtures.readwell.test';
/** Prefixes that name a purpose rather than a clean rule. */
export const NON_RULE_KINDS = ['keep', 'encoding', 'no-article'] as const;

export interface Fixture {
  /** Folder name, e.g. `svg-icons--seed-news`. */
  name: string;
  /** The part before `--`: a clean rule's name or one of NON_RULE_KINDS. */
  kind: string;
  dir: string;
  url: string;
}

export function fixtureUrl(name: string): string {
  return `${FIXTURE_ORIGIN}/${name}/`;
}

export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES_DIR, d.name, 'source.html')))
    .map((d) => ({ name: d.name, kind: d.name.split('--')[0]!, dir: join(FIXTURES_DIR, d.name), url: fixtureUrl(d.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A fresh document for the fixture (each extraction gets its own, nothing is shared). */
export function loadDocument(fixture: Fixture): Document {
  const bytes = readFileSync(join(fixture.dir, 'source.html'));
  const dom = new JSDOM(bytes, { url: fixture.url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return dom.window.document;
}

/** A reviewed expected file, or null when the fixture has none (the no-article page has no text). */
export function readExpected(fixture: Fixture, file: string): string | null {
  const path = join(fixture.dir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}
