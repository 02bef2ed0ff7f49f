// One article as a complete, script-free HTML page: the CLI's `--format html` and the library's
// "HTML" download. The heading comes from article-heading.ts (escaped the way every output
// escapes it); the body is HTML the sanitizer produced; a CSP forbids scripts, frames and
// everything remote but images, in case a viewer opens the file with more trust than it deserves.
import { escapeHtml, headingHtml, type ArticleHeading } from './article-heading';
import { cleanText, validLang } from './metadata';

export interface ArticlePage {
  heading: ArticleHeading;
  /** Sanitized article HTML. */
  html: string;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  /** A stylesheet for the page, if any. */
  css?: string;
}

const CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";

export function articlePage(p: ArticlePage): string {
  const lang = validLang(p.lang);
  const title = cleanText(p.heading.title, 2_000) ?? 'Untitled';
  const style = p.css ? `\n<style>${p.css}</style>` : ''; // Readwell's own stylesheet, never page CSS
  return `<!doctype html>
<html${lang ? ` lang="${escapeHtml(lang)}"` : ''} dir="${p.dir === 'rtl' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)}</title>${style}
</head>
<body>
<article>
${headingHtml(p.heading)}
${p.html}
</article>
</body>
</html>
`;
}
