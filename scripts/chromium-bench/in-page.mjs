// What runs inside each benchmark page (handed to page.evaluate, so it must not close over
// anything): Readwell as the content script calls it (`useLayout: true`, on the live document)
// against raw Readability on a clone of the same document, one warm-up call each, then `runs`
// calls each, alternating which goes first so a slow moment hits both alike. Three more Readwell
// calls with the `onStage` hook give the page's stage profile; they are not among the timed calls.
export function timePage({ url, runs }) {
  const { extractArticle, Readability } = window.__readwellBench;
  const call = (which) => {
    const t = performance.now();
    const r = which === 'ours' ? extractArticle(document, url, { useLayout: true }) : new Readability(document.cloneNode(true)).parse();
    return [performance.now() - t, r];
  };
  const [oursFirst, result] = call('ours');
  const [rawFirst] = call('raw');
  const ours = [];
  const raw = [];
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['raw', 'ours'] : ['ours', 'raw']) (which === 'ours' ? ours : raw).push(call(which)[0]);
  }
  // A garbage collection lands on whichever stage is running, so one profiled call is noisy:
  // each stage's median over three calls.
  const profiled = [];
  for (let i = 0; i < 3; i++) {
    const one = {};
    extractArticle(document, url, { useLayout: true, onStage: (stage, ms) => { one[stage] = (one[stage] ?? 0) + ms; } });
    profiled.push(one);
  }
  const stages = {};
  for (const stage of Object.keys(profiled[0])) {
    const xs = profiled.map((p) => p[stage] ?? 0).sort((a, b) => a - b);
    stages[stage] = xs[1];
  }
  // FNV-1a of the article text: enough to tell whether a change altered any page's output.
  const text = result.ok ? result.article.text : `(${result.reason})`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return {
    ours, raw, oursFirst, rawFirst, stages,
    ok: result.ok, reason: result.ok ? null : result.reason, textLength: result.ok ? text.length : 0, hash: hash.toString(16),
    elements: document.getElementsByTagName('*').length,
  };
}
