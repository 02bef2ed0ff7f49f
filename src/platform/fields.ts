// Field checks for the message declarations in messages.ts. Each check is a type guard, so one
// declaration yields both the TypeScript type of a message and the runtime check it must pass:
// messages cross a trust boundary (a content script lives inside a web page), and a type alone
// proves nothing about what arrived.

/** A type guard for one field; `optional()` makes one that also accepts a missing field. */
export type Field<T> = (v: unknown) => v is T;
export type Shape = Record<string, Field<unknown>>;

type Checked<F> = F extends Field<infer T> ? T : never;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Checked<S[K]> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };

/** The object type a shape checks: fields whose check accepts undefined become optional keys. */
export type FieldsOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Checked<S[K]>, undefined> }
>;

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const bool: Field<boolean> = (v): v is boolean => typeof v === 'boolean';
export const tabId: Field<number> = (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
export const count: Field<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
export const text = (max: number): Field<string> => (v): v is string => typeof v === 'string' && v.length <= max;
export const textOrNull = (max: number): Field<string | null> => (v): v is string | null => v === null || text(max)(v);
export const oneOf = <T extends string>(...values: T[]): Field<T> => (v): v is T => (values as unknown[]).includes(v);
export const optional = <T>(check: Field<T>): Field<T | undefined> => (v): v is T | undefined => v === undefined || check(v);

/** Every field of `shape` passes its check; other keys are not looked at. */
export function hasFields<S extends Shape>(v: unknown, shape: S): v is FieldsOf<S> {
  return isObj(v) && Object.entries(shape).every(([key, check]) => check(v[key]));
}

/** As hasFields, and no keys besides the shape's and `also`: nothing unchecked rides along. */
export function hasOnlyFields<S extends Shape>(v: unknown, shape: S, also: string[] = []): v is FieldsOf<S> {
  return hasFields(v, shape) && Object.keys(v).every((k) => also.includes(k) || Object.hasOwn(shape, k));
}
