// Reading Readwell's overlay, which lives in a CLOSED shadow root, through the DevTools protocol
// (the way a person inspecting it would), never by opening the root. The page itself only sees
// the host element; `host.shadowRoot` stays null.
import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

export interface OverlayView {
  /** The element that hosts the shadow root (a child of <html> or <body>). */
  hostName: string;
  shadowRootType: string;
  /** innerText of each data-testid element found in the root, keyed by testid. */
  text: Record<string, string>;
  /** Every data-testid present in the root. */
  testids: string[];
}

const sessions = new WeakMap<Page, CDPSession>();
async function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    await s.send('DOM.enable');
    await s.send('CSS.enable');
    sessions.set(page, s);
  }
  return s;
}

/** All shadow roots in the page's DOM (pierced), with the node that hosts each. */
function shadowRoots(node: CdpNode, out: { host: CdpNode; root: CdpNode & { shadowRootType?: string } }[] = []) {
  for (const r of node.shadowRoots ?? []) {
    out.push({ host: node, root: r });
    shadowRoots(r, out);
  }
  for (const c of node.children ?? []) shadowRoots(c, out);
  return out;
}

/**
 * The shadow root holding [data-testid=reader-dialog], or null when the overlay is not in the
 * page. Node ids die when the DOM changes under a query (the overlay opening or closing), so a
 * failed lookup is retried on a fresh document.
 */
async function findOverlay(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await findOverlayOnce(page);
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function findOverlayOnce(page: Page) {
  const s = await cdp(page);
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  for (const { host, root: sr } of shadowRoots(root)) {
    if (sr.shadowRootType === 'user-agent') continue;
    const { nodeId } = (await s.send('DOM.querySelector', { nodeId: sr.nodeId, selector: '[data-testid="reader-dialog"]' })) as { nodeId: number };
    if (nodeId) return { s, host, root: sr, dialog: nodeId };
  }
  return null;
}

async function call<T>(s: CDPSession, nodeId: number, fn: string): Promise<T> {
  const { object } = (await s.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
  try {
    const r = (await s.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: unknown;
    };
    if (r.exceptionDetails) throw new Error(`callFunctionOn failed: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  } finally {
    await s.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => {});
  }
}

/** What the overlay shows now, or null if there is no overlay. */
export async function readOverlay(page: Page): Promise<OverlayView | null> {
  const found = await findOverlay(page);
  if (!found) return null;
  const { s, host, root } = found;
  const { nodeIds } = (await s.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-testid]' })) as { nodeIds: number[] };
  const text: Record<string, string> = {};
  const testids: string[] = [];
  for (const id of nodeIds) {
    const [tid, inner] = await call<[string, string]>(s, id, 'function(){return [this.getAttribute("data-testid"), this.innerText ?? this.textContent ?? ""]}');
    testids.push(tid);
    if (!(tid in text)) text[tid] = inner;
  }
  return { hostName: (host.localName ?? host.nodeName).toLowerCase(), shadowRootType: root.shadowRootType ?? '', text, testids };
}

/** Waits until the overlay is present and its dialog has a non-empty rendered box. */
export async function waitForOverlay(page: Page, timeoutMs = 10_000): Promise<OverlayView> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const found = await findOverlay(page);
      if (found) {
        const box = await call<{ w: number; h: number }>(found.s, found.dialog, 'function(){const r=this.getBoundingClientRect();return {w:r.width,h:r.height}}');
        if (box.w > 0 && box.h > 0) {
          const v = await readOverlay(page);
          if (v && (v.text['reader-content'] ?? v.text['reader-message'] ?? '').trim()) return v;
        }
      }
    } catch (err) {
      last = err; // nodes can be replaced while the overlay renders; try again
    }
    if (Date.now() > deadline) throw new Error(`overlay did not appear within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function waitForNoOverlay(page: Page, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await findOverlay(page)) {
    if (Date.now() > deadline) throw new Error(`overlay still present after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Runs `use` on the first element matching `selector` inside the overlay's root. The reader's
 * dialog is taken out and shown again when the page opens top-layer content of its own
 * (src/content/top-layer.ts), which gives its nodes new ids: a lookup that lands on that moment
 * is made again, as a user's next click would land on the new nodes.
 */
async function withOverlayNode<T>(page: Page, selector: string, use: (s: CDPSession, nodeId: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const found = await findOverlay(page);
    if (!found) throw new Error('no overlay');
    const { nodeId } = (await found.s.send('DOM.querySelector', { nodeId: found.root.nodeId, selector })) as { nodeId: number };
    if (!nodeId) throw new Error(`no ${selector} in the overlay`);
    try {
      return await use(found.s, nodeId);
    } catch (err) {
      if (attempt >= 3 || !/Could not find node|No node with given id/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Computed style properties of the first element matching `selector` inside the overlay's root. */
export function overlayStyle(page: Page, selector: string, props: string[]): Promise<Record<string, string>> {
  return withOverlayNode(page, selector, async (s, nodeId) => {
    const { computedStyle } = (await s.send('CSS.getComputedStyleForNode', { nodeId })) as { computedStyle: { name: string; value: string }[] };
    const out: Record<string, string> = {};
    for (const p of props) out[p] = computedStyle.find((c) => c.name === p)?.value ?? '';
    return out;
  });
}

/**
 * The centre of an element inside the overlay, in page CSS pixels, so a test can click it with
 * the real mouse (trusted input, as the overlay acts only on trusted events).
 */
export function overlayPoint(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return withOverlayNode(page, selector, async (s, nodeId) => {
    await s.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = (await s.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
    const q = model.content;
    return { x: (q[0]! + q[4]!) / 2, y: (q[1]! + q[5]!) / 2 };
  });
}

/** Runs `fn` (a function source, `this` = the element) on an element inside the overlay's root. */
export function overlayCall<T>(page: Page, selector: string, fn: string): Promise<T> {
  return withOverlayNode(page, selector, (s, nodeId) => call<T>(s, nodeId, fn));
}

/** Moves focus to an element inside the overlay (CDP DOM.focus), so real keys can act on it. */
export function overlayFocus(page: Page, selector: string): Promise<void> {
  return withOverlayNode(page, selector, async (s, nodeId) => {
    await s.send('DOM.focus', { nodeId });
  });
}

/** The fonts Chromium really drew an element's text with (CSS.getPlatformFontsForNode), most glyphs first. */
export function overlayFonts(page: Page, selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
  return withOverlayNode(page, selector, async (s, nodeId) => {
    const { fonts } = (await s.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: { familyName: string; glyphCount: number }[] };
    return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount);
  });
}
