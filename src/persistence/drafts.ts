import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DraftDoc } from '../domain/edit/doc';
import { pendingDoc } from './draft-pending';
import { invalidateResources, SCENARIO_RESOURCES } from './resource';

/**
 * Drafts repository: IndexedDB database 'catalyst', store 'drafts' keyed by id. Every save says
 * which revision it builds on; if another tab saved in between, the save is refused with a
 * ConflictError instead of silently overwriting. Tabs hear each other's saves on the
 * 'catalyst-drafts' BroadcastChannel. No zod or yaml here: this module is in the main bundle.
 */
export interface DraftRecord {
  readonly id: string;
  readonly doc: DraftDoc;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** 1 after the first save; each save adds one. */
  readonly revision: number;
  /** Count of all problems (errors and warnings) and of errors alone, when last saved. */
  readonly problems: number;
  readonly errors: number;
  readonly valid: boolean;
  readonly title: string;
}

export type DraftMessage =
  | { readonly type: 'saved'; readonly id: string; readonly revision: number; readonly tabId: string }
  | { readonly type: 'deleted'; readonly id: string; readonly tabId: string };

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly draftId: string,
    /** 'changed': another tab saved a newer revision; 'deleted': the draft was deleted elsewhere. */
    readonly reason: 'changed' | 'deleted',
    readonly theirRevision: number,
  ) {
    super(reason === 'deleted' ? 'This draft was deleted in another tab or window.' : 'This draft was changed in another tab or window.');
  }
}

/** Refuse a save whose base revision is not the stored one. Pure, for tests. */
export function checkRevision(id: string, stored: { revision: number } | undefined, expectedRevision: number): ConflictError | undefined {
  if (!stored) return expectedRevision === 0 ? undefined : new ConflictError(id, 'deleted', 0);
  return stored.revision === expectedRevision ? undefined : new ConflictError(id, 'changed', stored.revision);
}

/** Plain words for a failed storage operation, with what to do next. */
export function storageErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(text))
    return 'This browser has no storage space left for Catalyst, so the latest changes are not saved. Export the draft to keep a copy, then free some space.';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError' || /indexeddb|not allowed|private/i.test(text))
    return 'This browser is not letting Catalyst store drafts (private browsing or blocked site data), so changes are not saved. Export the draft to keep a copy.';
  return `The draft could not be saved (${text || name || 'unknown error'}). Export it to keep a copy.`;
}

interface CatalystDB extends DBSchema {
  drafts: { key: string; value: DraftRecord };
}

let dbPromise: Promise<IDBPDatabase<CatalystDB>> | undefined;

function db(): Promise<IDBPDatabase<CatalystDB>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new DOMException('IndexedDB is not available', 'InvalidStateError'));
  dbPromise ??= openDB<CatalystDB>('catalyst', 1, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('drafts')) database.createObjectStore('drafts', { keyPath: 'id' });
    },
    blocking() {
      // A newer version is opening in another tab: let it, and reopen on next use.
      void dbPromise?.then((d) => d.close());
      dbPromise = undefined;
    },
    terminated() {
      dbPromise = undefined;
    },
  }).catch((error: unknown) => {
    dbPromise = undefined;
    throw error;
  });
  return dbPromise;
}

export const TAB_ID: string = randomId();

function randomId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c && typeof c.randomUUID === 'function') return c.randomUUID().slice(0, 8);
  return Math.random().toString(16).slice(2, 10).padEnd(8, '0');
}

/** A new draft id, e.g. "draft-1f3a9c2e" (kebab-case, never a bundled scenario's id). */
export const newDraftId = (): string => `draft-${randomId()}`;

let channel: BroadcastChannel | undefined;
function bus(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel('catalyst-drafts');
  return channel;
}

function post(message: DraftMessage): void {
  invalidateResources(SCENARIO_RESOURCES); // pages read scenarios through the cache: drop stale drafts
  try {
    bus()?.postMessage(message);
  } catch {
    // a closed channel is not worth failing a save for
  }
}

/** Hear other tabs' saves and deletes. Returns an unsubscribe function. */
export function onDraftMessage(listener: (message: DraftMessage) => void): () => void {
  // A channel never receives its own messages, so each subscriber gets its own.
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const own = new BroadcastChannel('catalyst-drafts');
  own.onmessage = (e: MessageEvent<DraftMessage>) => {
    if (e.data && e.data.tabId !== TAB_ID) listener(e.data);
  };
  return () => own.close();
}

/** Every draft, most recently saved first. */
export async function listDrafts(): Promise<DraftRecord[]> {
  const all = await (await db()).getAll('drafts');
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * One draft. If this tab was closed or reloaded before its last edits reached IndexedDB, those
 * edits (kept in sessionStorage) are returned in `doc` and `unsaved` is true; the autosave stores them.
 */
export async function getDraft(id: string): Promise<(DraftRecord & { readonly unsaved?: boolean }) | undefined> {
  const record = await (await db()).get('drafts', id);
  if (!record) return undefined;
  const pending = pendingDoc(id, record.revision);
  return pending ? { ...record, doc: pending, unsaved: true } : record;
}

/** The stored draft exactly as in IndexedDB (ignoring this tab's unsaved copy). */
export async function getStoredDraft(id: string): Promise<DraftRecord | undefined> {
  return (await db()).get('drafts', id);
}

/**
 * Save a draft on top of `expectedRevision` (0 for a new draft). Resolves with the stored record
 * (revision + 1, updatedAt now); rejects with ConflictError when the stored revision moved on.
 */
export async function saveDraft(record: DraftRecord, expectedRevision: number): Promise<DraftRecord> {
  const tx = (await db()).transaction('drafts', 'readwrite');
  const stored = await tx.store.get(record.id);
  const conflict = checkRevision(record.id, stored, expectedRevision);
  if (conflict) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw conflict;
  }
  const now = Date.now();
  const next: DraftRecord = { ...record, createdAt: stored?.createdAt ?? record.createdAt ?? now, updatedAt: now, revision: expectedRevision + 1 };
  await tx.store.put(next);
  await tx.done;
  post({ type: 'saved', id: next.id, revision: next.revision, tabId: TAB_ID });
  return next;
}

/** Delete a draft; resolves with what was deleted so it can be restored (undo). */
export async function deleteDraft(id: string): Promise<DraftRecord | undefined> {
  const tx = (await db()).transaction('drafts', 'readwrite');
  const stored = await tx.store.get(id);
  await tx.store.delete(id);
  await tx.done;
  post({ type: 'deleted', id, tabId: TAB_ID });
  return stored;
}

/** Put a deleted draft back exactly as it was (undo delete). */
export async function restoreDraft(record: DraftRecord): Promise<void> {
  await (await db()).put('drafts', record);
  post({ type: 'saved', id: record.id, revision: record.revision, tabId: TAB_ID });
}

/**
 * Ask the browser to keep Catalyst's storage under pressure (navigator.storage.persist).
 * Resolves true when storage is persistent, false when refused, undefined when unsupported.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) return undefined;
  try {
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    return undefined;
  }
}

export { saveHistory, loadHistory, clearHistory, historyKey } from './draft-history';
export { stashPending, clearPending, pendingDoc } from './draft-pending';
