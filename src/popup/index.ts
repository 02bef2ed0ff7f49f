// Placeholder: the popup arrives with the extension issue.
export {};
