// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateScenarioData } from '../../domain/source';
import { summarize } from '../../domain/summary';
import { useProgress } from '../../persistence/progress-store';
import { emptyProgress } from '../../persistence/progress-schema';
import { tinyScenario } from '../../testing/fixtures';
import { BriefingPage } from './briefing-page';
import { freshResources, renderSuspended } from '../../testing/suspended';

vi.mock('../../persistence/scenarios', () => ({
  loadScenario: async (id: string) => {
    if (id !== 'tiny') return undefined;
    const scenario = validateScenarioData(tinyScenario()).scenario!;
    return { scenario, version: 'v1', summary: summarize(scenario, 'v1'), source: 'bundled' };
  },
}));

async function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/scenarios/:scenarioId', element: <BriefingPage /> },
      { path: '/scenarios/:scenarioId/play', element: <h1>Playing</h1> },
    ],
    { initialEntries: [url] },
  );
  await renderSuspended(<RouterProvider router={router} />);
  return router;
}

beforeEach(() => useProgress.setState(emptyProgress()));
afterEach(() => {
  cleanup();
  freshResources();
});

describe('BriefingPage', () => {
  it('briefs the trainee: client, what is practised, meters, timing and Start', async () => {
    await renderAt('/scenarios/tiny');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tiny' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your client: Sam' })).toBeTruthy();
    expect(screen.getByText('Team lead')).toBeTruthy();
    expect(screen.getByText('Sam asked for coaching.')).toBeTruthy();
    expect(screen.getByText('Establishes and maintains agreements')).toBeTruthy();
    expect(screen.getByText('Cultivates trust and safety')).toBeTruthy();
    const meters = screen.getByRole('heading', { name: 'The meters you’ll see' }).nextElementSibling as HTMLElement;
    expect(
      within(meters)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Trust', 'Ownership']);
    expect(screen.getByText(/About 5 minutes/)).toBeTruthy();
    expect((screen.getByRole('radio', { name: /After each choice/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('link', { name: 'Start Tiny' }).getAttribute('href')).toBe('/scenarios/tiny/play');
    expect(screen.queryByRole('button', { name: 'Start again' })).toBeNull();
  });

  it('changes the feedback setting', async () => {
    await renderAt('/scenarios/tiny');
    fireEvent.click(await screen.findByRole('radio', { name: /Only in the debrief/ }));
    expect(useProgress.getState().settings.feedbackTiming).toBe('debrief');
  });

  it('says when the scenario does not exist', async () => {
    await renderAt('/scenarios/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'We couldn’t find that scenario' })).toBeTruthy();
  });

  it('offers Resume, and Start again closes the current run as abandoned', async () => {
    useProgress.getState().startRun('tiny', 'v1');
    useProgress.getState().choose('tiny', 'ask', false);
    const router = await renderAt('/scenarios/tiny');
    expect((await screen.findAllByRole('link', { name: /^Resume/ }))[0]!.getAttribute('href')).toBe('/scenarios/tiny/play');
    const oldRun = useProgress.getState().runs.tiny!;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Start again' })));
    await screen.findByRole('heading', { name: 'Playing' });
    expect(router.state.location.pathname).toBe('/scenarios/tiny/play');
    const [abandoned] = useProgress.getState().attempts;
    expect(abandoned).toMatchObject({ id: oldRun.id, status: 'abandoned', reason: 'restarted', choices: 1, partneringShare: 1 });
    const fresh = useProgress.getState().runs.tiny!;
    expect(fresh.id).not.toBe(oldRun.id);
    expect(fresh.path).toEqual([]);
  });
});
