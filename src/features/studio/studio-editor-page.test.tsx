// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, screen } from '@testing-library/react';
import { openDB } from 'idb';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DraftDoc } from '../../domain/edit/ops';
import { saveDraft, saveHistory, stashPending } from '../../persistence/drafts';
import { syntheticDraft } from '../../components/branch-map/synthetic-draft';
import { commit, createHistory } from '../../domain/edit/history';
import { updateNode } from '../../domain/edit/node-ops';
import { freshResources, renderSuspended } from '../../testing/suspended';
import { tinyScenario } from '../../testing/fixtures';
import { buildRecord } from './draft-records';
import { StudioEditorPage } from './studio-editor-page';

// The workspace (map, inspector, autosave) has its own tests; here a stand-in shows what the page
// opened it with, since what this page does is load.
vi.mock('./editor-workspace', () => ({
  EditorWorkspace: (p: { draftId: string; revision: number; initialHistory: { present: DraftDoc; past: readonly DraftDoc[] } }) => (
    <main>
      <h1>Editing {p.initialHistory.present.title}</h1>
      <p>
        {p.draftId} at revision {p.revision}
      </p>
      <p>{p.initialHistory.past.length} undo steps</p>
    </main>
  ),
}));

afterEach(async () => {
  cleanup();
  freshResources();
  sessionStorage.clear();
  const db = await openDB('catalyst');
  for (const store of db.objectStoreNames) await db.clear(store);
  db.close();
});

const doc = (title: string): DraftDoc => ({ ...tinyScenario(), title });
const page = (id: string) =>
  renderSuspended(
    <MemoryRouter initialEntries={[`/studio/${id}`]}>
      <Routes>
        <Route path="/studio/:draftId" element={<StudioEditorPage />} />
      </Routes>
    </MemoryRouter>,
  );

describe('the studio editor page', () => {
  it('opens a stored draft at its revision', async () => {
    await saveDraft(buildRecord('draft-e0000001', doc('Stored')), 0);
    await page('draft-e0000001');
    expect(screen.getByRole('heading', { name: 'Editing Stored' })).toBeTruthy();
    expect(screen.getByText('draft-e0000001 at revision 1')).toBeTruthy();
  });

  it('says when there is no such draft, with a way back', async () => {
    await page('draft-nothere1');
    expect(screen.getByRole('heading', { name: 'Draft not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the studio' }).getAttribute('href')).toBe('/studio');
  });

  it('names a stored draft that cannot be read, on the page itself', async () => {
    await saveDraft(buildRecord('draft-e0000002', doc('Fine')), 0);
    const db = await openDB('catalyst');
    await db.put('drafts', { id: 'draft-e0000002', doc: 'not a scenario', revision: 1 });
    db.close();
    await page('draft-e0000002');
    expect(screen.getByRole('heading', { name: 'The draft could not be opened' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/“draft-e0000002” could not be read .*left unchanged/);
  });

  it('a second visit opens the edits made since the first, even those not stored yet', async () => {
    await saveDraft(buildRecord('draft-e0000003', doc('First')), 0);
    const first = await page('draft-e0000003');
    expect(screen.getByRole('heading', { name: 'Editing First' })).toBeTruthy();
    // Editing keeps the newest doc in the session stash before (or instead of, when the disk is
    // full) saving it; no save means nothing invalidated the first visit's reading.
    stashPending('draft-e0000003', 1, doc('Edited, not saved'));
    first.unmount();
    await page('draft-e0000003');
    expect(screen.getByRole('heading', { name: 'Editing Edited, not saved' })).toBeTruthy();
  });

  it('reopens a 2,000-node draft with its undo history, and with none (no error) once another tab changed it', async () => {
    const base = syntheticDraft(2000);
    const edited = updateNode(base, 'moment-5', { client: 'Said yes again.' });
    const noProblems = { problems: 0, errors: 0 };
    const saved = await saveDraft(buildRecord('draft-e0000004', edited, noProblems), 0);
    saveHistory('draft-e0000004', commit(createHistory(base), edited));
    const first = await page('draft-e0000004');
    expect(screen.getByText('1 undo steps')).toBeTruthy();
    first.unmount();

    await saveDraft({ ...saved, doc: updateNode(edited, 'moment-6', { client: 'Another tab.' }) }, 1);
    await page('draft-e0000004');
    expect(screen.getByText('draft-e0000004 at revision 2')).toBeTruthy();
    expect(screen.getByText('0 undo steps')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
