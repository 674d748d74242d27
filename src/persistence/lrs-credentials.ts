/**
 * The Cohort page's LRS connection (endpoint, key, secret). Kept in sessionStorage (gone when the
 * tab closes) unless the instructor ticks "remember on this device", then in localStorage. Only
 * one copy exists at a time: saving to one store removes the other.
 */
export interface LrsCredentials {
  readonly endpoint: string;
  readonly key: string;
  readonly secret: string;
}

const KEY = 'catalyst.cohort.lrs';

const store = (kind: 'session' | 'local'): Storage | undefined => {
  try {
    return kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
  } catch {
    return undefined; // blocked by browser settings
  }
};

const parse = (raw: string | null | undefined): LrsCredentials | undefined => {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<LrsCredentials>;
    return typeof v.endpoint === 'string' && typeof v.key === 'string' && typeof v.secret === 'string'
      ? { endpoint: v.endpoint, key: v.key, secret: v.secret }
      : undefined;
  } catch {
    return undefined;
  }
};

export function loadLrsCredentials(): { credentials: LrsCredentials; remembered: boolean } | undefined {
  const session = parse(store('session')?.getItem(KEY));
  if (session) return { credentials: session, remembered: false };
  const local = parse(store('local')?.getItem(KEY));
  return local ? { credentials: local, remembered: true } : undefined;
}

/** Returns false when the browser refused to store them (the connection still works this once). */
export function saveLrsCredentials(credentials: LrsCredentials, remember: boolean): boolean {
  const to = store(remember ? 'local' : 'session');
  try {
    store(remember ? 'session' : 'local')?.removeItem(KEY);
    to?.setItem(KEY, JSON.stringify(credentials));
    return !!to;
  } catch {
    return false;
  }
}

export function forgetLrsCredentials(): void {
  for (const kind of ['session', 'local'] as const) {
    try {
      store(kind)?.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
  }
}
