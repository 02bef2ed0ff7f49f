// Scoring each page and printing the tables: Readwell beside raw Readability, per corpus.
import { geomean, mean, snippetCounts, snippetRate, snippetScores, tokenScores } from './metrics.mjs';
import { READING_KINDS } from './corpora.mjs';

const f3 = (x) => x.toFixed(3);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** One page's scores for both extractors (texts are not kept: the JSON stays small). */
export function scorePage(page, result) {
  const base = { corpus: page.corpus, id: page.id, key: page.key, url: page.url, kind: page.kind ?? null };
  const error = result?.error ?? null;
  const ours = result?.ours ?? '';
  const raw = result?.raw ?? '';
  const lang = (result?.oursLang ?? result?.htmlLang ?? '').toLowerCase().split(/[-_]/)[0] || '?';
  const timing = { oursMs: result?.oursMs ?? null, rawMs: result?.rawMs ?? null };
  const emptiness = { oursEmpty: !ours.trim(), rawEmpty: !raw.trim(), oursReason: result?.oursReason ?? null, oursSource: result?.oursSource ?? null };
  if (page.corpus === 'trafilatura') {
    return { ...base, ...timing, ...emptiness, error, lang, ours: snippetCounts(ours, page.with, page.without), raw: snippetCounts(raw, page.with, page.without) };
  }
  const rawWords = raw.match(/\S+/g)?.length ?? 0;
  return {
    ...base,
    ...timing,
    ...emptiness,
    error,
    lang,
    rawWords,
    ours: { ...tokenScores(ours, page.truth), withRate: snippetRate(ours, page.with), withoutRate: snippetRate(ours, page.without) },
    raw: { ...tokenScores(raw, page.truth), withRate: snippetRate(raw, page.with), withoutRate: snippetRate(raw, page.without) },
  };
}

export function reportTrafilatura(rows, worstCount) {
  console.log(`\n## trafilatura-eval (${rows.length} pages): snippet metric`);
  console.log('| | precision | recall | accuracy | F-score | pages with no output |');
  console.log('|---|---|---|---|---|---|');
  for (const [label, side] of [['raw Readability 0.6.0 (textContent)', 'raw'], ['Readwell (article.text)', 'ours']]) {
    const s = snippetScores(rows.map((r) => r[side]));
    const empty = rows.filter((r) => r[`${side}Empty`]).length;
    console.log(`| ${label} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.accuracy)} | ${f3(s.f)} | ${empty} |`);
  }
  const errors = rows.filter((r) => r.error);
  if (errors.length) console.log(`errors: ${errors.map((r) => `${r.id} (${r.error.split('\n')[0]})`).join('; ')}`);
  const fewer = rows.filter((r) => r.ours.tp < r.raw.tp);
  const emptyWhereRaw = rows.filter((r) => r.oursEmpty && r.raw.tp > 0);
  console.log(`pages where Readwell finds fewer content snippets than raw: ${fewer.length}${fewer.length ? ` (${fewer.map((r) => r.id).join(' ')})` : ''}`);
  console.log(`pages empty in Readwell where raw finds content: ${emptyWhereRaw.length}${emptyWhereRaw.length ? ` (${emptyWhereRaw.map((r) => `${r.id}:${r.oursReason}`).join(' ')})` : ''}`);

  const byLang = new Map();
  for (const r of rows) byLang.set(r.lang, [...(byLang.get(r.lang) ?? []), r]);
  console.log('\nper language (pages ≥ 10): F-score raw → Readwell');
  const langs = [...byLang].filter(([, rs]) => rs.length >= 10).sort((a, b) => b[1].length - a[1].length);
  const other = [...byLang].filter(([, rs]) => rs.length < 10).flatMap(([, rs]) => rs);
  for (const [lang, rs] of [...langs, ...(other.length ? [['other', other]] : [])]) {
    console.log(`  ${pad(lang, 6)} ${lpad(rs.length, 4)} pages  ${f3(snippetScores(rs.map((r) => r.raw)).f)} → ${f3(snippetScores(rs.map((r) => r.ours)).f)}`);
  }
  const loss = (r) => r.ours.fn + r.ours.fp;
  const worst = [...rows].sort((a, b) => loss(b) - loss(a) || b.ours.fn - a.ours.fn).slice(0, worstCount);
  console.log(`\nworst ${worst.length} pages for Readwell (missed content + kept boilerplate; raw in brackets)`);
  for (const r of worst) {
    console.log(`  ${r.id} missed ${r.ours.fn} kept ${r.ours.fp}  [raw missed ${r.raw.fn} kept ${r.raw.fp}]${r.oursEmpty ? ` empty:${r.oursReason}` : ''}  ${r.url.slice(0, 70)}`);
  }
}

