// The layout pass of the inert copy (useLayout): which elements it reports hidden, and that it
// never asks about anything inside a subtree already found hidden. jsdom has no layout, so the
// browser's answers are stubbed from data attributes: data-hide (checkVisibility false) and
// data-rect="left,top,width,height" (the element's box).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { makeInertCopy } from '../../src/core/inert-copy';

let asked: string[];
let dom: JSDOM;

function load(body: string, head = ''): Document {
  dom = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url: 'https://example.test/' });
  const proto = dom.window.Element.prototype as Element & { checkVisibility?: () => boolean };
  proto.checkVisibility = function (this: Element) {
    asked.push(this.id || this.localName);
    return !this.hasAttribute('data-hide');
  };
  proto.getBoundingClientRect = function (this: Element) {
    const [left = 0, top = 0, width = 100, height = 20] = (this.getAttribute('data-rect') ?? '0,0,100,20').split(',').map(Number);
    return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON() {} } as DOMRect;
  };
  return dom.window.document;
}

const ids = (set: ReadonlySet<Element>) => [...set].map((el) => el.id);

beforeEach(() => {
  asked = [];
});
afterEach(() => dom.window.close());

describe('the inert copy with useLayout', () => {
  it('keeps the page\'s JSON-LD, which the browser never draws: it is data (metadata, a forum\'s posts), not hidden text', () => {
    const doc = load('<script id="ld" type="application/ld+json" data-hide>{"@type":"DiscussionForumPosting"}</script><p id="p">Post</p>');
    const { doc: copy, layoutHidden } = makeInertCopy(doc, true);
    expect(ids(layoutHidden)).toEqual([]);
    expect(copy.querySelector('script[type="application/ld+json"]')?.textContent).toBe('{"@type":"DiscussionForumPosting"}');
  });

  it('reports the copy’s twin of each hidden root, in document order, and asks nothing inside it', () => {
    const doc = load('<div id="a" data-hide><p id="a1"><span id="a2">x</span></p></div><section id="b"><p id="c" data-hide>y<b id="c1">z</b></p><p id="d">w</p></section>');
    const { doc: copy, layoutHidden } = makeInertCopy(doc, true);
    expect(ids(layoutHidden)).toEqual(['a', 'c']);
    for (const el of layoutHidden) expect(el.ownerDocument).toBe(copy);
    expect(asked).toEqual(['a', 'b', 'c', 'd']);
  });

  it('asks only about elements inside the body', () => {
    const doc = load('<p id="p">text</p>', '<title id="t">T</title><style id="s"></style>');
    makeInertCopy(doc, true);
    expect(asked).toEqual(['p']);
  });

  it('finds boxes placed off the page, and keeps the content of a closed <details>', () => {
    const doc = load('<div id="off" data-rect="-5000,0,300,20">bait</div><details id="det"><summary id="sum">More</summary><p id="inside" data-hide>story</p></details><p id="on">story</p>');
    const { layoutHidden } = makeInertCopy(doc, true);
    expect(ids(layoutHidden)).toEqual(['off']);
  });

  it('asks about HTML inside an SVG <foreignObject>, never about the SVG parts', () => {
    const doc = load('<svg id="svg"><g id="g"><foreignObject id="fo"><div id="html-in-svg" data-hide>bait</div></foreignObject></g></svg>');
    const { layoutHidden } = makeInertCopy(doc, true);
    expect(ids(layoutHidden)).toEqual(['html-in-svg']);
    expect(asked).toEqual(['html-in-svg']);
  });

  it('asks nothing without useLayout', () => {
    const doc = load('<div id="a" data-hide>x</div>');
    expect(makeInertCopy(doc, false).layoutHidden.size).toBe(0);
    expect(asked).toEqual([]);
  });
});
