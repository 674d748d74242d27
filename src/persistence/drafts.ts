import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { pendingDoc } from './draft-pending';
import { DRAFT_RECORD_VERSION, DamagedDraftError, readDraftRecord, type DraftRecord } from './draft-record';
import { readDraftSummary, summarizeDraft, type DraftSummary } from './draft-summary';
import { DRAFT_RESOURCES, invalidateResources, SCENARIO_RESOURCES } from './resource';

/**
 * Drafts repository: IndexedDB database 'catalyst', store 'drafts' keyed by id, and beside it
 * store 'summaries' (draft-summary.ts), written in the same transaction, which the studio list
 * reads instead of every whole draft. Every save says
 * which revision it builds on; if another tab saved in between, the save is refused with a
 * ConflictError instead of silently overwriting. Tabs hear each other's saves on the
 * 'catalyst-drafts' BroadcastChannel. Records are validated and migrated where they are read
 * (draft-record.ts). No zod or yaml here: this module is in the main bundle.
 */
export type { DraftRecord } from './draft-record';
export { DRAFT_RECORD_VERSION, DamagedDraftError } from './draft-record';
export type { DraftSummary } from './draft-summary';

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
  /** Unchecked until readDraftSummary has validated it; keyed by the draft's id. */
  summaries: { key: string; value: StoredValue };
}

/**
 * Database versions: 1 had 'drafts'; 2 adds 'summaries'. The upgrade only creates the store: the
 * first list after it finds every draft without a summary and builds them (listDraftSummaries),
 * the same path that repairs a single missing or unreadable summary later.
 */
export const DRAFTS_DB_VERSION = 2;

let dbPromise: Promise<IDBPDatabase<CatalystDB>> | undefined;

function db(): Promise<IDBPDatabase<CatalystDB>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new DOMException('IndexedDB is not available', 'InvalidStateError'));
  dbPromise ??= openDB<CatalystDB>('catalyst', DRAFTS_DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('drafts')) database.createObjectStore('drafts', { keyPath: 'id' });
      if (!database.objectStoreNames.contains('summaries')) database.createObjectStore('summaries', { keyPath: 'id' });
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

/** Pages read scenarios and drafts through the resource cache: drop what a draft change made stale. */
function invalidateDraftReads(): void {
  invalidateResources(SCENARIO_RESOURCES);
  invalidateResources(DRAFT_RESOURCES);
}

function post(message: DraftMessage): void {
  invalidateDraftReads();
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

// Another tab's save or delete makes cached reads stale here too (this tab's own are handled in
// post). Subscribed once, when this module first loads (the studio, or the library listing drafts).
onDraftMessage(invalidateDraftReads);

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

/**
 * What the studio list and the trainee library's drafts show: a summary per draft, most recently
 * saved first, and the stored drafts that could not be read. Reads the summaries and the drafts' keys only. A draft whose
 * summary is missing (drafts stored before summaries existed), unreadable or of another summary
 * version is read whole once and its summary rebuilt and stored; a draft that cannot be read is
 * listed as damaged, so no draft is ever left out of the list. Summaries whose draft is gone are
 * removed.
 */
export async function listDraftSummaries(): Promise<{ summaries: DraftSummary[]; damaged: DamagedDraft[] }> {
  const database = await db();
  const read = database.transaction(['drafts', 'summaries']);
  const [ids, stored] = await Promise.all([read.objectStore('drafts').getAllKeys(), read.objectStore('summaries').getAll()]);
  await read.done;
  const draftIds = new Set(ids);
  const summaries = new Map<string, DraftSummary>();
  const orphans: string[] = [];
  for (const raw of stored) {
    if (!draftIds.has(raw.id)) orphans.push(raw.id);
    const summary = readDraftSummary(raw);
    if (summary && draftIds.has(summary.id)) summaries.set(summary.id, summary);
  }
  const damaged: DamagedDraft[] = [];
  const missing = ids.filter((id) => !summaries.has(id));
  if (missing.length || orphans.length) {
    // One read-write transaction: a save in between cannot be overwritten by an older rebuild.
    const tx = database.transaction(['drafts', 'summaries'], 'readwrite');
    const draftStore = tx.objectStore('drafts');
    const summaryStore = tx.objectStore('summaries');
    const rebuilt = await Promise.all(missing.map((id) => draftStore.get(id)));
    const writes: Promise<unknown>[] = orphans.map((id) => summaryStore.delete(id));
    rebuilt.forEach((raw, i) => {
      const id = missing[i]!;
      if (raw === undefined) return; // deleted since the first read
      const record = readDraftRecord(raw);
      if (!record.ok) return void damaged.push({ id, reason: record.reason });
      const summary = summarizeDraft(record.record);
      summaries.set(id, summary);
      writes.push(summaryStore.put(summary));
    });
    await Promise.all(writes);
    await tx.done;
  }
  // Ties in time in id order, as the drafts store's own key order (readAllDrafts) has them.
  const order = (a: DraftSummary, b: DraftSummary) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { summaries: [...summaries.values()].sort(order), damaged };
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
  const tx = (await db()).transaction(['drafts', 'summaries'], 'readwrite');
  const drafts = tx.objectStore('drafts');
  const stored = await drafts.get(record.id);
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
  // Both writes in one transaction: the list never shows a summary of another revision.
  await Promise.all([drafts.put(next), tx.objectStore('summaries').put(summarizeDraft(next))]);
  await tx.done;
  post({ type: 'saved', id: next.id, revision: next.revision, tabId: TAB_ID });
  return next;
}

/**
 * Delete a draft; resolves with what was deleted so it can be restored (undo). A record that
 * cannot be read is not deleted (DamagedDraftError): it could not be restored.
 */
export async function deleteDraft(id: string): Promise<DraftRecord | undefined> {
  const tx = (await db()).transaction(['drafts', 'summaries'], 'readwrite');
  const stored = await tx.objectStore('drafts').get(id);
  const read = stored === undefined ? undefined : readDraftRecord(stored);
  if (read && !read.ok) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DamagedDraftError(id, read.reason);
  }
  await Promise.all([tx.objectStore('drafts').delete(id), tx.objectStore('summaries').delete(id)]);
  await tx.done;
  post({ type: 'deleted', id, tabId: TAB_ID });
  return read?.record;
}

/** Put a deleted draft back exactly as it was (undo delete). */
export async function restoreDraft(record: DraftRecord): Promise<void> {
  const tx = (await db()).transaction(['drafts', 'summaries'], 'readwrite');
  await Promise.all([tx.objectStore('drafts').put(record), tx.objectStore('summaries').put(summarizeDraft(record))]);
  await tx.done;
  post({ type: 'saved', id: record.id, revision: record.revision, tabId: TAB_ID });
}

/** Whether the browser has agreed to keep Catalyst's storage under pressure (undefined when it cannot say). */
export async function isStoragePersisted(): Promise<boolean | undefined> {
  try {
    return await (typeof navigator !== 'undefined' ? navigator.storage?.persisted?.() : undefined);
  } catch {
    return undefined;
  }
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
