// The media of a saved article as the offline reader shows it: every picture from the copy kept
// in the library, and nothing fetched from anywhere. Opening a saved article must not tell the
// original site what is being read, and must work with that site gone, so each image that was
// kept gets its stored bytes (a blob: address), and everything else that would load from the
// network is taken out: an image not kept becomes a line saying so (its description kept),
// <picture> sources and srcset go (the kept candidate is the one shown), video and audio become
// a link to the original page. The pages' CSP (img-src/media-src) refuses anything missed here.
import { addressesOf, showsPicture } from '../shared/saved-images';
import { t } from '../shared/strings/t';
import { h } from './dom';

/** Attributes that make an element load something (link targets are not loads: a click is the user's). */
const LOADING_ATTRS = ['src', 'srcset', 'poster', 'href', 'xlink:href', 'data', 'background'];

/**
 * Rewrites `root` (sanitized article content, addresses already absolute) in place. `kept` maps
 * an image's address on the page to the blob: address of its stored bytes; `articleUrl` is
 * where the video and audio can still be played.
 */
export function showSavedMedia(doc: Document, root: ParentNode, kept: ReadonlyMap<string, string>, articleUrl: string): void {
  for (const source of Array.from(root.querySelectorAll('picture source'))) source.remove();
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const stored = addressesOf(img).map((u) => kept.get(u)).find((u) => u !== undefined);
    if (stored) {
      img.removeAttribute('srcset');
      img.removeAttribute('sizes');
      img.setAttribute('src', stored);
      continue;
    }
    const alt = img.getAttribute('alt')?.trim();
    img.replaceWith(h(doc, 'span', { class: 'missing-image', 'data-testid': 'missing-image' }, [t('offline_image_missing', alt || t('offline_image_untitled'))]));
  }
  for (const media of Array.from(root.querySelectorAll('video, audio'))) {
    const poster = media.getAttribute('poster');
    const still = poster ? kept.get(poster) : undefined;
    media.replaceWith(h(doc, 'p', { class: 'media-note' }, [
      still ? h(doc, 'img', { src: still, alt: '' }) : null,
      h(doc, 'a', { href: articleUrl, rel: 'noopener noreferrer' }, [t('offline_media_elsewhere')]),
    ]));
  }
  // SVG <image>, <track>, anything else that loads: its address goes, unless it is a stored one.
  for (const el of Array.from(root.querySelectorAll('image, track, source, [src], [srcset], [poster], [background]'))) {
    for (const name of LOADING_ATTRS) {
      if (el.localName === 'a' && name === 'href') continue;
      const value = el.getAttribute(name);
      if (value !== null && !value.startsWith('blob:')) el.removeAttribute(name);
    }
  }
}

function parsedHref(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** The kept lead image as a figure above the article, unless the content already shows that picture. */
export function savedLeadFigure(doc: Document, content: ParentNode, leadImage: string | null, kept: ReadonlyMap<string, string>): HTMLElement | null {
  // The capture looked it up by its parsed address (image-capture.ts), so the same spelling here.
  const stored = leadImage ? kept.get(leadImage) ?? kept.get(parsedHref(leadImage)) : undefined;
  if (!leadImage || !stored || showsPicture(content, leadImage, leadImage)) return null;
  return h(doc, 'figure', { class: 'lead' }, [h(doc, 'img', { src: stored, alt: '', 'data-testid': 'reader-page-lead' })]);
}
