// The reader's toolbar: typography, theme, and the copy / save / close actions. Every control
// changes a whole ReaderSettings value and hands it to `onChange`, which stores it; the overlay
// then restyles from storage.onChanged as well, so the popup and the toolbar stay in step.
import { LIMITS, SETTING_CHOICES, SETTING_LABELS, settingValueText, stepSetting, type ReaderSettings } from '../shared/settings';
import { t } from '../shared/strings/t';
import { h, trusted } from './dom';
import { icon } from './icons';

export interface ToolbarActions {
  change(next: ReaderSettings): void;
  copy(): void;
  save(): void;
  close(): void;
  /** Opens the list of reader keys. */
  keys(): void;
  /** Shows or hides the outline; without it (too few headings) there is no Contents button. */
  outline?: () => void;
  /** Shows or hides the read-aloud controls; without it (a message, not an article) there is no button. */
  readAloud?: () => void;
  /** Turns zap mode (remove blocks by hand) on or off; without it there is no button. */
  zap?: () => void;
}

export interface Toolbar {
  element: HTMLElement;
  /** Shows `s` in the controls (after a change from anywhere). */
  update(s: ReaderSettings): void;
  /** The Contents button, whose aria-expanded the outline keeps. */
  outlineButton?: HTMLButtonElement;
  /** The Read aloud button, whose aria-expanded the controls keep. */
  readAloudButton?: HTMLButtonElement;
  zapButton?: HTMLButtonElement;
}

type NumericKey = keyof typeof LIMITS;
const RANGES: [Exclude<NumericKey, 'fontSize'>, string][] = [
  ['lineHeight', 'setting-line-height'],
  ['width', 'setting-width'],
  ['letterSpacing', 'setting-letter-spacing'],
];

/** `minimal`: only the close button (the overlay shows a message, not an article). */
export function buildToolbar(doc: Document, initial: ReaderSettings, actions: ToolbarActions, minimal = false): Toolbar {
  let current = initial;
  const set = (patch: Partial<ReaderSettings>) => actions.change({ ...current, ...patch });

  const selects = Object.fromEntries(Object.entries(SETTING_CHOICES).map(([key, options]) => {
    const select = h(doc, 'select', { 'data-testid': `setting-${key}` }, options.map(([v, label]) => h(doc, 'option', { value: v }, [t(label)])));
    select.addEventListener('change', trusted(() => set({ [key]: select.value } as Partial<ReaderSettings>)));
    return [key, select];
  })) as Record<keyof typeof SETTING_CHOICES, HTMLSelectElement>;

  const sizeValue = h(doc, 'span', { 'data-testid': 'setting-font-size', 'aria-live': 'polite' });
  const sizeButton = (dir: 1 | -1, label: string, testid: string, text: string) => {
    const b = h(doc, 'button', { type: 'button', 'aria-label': label, 'data-testid': testid }, [text]);
    b.addEventListener('click', trusted(() => actions.change(stepSetting(current, 'fontSize', dir))));
    return b;
  };

  const ranges = RANGES.map(([key, testid]) => {
    const { min, max, step } = LIMITS[key];
    const input = h(doc, 'input', { type: 'range', min, max, step, 'data-testid': testid });
    const value = h(doc, 'output', { class: 'range-value', 'data-testid': `${testid}-value` });
    input.addEventListener('input', trusted(() => set({ [key]: Number(input.value) } as Partial<ReaderSettings>)));
    return { key, input, value, label: h(doc, 'label', {}, [t(SETTING_LABELS[key]), input, value]) };
  });

  const button = (text: string | SVGElement, testid: string, fn: () => void, label?: string, key?: string) => {
    const b = h(doc, 'button', { type: 'button', 'data-testid': testid, 'aria-label': label, 'aria-keyshortcuts': key, title: key && label && t('with_key', label, key) }, [text]);
    b.addEventListener('click', trusted(fn));
    return b;
  };

  const close = button(t('close'), 'reader-close', actions.close, t('close_reader'));
  if (minimal) {
    const bar = h(doc, 'div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('reader_toolbar_minimal'), 'data-testid': 'reader-toolbar' }, [h(doc, 'span', { class: 'spacer' }), close]);
    return { element: bar, update: () => {} };
  }
  // An icon, named by aria-label and title: the word would push the toolbar onto a second row.
  const outlineButton = actions.outline && button('☰', 'reader-outline-toggle', actions.outline, t('outline'), 'o');
  outlineButton?.setAttribute('aria-expanded', 'false');
  outlineButton?.setAttribute('aria-controls', 'rw-outline');
  const readAloudButton = actions.readAloud && button(icon(doc, 'speaker'), 'reader-read-aloud', actions.readAloud, t('read_aloud'), 'r');
  readAloudButton?.classList.add('icon-button');
  readAloudButton?.setAttribute('aria-expanded', 'false');
  readAloudButton?.setAttribute('aria-controls', 'rw-read-aloud');
  const zapButton = actions.zap && button(icon(doc, 'eraser'), 'reader-zap', actions.zap, t('zap'), 'x');
  zapButton?.classList.add('icon-button');
  zapButton?.setAttribute('aria-expanded', 'false');
  zapButton?.setAttribute('aria-controls', 'rw-zap');
  const element = h(doc, 'div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('reader_toolbar'), 'data-testid': 'reader-toolbar' }, [
    ...(outlineButton ? [outlineButton] : []),
    ...(readAloudButton ? [readAloudButton] : []),
    ...(zapButton ? [zapButton] : []),
    h(doc, 'label', {}, [t(SETTING_LABELS.font), selects.font]),
    h(doc, 'span', { class: 'group', role: 'group', 'aria-label': t(SETTING_LABELS.fontSize) }, [
      sizeButton(-1, t('setting_smaller'), 'setting-font-size-down', t('setting_smaller_short')), sizeValue,
      sizeButton(1, t('setting_larger'), 'setting-font-size-up', t('setting_larger_short')),
    ]),
    ...ranges.map((r) => r.label),
    h(doc, 'label', {}, [t(SETTING_LABELS.align), selects.align]),
    h(doc, 'label', {}, [t(SETTING_LABELS.theme), selects.theme]),
    h(doc, 'span', { class: 'spacer' }),
    button('?', 'reader-keys', actions.keys, t('keys'), '?'),
    button(t('reader_copy'), 'reader-copy', actions.copy, t('copy_article_text')),
    button(t('save'), 'reader-save', actions.save, t('save_to_library')),
    close,
  ]);

  const update = (s: ReaderSettings) => {
    current = s;
    selects.font.value = s.font;
    selects.align.value = s.align;
    selects.theme.value = s.theme;
    sizeValue.textContent = t('setting_size_value', s.fontSize);
    for (const r of ranges) {
      const text = settingValueText(r.key, s[r.key]);
      r.input.value = String(s[r.key]);
      r.input.setAttribute('aria-valuetext', text);
      r.value.textContent = text;
    }
  };
  update(initial);
  return { element, update, outlineButton, readAloudButton, zapButton };
}
