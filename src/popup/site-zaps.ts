// The popup's list of what the user removed by hand ("zapped") in reader view on the current
// site, to review and forget. Labels are the page's own words: set as text, never as markup.
// Hidden when the site has none (or the popup cannot know the tab's address).
import type { ZapStore } from '../platform/zap-store';
import type { Zap } from '../shared/zaps';
import { t } from '../shared/strings/t';

export interface SiteZapsDeps {
  /** The target tab's address; undefined where the popup may not read it. */
  url: string | undefined;
  zaps: ZapStore;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number> = {}, text?: string) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text) node.textContent = text;
  return node;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function mountSiteZaps(doc: Document, section: HTMLElement, deps: SiteZapsDeps): Promise<void> {
  section.hidden = true;
  const { url } = deps;
  if (!url) return;
  let zaps: Zap[];
  try {
    zaps = await deps.zaps.load(url);
  } catch {
    return; // nothing to review where storage cannot be read
  }
  if (!zaps.length) return;

  const heading = el(doc, 'h2', { id: 'popup-zaps-title' }, t('popup_zaps_title'));
  const hint = el(doc, 'p', { class: 'hint' }, t('popup_zaps_hint'));
  const list = el(doc, 'ul');
  const status = el(doc, 'p', { class: 'zaps-status', role: 'status', 'data-testid': 'popup-zaps-status' });
  const forgetAll = el(doc, 'button', { type: 'button', 'data-testid': 'popup-zaps-forget-all' }, t('popup_zaps_forget_all'));
  section.setAttribute('aria-labelledby', 'popup-zaps-title');

  const emptied = () => {
    section.hidden = true;
    const message = doc.querySelector<HTMLElement>('[data-testid="popup-message"]');
    if (message) message.textContent = t('popup_zaps_forgotten_all');
  };
  /** Runs a change to storage; on failure says why in the status line and answers false. */
  const change = async (button: HTMLButtonElement, run: () => Promise<void>): Promise<boolean> => {
    status.textContent = '';
    button.disabled = true;
    try {
      await run();
      return true;
    } catch (e) {
      status.textContent = t('popup_zaps_failed', reason(e));
      return false;
    } finally {
      button.disabled = false;
    }
  };

  const item = (zap: Zap) => {
    const li = el(doc, 'li', { 'data-testid': 'popup-zap' });
    const label = el(doc, 'span', { class: 'zap-label' }, zap.label);
    const forget = el(doc, 'button', { type: 'button', class: 'link', 'data-testid': 'popup-zap-forget', 'aria-label': t('popup_zaps_forget_label', zap.label) }, t('popup_zaps_forget'));
    forget.addEventListener('click', async () => {
      if (!(await change(forget, () => deps.zaps.forget(url, zap)))) return;
      // Focus would fall to the body with the button gone: the next Forget (or Forget all) takes it.
      const next = li.nextElementSibling ?? li.previousElementSibling;
      li.remove();
      zaps = zaps.filter((z) => z !== zap);
      if (!zaps.length) return emptied();
      (next?.querySelector('button') ?? forgetAll).focus();
    });
    li.append(label, ' ', forget);
    return li;
  };

  forgetAll.addEventListener('click', async () => {
    if (!(await change(forgetAll, () => deps.zaps.forgetSite(url)))) return;
    list.replaceChildren();
    zaps = [];
    emptied();
  });

  // The newest first: the block just zapped by mistake is the one most likely looked for.
  list.append(...[...zaps].reverse().map(item));
  section.replaceChildren(heading, hint, list, status, forgetAll);
  section.hidden = false;
}
