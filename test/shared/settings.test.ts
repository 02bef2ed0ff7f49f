import { describe, expect, it } from 'vitest';
import { ALIGNMENTS, DEFAULT_SETTINGS, FONT_FAMILIES, LIMITS, nextTheme, SETTING_CHOICES, stepSetting, THEMES, validateSettings, type Theme } from '../../src/shared/settings';

describe('validateSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    for (const stored of [undefined, null, 42, 'serif', [], () => 1]) expect(validateSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field', () => {
    const good = { font: 'mono', fontSize: 24, lineHeight: 1.8, width: 80, letterSpacing: 0.05, align: 'justify', theme: 'sepia' };
    expect(validateSettings(good)).toEqual(good);
  });

  it('replaces only the bad fields, each with its own default', () => {
    const s = validateSettings({ font: 'comic-sans', fontSize: 24, lineHeight: 'tall', width: 1000, letterSpacing: Number.NaN, align: 'justify', theme: 'neon' });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24, align: 'justify' });
  });

  it('rejects numbers outside the limits and non-numbers that look like numbers', () => {
    expect(validateSettings({ fontSize: LIMITS.fontSize.max + 1 }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(validateSettings({ fontSize: LIMITS.fontSize.min - 1 }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(validateSettings({ fontSize: '24' }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(validateSettings({ width: Infinity }).width).toBe(DEFAULT_SETTINGS.width);
  });

  it('ignores unknown keys and prototype tricks', () => {
    const s = validateSettings(JSON.parse('{"__proto__": {"font": "mono"}, "extra": 1}'));
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});

describe('stepSetting and nextTheme', () => {
  it('steps within limits and clamps at the ends', () => {
    expect(stepSetting(DEFAULT_SETTINGS, 'fontSize', 1).fontSize).toBe(DEFAULT_SETTINGS.fontSize + 1);
    const top = { ...DEFAULT_SETTINGS, fontSize: LIMITS.fontSize.max };
    expect(stepSetting(top, 'fontSize', 1).fontSize).toBe(LIMITS.fontSize.max);
    expect(stepSetting({ ...DEFAULT_SETTINGS, lineHeight: 1.1 }, 'lineHeight', -1).lineHeight).toBe(1.1);
  });

  it('walks every theme and wraps around', () => {
    let theme: Theme = THEMES[0];
    const seen = new Set<string>();
    for (let i = 0; i < THEMES.length; i++) {
      seen.add(theme);
      theme = nextTheme(theme);
    }
    expect(seen.size).toBe(THEMES.length);
    expect(theme).toBe(THEMES[0]);
  });
});

describe('SETTING_CHOICES', () => {
  it('offers every valid value of each choice setting, once', () => {
    expect(SETTING_CHOICES.font.map(([v]) => v)).toEqual([...FONT_FAMILIES]);
    expect(SETTING_CHOICES.align.map(([v]) => v)).toEqual([...ALIGNMENTS]);
    expect(SETTING_CHOICES.theme.map(([v]) => v)).toEqual([...THEMES]);
  });
});
