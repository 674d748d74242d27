// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../domain/schema';
import { useProgress } from '../../persistence/progress-store';
import { tinyScenario } from '../../testing/fixtures';
import { PlayPage } from './play-page';
import { freshResources, renderSuspended } from '../../testing/suspended';

vi.mock('../../persistence/scenarios', () => ({
  loadScenario: async (id: string) => {
    if (id !== 'tiny') return undefined;
    const scenario = scenarioSchema.parse(tinyScenario());
    return { scenario, version: 'v1', source: 'bundled', summary: { id: 'tiny' } };
  },
}));

function Debrief() {
  return <h1>Debrief {useParams().attemptId}</h1>;
}

async function renderPlay(id = 'tiny') {
  return renderSuspended(
    <MemoryRouter initialEntries={[`/scenarios/${id}/play`]}>
      <Routes>
        <Route path="/scenarios/:scenarioId/play" element={<PlayPage />} />
        <Route path="/attempts/:attemptId" element={<Debrief />} />
      </Routes>
    </MemoryRouter>,
  );
}

const choose = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

beforeEach(() => {
  localStorage.clear();
  useProgress.setState({ runs: {}, attempts: [], settings: { feedbackTiming: 'each' } });
});
afterEach(() => {
  cleanup();
  freshResources();
});

describe('play page', () => {
  it('shows the client line, the responses by their text and the meters', async () => {
    await renderPlay();
    expect(await screen.findByText('I keep saying yes to everything.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Tiny' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'What would you like from today?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Just say no.' })).toBeTruthy();
    const trust = screen.getByRole('meter', { name: 'Trust' });
    expect(trust.getAttribute('aria-valuetext')).toBe('50 out of 100');
    expect(useProgress.getState().runs.tiny?.path).toEqual([]);
  });

  it('after a drift choice shows feedback with stance, broken markers and the partnering alternative, holding back the next line', async () => {
    await renderPlay();
    await screen.findByText('I keep saying yes to everything.');
    choose('Just say no.');
    const panel = screen.getByRole('region', { name: 'Feedback' });
    expect(within(panel).getByText('Directing')).toBeTruthy();
    expect(within(panel).getByText('Supplies the answer.')).toBeTruthy();
    expect(within(panel).getByText('PCC markers this move breaks')).toBeTruthy();
    expect(within(panel).getByText(/Asks clear, mostly open questions/)).toBeTruthy();
    expect(within(panel).getByText('What makes yes the easy word?')).toBeTruthy();
    expect(screen.queryByText('I suppose it is about being liked.')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Feedback' }));
    expect(screen.getByRole('meter', { name: 'Ownership' }).getAttribute('aria-valuetext')).toBe('20 out of 100');
  });

  it('a partnering choice names the markers it honours; Continue shows the next line and focuses it', async () => {
    await renderPlay();
    await screen.findByText('I keep saying yes to everything.');
    choose('What would you like from today?');
    expect(screen.getByText('PCC markers this move honours')).toBeTruthy();
    expect(screen.queryByText('A partnering alternative')).toBeNull();
    choose('Continue');
    const line = screen.getByText('I suppose it is about being liked.');
    expect(document.activeElement?.contains(line)).toBe(true);
    expect(screen.getByText('What would you like from today?')).toBeTruthy(); // in the transcript now
    expect(screen.queryByRole('region', { name: 'Feedback' })).toBeNull();
  });

  it('Try a different response undoes the choice and keeps it on record', async () => {
    await renderPlay();
    await screen.findByText('I keep saying yes to everything.');
    choose('Just say no.');
    choose('Try a different response');
    expect(screen.getByRole('button', { name: 'Just say no.' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Feedback' })).toBeNull();
    const run = useProgress.getState().runs.tiny!;
    expect(run.path).toEqual([]);
    expect(run.rewinds.map((r) => r.choiceId)).toEqual(['tell']);
  });

  it('a reload while feedback is shown restores the same screen', async () => {
    const first = await renderPlay();
    await screen.findByText('I keep saying yes to everything.');
    choose('Just say no.');
    first.unmount();
    await renderPlay();
    expect(await screen.findByRole('region', { name: 'Feedback' })).toBeTruthy();
    expect(screen.getByText('Supplies the answer.')).toBeTruthy();
    expect(screen.queryByText('I suppose it is about being liked.')).toBeNull();
  });

  it('with feedback only in the debrief, a choice goes straight to the next line', async () => {
    await renderPlay();
    await screen.findByText('I keep saying yes to everything.');
    fireEvent.change(screen.getByLabelText('When to show feedback'), { target: { value: 'debrief' } });
    expect(useProgress.getState().settings.feedbackTiming).toBe('debrief');
    choose('Just say no.');
    expect(screen.queryByRole('region', { name: 'Feedback' })).toBeNull();
    expect(screen.getByText('I suppose it is about being liked.')).toBeTruthy();
  });

  it('the last feedback survives a reload, and Continue closes the attempt and opens the debrief', async () => {
    const first = await renderPlay();
    await screen.findByText('I keep saying yes to everything.');
    choose('What would you like from today?');
    choose('Continue');
    choose('Liked by whom?');
    expect(screen.getByText(/This response ends the conversation/)).toBeTruthy();
    first.unmount();
    await renderPlay();
    await screen.findByRole('region', { name: 'Feedback' });
    await act(async () => choose('Continue'));
    const attempt = useProgress.getState().attempts[0]!;
    expect(attempt).toMatchObject({
      status: 'completed',
      endingId: 'breakthrough',
      outcome: 'breakthrough',
      partneringShare: 1,
      choices: 2,
      scenarioTitle: 'Tiny',
    });
    expect(screen.getByRole('heading', { name: `Debrief ${attempt.id}` })).toBeTruthy();
    expect(useProgress.getState().runs.tiny).toBeUndefined();
  });

  it('a run that no longer fits the scenario is explained and can be restarted, keeping it as abandoned', async () => {
    useProgress.getState().startRun('tiny', 'old');
    useProgress.getState().choose('tiny', 'a-response-that-was-removed', false);
    await renderPlay();
    expect(await screen.findByRole('heading', { name: 'This conversation can’t be resumed' })).toBeTruthy();
    choose('Start again');
    expect(useProgress.getState().attempts[0]).toMatchObject({ status: 'abandoned', choices: 1 });
    expect(useProgress.getState().attempts[0]?.reason).toMatch(/scenario changed/);
    expect(screen.getByText('I keep saying yes to everything.')).toBeTruthy();
  });

  it('an unknown scenario shows not found', async () => {
    await renderPlay('nope');
    expect(await screen.findByRole('heading', { name: 'We couldn’t find that scenario' })).toBeTruthy();
  });
});
