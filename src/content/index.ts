// Placeholder: the reader overlay arrives with the extension issue.
export {};
