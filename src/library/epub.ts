// Saved articles as one EPUB 3 book: one XHTML content document per article (heading, then the
// article, sanitized again on the way out as every export is), a navigation document listing
// them, and the package document with a fresh unique identifier and dcterms:modified. The zip
// starts with `mimetype`, stored, as the format requires (zip-writer.ts stores everything).
//
// The images the library kept with an article are in the book, each once (images/<hash>), in the
// formats EPUB 3 readers must show (JPEG, PNG, GIF, WebP). Anything else is not: an EPUB may not
// load content from the web (nor may an export fetch it, which would tell each site what you
// read), so each such image, video or audio is a link to its address, and the article says how many.
import { sanitizeHtml } from '../core/index';
import type { ArticleRecord } from '../shared/article-record';
import { addressesOf, showsPicture, type ImageType, type StoredImage } from '../shared/saved-images';
import { zipStored } from '../shared/zip-writer';
import { t, tn } from '../shared/strings/t';
import { escapeXml, toXhtml } from './xhtml';

export interface EpubOptions {
  now: Date;
  /** The book's unique identifier, a UUID (a fresh one per export by default). */
  uuid?: string;
  /** The library's stored images by hash (ArticleStore.images): those the articles refer to go in the book. */
  images?: ReadonlyMap<string, StoredImage>;
}

export interface EpubBook {
  bytes: Uint8Array<ArrayBuffer>;
  /** Images, video and audio linked instead of included, over all chapters. */
  mediaLeftOut: number;
}

/** EPUB 3's core media types for images, and the file extension of each. */
const IN_BOOK: Partial<Record<ImageType, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

/** The book's image files, as they are referred to: path → stored image. */
type BookImages = Map<string, StoredImage>;

interface ChapterImages {
  /** The book file an <img> of the article shows, or null. */
  forImg(img: Element): string | null;
  /** The book file of the picture at `url`, or null. */
  forUrl(url: string): string | null;
}

/** The book file of each image of `r` that can go in, recorded in `used` as it is referred to. */
function imageFiles(r: ArticleRecord, stored: ReadonlyMap<string, StoredImage> | undefined, used: BookImages): ChapterImages {
  const byUrl = new Map<string, { path: string; image: StoredImage }>();
  for (const ref of r.images) {
    const image = stored?.get(ref.hash);
    const extension = image ? IN_BOOK[image.type] : undefined;
    if (image && extension) byUrl.set(ref.url, { path: `images/${ref.hash}.${extension}`, image });
  }
  const take = (file: { path: string; image: StoredImage } | undefined) => {
    if (!file) return null;
    used.set(file.path, file.image);
    return file.path;
  };
  return {
    forImg: (img) => take(addressesOf(img).map((u) => byUrl.get(u)).find((f) => f !== undefined)),
    forUrl: (url) => take(byUrl.get(url)),
  };
}
const CSS = 'body{font-family:serif;line-height:1.5;margin:0 5%}h1{font-size:1.6em;line-height:1.25}'
  + '.byline,.details,.source{color:#555;margin:0.2em 0}.note{font-style:italic;color:#555}'
  + 'img{max-width:100%}pre{white-space:pre-wrap}blockquote{margin-left:1.5em}';

/** BCP 47 as records hold it (validated), or "und" (undetermined), which EPUB accepts. */
function language(r: ArticleRecord | undefined): string {
  return r?.lang || 'und';
}

function title(r: ArticleRecord): string {
  return r.title.trim() || t('untitled');
}

/** 2024-05-01T10:00:00Z: dcterms:modified takes whole seconds, in UTC. */
function modified(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

function chapter(r: ArticleRecord, doc: Document, images: ChapterImages): { text: string; mediaLeftOut: number } {
  // Into an inert document: nothing of the article may load while the book is written.
  const content = sanitizeHtml(r.html, doc, r.url, { owner: doc.implementation.createHTMLDocument('') });
  // The lead image, as the offline reader shows it: above the article unless the article has it.
  const leadFile = r.leadImage && !showsPicture(content, r.leadImage, r.url) ? images.forUrl(r.leadImage) : null;
  const { xhtml, mediaLeftOut } = toXhtml(content, images.forImg);
  const lang = escapeXml(language(r));
  const dir = r.dir === 'rtl' ? ' dir="rtl"' : '';
  const details = [r.siteName, r.publishedTime?.slice(0, 10)].filter(Boolean).join(' · ');
  const note = mediaLeftOut ? `<p class="note">${escapeXml(tn('epub_media_note', mediaLeftOut))}</p>` : '';
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" xml:lang="${lang}"${dir}>`,
    `<head><meta charset="UTF-8"/><title>${escapeXml(title(r))}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>`,
    '<body><section>',
    `<h1>${escapeXml(title(r))}</h1>`,
    r.byline ? `<p class="byline">${escapeXml(r.byline)}</p>` : '',
    details ? `<p class="details">${escapeXml(details)}</p>` : '',
    `<p class="source"><a href="${escapeXml(r.url)}">${escapeXml(r.url)}</a></p>`,
    note,
    leadFile ? `<figure><img src="${escapeXml(leadFile)}" alt=""/></figure>` : '',
    `<div>${xhtml}</div>`,
    '</section></body></html>',
  ].join('\n');
  return { text, mediaLeftOut };
}

