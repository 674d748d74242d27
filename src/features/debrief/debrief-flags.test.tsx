// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioSchema, type Moment } from '../../domain/schema';
import { compileScenario, currentNodeId, deriveDebrief, replay } from '../../engine';
import { tinyScenario } from '../../testing/fixtures';
import { InsightsCard } from './debrief-sections';

afterEach(cleanup);

function debriefOf(path: string[]) {
  const s = scenarioSchema.parse(tinyScenario());
  (s.nodes['opening'] as Moment).choices[1]!.flags = ['stacked-question'];
  (s.nodes['middle'] as Moment).choices[1]!.flags = ['stacked-question', 'leading-question'];
  const r = replay(compileScenario(s), path);
  if (!r.ok) throw new Error(r.reason);
  r.actor.stop();
  return deriveDebrief(s, r.snapshot.context.steps, currentNodeId(r.snapshot));
}

describe('debrief: flag counts', () => {
  it('counts the flags of the moves made, e.g. "Stacked questions: 2", with their meaning', () => {
    render(<InsightsCard debrief={debriefOf(['tell', 'agree'])} />);
    const card = within(screen.getByRole('region', { name: 'What happened at the turning points' }));
    const list = card.getByRole('heading', { name: 'Also named in your moves' }).nextElementSibling as HTMLElement;
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/^Stacked questions: 2 Several questions at once/);
    expect(items[1]).toMatch(/^Leading questions: 1 /);
  });

  it('has no flags section when no move chosen was flagged', () => {
    render(<InsightsCard debrief={debriefOf(['ask', 'explore'])} />);
    expect(screen.queryByRole('heading', { name: 'Also named in your moves' })).toBeNull();
  });
});
