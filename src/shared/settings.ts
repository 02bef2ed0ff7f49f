// Reader typography and theme settings: the one definition of their defaults and limits, and the
// validator every reader of stored settings goes through. Storage is user-writable and survives
// versions, so each field is checked on its own and a bad field falls back to its default
// without taking the others with it.
import { uiLang, type PlainKey } from './strings/t';

export const FONT_FAMILIES = ['serif', 'sans', 'mono', 'legible'] as const;
export const THEMES = ['light', 'sepia', 'dark', 'system', 'contrast'] as const;
export const ALIGNMENTS = ['start', 'justify'] as const;

export type FontFamily = (typeof FONT_FAMILIES)[number];
export type Theme = (typeof THEMES)[number];
export type Alignment = (typeof ALIGNMENTS)[number];

export interface ReaderSettings {
  font: FontFamily;
  /** Body text size in CSS px. */
  fontSize: number;
  /** Unitless line height. */
  lineHeight: number;
  /** Measure of the text column in `ch`. */
  width: number;
  /** Letter spacing in `em`. */
  letterSpacing: number;
  align: Alignment;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Readonly<ReaderSettings> = Object.freeze({
  font: 'serif',
  fontSize: 20,
  lineHeight: 1.6,
  width: 68,
  letterSpacing: 0,
  align: 'start',
  theme: 'system',
});

/** Inclusive bounds and step for the numeric settings; the UI builds its sliders from these. */
export const LIMITS = {
  fontSize: { min: 12, max: 40, step: 1 },
  lineHeight: { min: 1.1, max: 2.4, step: 0.1 },
  width: { min: 40, max: 110, step: 2 },
  letterSpacing: { min: -0.05, max: 0.2, step: 0.01 },
} as const satisfies Record<string, { min: number; max: number; step: number }>;

type NumericKey = keyof typeof LIMITS;

/**
 * A slider's value as the toolbar and the popup show it beside the slider (and give it as
 * aria-valuetext): as many decimals as its step has (1.6, 68, 0.02), in the interface's digits.
 */
export function settingValueText(key: Exclude<NumericKey, 'fontSize'>, value: number): string {
  const decimals = (String(LIMITS[key].step).split('.')[1] ?? '').length;
  return new Intl.NumberFormat(uiLang(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** The choice settings as the reader's toolbar and the popup's form offer them: value and label (a catalogue key), in order. */
export const SETTING_CHOICES = {
  font: [['serif', 'font_serif'], ['sans', 'font_sans'], ['mono', 'font_mono'], ['legible', 'font_legible']],
  align: [['start', 'align_start'], ['justify', 'align_justify']],
  theme: [['light', 'theme_light'], ['sepia', 'theme_sepia'], ['dark', 'theme_dark'], ['system', 'theme_system'], ['contrast', 'theme_contrast']],
} as const satisfies { [K in 'font' | 'align' | 'theme']: readonly (readonly [ReaderSettings[K], PlainKey])[] };

/** Each setting's label, the same in the toolbar and the popup. */
export const SETTING_LABELS = {
  font: 'setting_font',
  fontSize: 'setting_size',
  lineHeight: 'setting_line_height',
  width: 'setting_width',
  letterSpacing: 'setting_letter_spacing',
  align: 'setting_align',
  theme: 'setting_theme',
} as const satisfies Record<keyof ReaderSettings, PlainKey>;

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function inRange(key: NumericKey, value: unknown): number {
  const { min, max } = LIMITS[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return DEFAULT_SETTINGS[key];
  return Math.round(value * 1000) / 1000;
}

/** Whatever was stored (possibly nothing, possibly garbage) → complete, valid settings. */
export function validateSettings(stored: unknown): ReaderSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return {
    font: oneOf(FONT_FAMILIES, s.font, DEFAULT_SETTINGS.font),
    fontSize: inRange('fontSize', s.fontSize),
    lineHeight: inRange('lineHeight', s.lineHeight),
    width: inRange('width', s.width),
    letterSpacing: inRange('letterSpacing', s.letterSpacing),
    align: oneOf(ALIGNMENTS, s.align, DEFAULT_SETTINGS.align),
    theme: oneOf(THEMES, s.theme, DEFAULT_SETTINGS.theme),
  };
}

/** One step up or down for a numeric setting, clamped to its limits. */
export function stepSetting(settings: ReaderSettings, key: NumericKey, direction: 1 | -1): ReaderSettings {
  const { min, max, step } = LIMITS[key];
  const next = Math.min(max, Math.max(min, settings[key] + direction * step));
  return { ...settings, [key]: Math.round(next * 1000) / 1000 };
}

/** The theme after `t` in the cycle the reader's `t` key walks. */
export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
}
