import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { buildHelp } from '../../src/content/help';
import { KEY_LIST } from '../../src/content/keys';
import { t } from '../../src/shared/strings/t';

function setup() {
  const doc = new JSDOM('<!doctype html><body><div id="reader" tabindex="-1"><div id="toolbar"></div><div id="article"></div></div></body>').window.document;
  const [reader, toolbar, article] = ['reader', 'toolbar', 'article'].map((id) => doc.getElementById(id)!) as [HTMLElement, HTMLElement, HTMLElement];
  const help = buildHelp(doc, [toolbar, article], reader);
  reader.append(help.element);
  return { doc, reader, toolbar, article, help };
}

describe('the key list', () => {
  it('is a labelled modal dialog listing every key with what it does, hidden until asked for', () => {
    const { doc, help } = setup();
    expect(help.isOpen()).toBe(false);
    expect(help.element.hidden).toBe(true);
    const box = help.element.querySelector('[role="dialog"]')!;
    expect(box.getAttribute('aria-modal')).toBe('true');
    expect(doc.getElementById(box.getAttribute('aria-labelledby')!)?.textContent).toBe('Keyboard shortcuts');
    const terms = [...box.querySelectorAll('dt')].map((dt) => [...dt.querySelectorAll('kbd')].map((k) => k.textContent));
    const descriptions = [...box.querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(terms).toEqual(KEY_LIST.map(([labels]) => labels));
    expect(descriptions).toEqual(KEY_LIST.map(([, what]) => t(what)));
    expect(descriptions[0]).toBe('Scroll down a screen');
  });

  it('opens over an inert reader with focus in it, and closes handing focus back', () => {
    const { doc, reader, toolbar, article, help } = setup();
    reader.focus();
    help.toggle();
    expect(help.isOpen()).toBe(true);
    expect(toolbar.hasAttribute('inert') && article.hasAttribute('inert')).toBe(true);
    expect(doc.activeElement).toBe(help.element.querySelector('[role="dialog"]'));
    help.toggle();
    expect(help.isOpen()).toBe(false);
    expect(toolbar.hasAttribute('inert') || article.hasAttribute('inert')).toBe(false);
    expect(doc.activeElement).toBe(reader);
  });

  it('hands focus back to the button that opened it', () => {
    const { doc, toolbar, help } = setup();
    const button = toolbar.appendChild(doc.createElement('button'));
    button.focus();
    help.toggle();
    help.toggle();
    expect(doc.activeElement).toBe(button);
  });
});
