// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tinyScenario } from '../../testing/fixtures';
import { freshResources, renderSuspended } from '../../testing/suspended';

/*
 * The studio list page on a real IndexedDB implementation (fake-indexeddb), read through the
 * resource cache inside a Suspense boundary as the router does. Each test gets an empty database
 * and fresh modules (the drafts repository keeps its connection).
 */

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.resetModules();
});
afterEach(() => {
  cleanup();
  freshResources();
  vi.unstubAllGlobals();
});

async function open() {
  const { StudioListPage } = await import('./studio-list-page');
  const { clearResources } = await import('../../persistence/resource');
  clearResources();
  await renderSuspended(
    <MemoryRouter initialEntries={['/studio']}>
      <StudioListPage />
    </MemoryRouter>,
  );
  // The list has its own Suspense boundary inside the page: wait for it to leave its fallback.
  await waitFor(() => expect(screen.queryByText('Loading drafts…')).toBeNull());
}

describe('the studio list page', () => {
  it('lists the stored drafts, and shows a draft saved while it is open without a reload', async () => {
    const { createDraft } = await import('./draft-records');
    await createDraft({ ...tinyScenario(), title: 'Already here' });
    await open();
    const list = screen.getByRole('list', { name: 'Your drafts' });
    expect(within(list).getByRole('link', { name: 'Already here' })).toBeTruthy();

    await act(async () => {
      await createDraft({ ...tinyScenario(), title: 'Saved just now' });
    });
    await waitFor(() => expect(within(list).getByRole('link', { name: 'Saved just now' })).toBeTruthy());
  });

  it('deletes a draft from the list and puts it back on Undo', async () => {
    const { createDraft } = await import('./draft-records');
    await createDraft({ ...tinyScenario(), title: 'Short-lived' });
    await open();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Delete Short-lived' }));
    });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Short-lived' })).toBeNull());
    expect(screen.getByRole('status').textContent).toContain('Deleted “Short-lived”.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Undo delete' }));
    });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Short-lived' })).toBeTruthy());
  });

  it('says so on the page when the browser will not store drafts, and keeps the rest of the page usable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await open();
    expect(screen.getByRole('alert').textContent).toMatch(/not letting Catalyst store drafts/);
    expect(screen.getByRole('button', { name: 'New scenario' })).toBeTruthy();
  });
});
