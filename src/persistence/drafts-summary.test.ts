// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftDoc } from '../domain/edit/doc';
import { scenarioVersion, summarize, type ScenarioSummary } from '../domain/summary';
import { syntheticDraft } from '../components/branch-map/synthetic-draft';
import { tinyScenario } from '../testing/fixtures';
import { DRAFT_SUMMARY_VERSION, readDraftSummary } from './draft-summary';
import type { DraftRecord } from './draft-record';

/*
 * The summary store beside the drafts (drafts.ts, draft-summary.ts), on a real IndexedDB
 * implementation (fake-indexeddb): each test gets an empty database and a fresh drafts module.
 */

type Drafts = typeof import('./drafts');
let drafts: Drafts;
let source: typeof import('./drafts-source');

beforeEach(async () => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.resetModules();
  drafts = await import('./drafts');
  source = await import('./drafts-source');
  return () => vi.unstubAllGlobals();
});

const doc = (title = 'Tiny'): DraftDoc => ({ ...tinyScenario(), title });
const record = (id: string, title = 'Tiny'): DraftRecord => ({
  v: 2,
  id,
  doc: doc(title),
  createdAt: 1,
  updatedAt: 1,
  revision: 0,
  problems: 2,
  errors: 1,
  valid: false,
  title,
});

/** The database as a second tab (or an older Catalyst) sees it. */
async function raw() {
  return openDB('catalyst');
}
async function stored(store: 'drafts' | 'summaries', id: string): Promise<unknown> {
  const db = await raw();
  try {
    return await db.get(store, id);
  } finally {
    db.close();
  }
}
async function put(store: 'drafts' | 'summaries', value: unknown): Promise<void> {
  const db = await raw();
  await db.put(store, value);
  db.close();
}

