// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftDoc } from '../domain/edit/doc';
import { tinyScenario } from '../testing/fixtures';
import { DRAFT_RECORD_VERSION, readDraftRecord, recordMigrations } from './draft-record';
import { pendingDoc, pendingKey } from './draft-pending';
import { DamagedDraftError, deleteDraft, getDraft, readAllDrafts, saveDraft } from './drafts';

const doc = (): DraftDoc => tinyScenario() as DraftDoc;
/** A record as the studio stored it before record versions (no `v`). */
const v1 = (over: Record<string, unknown> = {}) => ({
  id: 'draft-0000aaaa',
  doc: doc(),
  createdAt: 1,
  updatedAt: 2,
  revision: 3,
  problems: 0,
  errors: 0,
  valid: true,
  title: 'Tiny',
  ...over,
});

describe('draft record migrations, one test per step', () => {
  it('1 → 2 stamps the version and keeps every field', () => {
    const migrated = recordMigrations[1]!(v1());
    expect(migrated).toEqual({ ...v1(), v: 2 });
    expect(recordMigrations[1]!(v1({ title: undefined })).title).toBe('Untitled scenario');
  });

  it('has a step for every version below the current one', () => {
    for (let n = 1; n < DRAFT_RECORD_VERSION; n++) expect(recordMigrations[n]).toBeTypeOf('function');
  });
});

describe('reading a stored record: strict on shape, lenient on content', () => {
  it('reads a v1 record through the migrations', () => {
    const read = readDraftRecord(v1());
    expect(read).toMatchObject({ ok: true, record: { v: 2, id: 'draft-0000aaaa', revision: 3, title: 'Tiny' } });
  });

  it('accepts content problems a draft may hold (empty text, links to nowhere, unknown fields)', () => {
    const d = doc();
    const messy = {
      ...d,
      title: '',
      extra: 'kept',
      nodes: { ...d.nodes, lost: { kind: 'moment', client: '', choices: [{ id: 'X', next: 'nowhere' }] } },
    };
    const read = readDraftRecord({ ...v1(), v: 2, doc: messy });
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.record.doc).toEqual(messy);
  });

  it('refuses a wrong shape, naming the record and the field', () => {
    expect(readDraftRecord({ ...v1(), revision: 'three' })).toMatchObject({
      ok: false,
      id: 'draft-0000aaaa',
      reason: expect.stringMatching(/^revision: /),
    });
    expect(readDraftRecord({ ...v1(), doc: { ...doc(), nodes: [] } })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^doc: .*nodes/),
    });
    expect(readDraftRecord({ ...v1(), doc: { ...doc(), nodes: { a: { kind: 'chapter' } } } })).toMatchObject({ ok: false });
    expect(readDraftRecord('text')).toMatchObject({ ok: false, reason: 'the stored value is not a record' });
  });

  it('refuses a record from a newer version instead of guessing', () => {
    expect(readDraftRecord({ ...v1(), v: DRAFT_RECORD_VERSION + 1 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/newer version of Catalyst/),
    });
  });

  it('drops an unreadable session stash instead of opening it', () => {
    sessionStorage.setItem(pendingKey('d9'), JSON.stringify({ revision: 1, doc: { nodes: 'no' } }));
    expect(pendingDoc('d9', 1)).toBeUndefined();
    sessionStorage.clear();
  });
});

describe('drafts in IndexedDB', () => {
  afterEach(async () => {
    const db = await openDB('catalyst');
    await db.clear('drafts');
    if (db.objectStoreNames.contains('summaries')) await db.clear('summaries');
    db.close();
  });

  /** Store a record as an earlier Catalyst did (at whatever version the database now has). */
  async function putRaw(value: unknown) {
    const db = await openDB('catalyst', undefined, {
      upgrade(d) {
        if (!d.objectStoreNames.contains('drafts')) d.createObjectStore('drafts', { keyPath: 'id' });
      },
    });
    await db.put('drafts', value);
    db.close();
  }

  it('a stored v1 draft opens, and its next save is written as the current version', async () => {
    await putRaw(v1());
    const loaded = await getDraft('draft-0000aaaa');
    expect(loaded).toMatchObject({ v: 2, revision: 3, title: 'Tiny' });
    const saved = await saveDraft({ ...loaded!, title: 'Edited' }, 3);
    expect(saved).toMatchObject({ v: 2, revision: 4, createdAt: 1 });
    expect(await getDraft('draft-0000aaaa')).toMatchObject({ v: 2, title: 'Edited' });
  });

  it('a stored draft of scenario format v1 loads through the scenario migrations as the current format', async () => {
    const { CURRENT_SCHEMA_VERSION } = await import('../domain/migrations');
    await putRaw(v1({ doc: { ...doc(), schemaVersion: 1 } }));
    const loaded = await getDraft('draft-0000aaaa');
    expect(loaded!.doc).toEqual({ ...doc(), schemaVersion: CURRENT_SCHEMA_VERSION });
    // A v1 draft that already uses a v2 field cannot migrate: it opens exactly as stored.
    const base = doc();
    const [momentId, moment] = Object.entries(base.nodes).find(([, n]) => n.kind === 'moment')!;
    if (moment.kind !== 'moment') throw new Error('fixture has a moment');
    const choices = moment.choices.map((c, i) => (i === 0 ? { ...c, flags: ['why-question'] } : c));
    const flagged = { ...base, schemaVersion: 1, nodes: { ...base.nodes, [momentId]: { ...moment, choices } } };
    await putRaw(v1({ id: 'draft-0000bbbb', doc: flagged }));
    expect((await getDraft('draft-0000bbbb'))!.doc).toEqual(flagged);
  });

  it('a damaged record is reported with its id and reason, listed apart, and never deleted', async () => {
    await putRaw(v1());
    await putRaw({ ...v1({ id: 'draft-broken01' }), doc: 'not a scenario' });
    const all = await readAllDrafts();
    expect(all.records.map((r) => r.id)).toEqual(['draft-0000aaaa']);
    expect(all.damaged).toEqual([{ id: 'draft-broken01', reason: expect.stringMatching(/^doc: /) }]);
    await expect(getDraft('draft-broken01')).rejects.toBeInstanceOf(DamagedDraftError);
    await expect(deleteDraft('draft-broken01')).rejects.toThrow(/could not be read .* left unchanged/);
    expect((await readAllDrafts()).damaged).toHaveLength(1);
  });
});
