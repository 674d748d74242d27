// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_KEY, useProgress, useStorageHealth } from '../../persistence/progress-store';
import type { Attempt } from '../../persistence/progress-schema';
import { ProgressPage } from './progress-page';
import { freshResources, renderSuspended } from '../../testing/suspended';

vi.mock('../../persistence/scenarios', () => ({
  bundledSummaries: () => [{ id: 'glue', title: 'The glue' }],
  listScenarios: async () => [{ summary: { id: 'glue', title: 'The glue' }, source: 'bundled' }],
  loadScenario: async () => undefined,
}));

const attempt = (over: Partial<Attempt>): Attempt => ({
  id: 'a1',
  scenarioId: 'tell',
  scenarioVersion: 'v',
  scenarioTitle: 'Just tell me',
  startedAt: '2025-03-01T10:00:00Z',
  finishedAt: '2025-03-01T10:12:00Z',
  path: ['x', 'y'],
  rewinds: [],
  status: 'completed',
  outcome: 'breakthrough',
  partneringShare: 0.8,
  choices: 5,
  note: '',
  ...over,
});

function seed() {
  useProgress.setState({
    runs: {
      glue: {
        id: 'r1',
        scenarioId: 'glue',
        scenarioVersion: 'v',
        startedAt: '2025-03-04T09:00:00Z',
        path: ['a', 'b'],
        rewinds: [],
        awaitingContinue: false,
        seed: 1,
      },
    },
    attempts: [
      attempt({
        id: 'old',
        finishedAt: '2025-03-01T10:12:00Z',
        note: 'Rushed to advice.',
        rewinds: [{ step: 0, choiceId: 'q', at: '2025-03-01T10:05:00Z' }],
      }),
      attempt({
        id: 'new',
        finishedAt: '2025-03-03T10:12:00Z',
        status: 'abandoned',
        reason: 'restarted',
        outcome: undefined,
        partneringShare: 0.25,
        choices: 4,
      }),
    ],
    settings: { feedbackTiming: 'each' },
  });
}

async function renderPage() {
  const router = createMemoryRouter([{ path: '/progress', element: <ProgressPage /> }], { initialEntries: ['/progress'] });
  await renderSuspended(<RouterProvider router={router} />);
  // The page arrives once the scenario list has loaded (the route's Suspense fallback meanwhile).
  await screen.findByRole('heading', { level: 1, name: 'Your progress' });
}

beforeEach(() => {
  localStorage.clear();
  useStorageHealth.setState({ unreadable: undefined, writeError: undefined, memoryOnly: undefined });
  seed();
});
afterEach(() => {
  cleanup();
  freshResources();
});

