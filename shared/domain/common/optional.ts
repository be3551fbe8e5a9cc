/**
 * Optional properties under `exactOptionalPropertyTypes`: an absent key and a key holding `undefined`
 * differ. `definedOnly` builds an object literal whose undefined-valued keys are dropped, so
 * `definedOnly({ a: 1, b: maybe })` has type `{ a: number; b?: string }` and no `b` key when `maybe`
 * is undefined. Only `undefined` is dropped: '', 0, false and null are kept.
 */

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
type MaybeKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

type Flat<T> = { [K in keyof T]: T[K] };

/** `T` with every property that may be undefined made optional (and never undefined); unions distribute. */
export type DefinedOnly<T> = T extends unknown
  ? Flat<{ [K in RequiredKeys<T>]: T[K] } & { [K in MaybeKeys<T>]?: Exclude<T[K], undefined> }>
  : never;

export function definedOnly<T extends object>(obj: T): DefinedOnly<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) if (value !== undefined) out[key] = value;
  return out as DefinedOnly<T>;
}
