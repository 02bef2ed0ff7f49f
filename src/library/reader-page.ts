// Placeholder: the offline reader arrives with the library issue.
export {};
