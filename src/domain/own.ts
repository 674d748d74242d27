/**
 * Own-property lookups for records keyed by author-chosen ids. A plain `record[id]` finds
 * Object.prototype's members for ids such as "constructor" or "toString", which are legal node and
 * meter ids; these helpers only ever see what the scenario itself defines.
 */

/** The value stored under `key` in `record` itself (never an inherited member), else undefined. */
export const own = <V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/** A copy of `record` without a prototype, so a stray `record[id]` cannot reach Object.prototype. */
export function nullProto<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  // defineProperty, not assignment: an own "__proto__" key must stay a key.
  for (const [k, v] of Object.entries(record))
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
