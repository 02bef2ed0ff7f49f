// The reader settings as a form in the popup. Each change is stored at once; an open reader
// restyles from storage.onChanged, and this form follows changes made in the reader's toolbar.
import { LIMITS, SETTING_CHOICES, SETTING_LABELS, settingValueText, stepSetting, type ReaderSettings } from '../shared/settings';
import type { SettingsStore } from '../platform/settings-store';
import { t } from '../shared/strings/t';

const RANGES = [['lineHeight', 'setting-line-height'], ['width', 'setting-width'], ['letterSpacing', 'setting-letter-spacing']] as const;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number> = {}, text?: string) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text) node.textContent = text;
  return node;
}

const label = (doc: Document, text: string, control: HTMLElement) => {
  const l = el(doc, 'label', {}, text);
  l.append(control);
  return l;
};

export async function mountSettingsForm(form: HTMLElement, store: SettingsStore): Promise<void> {
  const doc = form.ownerDocument;
  let current = await store.load();
  const save = (next: ReaderSettings) => {
    current = next;
    show(next);
    void store.save(next);
  };

  const selects = Object.entries(SETTING_CHOICES).map(([key, options]) => {
    const select = el(doc, 'select', { 'data-testid': `setting-${key}` });
    for (const [value, text] of options) select.append(el(doc, 'option', { value }, t(text)));
    select.addEventListener('change', () => save({ ...current, [key]: select.value }));
    return { key: key as keyof typeof SETTING_CHOICES, select };
  });
  const sizeValue = el(doc, 'output', { 'data-testid': 'setting-font-size' });
  const sizeButton = (dir: 1 | -1, text: string, testid: string, aria: string) => {
    const b = el(doc, 'button', { type: 'button', 'data-testid': testid, 'aria-label': aria }, text);
    b.addEventListener('click', () => save(stepSetting(current, 'fontSize', dir)));
    return b;
  };
  const size = el(doc, 'span', { class: 'size' });
  size.append(sizeButton(-1, t('setting_smaller_short'), 'setting-font-size-down', t('setting_smaller')), sizeValue, sizeButton(1, t('setting_larger_short'), 'setting-font-size-up', t('setting_larger')));
  const ranges = RANGES.map(([key, testid]) => {
    const input = el(doc, 'input', { type: 'range', min: LIMITS[key].min, max: LIMITS[key].max, step: LIMITS[key].step, 'data-testid': testid });
    const value = el(doc, 'output', { class: 'range-value', 'data-testid': `${testid}-value` });
    input.addEventListener('input', () => save({ ...current, [key]: Number(input.value) }));
    const slider = el(doc, 'span', { class: 'range' });
    slider.append(input, value);
    return { key, input, value, slider };
  });

  form.append(
    label(doc, t(SETTING_LABELS.font), selects[0]!.select),
    label(doc, t(SETTING_LABELS.fontSize), size),
    ...ranges.map((r) => label(doc, t(SETTING_LABELS[r.key]), r.slider)),
    label(doc, t(SETTING_LABELS.align), selects[1]!.select),
    label(doc, t(SETTING_LABELS.theme), selects[2]!.select),
  );

  function show(s: ReaderSettings) {
    for (const { key, select } of selects) select.value = s[key];
    for (const { key, input, value } of ranges) {
      const text = settingValueText(key, s[key]);
      input.value = String(s[key]);
      input.setAttribute('aria-valuetext', text);
      value.textContent = text;
    }
    sizeValue.textContent = t('setting_size_value', s.fontSize);
  }
  show(current);
  store.subscribe((s) => {
    current = s;
    show(s);
  });
}
