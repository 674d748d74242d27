// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioSchema, type Choice, type Moment } from '../../domain/schema';
import { tinyScenario } from '../../testing/fixtures';
import { FeedbackPanel } from './feedback-panel';

afterEach(cleanup);

const choiceOf = (i: number, flags?: Choice['flags']): Choice => {
  const c = (scenarioSchema.parse(tinyScenario()).nodes['opening'] as Moment).choices[i]!;
  return flags ? { ...c, flags } : c;
};

const panel = (choice: Choice) =>
  render(<FeedbackPanel choice={choice} changes={[]} atEnding={false} onContinue={() => {}} onRetry={() => {}} />);

describe('feedback panel: flags', () => {
  it('names each flag of the chosen response with its one-line meaning, beside the stance', () => {
    panel(choiceOf(1, ['leading-question', 'judging']));
    const section = within(screen.getByRole('region', { name: 'Feedback' }));
    expect(section.getByText('Directing')).toBeTruthy();
    const list = section.getByRole('heading', { name: 'Also in this move' }).nextElementSibling as HTMLElement;
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Leading question The question carries the answer the coach has in mind.',
      'Judging Passes a verdict on the client, their choices or the people in their story.',
    ]);
  });

  it('shows no flags section for a response without flags', () => {
    panel(choiceOf(0));
    expect(screen.queryByRole('heading', { name: 'Also in this move' })).toBeNull();
  });
});
