import { startTransition, use, useEffect, useState } from 'react';

/*
 * One keyed resource cache: key → promise. Pages read it with React 19's `use()` inside the
 * router's Suspense boundaries (src/app/router.tsx), so there is one loading state (the route's
 * fallback), one error path (a rejected load reaches the route's error boundary) and no
 * hand-written `let live = true` effects.
 *
 * - A key's promise is created once and kept, so every render (and React's retry after a suspend)
 *   sees the same promise. Settled promises carry React's `status`/`value` fields, so a cached
 *   value is read synchronously: revisiting a page shows no loading flash.
 * - `invalidateResources(prefix)` drops every entry whose key starts with the prefix. The drafts
 *   repository calls it when a draft is saved, deleted or restored (in this tab or another), so
 *   the next read loads afresh. Live readers (the scenario lists) re-read at once, in a
 *   transition: the old list stays on screen until the new one has arrived.
 * - A rejected load stays cached until invalidated or the page is reloaded: dropping it at once
 *   would make React's retry start the load again, forever. The error page offers Reload.
 */

/** Prefix of every scenario resource (a scenario by id, the list); a draft change invalidates it. */
export const SCENARIO_RESOURCES = 'scenario';
/** Prefix of every studio draft resource (the draft list, a draft opened for editing); a draft change invalidates it. */
export const DRAFT_RESOURCES = 'draft';

type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

const entries = new Map<string, Tracked<unknown>>();
const listeners = new Set<{ readonly key: string; readonly notify: () => void }>();

function track<T>(promise: Promise<T>): Tracked<T> {
  const tracked = promise as Tracked<T>;
  // `status` stays unset while pending: React instruments such a thenable itself.
  tracked.then(
    (value) => {
      tracked.status = 'fulfilled';
      tracked.value = value;
    },
    (reason: unknown) => {
      tracked.status = 'rejected';
      tracked.reason = reason;
    },
  );
  return tracked;
}

/** The cached promise for `key`, starting `load` the first time (or after invalidation). */
export function resource<T>(key: string, load: () => Promise<T>): Promise<T> {
  let entry = entries.get(key) as Tracked<T> | undefined;
  if (!entry) {
    // A loader that throws synchronously becomes a rejected load, like an async one.
    entry = track(Promise.resolve().then(load));
    entries.set(key, entry);
  }
  return entry;
}

/** Forget every entry whose key starts with `prefix`; live readers of those keys load again. */
export function invalidateResources(prefix: string): void {
  for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
  for (const l of [...listeners]) if (l.key.startsWith(prefix)) l.notify();
}

/** Tests start from an empty cache. */
export function clearResources(): void {
  entries.clear();
}

/**
 * Read a resource inside a Suspense boundary: suspends while loading, throws the load's error to
 * the nearest error boundary. The promise is held per component, so an invalidation does not swap
 * the data under a page mid-use (a run, a preview); with `live`, the component re-reads on
 * invalidation (in a transition, keeping the old data on screen until the new has arrived).
 */
export function useResource<T>(key: string, load: () => Promise<T>, { live = false }: { live?: boolean } = {}): T {
  const [held, setHeld] = useState(() => ({ key, promise: resource(key, load) }));
  useEffect(() => {
    if (!live) return undefined;
    const listener = { key, notify: () => startTransition(() => setHeld({ key, promise: resource(key, load) })) };
    listeners.add(listener);
    // An invalidation between this render and the subscription would otherwise be missed.
    if (!entries.has(key)) listener.notify();
    return () => void listeners.delete(listener);
  }, [key, live]); // eslint-disable-line react-hooks/exhaustive-deps -- `load` is identified by `key`
  return use(held.key === key ? held.promise : resource(key, load));
}
