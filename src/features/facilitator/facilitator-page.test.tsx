// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema, type Scenario } from '../../domain/schema';
import { parseScenarioSource } from '../../domain/source';
import { STANCE_LABELS } from '../../domain/stances';
import { tinyScenario } from '../../testing/fixtures';
import glueSource from '../../../scenarios/the-glue.yaml?raw';
import { FacilitatorPage } from './facilitator-page';
import { freshResources, renderSuspended } from '../../testing/suspended';

const tiny = scenarioSchema.parse({
  ...tinyScenario(),
  temptation: 'directing',
  facilitator: {
    objectives: ['Trainees hand the agenda back.'],
    discussion: ['What made advice tempting?', 'What did Sam lose when it came?'],
    driftNotes: [{ node: 'middle', note: 'Watch for agreeing to close the story.' }],
  },
});

const glue = parseScenarioSource(glueSource).scenario;

const library: Record<string, Scenario | undefined> = { tiny, 'the-glue': glue };

vi.mock('../../persistence/scenarios', () => ({
  loadScenario: async (id: string) => {
    const scenario = library[id];
    return scenario ? { scenario, version: 'v1', source: 'bundled', summary: { id } } : undefined;
  },
}));

async function renderGuide(id: string) {
  return renderSuspended(
    <MemoryRouter initialEntries={[`/scenarios/${id}/facilitator`]}>
      <Routes>
        <Route path="/scenarios/:scenarioId/facilitator" element={<FacilitatorPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(() => {
  cleanup();
  freshResources();
});

/** Every moment heading, and inside it every response's text and stance named in words. */
async function expectEveryMomentAndResponse(scenario: Scenario) {
  await screen.findByRole('heading', { level: 1, name: scenario.title });
  const moments = Object.entries(scenario.nodes).filter(([, n]) => n.kind === 'moment');
  for (const [id, node] of moments) {
    if (node.kind !== 'moment') continue;
    const article = screen.getByRole('article', { name: new RegExp(`^Moment \\d+: ${id}( \\(start\\))?$`) });
    const responses = within(article)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('fac-response'));
    expect(responses).toHaveLength(node.choices.length);
    node.choices.forEach((choice, i) => {
      const item = responses[i]!;
      expect(within(item).getByRole('heading', { level: 4 }).textContent).toBe(
        `Response ${i + 1}: Stance: ${STANCE_LABELS[choice.stance]}`,
      );
      expect(item.textContent).toContain(choice.text.trim().slice(0, 40));
    });
  }
  return moments.length;
}

describe('facilitator page', () => {
  it('lists every moment and every response of the fixture with its stance by name', async () => {
    await renderGuide('tiny');
    expect(await expectEveryMomentAndResponse(tiny)).toBe(2);
    expect(screen.getByRole('heading', { level: 2, name: 'Moments in play order' })).toBeTruthy();
    const middle = screen.getByRole('article', { name: 'Moment 2: middle' });
    expect(within(middle).getByText('Watch for agreeing to close the story.')).toBeTruthy();
    expect(within(middle).getByText('“Surely everyone wants to be liked?”')).toBeTruthy();
    expect(within(middle).getByText('7.2')).toBeTruthy();
    expect(within(middle).getByText('“What would being liked give you?”')).toBeTruthy();
  });

  it('shows the guide, routes with conditions, endings and the partnering path', async () => {
    await renderGuide('tiny');
    await screen.findByRole('heading', { level: 1, name: 'Tiny' });
    expect(screen.getByText('Trainees hand the agenda back.')).toBeTruthy();
    expect(screen.getByText('What made advice tempting?')).toBeTruthy();
    expect(screen.getByText('Directing.')).toBeTruthy();
    expect(screen.getByText('Establishes and maintains agreements')).toBeTruthy();
    const route = screen.getByRole('article', { name: 'Route 1: check' });
    expect(route.textContent).toContain('If Ownership ≥ 60: Ending 1 (breakthrough), Breakthrough');
    expect(route.textContent).toContain('Otherwise: Ending 3 (stalled), Stalled');
    expect(screen.getByRole('article', { name: 'Ending 1: breakthrough' }).textContent).toContain('Sam found her own next step.');
    const path = screen.getByRole('region', { name: 'The partnering path' });
    expect(within(path).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('img', { name: /Branch map of Tiny: 2 moments, 1 route and 3 endings/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });

  it('lists every moment and response of a bundled scenario', async () => {
    expect(glue).toBeTruthy();
    await renderGuide('the-glue');
    expect(await expectEveryMomentAndResponse(glue!)).toBeGreaterThan(5);
    expect(screen.getAllByRole('complementary', { name: 'Drift note' })).toHaveLength(glue!.facilitator!.driftNotes.length);
  });

  it('says so when the scenario does not exist', async () => {
    await renderGuide('nope');
    expect(await screen.findByRole('heading', { name: 'We couldn’t find that scenario' })).toBeTruthy();
  });
});
