// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioSchema, type Moment } from '../../domain/schema';
import { tinyScenario } from '../../testing/fixtures';
import { MomentEntry } from './facilitator-moments';

afterEach(cleanup);

describe('facilitator view: flags', () => {
  it('lists each response’s flags with their meaning, and none for an unflagged response', () => {
    const scenario = scenarioSchema.parse(tinyScenario());
    const middle = scenario.nodes['middle'] as Moment;
    middle.choices[1]!.flags = ['leading-question', 'closed-question'];
    render(
      <MomentEntry scenario={scenario} refItem={{ id: 'middle', node: middle, label: 'Moment 2' }} moment={middle} describe={(id) => id} />,
    );
    const [partnering, colluding] = within(screen.getByRole('list', { name: 'Responses at Moment 2' }))
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('fac-response'));
    expect(within(colluding!).getByText('Flags')).toBeTruthy();
    expect(within(colluding!).getByText('Leading question').parentElement!.textContent).toBe(
      'Leading question The question carries the answer the coach has in mind.',
    );
    expect(within(colluding!).getByText('Closed question')).toBeTruthy();
    expect(within(partnering!).queryByText('Flags')).toBeNull();
  });
});
