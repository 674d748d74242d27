// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../domain/schema';
import type { Attempt } from '../../persistence/progress-schema';
import { useProgress } from '../../persistence/progress-store';
import { tinyScenario } from '../../testing/fixtures';
import { DebriefPage } from './debrief-page';
import { freshResources, renderSuspended } from '../../testing/suspended';

vi.mock('../../persistence/scenarios', () => ({
  loadScenario: async (id: string) =>
    id === 'tiny' ? { scenario: scenarioSchema.parse(tinyScenario()), version: 'v1', source: 'bundled', summary: { id } } : undefined,
}));

const attempt = (over: Partial<Attempt> = {}): Attempt => ({
  id: 'a1',
  scenarioId: 'tiny',
  scenarioVersion: 'v1',
  scenarioTitle: 'Tiny',
  startedAt: '2026-01-01T10:00:00.000Z',
  finishedAt: '2026-01-01T10:10:00.000Z',
  path: ['tell', 'agree'],
  rewinds: [],
  status: 'completed',
  endingId: 'stalled',
  outcome: 'stalled',
  partneringShare: 0,
  choices: 2,
  note: '',
  ...over,
});

async function renderDebrief(id = 'a1') {
  return renderSuspended(
    <MemoryRouter initialEntries={[`/attempts/${id}`]}>
      <Routes>
        <Route path="/attempts/:attemptId" element={<DebriefPage />} />
        <Route path="/scenarios/:scenarioId/play" element={<h1>Playing</h1>} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  localStorage.clear();
  useProgress.setState({ runs: {}, attempts: [attempt()], settings: { feedbackTiming: 'each' } });
});
afterEach(() => {
  cleanup();
  freshResources();
});

describe('debrief page', () => {
  it('shows the outcome, last words, pattern, stance counts and the path with its stances', async () => {
    await renderDebrief();
    expect(await screen.findByText('Outcome: Stalled')).toBeTruthy();
    expect(screen.getByText('Let me think.')).toBeTruthy();
    expect(screen.getByText('Nothing moved.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'A pull toward directing' })).toBeTruthy();
    const path = screen.getByRole('region', { name: 'Your path' });
    expect(within(path).getByText('“Just say no.”')).toBeTruthy();
    expect(within(path).getByRole('heading', { name: 'Step 2 Stance: Colluding' })).toBeTruthy();
    expect(screen.getByText(/When the client showed emotion, the move went to directing/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /Trust went from 50 to 50; Ownership went from 40 to 10/ })).toBeTruthy();
  });

  it('lists markers broken with their meanings and keeps per-step feedback collapsible', async () => {
    await renderDebrief();
    await screen.findByText('Outcome: Stalled');
    const insights = screen.getByRole('region', { name: 'What happened at the turning points' });
    expect(within(insights).getByText(/Asks clear, mostly open questions, one at a time/)).toBeTruthy();
    const details = screen.getAllByText('Feedback on this move');
    expect(details).toHaveLength(2);
    expect(details[0]!.closest('details')?.open).toBe(false);
  });

  it('opens each move’s feedback when feedback was kept for the debrief', async () => {
    useProgress.setState({ settings: { feedbackTiming: 'debrief' } });
    await renderDebrief();
    await screen.findByText('Outcome: Stalled');
    expect(screen.getAllByText('Feedback on this move')[0]!.closest('details')?.open).toBe(true);
  });

  it('steps through the partnering path to its ending', async () => {
    await renderDebrief();
    const demo = await screen.findByRole('region', { name: 'A partnering path through this conversation' });
    expect(within(demo).getByText('Moment 1 of 2')).toBeTruthy();
    expect(within(demo).getByText('What would you like from today?')).toBeTruthy();
    fireEvent.click(within(demo).getByRole('button', { name: 'Next' }));
    expect(within(demo).getByText('Liked by whom?')).toBeTruthy();
    fireEvent.click(within(demo).getByRole('button', { name: 'Next' }));
    expect(within(demo).getByText('Ending reached')).toBeTruthy();
    expect(within(demo).getByText('I know what to try.')).toBeTruthy();
    fireEvent.click(within(demo).getByRole('button', { name: 'Previous' }));
    expect(within(demo).getByText('Moment 2 of 2')).toBeTruthy();
  });

  it('saves the reflection note with the attempt', async () => {
    await renderDebrief();
    const note = await screen.findByLabelText('Your reflection');
    expect(screen.getByText(/Saved in this browser only/)).toBeTruthy();
    fireEvent.change(note, { target: { value: 'Ask before offering.' } });
    expect(useProgress.getState().attempts[0]?.note).toBe('Ask before offering.');
  });

  it('Replay starts a new run and opens the play page', async () => {
    await renderDebrief();
    fireEvent.click(await screen.findByRole('button', { name: 'Replay' }));
    expect(useProgress.getState().runs.tiny?.path).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Playing' })).toBeTruthy();
  });

  it('Replay while another run is in progress keeps that run as an abandoned attempt with its real share', async () => {
    const other = {
      id: 'r2',
      scenarioId: 'tiny',
      scenarioVersion: 'v1',
      startedAt: '2026-01-02T10:00:00.000Z',
      path: ['ask'],
      rewinds: [],
      awaitingContinue: false,
      seed: 3,
    };
    useProgress.setState({ runs: { tiny: other } });
    await renderDebrief();
    fireEvent.click(await screen.findByRole('button', { name: 'Replay' }));
    const kept = useProgress.getState().attempts.find((a) => a.id === 'r2');
    expect(kept).toMatchObject({ status: 'abandoned', reason: 'replayed', path: ['ask'], partneringShare: 1, choices: 1 });
    expect(useProgress.getState().runs.tiny).toMatchObject({ path: [] });
    expect(useProgress.getState().runs.tiny?.id).not.toBe('r2');
    expect(screen.getByRole('heading', { name: 'Playing' })).toBeTruthy();
  });

  it('says the scenario has changed when the path no longer replays, showing the saved figures', async () => {
    useProgress.setState({ attempts: [attempt({ path: ['tell', 'gone'] })] });
    await renderDebrief();
    expect(await screen.findByText(/The scenario has changed since this attempt/)).toBeTruthy();
    expect(screen.getByText('Responses chosen')).toBeTruthy();
  });

  it('an unknown attempt shows not found', async () => {
    await renderDebrief('missing');
    expect(screen.getByRole('heading', { name: 'We couldn’t find that attempt' })).toBeTruthy();
  });
});