describe('ProgressPage', () => {
  it('lists attempts newest first with ending, share, choices, rewinds, note and debrief link', async () => {
    await renderPage();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Abandoned: started again');
    expect(rows[0]!.textContent).toContain('25%');
    expect(within(rows[0]!).queryByRole('link')).toBeNull();
    expect(rows[1]!.textContent).toContain('Breakthrough');
    const cells = within(rows[1]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(3, 7)).toEqual(['80%', '5', '1', 'Yes']);
    expect(
      within(rows[1]!)
        .getByRole('link', { name: /^Debrief/ })
        .getAttribute('href'),
    ).toBe('/attempts/old');
  });

  it('shows attempts 50 at a time, newest first, with pages to step through', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      attempt({ id: `a${i}`, scenarioTitle: `Attempt ${i}`, finishedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }),
    );
    useProgress.setState({ attempts: many });
    await renderPage();
    const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(50);
    expect(rows()[0]!.textContent).toContain('Attempt 119');
    const pager = screen.getByRole('navigation', { name: 'Attempts pages' });
    expect(pager.textContent).toContain('1-50 of 120 · page 1 of 3');
    expect((within(pager).getByRole('button', { name: 'Newer attempts' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(pager).getByRole('button', { name: 'Older attempts' }));
    fireEvent.click(within(pager).getByRole('button', { name: 'Older attempts' }));
    expect(rows()).toHaveLength(20);
    expect(rows()[0]!.textContent).toContain('Attempt 19');
    expect(rows()[19]!.textContent).toContain('Attempt 0');
    expect(pager.textContent).toContain('101-120 of 120 · page 3 of 3');
    expect((within(pager).getByRole('button', { name: 'Older attempts' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('when a save failed for lack of room, offers to remove old attempts after asking, then saves again', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      attempt({ id: `a${i}`, finishedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }),
    );
    useProgress.setState({ attempts: many });
    useStorageHealth.setState({ writeError: 'The quota has been exceeded.' });
    await renderPage();
    const room = screen.getByRole('region', { name: 'Make room to save your progress' });
    fireEvent.click(within(room).getByRole('button', { name: 'Remove old attempts…' }));
    const ask = within(room).getByRole('group', { name: 'Remove old attempts?' });
    expect(ask.textContent).toContain('Keep the newest 20 and remove 5 older attempts with their notes?');
    fireEvent.click(within(ask).getByRole('button', { name: 'Yes, remove them' }));
    const left = useProgress.getState().attempts.map((a) => a.id);
    expect(left).toHaveLength(20);
    expect(left).not.toContain('a4');
    expect(left).toContain('a5');
    expect(within(room).getByRole('status').textContent).toBe(
      'Removed 5 older attempts. Saving is back on: your progress is stored in this browser again.',
    );
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).state.attempts).toHaveLength(20);
  });

  it('offers to resume conversations in progress', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 3, name: 'The glue' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Resume The glue' }).getAttribute('href')).toBe('/scenarios/glue/play');
  });

  it('exports progress as a downloaded JSON file', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:progress'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Export progress (JSON)' }));
    expect(click).toHaveBeenCalledOnce();
    const exported = JSON.parse(await created[0]!.text());
    expect(exported.state.attempts).toHaveLength(2);
    expect(screen.getByText(/Your progress was saved as catalyst-progress-\d{4}-\d\d-\d\d\.json/)).toBeTruthy();
  });

  it('asks before erasing, names what will go, and can be cancelled', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Erase all…' }));
    const confirm = screen.getByRole('group', { name: 'Erase everything stored in this browser?' });
    expect(confirm.textContent).toContain('2 attempts and 1 reflection note');
    expect(confirm.textContent).toContain('1 conversation in progress');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Erase everything stored in this browser?' })).toBeNull();
    expect(useProgress.getState().attempts).toHaveLength(2);
  });

  it('erases everything after confirmation', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Erase all…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Yes, erase everything' })));
    expect(useProgress.getState().attempts).toHaveLength(0);
    expect(screen.getByText('All your progress, notes and settings were erased from this browser.')).toBeTruthy();
    expect(screen.getByText('No attempts yet. Finished and abandoned conversations will appear here.')).toBeTruthy();
    expect(screen.getByText('Nothing in progress.')).toBeTruthy();
  });

  it('changes when feedback is shown', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('radio', { name: /Only in the debrief/ }));
    expect(useProgress.getState().settings.feedbackTiming).toBe('debrief');
  });

  it('offers the unreadable copy, kept aside, as a download', async () => {
    const aside = `${PROGRESS_KEY}.unreadable.2025-03-05T00:00:00.000Z`;
    localStorage.setItem(aside, '{"broken":true');
    useStorageHealth.setState({ unreadable: { aside, message: 'Unexpected end of JSON input' } });
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:aside'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderPage();
    const section = screen.getByRole('region', { name: 'Earlier progress that could not be read' });
    expect(section.textContent).toContain(aside);
    fireEvent.click(within(section).getByRole('button', { name: /Download old copy/ }));
    expect(created).toHaveLength(1);
    expect(section.textContent).toContain('The old copy was saved as');
  });
});
