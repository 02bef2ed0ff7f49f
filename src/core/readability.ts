// Readability on the cleaned copy. It rewrites the document it is given, which is why it only
// ever sees the inert copy. `serializer: el => el` hands back the article element itself, so the
// sanitizer works on DOM nodes and nothing is serialized and parsed again in between.
import { Readability } from '@mozilla/readability';

export interface ReadabilityResult {
  content: Element;
  title: string | null;
  byline: string | null;
  dir: string | null;
  lang: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

export function runReadability(copy: Document, classesToPreserve: string[], charThreshold: number): ReadabilityResult | null {
  const reader = new Readability<Element>(copy, {
    serializer: (el) => el as Element,
    classesToPreserve,
    charThreshold,
    // The budget check already refused oversized pages; Readability's own limit would throw.
    maxElemsToParse: 0,
  });
  const parsed = reader.parse();
  if (!parsed?.content) return null;
  return {
    content: parsed.content,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    dir: parsed.dir ?? null,
    lang: parsed.lang ?? null,
    excerpt: parsed.excerpt ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
  };
}
