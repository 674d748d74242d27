import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Statement } from '@xapi/xapi';

/**
 * Never lose a record: every statement goes into IndexedDB before it is sent, and leaves only
 * when the LRS has accepted it. Statements are sent in the order they were stored (one POST of
 * the oldest up to BATCH), retried with exponential backoff, and flushed on `pagehide` with
 * `fetch(..., { keepalive: true })`. Each carries its own UUID, so a retry after a lost reply (or
 * a keepalive flush followed by a normal send) cannot make a duplicate: the LRS keeps one.
 */

export const RECORDS_DB = 'catalyst-records';
const BATCH = 20;
/** keepalive requests may carry at most 64 KiB in total (Fetch standard); stay below. */
const KEEPALIVE_BYTES = 60_000;
const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];

export interface OutboxEntry {
  readonly seq?: number;
  /** The LRS the statement is for (its endpoint, ending in `/`). */
  readonly endpoint: string;
  readonly statement: Statement;
}
interface RejectedEntry extends OutboxEntry {
  readonly status: number;
  readonly reason: string;
}

interface RecordsDB extends DBSchema {
  outbox: { key: number; value: OutboxEntry; indexes: { endpoint: string } };
  /** Statements the LRS refused as invalid (HTTP 400): kept, never silently dropped. */
  rejected: { key: number; value: RejectedEntry };
}

let dbPromise: Promise<IDBPDatabase<RecordsDB>> | undefined;
export function openRecordsDb(): Promise<IDBPDatabase<RecordsDB>> {
  dbPromise ??= openDB<RecordsDB>(RECORDS_DB, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('endpoint', 'endpoint');
      db.createObjectStore('rejected', { keyPath: 'seq', autoIncrement: true });
    },
  });
  return dbPromise;
}

export interface OutboxStatus {
  readonly waiting: number;
  readonly unreachable: boolean;
  readonly problem: string | undefined;
}

export interface OutboxOptions {
  readonly endpoint: string;
  /** The Authorization header value; read at each send (a cmi5 token may be renewed). */
  readonly auth: () => string;
  readonly onStatus: (status: OutboxStatus) => void;
  readonly fetch?: typeof fetch;
  readonly backoffMs?: readonly number[];
}

export class Outbox {
  /** In-memory mirror of this endpoint's stored entries, oldest first (pagehide cannot await IndexedDB). */
  private pending: Required<OutboxEntry>[] = [];
  private sending = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private problem: string | undefined;
  private readonly ready: Promise<void>;
  private idle: Array<() => void> = [];
  private readonly doFetch: typeof fetch;

  constructor(private readonly opts: OutboxOptions) {
    this.doFetch = opts.fetch ?? ((...args) => fetch(...args));
    this.ready = this.load();
  }

  private async load() {
    const db = await openRecordsDb();
    const stored = await db.getAllFromIndex('outbox', 'endpoint', this.opts.endpoint);
    this.pending = (stored as Required<OutboxEntry>[]).sort((a, b) => a.seq - b.seq);
    this.report(false);
    this.kick();
  }

  /** Store statements (one transaction, in order), then send. Resolves once they are stored. */
  async enqueue(statements: readonly Statement[]): Promise<void> {
    if (!statements.length) return;
    await this.ready;
    const db = await openRecordsDb();
    const tx = db.transaction('outbox', 'readwrite');
    const added = await Promise.all(
      statements.map(async (statement) => {
        const entry: OutboxEntry = { endpoint: this.opts.endpoint, statement };
        const seq = await tx.store.add(entry);
        return { ...entry, seq } as Required<OutboxEntry>;
      }),
    );
    await tx.done;
    this.pending.push(...added);
    this.report(this.failures > 0);
    this.kick();
  }

  get waiting(): number {
    return this.pending.length;
  }

