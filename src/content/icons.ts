// The reader's few pictograms as inline SVG, drawn in the text colour: emoji and the media
// symbols (🔊 ⏮ ⏸ ⏹ ⏭) are missing from many systems' fonts (Linux without an emoji font shows
// empty boxes), and a path draws the same everywhere. Decorative: the button's aria-label names it.
const SVG_NS = 'http://www.w3.org/2000/svg';

const ICONS = {
  speaker: { fill: 'M2 6h3l4-3.5v11L5 10H2z', stroke: 'M11 5.5q1.6 2.5 0 5M13 3.5q3.2 4.5 0 9' },
  play: { fill: 'M4.5 2.5l9 5.5-9 5.5z' },
  pause: { fill: 'M4 3h3v10H4zM9 3h3v10H9z' },
  stop: { fill: 'M3.5 3.5h9v9h-9z' },
  previous: { fill: 'M3 3h2v10H3zM13.5 3v10L6 8z' },
  next: { fill: 'M11 3h2v10h-2zM2.5 3v10L10 8z' },
  // An eraser: a tilted block over a baseline.
  eraser: { fill: 'M9.2 2.3l4.5 4.5-6 6H4.9L2.3 10.2z', stroke: 'M6.5 13.5h7.5' },
} as const;

export type IconName = keyof typeof ICONS;

export function icon(doc: Document, name: IconName): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  const def: { fill: string; stroke?: string } = ICONS[name];
  const fill = doc.createElementNS(SVG_NS, 'path');
  fill.setAttribute('d', def.fill);
  fill.setAttribute('fill', 'currentColor');
  svg.append(fill);
  if (def.stroke) {
    const stroke = doc.createElementNS(SVG_NS, 'path');
    stroke.setAttribute('d', def.stroke);
    stroke.setAttribute('fill', 'none');
    stroke.setAttribute('stroke', 'currentColor');
    stroke.setAttribute('stroke-width', '1.5');
    stroke.setAttribute('stroke-linecap', 'round');
    svg.append(stroke);
  }
  return svg;
}