describe('draft summaries', () => {
  it('a save writes the draft and its summary together, and the list reads the summary alone', async () => {
    const saved = await drafts.saveDraft(record('draft-aaaa0001', 'First title'), 0);
    const summary = await stored('summaries', 'draft-aaaa0001');
    expect(readDraftSummary(summary)).toEqual({
      v: DRAFT_SUMMARY_VERSION,
      id: 'draft-aaaa0001',
      title: 'First title',
      createdAt: 1,
      updatedAt: saved.updatedAt,
      revision: 1,
      nodes: Object.keys(doc().nodes).length,
      problems: 2,
      errors: 1,
      valid: false,
    });
    await drafts.saveDraft({ ...saved, title: 'Second title' }, 1);
    expect(await stored('summaries', 'draft-aaaa0001')).toMatchObject({ title: 'Second title', revision: 2 });

    // The list does not read the whole draft: a draft whose doc is now unreadable is still
    // listed from its summary (opening it is where the damage is reported).
    await put('drafts', { ...((await stored('drafts', 'draft-aaaa0001')) as object), doc: 'not read by the list' });
    const list = await drafts.listDraftSummaries();
    expect(list.summaries.map((s) => [s.id, s.title, s.revision])).toEqual([['draft-aaaa0001', 'Second title', 2]]);
    expect(list.damaged).toEqual([]);
  });

  it('a refused save (another tab saved first) writes neither record', async () => {
    const saved = await drafts.saveDraft(record('draft-aaaa0002', 'Mine'), 0);
    await expect(drafts.saveDraft({ ...saved, title: 'Stale' }, 0)).rejects.toBeInstanceOf(drafts.ConflictError);
    expect(await stored('summaries', 'draft-aaaa0002')).toMatchObject({ title: 'Mine', revision: 1 });
    expect(await stored('drafts', 'draft-aaaa0002')).toMatchObject({ title: 'Mine', revision: 1 });
  });

  it('a delete removes both, and undoing it puts both back', async () => {
    await drafts.saveDraft(record('draft-aaaa0003', 'Keep'), 0);
    await drafts.saveDraft(record('draft-aaaa0004', 'Go'), 0);
    const gone = await drafts.deleteDraft('draft-aaaa0004');
    expect(await stored('drafts', 'draft-aaaa0004')).toBeUndefined();
    expect(await stored('summaries', 'draft-aaaa0004')).toBeUndefined();
    expect((await drafts.listDraftSummaries()).summaries.map((s) => s.id)).toEqual(['draft-aaaa0003']);

    await drafts.restoreDraft(gone!);
    expect(await stored('summaries', 'draft-aaaa0004')).toMatchObject({ title: 'Go', revision: 1 });
    expect((await drafts.listDraftSummaries()).summaries.map((s) => s.id).sort()).toEqual(['draft-aaaa0003', 'draft-aaaa0004']);
  });

  it('drafts stored before summaries existed (database version 1) are all listed, and their summaries built once', async () => {
    // What an earlier Catalyst left: database version 1, store 'drafts' only, records with no `v`.
    const v1 = await openDB('catalyst', 1, { upgrade: (d) => void d.createObjectStore('drafts', { keyPath: 'id' }) });
    for (let i = 0; i < 3; i++) {
      const { v: _version, ...old } = { ...record(`draft-old0000${i}`, `Old ${i}`), revision: 1, updatedAt: 10 + i };
      await v1.put('drafts', old);
    }
    v1.close();

    const list = await drafts.listDraftSummaries();
    expect(list.summaries.map((s) => s.title)).toEqual(['Old 2', 'Old 1', 'Old 0']); // most recent first
    for (let i = 0; i < 3; i++)
      expect(readDraftSummary(await stored('summaries', `draft-old0000${i}`))).toMatchObject({ title: `Old ${i}` });
    // The drafts themselves are untouched by the listing.
    expect(await stored('drafts', 'draft-old00000')).not.toHaveProperty('v');
  });

  it('a missing summary is rebuilt from its draft', async () => {
    await drafts.saveDraft(record('draft-aaaa0005', 'Lost summary'), 0);
    const db = await raw();
    await db.delete('summaries', 'draft-aaaa0005');
    db.close();
    const list = await drafts.listDraftSummaries();
    expect(list.summaries).toEqual([expect.objectContaining({ id: 'draft-aaaa0005', title: 'Lost summary', revision: 1, errors: 1 })]);
    expect(readDraftSummary(await stored('summaries', 'draft-aaaa0005'))).toMatchObject({ title: 'Lost summary' });
  });

  it('a corrupt summary, or one of another summary version, does not hide its draft: it is rebuilt', async () => {
    await drafts.saveDraft(record('draft-aaaa0006', 'Corrupt summary'), 0);
    await drafts.saveDraft(record('draft-aaaa0007', 'Future summary'), 0);
    await put('summaries', { id: 'draft-aaaa0006', title: 42, nodes: 'many' });
    await put('summaries', { ...((await stored('summaries', 'draft-aaaa0007')) as object), v: DRAFT_SUMMARY_VERSION + 1 });
    const list = await drafts.listDraftSummaries();
    expect(list.summaries.map((s) => s.title).sort()).toEqual(['Corrupt summary', 'Future summary']);
    expect(list.damaged).toEqual([]);
    expect(readDraftSummary(await stored('summaries', 'draft-aaaa0006'))).toMatchObject({
      title: 'Corrupt summary',
      nodes: Object.keys(doc().nodes).length,
    });
  });

  it('a draft that cannot be read and has no summary is listed as damaged, and left in storage', async () => {
    expect(await drafts.listDraftSummaries()).toEqual({ summaries: [], damaged: [] }); // creates the database
    await put('drafts', { id: 'draft-broken01', doc: 'not a scenario', revision: 1 });
    const list = await drafts.listDraftSummaries();
    expect(list.summaries).toEqual([]);
    expect(list.damaged).toEqual([{ id: 'draft-broken01', reason: expect.stringMatching(/^doc: /) }]);
    expect(await stored('drafts', 'draft-broken01')).toEqual({ id: 'draft-broken01', doc: 'not a scenario', revision: 1 });
    expect(await stored('summaries', 'draft-broken01')).toBeUndefined();
  });

  it('a summary whose draft is gone is not listed, and is removed', async () => {
    await drafts.saveDraft(record('draft-aaaa0008', 'Real'), 0);
    await put('summaries', { ...((await stored('summaries', 'draft-aaaa0008')) as object), id: 'draft-ghost001', title: 'Ghost' });
    expect((await drafts.listDraftSummaries()).summaries.map((s) => s.title)).toEqual(['Real']);
    expect(await stored('summaries', 'draft-ghost001')).toBeUndefined();
  });
});

