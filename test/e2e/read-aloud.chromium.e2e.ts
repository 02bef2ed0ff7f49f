// Read aloud (issue 12 item 3) in real headless Chromium with the shipped controls: `r` (a real
// key) opens them and starts reading, the 🔊 button (a real click) hides them, and what they say
// agrees with the voices this browser really has. Headless Chromium on Linux has none (it speaks
// through speech-dispatcher only with --enable-speech-dispatcher), so here the controls must say
// so plainly; with voices they must be reading the first paragraph. The queueing, marking and
// every control are tested against a fake synthesis in test/content/read-aloud.test.ts.
import { expect, test } from 'vitest';
import { screenshot } from './helpers/chromium.js';
import { overlayCall, readOverlay, waitForNoOverlay } from './helpers/overlay.js';
import { useChromium } from './helpers/use-chromium.js';
import { openOutlineArticle } from './suites/outline.js';

const chromium = useChromium('chrome-test', { forget: { local: ['positions'], sync: ['settings'] } });
const byTestId = (id: string) => `[data-testid="${id}"]`;

test('"r" opens the read-aloud controls and they tell the truth about this browser’s voices; the 🔊 button hides them; Esc closes the reader', async () => {
  const page = await openOutlineArticle(chromium);
  // The voices as the page's own window sees them, after Chrome's asynchronous load.
  const voices = await page.evaluate(() => new Promise<number>((resolve) => {
    if (speechSynthesis.getVoices().length) return resolve(speechSynthesis.getVoices().length);
    speechSynthesis.addEventListener('voiceschanged', () => resolve(speechSynthesis.getVoices().length));
    setTimeout(() => resolve(speechSynthesis.getVoices().length), 2000);
  }));
  const hidden = () => overlayCall<boolean>(page, byTestId('read-aloud'), 'function(){return this.hidden}');
  expect(await hidden()).toBe(true);
  await page.keyboard.press('r');
  await expect.poll(hidden).toBe(false);
  const status = () => readOverlay(page).then((v) => v?.text['read-aloud-status']);
  const play = (what: string) => overlayCall<string>(page, byTestId('read-aloud-play'), `function(){return ${what}}`);
  if (voices === 0) {
    await expect.poll(status, { timeout: 5000 }).toBe('This browser has no speech voices, so it cannot read aloud.');
    expect(await play('this.disabled')).toBe(true);
  } else {
    await expect.poll(status, { timeout: 5000 }).toMatch(/^Paragraph 1 of \d+$/);
    expect(await play('this.getAttribute("aria-label")')).toBe('Pause');
  }
  expect(await overlayCall<string>(page, byTestId('reader-read-aloud'), 'function(){return this.getAttribute("aria-expanded")}')).toBe('true');
  await screenshot(page, 'chrome-read-aloud');

  await chromium.overlay.click(page, byTestId('reader-read-aloud'));
  await expect.poll(hidden).toBe(true);
  await page.keyboard.press('Escape');
  await waitForNoOverlay(page);
});
