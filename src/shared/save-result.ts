// The words a person sees after saving, in one place so the popup, the reader overlay, the
// context menu and the library say the same thing.

export const SAVE_MESSAGES = {
  saved: 'Saved',
  updated: 'Updated the saved copy',
  quota: 'Storage is full: nothing was changed. Delete some saved articles or export and clear the library.',
  restricted: 'Readwell cannot save this page: the browser does not let extensions read it.',
  noTab: 'Only a page open in a tab can be saved.',
  failed: 'The article could not be saved.',
} as const;

/** "Saved" or "Updated the saved copy", for a successful save-tab / save-draft reply. */
export function describeSave(result: { updated: boolean }): string {
  return result.updated ? SAVE_MESSAGES.updated : SAVE_MESSAGES.saved;
}
