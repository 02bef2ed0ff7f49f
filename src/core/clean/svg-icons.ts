// SVG sprite sheets and icon SVGs. A sprite sheet is an <svg> of <symbol>s whose <title>s are
// the icon names; sites inline it at the top of <body>, and every naive extraction then begins
// "icon bookmark icon camera icon chevron…". Icons are the small SVGs that draw one of those
// symbols (<use href="#icon-…">) or a glyph of their own. Content SVGs (charts, diagrams) are
// kept: they are large and draw more than a single reference.
import type { CleanRule } from './rule';
import { closestWhere, countDescendants, firstDescendant, nameTokens, tagIn } from '../dom';

/** Icons are drawn at text size; anything up to this many CSS px is treated as one. */
const ICON_MAX_SIZE = 64;
/** A social-network logo or a UI glyph is drawn with a handful of shapes; a chart is not. */
const MAX_GLYPH_SHAPES = 4;

export const svgIcons: CleanRule = {
  name: 'svg-icons',
  run(ctx) {
    const svgs = Array.from(ctx.doc.getElementsByTagName('svg'));
    for (const svg of svgs) {
      if (!svg.isConnected || closestWhere(svg.parentElement, isSvg)) continue; // nested: judged with its root
      if (isSpriteSheet(svg) || isIcon(svg)) ctx.remove(svg, this.name);
    }
    // Stray <symbol>s outside any <svg> root (broken markup) are sprite parts too.
    for (const symbol of Array.from(ctx.doc.getElementsByTagName('symbol'))) ctx.remove(symbol, this.name);
  },
};

const isSvg = tagIn('svg');
const isDefinition = tagIn('symbol', 'defs');
const isShape = tagIn('path', 'circle', 'rect', 'polygon', 'polyline', 'line', 'ellipse');
const isDrawn = tagIn('use', 'path', 'circle', 'rect', 'polygon', 'polyline', 'line', 'ellipse', 'text', 'image');
const isControl = (el: Element): boolean => el.localName === 'a' || el.localName === 'button' || el.getAttribute('role') === 'button';

function isSpriteSheet(svg: Element): boolean {
  // Only definitions and no drawing of its own: it exists to be referenced.
  const hasDefinitions = firstDescendant(svg, isDefinition) !== null;
  if (!hasDefinitions) return false;
  for (const child of Array.from(svg.children)) {
    const tag = child.localName;
    if (tag !== 'symbol' && tag !== 'defs' && tag !== 'title' && tag !== 'desc' && tag !== 'style') return false;
  }
  return true;
}

function isIcon(svg: Element): boolean {
  const drawing = Array.from(svg.children).filter((c) => !['title', 'desc', 'defs', 'style', 'metadata'].includes(c.localName));
  // A lone <use> (possibly in a <g>) draws one symbol: that is what an icon is.
  const uses = svg.getElementsByTagName('use').length;
  if (uses > 0 && uses === countDescendants(svg, isDrawn)) return true;
  if (drawing.length === 0) return true;
  const size = declaredSize(svg);
  if (size !== null && size <= ICON_MAX_SIZE) return true;
  // Icon naming conventions: "icon", "c-icon--share", "IconTwitter", Font Awesome's SVG+JS
  // "svg-inline--fa fa-twitter", Bootstrap's "bi bi-share".
  if (nameTokens(svg).some((t) => /icon|glyph|sprite|^svg-inline--fa$|^fa-[\w-]+$|^bi-[\w-]+$/.test(t))) return true;
  // Inside a link or button, an SVG is that control's icon when it says so (aria-hidden,
  // presentation) or when it is one simple glyph: a few shapes and no text of its own.
  if (closestWhere(svg, isControl) === null) return false;
  const decorative = svg.getAttribute('aria-hidden') === 'true' || svg.getAttribute('role') === 'presentation' || svg.getAttribute('focusable') === 'false';
  const shapes = countDescendants(svg, isShape);
  return decorative || (shapes <= MAX_GLYPH_SHAPES && svg.querySelector('text, image, foreignObject') === null);
}

/** The larger of width and height as declared in attributes (or the viewBox), in px. */
function declaredSize(svg: Element): number | null {
  const px = (v: string | null): number | null => {
    if (!v) return null;
    // Trimmed first: `\s*([\d.]+)\s*(px)?\s*$` backtracked over a run of spaces after the number.
    const m = /^([\d.]+)(px)?$/.exec(v.trim());
    return m ? Number(m[1]) : null;
  };
  const w = px(svg.getAttribute('width'));
  const h = px(svg.getAttribute('height'));
  if (w !== null || h !== null) return Math.max(w ?? 0, h ?? 0);
  const styled = /(?:^|;)\s*(?:width|height)\s*:\s*([\d.]+)(em|rem|px)/i.exec(svg.getAttribute('style') ?? '');
  if (styled) return Number(styled[1]) * (styled[2]!.toLowerCase() === 'px' ? 1 : 16);
  const box = svg.getAttribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite)) return Math.max(box[2]!, box[3]!);
  return null;
}