function nav(records: readonly ArticleRecord[], bookTitle: string): string {
  const lang = escapeXml(language(records[0]));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">`,
    `<head><meta charset="UTF-8"/><title>${escapeXml(bookTitle)}</title></head>`,
    `<body><nav epub:type="toc" id="toc"><h1>${escapeXml(t('epub_contents'))}</h1><ol>`,
    ...records.map((r, i) => `<li><a href="article-${i + 1}.xhtml">${escapeXml(title(r))}</a></li>`),
    '</ol></nav></body></html>',
  ].join('\n');
}

function opf(records: readonly ArticleRecord[], bookTitle: string, options: { uuid: string; now: Date }, images: BookImages): string {
  const creators = [...new Set(records.map((r) => r.byline).filter((b): b is string => !!b))].slice(0, 20);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${escapeXml(language(records[0]))}">`,
    '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<dc:identifier id="uid">urn:uuid:${escapeXml(options.uuid)}</dc:identifier>`,
    `<dc:title>${escapeXml(bookTitle)}</dc:title>`,
    ...[...new Set(records.map(language))].map((l) => `<dc:language>${escapeXml(l)}</dc:language>`),
    ...creators.map((c) => `<dc:creator>${escapeXml(c)}</dc:creator>`),
    records.length === 1 ? `<dc:source>${escapeXml(records[0]!.url)}</dc:source>` : '',
    `<dc:publisher>${escapeXml(t('epub_publisher'))}</dc:publisher>`,
    `<meta property="dcterms:modified">${modified(options.now)}</meta>`,
    '</metadata>',
    '<manifest>',
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    ...records.map((_, i) => `<item id="article-${i + 1}" href="article-${i + 1}.xhtml" media-type="application/xhtml+xml"/>`),
    ...[...images].map(([path, image], i) => `<item id="image-${i + 1}" href="${escapeXml(path)}" media-type="${image.type}"/>`),
    '</manifest>',
    '<spine>',
    ...records.map((_, i) => `<itemref idref="article-${i + 1}"/>`),
    '</spine>',
    '</package>',
  ].join('\n');
}

const CONTAINER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">',
  '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>',
  '</container>',
].join('\n');

/** The book's title: the article's own for one, else how many (with the date they were exported). */
export function bookTitle(records: readonly ArticleRecord[], now: Date): string {
  return records.length === 1 ? title(records[0]!) : tn('epub_book', records.length, now.toISOString().slice(0, 10));
}

/** The EPUB file of `records`, in the order given (each one a chapter), with their kept images. */
export function buildEpub(records: readonly ArticleRecord[], doc: Document, options: EpubOptions): EpubBook {
  if (!records.length) throw new Error(t('epub_none'));
  const full = { uuid: options.uuid ?? crypto.randomUUID(), now: options.now };
  const name = bookTitle(records, options.now);
  const text = (s: string) => new TextEncoder().encode(s);
  const used: BookImages = new Map();
  const chapters = records.map((r) => chapter(r, doc, imageFiles(r, options.images, used)));
  const bytes = zipStored([
    { name: 'mimetype', data: text('application/epub+zip') },
    { name: 'META-INF/container.xml', data: text(CONTAINER) },
    { name: 'OEBPS/content.opf', data: text(opf(records, name, full, used)) },
    { name: 'OEBPS/nav.xhtml', data: text(nav(records, name)) },
    { name: 'OEBPS/style.css', data: text(CSS) },
    ...chapters.map((c, i) => ({ name: `OEBPS/article-${i + 1}.xhtml`, data: text(c.text) })),
    ...[...used].map(([path, image]) => ({ name: `OEBPS/${path}`, data: new Uint8Array(image.data) })),
  ], options.now);
  return { bytes, mediaLeftOut: chapters.reduce((sum, c) => sum + c.mediaLeftOut, 0) };
}
