// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftDoc, MomentInput } from '../../../domain/edit/ops';
import { tinyScenario } from '../../../testing/fixtures';
import { Harness } from './harness';

afterEach(cleanup);

function setup() {
  let doc: DraftDoc = tinyScenario();
  render(<Harness initial={doc} selected="opening" onDoc={(d) => (doc = d)} />);
  return { choices: () => (doc.nodes['opening'] as MomentInput).choices };
}

const choice = (n: number) => within(screen.getByRole('group', { name: `Choice ${n}` }));

describe('inspector: flags', () => {
  it('offers every flag as a labelled checkbox with its meaning', () => {
    setup();
    const flags = within(choice(2).getByRole('group', { name: 'Flags' }));
    expect(flags.getAllByRole('checkbox')).toHaveLength(11);
    expect(flags.getByRole('checkbox', { name: /Stacked question Several questions at once/ })).toBeTruthy();
    expect(flags.getByText('No flags.')).toBeTruthy();
  });

  it('ticking adds flags in the vocabulary’s order; the chip removes one; none left removes the field', () => {
    const t = setup();
    const flags = within(choice(2).getByRole('group', { name: 'Flags' }));
    fireEvent.click(flags.getByRole('checkbox', { name: /^Judging/ }));
    fireEvent.click(flags.getByRole('checkbox', { name: /^Leading question/ }));
    expect(t.choices()[1]!.flags).toEqual(['leading-question', 'judging']);
    expect(flags.getByText('Choose flags (2 chosen)')).toBeTruthy();
    fireEvent.click(flags.getByRole('button', { name: 'Remove flag Leading question' }));
    expect(t.choices()[1]!.flags).toEqual(['judging']);
    fireEvent.click(flags.getByRole('checkbox', { name: /^Judging/ }));
    expect('flags' in t.choices()[1]!).toBe(false);
  });

  it('a partnering response flagged leading shows the lint error at the flag', async () => {
    setup();
    const flags = within(choice(1).getByRole('group', { name: 'Flags' }));
    fireEvent.click(flags.getByRole('checkbox', { name: /^Leading question/ }));
    expect(await flags.findByText(/a partnering response cannot be a leading question/)).toBeTruthy();
  });
});
