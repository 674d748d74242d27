// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioSummary } from '../../domain/summary';
import { useProgress } from '../../persistence/progress-store';
import { emptyProgress } from '../../persistence/progress-schema';
import { LibraryPage } from './library-page';
import { freshResources, renderSuspended } from '../../testing/suspended';

const summary = (id: string, over: Partial<ScenarioSummary>): ScenarioSummary => ({
  id,
  version: 'v1',
  title: id,
  summary: `Summary of ${id}.`,
  estimatedMinutes: 12,
  competencies: [4],
  client: { name: 'Client', role: 'Role', background: '' },
  moments: 4,
  ...over,
});

const SUMMARIES = [
  summary('glue', {
    title: 'The glue',
    client: { name: 'Amara', role: 'Engineering manager', background: '' },
    competencies: [3, 4],
    temptation: 'directing',
    estimatedMinutes: 15,
  }),
  summary('empty', {
    title: 'Running on empty',
    client: { name: 'Lerato', role: 'Community organiser', background: '' },
    competencies: [4, 8],
    temptation: 'rescuing',
    estimatedMinutes: 8,
  }),
  summary('ally', {
    title: 'The friend, not the ally',
    client: { name: 'Gareth', role: 'Programme manager', background: '' },
    competencies: [2],
    temptation: 'colluding',
    estimatedMinutes: 20,
  }),
];
const DRAFT = summary('draft-one', { title: 'My draft', competencies: [5] });

vi.mock('../../persistence/scenarios', () => ({
  bundledSummaries: () => SUMMARIES,
  listScenarios: async () => [...SUMMARIES.map((s) => ({ summary: s, source: 'bundled' })), { summary: DRAFT, source: 'draft' }],
  loadScenario: async () => undefined,
}));

async function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <LibraryPage /> },
      { path: '/scenarios/:id', element: <p>briefing</p> },
    ],
    { initialEntries: [url] },
  );
  await renderSuspended(<RouterProvider router={router} />);
  return router;
}

const count = () => screen.getByRole('status').textContent;
const cardTitles = () =>
  within(screen.getByRole('list', { name: 'Scenarios' }))
    .queryAllByRole('heading', { level: 2 })
    .map((h) => h.textContent);

beforeEach(() => {
  useProgress.setState(emptyProgress());
});
afterEach(() => {
  cleanup();
  freshResources();
});

describe('LibraryPage', () => {
  it('lists every scenario, drafts marked, each title a link to its briefing', async () => {
    await renderAt('/');
    await screen.findByText('My draft');
    expect(screen.getByRole('heading', { level: 1, name: 'Scenario library' })).toBeTruthy();
    expect(count()).toBe('Showing 4 of 4 scenarios');
    expect(screen.getByRole('link', { name: 'The glue' }).getAttribute('href')).toBe('/scenarios/glue');
    const draftCard = screen.getByRole('link', { name: 'My draft' }).closest('article')!;
    expect(within(draftCard).getByText('Draft')).toBeTruthy();
    const glueCard = screen.getByRole('link', { name: 'The glue' }).closest('article')!;
    expect(within(glueCard).getByText('Amara, Engineering manager')).toBeTruthy();
    expect(within(glueCard).getByText('Cultivates trust and safety')).toBeTruthy();
    expect(within(glueCard).getByText('About 15 min')).toBeTruthy();
  });

  it('shows the trainee’s status on each card', async () => {
    useProgress.setState({
      runs: {
        empty: {
          id: 'r',
          scenarioId: 'empty',
          scenarioVersion: 'v1',
          startedAt: '2025-01-01T00:00:00Z',
          path: ['a'],
          rewinds: [],
          awaitingContinue: false,
          seed: 1,
        },
      },
      attempts: [
        {
          id: 'a',
          scenarioId: 'glue',
          scenarioVersion: 'v1',
          scenarioTitle: 'The glue',
          startedAt: '2025-01-01T00:00:00Z',
          finishedAt: '2025-01-01T00:10:00Z',
          path: [],
          rewinds: [],
          status: 'completed',
          partneringShare: 0.75,
          choices: 4,
          note: '',
        },
      ],
    });
    await renderAt('/');
    await screen.findByText('My draft');
    const card = (name: string) => screen.getByRole('link', { name }).closest('article')!;
    expect(card('The glue').textContent).toContain('Completed once · best partnering share 75%');
    expect(card('Running on empty').textContent).toContain('In progress');
    expect(card('The friend, not the ally').textContent).toContain('New');
  });

  it('applies filters from a shared link', async () => {
    await renderAt('/?competency=4&pull=rescuing');
    await screen.findByText('Showing 1 of 4 scenarios');
    expect(cardTitles()).toEqual(['Running on empty']);
    expect((screen.getByLabelText('Main pull') as HTMLSelectElement).value).toBe('rescuing');
  });

  it('writes filters and search into the URL and updates the count', async () => {
    const router = await renderAt('/');
    await screen.findByText('My draft');
    fireEvent.change(screen.getByLabelText('Length'), { target: { value: 'long' } });
    expect(router.state.location.search).toBe('?duration=long');
    expect(cardTitles()).toEqual(['The friend, not the ally']);
    fireEvent.change(screen.getByLabelText('Length'), { target: { value: '' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search scenarios' }), { target: { value: 'lerato' } });
    expect(router.state.location.search).toBe('?q=lerato');
    expect(count()).toBe('Showing 1 of 4 scenarios');
  });

  it('shows an empty state and clears all filters', async () => {
    const router = await renderAt('/?status=completed&q=glue');
    await screen.findByText('Showing 0 of 4 scenarios');
    expect(screen.getByRole('heading', { name: 'No scenarios match' })).toBeTruthy();
    const clearButtons = screen.getAllByRole('button', { name: 'Clear filters' });
    await act(async () => fireEvent.click(clearButtons[0]!));
    expect(router.state.location.search).toBe('');
    expect(count()).toBe('Showing 4 of 4 scenarios');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search scenarios' }));
  });

  it('folds the filters behind a button that says whether it is open', async () => {
    await renderAt('/?pull=avoiding');
    const toggle = await screen.findByRole('button', { name: 'Filters (1 on)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });
});
