// Placeholder: the library page arrives with the library issue.
export {};