  /** Resolves when the queue is empty (for leaving to the LMS and for tests). */
  drained(timeoutMs = 10_000): Promise<boolean> {
    if (!this.pending.length && !this.sending) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(t);
        resolve(true);
      });
    });
  }

  /** Send now (after `online`, or when the trainee leaves), skipping any backoff wait. */
  kick(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    void this.pump();
  }

  /**
   * The page is going away: hand what is waiting to the browser with keepalive, so it is sent
   * even after the tab closes. The entries stay stored; if this flush did arrive, the next
   * session's send repeats their ids and the LRS keeps one copy.
   */
  flushOnPagehide(): void {
    const batch: Statement[] = [];
    let bytes = 2;
    for (const entry of this.pending) {
      const size = JSON.stringify(entry.statement).length + 1;
      if (bytes + size > KEEPALIVE_BYTES) break;
      batch.push(entry.statement);
      bytes += size;
    }
    if (!batch.length) return;
    void this.post(batch, true).catch(() => undefined);
  }

  private post(statements: readonly Statement[], keepalive = false): Promise<Response> {
    return this.doFetch(`${this.opts.endpoint}statements`, {
      method: 'POST',
      headers: {
        Authorization: this.opts.auth(),
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      },
      body: JSON.stringify(statements),
      keepalive,
    });
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      await this.ready;
      while (this.pending.length) {
        const batch = this.pending.slice(0, BATCH);
        let response: Response;
        try {
          response = await this.post(batch.map((e) => e.statement));
        } catch {
          this.fail('The learning record store could not be reached.');
          return;
        }
        if (response.ok) {
          await this.remove(batch);
          this.failures = 0;
          this.problem = undefined;
          this.report(false);
          continue;
        }
        if (response.status === 400 && batch.length === 1) {
          // The LRS says this one statement is invalid: keep it aside (never dropped) and go on.
          await this.reject(batch[0]!, response.status, await response.text().catch(() => ''));
          continue;
        }
        if (response.status === 400) {
          // Find the invalid one by sending one at a time.
          try {
            await this.sendSingly(batch);
          } catch {
            this.fail('The learning record store could not be reached.');
            return;
          }
          continue;
        }
        this.fail(
          response.status === 401 || response.status === 403
            ? 'The learning record store refused the sign-in for these records.'
            : `The learning record store answered ${response.status}.`,
        );
        return;
      }
    } finally {
      this.sending = false;
      if (!this.pending.length) for (const done of this.idle.splice(0)) done();
    }
  }

  private async sendSingly(batch: readonly Required<OutboxEntry>[]) {
    for (const entry of batch) {
      const response = await this.post([entry.statement]);
      if (response.ok) await this.remove([entry]);
      else if (response.status === 400) await this.reject(entry, 400, await response.text().catch(() => ''));
      else throw new Error(`LRS answered ${response.status}`);
    }
  }

  private async remove(batch: readonly Required<OutboxEntry>[]) {
    const db = await openRecordsDb();
    const tx = db.transaction('outbox', 'readwrite');
    await Promise.all(batch.map((e) => tx.store.delete(e.seq)));
    await tx.done;
    const gone = new Set(batch.map((e) => e.seq));
    this.pending = this.pending.filter((e) => !gone.has(e.seq));
  }

  private async reject(entry: Required<OutboxEntry>, status: number, reason: string) {
    const db = await openRecordsDb();
    const tx = db.transaction(['outbox', 'rejected'], 'readwrite');
    await tx.objectStore('rejected').add({ endpoint: entry.endpoint, statement: entry.statement, status, reason: reason.slice(0, 2_000) });
    await tx.objectStore('outbox').delete(entry.seq);
    await tx.done;
    this.pending = this.pending.filter((e) => e.seq !== entry.seq);
    console.error('Catalyst records: the LRS refused a statement; it is kept in IndexedDB (catalyst-records/rejected)', reason);
  }

  private fail(problem: string) {
    this.problem = problem;
    const wait = (this.opts.backoffMs ?? BACKOFF_MS)[Math.min(this.failures, (this.opts.backoffMs ?? BACKOFF_MS).length - 1)]!;
    this.failures++;
    this.report(true);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pump();
    }, wait);
  }

  private report(unreachable: boolean) {
    this.opts.onStatus({
      waiting: this.pending.length,
      unreachable: unreachable && this.pending.length > 0,
      problem: this.pending.length ? this.problem : undefined,
    });
  }
}
