import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { pendingDoc } from './draft-pending';
import { DRAFT_RECORD_VERSION, DamagedDraftError, readDraftRecord, type DraftRecord } from './draft-record';
import { invalidateResources, SCENARIO_RESOURCES } from './resource';

/**
 * Drafts repository: IndexedDB database 'catalyst', store 'drafts' keyed by id. Every save says
 * which revision it builds on; if another tab saved in between, the save is refused with a
 * ConflictError instead of silently overwriting. Tabs hear each other's saves on the
 * 'catalyst-drafts' BroadcastChannel. Records are validated and migrated where they are read
 * (draft-record.ts). No zod or yaml here: this module is in the main bundle.
 */
export type { DraftRecord } from './draft-record';
export { DRAFT_RECORD_VERSION, DamagedDraftError } from './draft-record';

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
    return 'This browser has no storage space left for Catalyst, so the latest changes are not saved. Export the draft to keep a copy, then free some space: delete drafts you no longer need in the Studio list, or download and erase your practice history on the Progress page (Your data). Other sites on this address share the same space.';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError' || /indexeddb|not allowed|private/i.test(text))
    return 'This browser is not letting Catalyst store drafts (private browsing or blocked site data), so changes are not saved. Export the draft to keep a copy.';
  return `The draft could not be saved (${text || name || 'unknown error'}). Export it to keep a copy.`;
}

/** What IndexedDB holds is unchecked until readDraftRecord has validated (and migrated) it. */
type StoredValue = Readonly<Record<string, unknown>> & { readonly id: string };

interface CatalystDB extends DBSchema {
  drafts: { key: string; value: StoredValue };
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

/** A stored draft that could not be read: its id and the field at fault. It stays in storage unchanged. */
export interface DamagedDraft {
  readonly id: string;
  readonly reason: string;
}

/** Every readable draft, most recently saved first, and the stored drafts that could not be read. */
export async function readAllDrafts(): Promise<{ records: DraftRecord[]; damaged: DamagedDraft[] }> {
  const records: DraftRecord[] = [];
  const damaged: DamagedDraft[] = [];
  for (const raw of await (await db()).getAll('drafts')) {
    const read = readDraftRecord(raw);
    if (read.ok) records.push(read.record);
    else damaged.push({ id: read.id, reason: read.reason });
  }
  return { records: records.sort((a, b) => b.updatedAt - a.updatedAt), damaged };
}

/** Every readable draft, most recently saved first. */
export async function listDrafts(): Promise<DraftRecord[]> {
  return (await readAllDrafts()).records;
}

/**
 * One draft. If this tab was closed or reloaded before its last edits reached IndexedDB, those
 * edits (kept in sessionStorage) are returned in `doc` and `unsaved` is true; the autosave stores them.
 * Rejects with DamagedDraftError when the stored record cannot be read.
 */
export async function getDraft(id: string): Promise<(DraftRecord & { readonly unsaved?: boolean }) | undefined> {
  const record = await getStoredDraft(id);
  if (!record) return undefined;
  const pending = pendingDoc(id, record.revision, record.doc);
  return pending ? { ...record, doc: pending, unsaved: true } : record;
}

/** The stored draft exactly as in IndexedDB (ignoring this tab's unsaved copy), validated and migrated. */
export async function getStoredDraft(id: string): Promise<DraftRecord | undefined> {
  const raw = await (await db()).get('drafts', id);
  if (raw === undefined) return undefined;
  const read = readDraftRecord(raw);
  if (!read.ok) throw new DamagedDraftError(id, read.reason);
  return read.record;
}

const numberField = (raw: StoredValue | undefined, key: string): number | undefined => {
  const value = raw?.[key];
  return typeof value === 'number' ? value : undefined;
};

/**
 * Save a draft on top of `expectedRevision` (0 for a new draft). Resolves with the stored record
 * (revision + 1, updatedAt now); rejects with ConflictError when the stored revision moved on.
 */
export async function saveDraft(record: DraftRecord, expectedRevision: number): Promise<DraftRecord> {
  const tx = (await db()).transaction('drafts', 'readwrite');
  const stored = await tx.store.get(record.id);
  const conflict = checkRevision(record.id, stored ? { revision: numberField(stored, 'revision') ?? 0 } : undefined, expectedRevision);
  if (conflict) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw conflict;
  }
  const now = Date.now();
  const next: DraftRecord = {
    ...record,
    v: DRAFT_RECORD_VERSION,
    createdAt: numberField(stored, 'createdAt') ?? record.createdAt,
    updatedAt: now,
    revision: expectedRevision + 1,
  };
  await tx.store.put(next);
  await tx.done;
  post({ type: 'saved', id: next.id, revision: next.revision, tabId: TAB_ID });
  return next;
}

/**
 * Delete a draft; resolves with what was deleted so it can be restored (undo). A record that
 * cannot be read is not deleted (DamagedDraftError): it could not be restored.
 */
export async function deleteDraft(id: string): Promise<DraftRecord | undefined> {
  const tx = (await db()).transaction('drafts', 'readwrite');
  const stored = await tx.store.get(id);
  const read = stored === undefined ? undefined : readDraftRecord(stored);
  if (read && !read.ok) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DamagedDraftError(id, read.reason);
  }
  await tx.store.delete(id);
  await tx.done;
  post({ type: 'deleted', id, tabId: TAB_ID });
  return read?.record;
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

export { saveHistory, saveHistorySoon, flushHistory, loadHistory, clearHistory, historyKey } from './draft-history';
export { stashPending, stashClosing, clearPending, pendingDoc, hasPending } from './draft-pending';
