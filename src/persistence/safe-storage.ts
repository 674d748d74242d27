/**
 * localStorage access that never throws into the app. Unreadable data is kept aside under a
 * separate key (never overwritten) and reported through `onUnreadable`.
 */
export interface Envelope<T> {
  readonly version: number;
  readonly state: T;
}

export const asideKey = (key: string, when = new Date()) => `${key}.unreadable.${when.toISOString()}`;

export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // e.g. blocked by browser settings
  }
}

/**
 * Read and parse `key`. When it cannot be parsed, copy it aside and report where; when even the
 * copy fails (storage full), report `kept`: the original is still under `key`, and the caller must
 * not write there until it has been moved or the trainee has let it go.
 */
export function readEnvelope<T>(
  key: string,
  parse: (data: unknown, version: number) => T,
  onUnreadable: (aside: string | undefined, error: unknown, kept: boolean) => void,
): T | undefined {
  const ls = localStore();
  let raw: string | null = null;
  try {
    raw = ls?.getItem(key) ?? null;
    if (raw === null) return undefined;
    const envelope = JSON.parse(raw) as Partial<Envelope<unknown>>;
    if (typeof envelope !== 'object' || envelope === null || typeof envelope.version !== 'number')
      throw new Error('stored progress has no version');
    return parse(envelope.state, envelope.version);
  } catch (error) {
    let aside: string | undefined;
    let kept = false;
    if (raw !== null && ls) {
      aside = asideKey(key);
      try {
        ls.setItem(aside, raw);
        ls.removeItem(key);
      } catch {
        // Could not copy (no room): leave the original where it is, and say it must not be overwritten.
        aside = undefined;
        kept = true;
      }
    }
    onUnreadable(aside, error, kept);
    return undefined;
  }
}

/** Returns an error message when the write failed (quota, private mode), else undefined. */
export function writeEnvelope<T>(key: string, envelope: Envelope<T>): string | undefined {
  try {
    const ls = localStore();
    if (!ls) return 'browser storage is not available';
    ls.setItem(key, JSON.stringify(envelope));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
