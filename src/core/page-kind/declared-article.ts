// Does the page say it is an article? schema.org's Article and its kinds, in JSON-LD or microdata.
// og:type is not asked: WordPress and its SEO plugins say "article" for every page of a site,
// the pricing page as much as the blog post, while their JSON-LD tells a post (Article,
// BlogPosting) from a page (WebPage).
import { jsonLdTypesOf, typesIn } from './discussion';

const ARTICLE_TYPES = /^(?:Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|ScholarlyArticle|Report)$/i;

export function declaresArticle(doc: Document): boolean {
  const microdata = Array.from(doc.querySelectorAll('[itemtype]'), (el) => typesIn(el.getAttribute('itemtype') ?? ''));
  return [...microdata.flat(), ...jsonLdTypesOf(doc)].some((t) => ARTICLE_TYPES.test(t));
}
