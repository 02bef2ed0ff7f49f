// Adversarial inputs for one regular expression, built from its own pattern: for every atom it
// repeats without bound (`x*`, `x+`, `x{n,}`), long runs of a character (or group sample) that
// atom matches, alone or after what must come before it in the pattern (the prefix a match has to
// get through to reach the repeat), each ended by nothing or by a character the repeat does not
// match (which is what forces a backtracking engine to try every split of the run). These are
// the shapes of every super-linear pattern found in Readwell so far: `\s*(?:,|and)\s*` on a run
// of spaces, `<tag[^>]*?>` on `<a<a<a…`, `\n+$` on newlines followed by text.
//
// The parser understands JavaScript's syntax well enough to find atoms and quantifiers; what an
// atom matches is asked of the engine itself (`^(?:atom)$` against a pool of characters), so
// classes, escapes and Unicode properties need no interpretation here.

type Item = { atom: Atom; min: number; max: number };
type Seq = Item[];
type Atom =
  | { kind: 'char'; src: string }
  | { kind: 'group'; branches: Seq[]; zeroWidth: boolean }
  | { kind: 'assert' };

/** Characters tried as samples and as run terminators: ASCII classes, punctuation, whitespace, scripts. */
const POOL = [' ', 'a', 'Z', '0', '\n', '\t', '-', '_', '.', ',', ';', ':', '/', '<', '>', '#', '&', '=', '"', "'", '(', ')', '*',
  '`', '[', '!', '@', '\u00a0', '\u00e9', '\u044f', '\u05d0', '\u5e74', '\u202e', '\ue000', '\u0301', '\u0000', '\u00a9', '\u2019'];

