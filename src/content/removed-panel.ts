// "What was removed, and getting it back": the status line's "N removed" button opens a panel
// listing what the clean rules took out of this page, grouped by rule in words, with counts.
// Each removed block with text can be shown again, or a whole group at once; the controller
// then reads the page again with those left in place, so they come back exactly where the
// page has them. Blocks without text (icons) are counted, and come back with their group.
import type { Removal } from '../core/index';
import { t, tn, type PlainKey } from '../shared/strings/t';
import { clipText, h, trusted } from './dom';

const RULE_LABELS = {
  zapped: 'removed_rule_zapped',
  consent: 'removed_rule_consent',
  'browser-notices': 'removed_rule_browser_notices',
  hidden: 'removed_rule_hidden',
  'visually-hidden': 'removed_rule_visually_hidden',
  'svg-icons': 'removed_rule_svg_icons',
  'icon-fonts': 'removed_rule_icon_fonts',
  newsletter: 'removed_rule_newsletter',
  'page-chrome': 'removed_rule_page_chrome',
  'social-links': 'removed_rule_social_links',
  'tag-lists': 'removed_rule_tag_lists',
  'related-links': 'removed_rule_related_links',
  comments: 'removed_rule_comments',
  'author-boxes': 'removed_rule_author_boxes',
  'article-meta': 'removed_rule_article_meta',
  credits: 'removed_rule_credits',
  'calls-to-action': 'removed_rule_calls_to_action',
  'lazy-images': 'removed_rule_lazy_images',
  'empty-leftovers': 'removed_rule_empty_leftovers',
  'trailing-teasers': 'removed_rule_trailing_teasers',
  'trailing-headings': 'removed_rule_trailing_headings',
} satisfies Record<string, PlainKey>;

/** A rule's name in the reader's words (the rule's own name where there are none yet). */
export function ruleLabel(rule: string): string {
  const key = (RULE_LABELS as Record<string, PlainKey>)[rule];
  return key ? t(key) : rule;
}

/** Listed one by one per group; the rest are counted. */
const LISTED = 30;
const SHOWN_CHARS = 120;

export interface RemovedPanel {
  element: HTMLElement;
  /** The status line's "N removed" button. */
  button: HTMLButtonElement;
  isOpen(): boolean;
  toggle(): void;
}

/** Removals by rule, in the order the rules first removed something. */
export function groupRemovals(removals: readonly Removal[]): { rule: string; items: Removal[] }[] {
  const groups = new Map<string, Removal[]>();
  for (const r of removals) groups.set(r.rule, [...(groups.get(r.rule) ?? []), r]);
  return [...groups].map(([rule, items]) => ({ rule, items }));
}

/** `openGroups`: open the panel with these rules' groups expanded (after "Show again"); closed when absent. */
export function buildRemovedPanel(doc: Document, removals: readonly Removal[], restore: (which: Removal[]) => void, openGroups?: readonly string[]): RemovedPanel {
  const open = openGroups !== undefined;
  const action = (text: string, testid: string, which: Removal[]) => {
    const b = h(doc, 'button', { type: 'button', class: 'removed-show', 'data-testid': testid }, [text]);
    b.addEventListener('click', trusted(() => restore(which)));
    return b;
  };
  // Built on first open: a closed panel holds none of the removed text (which is page clutter,
  // sprite titles included) and a page with hundreds of removals pays nothing until asked.
  const buildGroups = () => groupRemovals(removals).map(({ rule, items }) => {
    const withText = items.filter((r) => r.text);
    const listed = withText.slice(0, LISTED).map((r) =>
      h(doc, 'li', { 'data-testid': 'removed-item' }, [
        h(doc, 'span', { class: 'removed-text' }, [clipText(r.text, SHOWN_CHARS)]),
        action(t('removed_show'), 'removed-show', [r]),
      ]));
    const notes = [
      ...(withText.length > LISTED ? [tn('removed_more', withText.length - LISTED)] : []),
      ...(items.length > withText.length ? [tn('removed_no_text', items.length - withText.length)] : []),
    ].map((note) => h(doc, 'li', { class: 'removed-note' }, [note]));
    return h(doc, 'details', { class: 'removed-group', 'data-rule': rule, 'data-testid': 'removed-group', open: openGroups?.includes(rule) ?? false }, [
      h(doc, 'summary', {}, [h(doc, 'span', {}, [ruleLabel(rule)]), h(doc, 'span', { class: 'removed-count' }, [String(items.length)])]),
      h(doc, 'ul', {}, [...listed, ...notes]),
      action(t('removed_show_all'), 'removed-show-all', items),
    ]);
  });
  const close = h(doc, 'button', { type: 'button', class: 'removed-close', 'aria-label': t('removed_close'), title: t('removed_close'), 'data-testid': 'removed-close' }, ['×']);
  const element = h(doc, 'section', { class: 'removed', id: 'rw-removed', 'aria-labelledby': 'rw-removed-title', 'data-testid': 'removed-panel', hidden: !open }, [
    h(doc, 'div', { class: 'removed-head' }, [h(doc, 'h2', { id: 'rw-removed-title' }, [t('removed_title')]), close]),
  ]);
  let built = false;
  const fill = () => {
    if (built) return;
    built = true;
    element.append(...buildGroups());
  };
  if (open) fill();
  const button = h(doc, 'button', { type: 'button', class: 'removed-toggle', 'aria-expanded': String(open), 'aria-controls': 'rw-removed', 'data-testid': 'reader-removed-toggle' }, [tn('removed_button', removals.length)]);
  const setOpen = (next: boolean) => {
    if (next) fill();
    element.hidden = !next;
    button.setAttribute('aria-expanded', String(next));
    if (next) (element.querySelector('summary') as HTMLElement | null)?.focus();
    else button.focus();
  };
  button.addEventListener('click', trusted(() => setOpen(element.hidden)));
  close.addEventListener('click', trusted(() => setOpen(false)));
  return { element, button, isOpen: () => !element.hidden, toggle: () => setOpen(element.hidden) };
}