describe('drafts in the trainee library, from their summaries', () => {
  /** What the library listed before it read summaries: every whole draft, the valid ones' cards. */
  async function fromWholeDrafts(): Promise<ScenarioSummary[]> {
    const records = await drafts.listDrafts();
    return records.filter((r) => r.valid).map((r) => ({ ...summarize({ ...r.doc, id: r.id }, scenarioVersion(r.doc)), title: r.title }));
  }
  const valid = (id: string, title: string, doc: DraftDoc): DraftRecord => ({
    ...record(id, title),
    doc,
    problems: 0,
    errors: 0,
    valid: true,
  });

  it('lists exactly what reading every whole draft listed, including drafts whose summary is old, missing or damaged', async () => {
    const now = Date.now() + 60_000; // later than every save below
    await drafts.saveDraft(valid('draft-lib00001', 'Tiny valid', doc('Tiny valid')), 0);
    await drafts.saveDraft(valid('draft-lib00002', 'With a temptation', { ...doc('With a temptation'), temptation: 'rescuing' }), 0);
    // A bigger draft, whose version is hashed from docJson rather than JSON.stringify.
    await drafts.saveDraft(valid('draft-lib00003', 'Synthetic', syntheticDraft(200)), 0);
    // Saved with a scenario of format version 1 (not today's type): the library read it through the
    // format migrations.
    const formatV1 = { ...doc('Format v1'), schemaVersion: 1 } as unknown as DraftDoc;
    await drafts.saveDraft(valid('draft-lib00004', 'Format v1', formatV1), 0);
    // Invalid: in the studio list, never in the library.
    await drafts.saveDraft(record('draft-lib00005', 'Not playable'), 0);
    // Saved by the previous Catalyst: a version-1 summary (no library card), at the same time as
    // a draft with a current summary (ties keep the drafts store's order).
    const old = await drafts.saveDraft(valid('draft-lib00000', 'Old summary', doc('Old summary')), 0);
    const { card: _card, ...v1 } = readDraftSummary(await stored('summaries', old.id))!;
    await put('summaries', { ...v1, v: 1, updatedAt: now });
    await put('drafts', { ...((await stored('drafts', old.id)) as object), updatedAt: now });
    await put('drafts', { ...((await stored('drafts', 'draft-lib00001')) as object), updatedAt: now });
    await put('summaries', { ...((await stored('summaries', 'draft-lib00001')) as object), updatedAt: now });
    // A draft no one can read, without a summary: out of the library, and the list still works.
    await put('drafts', { id: 'draft-lib00007', doc: 'not a scenario', revision: 1, valid: true });

    const expected = await fromWholeDrafts();
    expect(expected.map((s) => s.title)).toEqual(['Old summary', 'Tiny valid', 'Format v1', 'Synthetic', 'With a temptation']);
    expect(await source.draftsSource.list()).toStrictEqual(expected);
    // The old summary was rebuilt with its card, so the next list reads no draft at all.
    expect(readDraftSummary(await stored('summaries', old.id))).toMatchObject({ v: DRAFT_SUMMARY_VERSION, card: { title: 'Old summary' } });
    expect(await source.draftsSource.list()).toStrictEqual(expected);
  });

  it('reads the summaries, not the drafts', async () => {
    await drafts.saveDraft(valid('draft-lib00010', 'Listed', doc('Listed')), 0);
    const expected = await fromWholeDrafts();
    // Both records are written in one transaction, so only tampering parts them; the draft itself
    // is not read by the list (opening it is where damage is reported).
    await put('drafts', { ...((await stored('drafts', 'draft-lib00010')) as object), doc: 'not read by the list' });
    expect(await source.draftsSource.list()).toStrictEqual(expected);
  });

  it('a valid draft’s summary without its card is rebuilt, not left out of the library', async () => {
    await drafts.saveDraft(valid('draft-lib00011', 'Cardless', doc('Cardless')), 0);
    const expected = await fromWholeDrafts();
    const { card: _card, ...cardless } = readDraftSummary(await stored('summaries', 'draft-lib00011'))!;
    await put('summaries', cardless);
    expect(readDraftSummary(cardless)).toBeUndefined();
    expect(await source.draftsSource.list()).toStrictEqual(expected);
  });
});
