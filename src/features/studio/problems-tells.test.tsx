// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftDoc, MomentInput } from '../../domain/edit/ops';
import { tinyScenario } from '../../testing/fixtures';
import { ProblemsPanel } from './problems-panel';
import { useProblems } from './use-problems';

afterEach(cleanup);

/** The Problems panel as the editor wires it: the live checks of `useProblems`, shown by the panel. */
function Live({ doc }: { doc: DraftDoc }) {
  const { problems } = useProblems(doc);
  return <ProblemsPanel problems={problems} nodeOrder={Object.keys(doc.nodes)} onPick={() => {}} />;
}

/** The fixture with the colluding reply made a statement: now the only question is partnering in both moments. */
function withTell(): DraftDoc {
  const doc = tinyScenario();
  const middle = doc.nodes['middle'] as MomentInput;
  const choices = middle.choices.map((c) => (c.id === 'agree' ? { ...c, text: 'Everyone wants to be liked, it is fine.' } : c));
  return { ...doc, nodes: { ...doc.nodes, middle: { ...middle, choices } } };
}

describe('Problems panel and the tells lint', () => {
  it('shows the same tells warning as scenarios:check, on the first moment it names', () => {
    render(<Live doc={withTell()} />);
    const panel = within(screen.getByRole('region', { name: 'Problems' }));
    const warning = panel.getByRole('button', {
      name: /Warning.*Node opening.*"only question" picks the partnering response in 2 of 2 moments \(100%.*opening, middle/,
    });
    expect(warning).toBeTruthy();
  });

  it('says nothing about tells when the cue points at drifts as often as at partnering', () => {
    render(<Live doc={tinyScenario()} />);
    expect(screen.queryByText(/picks the partnering response/)).toBeNull();
  });
});

describe('Problems panel: flags', () => {
  it('names a flag problem by node, choice and flag', () => {
    const doc = tinyScenario();
    const opening = doc.nodes['opening'] as MomentInput;
    const choices = opening.choices.map((c, i) => (i === 0 ? { ...c, flags: ['why-question' as const] } : c));
    render(<Live doc={{ ...doc, nodes: { ...doc.nodes, opening: { ...opening, choices } } }} />);
    expect(
      screen.getByRole('button', { name: /^Error Node opening › choice 1 › flag 1 ?: a partnering response cannot be a “why” question/ }),
    ).toBeTruthy();
  });
});