export function reportWcxb(rows, worstCount) {
  console.log(`\n## WCXB dev (${rows.length} pages): word-level F1, averaged over pages`);
  const kinds = [...new Set(rows.map((r) => r.kind))].sort((a, b) => rows.filter((r) => r.kind === b).length - rows.filter((r) => r.kind === a).length);
  const header = ['', 'F1', 'P', 'R', ...kinds.map((k) => `${k} (${rows.filter((r) => r.kind === k).length})`), 'five reading kinds', 'with-snippets found', 'without-snippets kept', 'empty pages'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  const reading = rows.filter((r) => READING_KINDS.includes(r.kind));
  for (const [label, side] of [['raw Readability 0.6.0 (textContent)', 'raw'], ['Readwell (article.text)', 'ours']]) {
    const avg = (rs, k) => f3(mean(rs.map((r) => r[side][k])));
    const rates = (k) => f3(mean(rows.map((r) => r[side][k]).filter((x) => x !== null)));
    const cells = [
      label,
      avg(rows, 'f1'),
      avg(rows, 'p'),
      avg(rows, 'r'),
      ...kinds.map((k) => avg(rows.filter((r) => r.kind === k), 'f1')),
      avg(reading, 'f1'),
      rates('withRate'),
      rates('withoutRate'),
      rows.filter((r) => r[`${side}Empty`]).length,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log('\nempty pages by kind (Readwell / raw):', kinds.map((k) => `${k} ${rows.filter((r) => r.kind === k && r.oursEmpty).length}/${rows.filter((r) => r.kind === k && r.rawEmpty).length}`).join(', '));
  const emptyWhereRaw = rows.filter((r) => r.oursEmpty && r.rawWords >= 100 && r.raw.r > 0.5);
  console.log(`empty in Readwell where raw finds ≥ 100 words of main content: ${emptyWhereRaw.length}${emptyWhereRaw.length ? ` (${emptyWhereRaw.map((r) => `${r.id}/${r.kind}:${r.oursReason}`).join(' ')})` : ''}`);
  const errors = rows.filter((r) => r.error);
  if (errors.length) console.log(`errors: ${errors.map((r) => `${r.id} (${r.error.split('\n')[0]})`).join('; ')}`);
  const worst = [...rows].sort((a, b) => a.ours.f1 - a.raw.f1 - (b.ours.f1 - b.raw.f1)).slice(0, worstCount);
  console.log(`\n${worst.length} pages where Readwell falls furthest behind raw (F1 ours vs raw)`);
  for (const r of worst) console.log(`  ${r.id} ${pad(r.kind, 13)} ${f3(r.ours.f1)} vs ${f3(r.raw.f1)}${r.oursEmpty ? ` empty:${r.oursReason}` : ''}  ${r.url.slice(0, 70)}`);
}

export function reportSpeed(rows) {
  const timed = rows.filter((r) => r.oursMs !== null && r.rawMs !== null && r.rawMs > 0);
  if (!timed.length) return;
  const ours = timed.reduce((a, r) => a + r.oursMs, 0);
  const raw = timed.reduce((a, r) => a + r.rawMs, 0);
  const ratios = timed.map((r) => r.oursMs / r.rawMs);
  console.log(`\nspeed (jsdom, one run per page, both on the same parsed document): Readwell ${(ours / 1000).toFixed(1)} s vs raw ${(raw / 1000).toFixed(1)} s = ${(ours / raw).toFixed(2)}x total, ${geomean(ratios).toFixed(2)}x geomean over ${timed.length} pages`);
}

/** Pages that got worse between two runs of the same pages. */
export function worsePages(oldRows, newRows) {
  const old = new Map(oldRows.map((r) => [r.key, r]));
  const worse = [];
  const better = [];
  for (const r of newRows) {
    const o = old.get(r.key);
    if (!o) continue;
    const delta = r.corpus === 'trafilatura' ? r.ours.tp - r.ours.fp - (o.ours.tp - o.ours.fp) : r.ours.f1 - o.ours.f1;
    const threshold = r.corpus === 'trafilatura' ? 0 : 0.02;
    if (delta < -threshold) worse.push([r, o, delta]);
    else if (delta > threshold) better.push([r, o, delta]);
  }
  console.log(`\ncompared with the earlier run: ${better.length} pages better, ${worse.length} worse`);
  for (const [r, o, delta] of worse.sort((a, b) => a[2] - b[2])) {
    const what = r.corpus === 'trafilatura' ? `tp ${o.ours.tp}→${r.ours.tp} fp ${o.ours.fp}→${r.ours.fp}` : `F1 ${f3(o.ours.f1)}→${f3(r.ours.f1)}`;
    console.log(`  worse ${r.key} ${what}${r.oursEmpty ? ` (now empty: ${r.oursReason})` : ''}  ${String(r.url).slice(0, 60)}`);
  }
}
