// The heading every whole-article copy starts with (title, then byline), in plain text and
// Markdown. One definition, so the CLI, the clipboard and the library export agree.

export interface ArticleHeading {
  title?: string | null;
  byline?: string | null;
}

/** `Title\nByline\n\nbody`; parts that are missing are left out. */
export function headedText(heading: ArticleHeading, body: string): string {
  const head = [heading.title, heading.byline].filter((s): s is string => !!s).join('\n');
  return head ? `${head}\n\n${body}` : body;
}

/** `# Title\n\n*Byline*\n\nbody`, with Markdown's special characters in them escaped. */
export function headedMarkdown(heading: ArticleHeading, body: string): string {
  const parts: string[] = [];
  if (heading.title) parts.push(`# ${escapeMarkdown(heading.title)}`);
  if (heading.byline) parts.push(`*${escapeMarkdown(heading.byline)}*`);
  parts.push(body);
  return parts.join('\n\n');
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]#<>])/g, '\\$1');
}
