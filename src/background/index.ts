// Placeholder: the background service worker arrives with the extension issue.
export {};
