// Code blocks keep their language. Sites mark it many ways (class="language-py", "lang-js",
// "highlight-source-rust", "brush: php", data-lang, data-language, a wrapper's class); Readability
// strips classes, and the Markdown fence needs the language. This rule settles on the one
// convention the HTML spec suggests, class="language-x" on the <code> inside <pre>, and tells
// Readability to keep exactly those classes.
import { type CleanRule, liveElements } from './rule';
import { classTokens } from '../dom';

const CLASS_PATTERNS = [/^(?:language|lang)-([\w#+.-]+)$/, /^highlight-(?:source-)?([\w#+.-]+)$/, /^sourceCode$/i];
/** SyntaxHighlighter writes its options into the class attribute: "brush: php; gutter: false". */
const BRUSH = /(?:^|[\s;])brush\s*:\s*([\w#+.-]+)/i;
const NOT_LANGUAGES = new Set(['none', 'plain', 'plaintext', 'text', 'txt', 'nohighlight', 'source', 'default', 'code', 'output']);

export const codeLanguage: CleanRule = {
  name: 'code-language',
  run(ctx) {
    const body = ctx.doc.body;
    if (!body) return;
    for (const pre of liveElements(ctx, (e) => e.localName === 'pre')) {
      const language = languageOf(pre);
      let code = childCode(pre);
      if (!code && language) {
        ctx.elementsChanged(); // the new <code> is an element later rules must see
        // Give a bare <pre> the <code> the Markdown fence is keyed on.
        code = ctx.doc.createElement('code');
        while (pre.firstChild) code.appendChild(pre.firstChild);
        pre.appendChild(code);
      }
      if (!code || !language) continue;
      const cls = `language-${language}`;
      code.setAttribute('class', cls);
      ctx.classesToPreserve.add(cls);
    }
  },
};

/** The first language named on the <pre>, its <code>, or up to two wrappers around it. */
function languageOf(pre: Element): string | null {
  const code = childCode(pre);
  const candidates: Element[] = [pre];
  if (code) candidates.unshift(code);
  if (pre.parentElement) candidates.push(pre.parentElement);
  if (pre.parentElement?.parentElement) candidates.push(pre.parentElement.parentElement);
  for (const el of candidates) {
    const data = el.getAttribute('data-lang') ?? el.getAttribute('data-language');
    if (data) {
      const lang = clean(data);
      if (lang) return lang;
    }
    const brush = BRUSH.exec(el.getAttribute('class') ?? '')?.[1];
    const fromBrush = brush ? clean(brush) : null;
    if (fromBrush) return fromBrush;
    for (const token of classTokens(el)) {
      for (const pattern of CLASS_PATTERNS) {
        const m = pattern.exec(token);
        const lang = m?.[1] ? clean(m[1]) : null;
        if (lang) return lang;
      }
    }
  }
  return null;
}

/** `pre.querySelector(':scope > code')`: the first child element that is a <code>. */
function childCode(pre: Element): Element | null {
  for (let c = pre.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'code') return c;
  return null;
}

function clean(raw: string): string | null {
  const lang = raw.trim().toLowerCase().replace(/[^\w#+.-]/g, '');
  return lang && !NOT_LANGUAGES.has(lang) && lang.length <= 30 ? lang : null;
}
