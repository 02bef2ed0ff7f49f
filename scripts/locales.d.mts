// Types for locales.mjs, so the TypeScript tests can import it.
type Entry = string | { message: string; description: string };
export type Messages = Record<string, { message: string; description?: string }>;
export function loadCatalogue(root: string): Promise<Record<string, Entry>>;
export function messagesJson(catalogue: Record<string, Entry>): Messages;
export function pluralBases(english: Messages): string[];
export function localeProblems(messages: Record<string, unknown>, english?: Messages | null): string[];
export function messagesOnly(catalogue: Record<string, Entry>, keep?: readonly string[] | null): { name: string; setup(build: unknown): void };
export function fillHtml(html: string, catalogue: Record<string, Entry>): string;
export function writeLocales(out: string, catalogue: Record<string, Entry>, localesDir: string): void;
