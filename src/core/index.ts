// The core's public surface: everything other layers may use.
export { extractArticle, PIPELINE_STEPS, TOO_LARGE_MESSAGE, NO_ARTICLE_MESSAGE } from './extract';
export { toPlainText } from './to-plain-text';
export { toMarkdown } from './to-markdown';
export { headedMarkdown, headedText, headingHtml, type ArticleHeading } from './article-heading';
export { articlePage } from './article-page';
export { sanitizeHtml } from './sanitize';
export { wordStats } from './words';
export { cleanText, validLang } from './metadata';
export { CLEAN_RULES } from './clean/index';
export type { Article, ContentChoice, ExtractOptions, ExtractResult, ExtractFailureReason, Removal, ZapRule } from './types';
export { findByText, findContaining, zapRuleFor, ZAPPED, ZAP_TEXT_CHARS } from './zap';
