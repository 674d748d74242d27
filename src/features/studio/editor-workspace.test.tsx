// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHistory } from '../../domain/edit/history';
import type { DraftDoc, MomentInput } from '../../domain/edit/ops';
import { tinyScenario } from '../../testing/fixtures';
import { EditorWorkspace } from './editor-workspace';

vi.mock('./use-autosave', () => ({
  useAutosave: () => ({
    status: 'saved',
    saveNow: async () => undefined,
    reloadTheirs: async () => undefined,
    keepMineAsCopy: async () => 'copy',
  }),
}));

// The real map (React Flow, a layout worker) is tested by its owner; here a list stands in for it.
vi.mock('../../components/branch-map', () => ({
  BranchMap: (p: { doc: DraftDoc; onSelect?: (id: string) => void; ariaLabel: string }) => (
    <ul aria-label={p.ariaLabel}>
      {Object.keys(p.doc.nodes).map((id) => (
        <li key={id}>
          <button type="button" onClick={() => p.onSelect?.(id)}>
            {id}
          </button>
        </li>
      ))}
    </ul>
  ),
}));

afterEach(() => {
  cleanup();
  sessionStorage.clear(); // the selected node is kept per tab
});

function withProblems(): DraftDoc {
  const doc = tinyScenario();
  const opening = doc.nodes['opening'] as MomentInput;
  const choices = opening.choices.map((c, i) => (i === 1 ? { ...c, feedback: undefined } : i === 0 ? { ...c, markers: ['9.9'] } : c));
  return { ...doc, nodes: { ...doc.nodes, opening: { ...opening, choices } } };
}

const open = (doc: DraftDoc, path = '/studio/d1') =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <EditorWorkspace draftId="d1" revision={1} initialHistory={createHistory(doc)} />
    </MemoryRouter>,
  );

const problemsPanel = () => within(screen.getByRole('region', { name: 'Problems' }));

describe('editor workspace', () => {
  it('lists problems by node and field; picking one opens the node and focuses the field', async () => {
    open(withProblems());
    const problem = problemsPanel().getByRole('button', { name: /Node opening › choice 2 › Feedback.*a directing choice needs feedback/ });
    expect(screen.getByRole('heading', { level: 2, name: /Scenario settings/ })).toBeTruthy();
    fireEvent.click(problem);
    await waitFor(() => expect(document.activeElement?.id).toBe('field-nodes.opening.choices.1.feedback'));
    expect(screen.getByRole('heading', { level: 2, name: /opening/ })).toBeTruthy();
    // The field says what is wrong too.
    expect((document.activeElement as HTMLElement).getAttribute('aria-invalid')).toBe('true');
  });

  it('a problem inside a closed section opens it before focusing (markers)', async () => {
    open(withProblems(), '/studio/d1?node=middle');
    fireEvent.click(problemsPanel().getByRole('button', { name: /choice 1 › marker 1.*not a PCC marker/ }));
    await waitFor(() => expect(document.activeElement?.id).toBe('field-nodes.opening.choices.0.markers'));
    expect(document.activeElement?.closest('details')?.open).toBe(true);
  });

  it('problems are live: fixing the field removes the problem', async () => {
    open(withProblems(), '/studio/d1?node=opening');
    expect(problemsPanel().getAllByRole('button', { name: /needs feedback/ })).toHaveLength(1);
    const c2 = within(screen.getByRole('group', { name: 'Choice 2' }));
    fireEvent.change(c2.getByLabelText('Feedback'), { target: { value: 'Supplies the answer before the client has looked.' } });
    await waitFor(() => expect(problemsPanel().queryByRole('button', { name: /needs feedback/ })).toBeNull());
  });

  it('undo and redo with the buttons and the keyboard', async () => {
    open(tinyScenario(), '/studio/d1');
    const title = screen.getByLabelText('Scenario title') as HTMLInputElement;
    fireEvent.change(title, { target: { value: 'Tiny but' } });
    fireEvent.change(title, { target: { value: 'Tiny but mighty' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Tiny but mighty');
    act(() => void fireEvent.keyDown(title, { key: 'z', ctrlKey: true }));
    expect(title.value).toBe('Tiny'); // typing in one field is one undo step
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(title.value).toBe('Tiny but mighty');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(title.value).toBe('Tiny');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(title.value).toBe('Tiny but mighty');
    expect((screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('adding a node selects it; choosing a node on the map opens it and moves focus there', async () => {
    open(tinyScenario());
    fireEvent.click(screen.getByRole('button', { name: 'Add moment' }));
    expect(screen.getByRole('heading', { level: 2, name: /moment-3/ })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('list', { name: 'Branch map of the draft' })).getByRole('button', { name: 'middle' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('inspector-heading'));
    expect(document.activeElement?.textContent).toContain('middle');
  });

  it('the inspector column folds away for the map and comes back when a node is chosen', async () => {
    open(tinyScenario());
    const toggle = screen.getByRole('button', { name: 'Hide inspector' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.queryByRole('heading', { level: 2, name: /Scenario settings/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Problems' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show inspector' }).getAttribute('aria-expanded')).toBe('false');
    // Choosing a node opens the column again, with focus on the node.
    fireEvent.click(within(screen.getByRole('list', { name: 'Branch map of the draft' })).getByRole('button', { name: 'middle' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('inspector-heading'));
    expect(screen.getByRole('button', { name: 'Hide inspector' })).toBeTruthy();
  });

  it('labels the undo step: "Undo: delete moment-3", and says what was undone', async () => {
    open(tinyScenario());
    fireEvent.click(screen.getByRole('button', { name: 'Add moment' }));
    expect(screen.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/^Undo: add moment moment-3 \(/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete node' }));
    const undoButton = screen.getByRole('button', { name: 'Undo' });
    expect(undoButton.getAttribute('title')).toMatch(/^Undo: delete moment-3 \(/);
    fireEvent.click(undoButton);
    await waitFor(() => expect(screen.getByText('Undone: delete moment-3.').getAttribute('aria-live')).toBe('polite'));
    expect(screen.getByRole('button', { name: 'Redo' }).getAttribute('title')).toMatch(/^Redo: delete moment-3 \(/);
  });

  it('typing in a field, leaving it and typing in it again makes two undo steps, labelled by the field', () => {
    open(tinyScenario());
    const title = screen.getByLabelText('Scenario title') as HTMLInputElement;
    fireEvent.change(title, { target: { value: 'Tiny b' } });
    fireEvent.change(title, { target: { value: 'Tiny but' } });
    fireEvent.blur(title);
    fireEvent.change(title, { target: { value: 'Tiny but mighty' } });
    expect(screen.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/^Undo: edit Scenario › Title/);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(title.value).toBe('Tiny but');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(title.value).toBe('Tiny');
  });

  it('offers preview from the start and export links', () => {
    open(tinyScenario());
    expect(screen.getByRole('link', { name: 'Preview from start' }).getAttribute('href')).toBe('/preview/d1');
    expect(screen.getByRole('button', { name: 'Export YAML' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export XState JSON' })).toBeTruthy();
  });
});