export interface PumpCase {
  /** Fixed text before the run. */
  head: string;
  /** Repeated to make the input long. */
  unit: string;
  /** Fixed text after the run. */
  tail: string;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string, private readonly unicode: boolean) {}

  parse(): Seq[] {
    const alt = this.alternation();
    if (this.i < this.src.length) throw new Error(`unexpected ${this.src[this.i]} at ${this.i} in /${this.src}/`);
    return alt;
  }

  private alternation(): Seq[] {
    const branches: Seq[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches;
  }

  private sequence(): Seq {
    const items: Seq = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      items.push({ atom, min, max });
    }
    return items;
  }

  private quantifier(): [number, number] {
    const c = this.src[this.i];
    let q: [number, number] | null = null;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    if (q) this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length;
        q = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])];
      }
    }
    if (!q) return [1, 1];
    if (this.src[this.i] === '?') this.i++; // lazy: same worst case
    return q;
  }

  private atom(): Atom {
    const s = this.src;
    const start = this.i;
    const c = s[this.i++]!;
    if (c === '^' || c === '$') return { kind: 'assert' };
    if (c === '.') return { kind: 'char', src: '.' };
    if (c === '[') {
      if (s[this.i] === '^') this.i++;
      // In JavaScript the first unescaped ] closes a class, even right after [ or [^.
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return { kind: 'char', src: s.slice(start, this.i) };
    }
    if (c === '(') {
      let zeroWidth = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) (this.i += 2), (zeroWidth = true);
      else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) (this.i += 3), (zeroWidth = true);
      else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      const branches = this.alternation();
      if (s[this.i] !== ')') throw new Error(`unclosed group in /${s}/`);
      this.i++;
      return { kind: 'group', branches, zeroWidth };
    }
    if (c === '\\') {
      const e = s[this.i++]!;
      if (e === 'b' || e === 'B') return { kind: 'assert' };
      if (/[1-9]/.test(e) || e === 'k') {
        if (e === 'k') this.i = s.indexOf('>', this.i) + 1;
        else while (/\d/.test(s[this.i] ?? '')) this.i++;
        return { kind: 'assert' }; // a backreference: matched text is the group's, nothing of its own to pump
      }
      if ((e === 'p' || e === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
      else if (e === 'u' && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
      else if (e === 'u') this.i += 4;
      else if (e === 'x') this.i += 2;
      else if (e === 'c') this.i += 1;
      return { kind: 'char', src: s.slice(start, this.i) };
    }
    // A surrogate pair is one character in a Unicode pattern.
    if (this.unicode && /[\ud800-\udbff]/.test(c) && /[\udc00-\udfff]/.test(s[this.i] ?? '')) this.i++;
    return { kind: 'char', src: s.slice(start, this.i) };
  }
}

export class RegexPump {
  private readonly flags: string;
  private readonly tree: Seq[];
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly source: string, flags: string) {
    this.flags = flags.replace(/[gy]/g, '');
    this.tree = new Parser(source, /[uv]/.test(flags)).parse();
  }

  /** Up to `limit` pool characters the single-character atom `src` matches. */
  private matching(src: string, limit = 2): string[] {
    const key = `${src}\u0000${limit}`;
    let hit = this.cache.get(key);
    if (!hit) {
      const re = new RegExp(`^(?:${src})$`, this.flags);
      // The atom's own characters first (a literal matches itself), then the pool.
      const own = Array.from(src.replace(/\\[pPuxc]\{?[^}\]]*\}?|\\./g, (e) => (e.length === 2 ? e[1]! : '')));
      hit = [...new Set([...own, ...POOL])].filter((ch) => re.test(ch)).slice(0, limit);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Pool characters that end a run: ones the repeated atom does not match. */
  private terminators(atom: Atom): string[] {
    const sample = this.samples(atom)[0] ?? '';
    const re = new RegExp(`^(?:${this.sourceOf(atom)})$`, this.flags);
    return POOL.filter((ch) => ch !== sample && !re.test(ch)).slice(0, 4);
  }

  private sourceOf(atom: Atom): string {
    if (atom.kind === 'char') return atom.src;
    if (atom.kind === 'assert') return '';
    return atom.branches.map((b) => b.map((it) => `(?:${this.sourceOf(it.atom)}){${it.min},${it.max === Infinity ? '' : it.max}}`).join('')).join('|');
  }

  /** Strings the atom matches once (one per branch of a group, a couple of characters for a class). */
  private samples(atom: Atom): string[] {
    if (atom.kind === 'assert') return [''];
    if (atom.kind === 'char') return this.matching(atom.src);
    if (atom.zeroWidth) return [''];
    return atom.branches.slice(0, 3).map((b) => this.seqSample(b));
  }

  /** The shortest string along the first samples: each item repeated its minimum (at least once when optional items are all it has). */
  private seqSample(seq: Seq): string {
    return seq.map((it) => (this.samples(it.atom)[0] ?? '').repeat(it.min)).join('');
  }

  /** Every case worth timing: one list per unbounded repeat, with its prefix. */
  cases(): PumpCase[] {
    const out = new Map<string, PumpCase>();
    const add = (c: PumpCase) => {
      if (c.unit) out.set(JSON.stringify(c), c);
    };
    // Two prefixes: items at their minimum (optional ones left out), and each item once.
    const walk = (branches: Seq[], prefixes: string[]): void => {
      for (const seq of branches) {
        let before = prefixes;
        for (const it of seq) {
          if (it.max === Infinity) {
            for (const s of this.samples(it.atom)) {
              for (const t of ['', ...this.terminators(it.atom)]) {
                add({ head: '', unit: s, tail: t });
                for (const p of new Set(before)) {
                  if (!p) continue;
                  add({ head: p, unit: s, tail: t });
                  add({ head: '', unit: p + s, tail: t });
                }
              }
            }
          }
          if (it.atom.kind === 'group' && !it.atom.zeroWidth) walk(it.atom.branches, before);
          const sample = this.samples(it.atom)[0] ?? '';
          before = [before[0] + sample.repeat(it.min), before[1] + sample.repeat(Math.max(it.min, 1))];
        }
      }
    };
    walk(this.tree, ['', '']);
    return [...out.values()];
  }
}
