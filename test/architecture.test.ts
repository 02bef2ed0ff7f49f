// The import rule of shared/docs/design.md, checked on every source file rather than by memory.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const SRC = resolve(__dirname, '../src');
type Layer = 'core' | 'shared' | 'platform' | 'background' | 'content' | 'popup' | 'library' | 'cli';
const CONTEXTS: Layer[] = ['background', 'content', 'popup', 'library'];

/** For each layer: which project layers and which packages it may import. */
const RULES: Record<Layer, { layers: Layer[]; packages: RegExp }> = {
  core: { layers: ['core'], packages: /^(@mozilla\/readability|dompurify|turndown|turndown-plugin-gfm)$/ },
  shared: { layers: ['core', 'shared'], packages: /^$/ },
  platform: { layers: ['core', 'shared', 'platform'], packages: /^(webextension-polyfill|idb)$/ },
  background: { layers: ['core', 'shared', 'platform', 'background'], packages: /^$/ },
  content: { layers: ['core', 'shared', 'platform', 'content'], packages: /^$/ },
  popup: { layers: ['core', 'shared', 'platform', 'popup'], packages: /^$/ },
  library: { layers: ['core', 'shared', 'platform', 'library'], packages: /^$/ },
  cli: { layers: ['core', 'shared', 'cli'], packages: /^(node:.*|jsdom|parse5)$/ },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specs = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g), ...code.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)];
  return specs.map((m) => m[1]!);
}

const layerOf = (file: string) => relative(SRC, file).split(sep)[0] as Layer;

/** The source file a relative import names (`./x` is x.ts or x/index.ts), type-only imports included. */
function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, join(base, 'index.ts')].find((p) => /\.ts$/.test(p) && existsSync(p)) ?? null;
}

function importGraph(files: string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, importsOf(f).filter((s) => s.startsWith('.')).map((s) => resolveImport(f, s)).filter((t): t is string => t !== null)]));
}

/** Every import cycle in a graph (file → files it imports), each as the chain of files that closes it. */
function importCyclesOf(edges: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) return void cycles.push([...path.slice(at), file].map((f) => relative(SRC, f)));
    if (done.has(file)) return;
    for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of edges.keys()) visit(file, []);
  return cycles;
}

describe('architecture: the import rule', () => {
  const files = sourceFiles(SRC);

  it('finds source files in every layer', () => {
    const layers = new Set(files.map(layerOf));
    for (const layer of Object.keys(RULES)) expect(layers, layer).toContain(layer);
  });

  for (const file of files) {
    const layer = layerOf(file);
    it(`${relative(SRC, file)} imports only what ${layer} may`, () => {
      const rule = RULES[layer];
      expect(rule, `unknown layer ${layer}`).toBeDefined();
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = layerOf(resolve(dirname(file), spec));
          expect(rule.layers, `${spec} (layer ${target})`).toContain(target);
        } else {
          expect(spec, `package ${spec}`).toMatch(rule.packages);
        }
      }
    });
  }

  it('has no import cycles (type-only imports count: they tie the files together all the same)', () => {
    expect(importCyclesOf(importGraph(files))).toEqual([]);
  });

  it('the cycle check finds a cycle', () => {
    // Two files that import each other, so the check above cannot pass by finding nothing.
    const a = join(SRC, 'background', 'a.ts');
    const b = join(SRC, 'background', 'b.ts');
    expect(importCyclesOf(new Map([[a, [b]], [b, [a]]]))).toEqual([[relative(SRC, a), relative(SRC, b), relative(SRC, a)]]);
  });

  it('loads the polyfill only in platform/polyfill.ts', () => {
    const users = files.filter((f) => importsOf(f).includes('webextension-polyfill')).map((f) => relative(SRC, f));
    expect(users).toEqual([join('platform', 'polyfill.ts')]);
  });

  it('each context reaches the extension APIs one way, its own', () => {
    const WAYS = ['polyfill.ts', 'extension-page.ts', 'content-script.ts', 'services.ts'].map((f) => join(SRC, 'platform', f));
    const WAY: Partial<Record<Layer, string>> = { background: 'polyfill.ts', popup: 'extension-page.ts', library: 'extension-page.ts', content: 'content-script.ts' };
    for (const file of files.filter((f) => CONTEXTS.includes(layerOf(f)))) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = resolveImport(file, spec);
        if (target && WAYS.includes(target)) expect(relative(SRC, target), relative(SRC, file)).toBe(join('platform', WAY[layerOf(file)]!));
      }
    }
  });

  it('reaches the library database only through platform/article-store.ts', () => {
    const DB = join(SRC, 'platform', 'library-db');
    const ENTRY = join(SRC, 'platform', 'article-store.ts');
    const users = files.filter((f) => !f.startsWith(DB + sep) && importGraph([f]).get(f)!.some((t) => t.startsWith(DB + sep)));
    expect(users.map((f) => relative(SRC, f))).toEqual([relative(SRC, ENTRY)]);
    // idb itself only where the schema and the transactions are.
    const idb = files.filter((f) => importsOf(f).includes('idb')).map((f) => relative(SRC, f)).sort();
    expect(idb).toEqual([join('platform', 'library-db', 'schema.ts'), join('platform', 'library-db', 'transaction.ts')]);
  });

  it('keeps the polyfill out of the content script (its bundle budget)', () => {
    const graph = importGraph(files);
    const reached = new Set<string>();
    const walk = (f: string) => { if (!reached.has(f)) { reached.add(f); for (const next of graph.get(f) ?? []) walk(next); } };
    walk(join(SRC, 'content', 'index.ts'));
    expect([...reached].map((f) => relative(SRC, f))).not.toContain(join('platform', 'polyfill.ts'));
    expect(reached.size).toBeGreaterThan(10);
  });

  it('core touches no extension, window or storage globals', () => {
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(code, relative(SRC, file)).not.toMatch(/\b(browser|chrome)\.[a-z]+\.|\bwindow\.|\b(localStorage|sessionStorage|indexedDB|globalThis|self\.|document\.)/);
    }
  });

  it('contexts talk to each other only through platform/messages.ts', () => {
    for (const file of files.filter((f) => CONTEXTS.includes(layerOf(f)))) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = layerOf(resolve(dirname(file), spec));
        if (CONTEXTS.includes(target)) expect(target, relative(SRC, file)).toBe(layerOf(file));
      }
    }
  });
});
