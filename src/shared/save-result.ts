// The words a person sees when saving fails, in one place so the background's save handlers and
// the article store say the same thing.

export const SAVE_MESSAGES = {
  quota: 'Storage is full: nothing was changed. Delete some saved articles or export and clear the library.',
  restricted: 'Readwell cannot save this page: the browser does not let extensions read it.',
  noTab: 'Only a page open in a tab can be saved.',
  failed: 'The article could not be saved.',
} as const;
