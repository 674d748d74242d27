// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftDoc, MomentInput } from '../../../domain/edit/ops';
import { tinyScenario } from '../../../testing/fixtures';
import { Harness } from './harness';

afterEach(cleanup);

function setup(selected = 'opening') {
  let doc: DraftDoc = tinyScenario();
  render(<Harness initial={doc} selected={selected} onDoc={(d) => (doc = d)} />);
  return { doc: () => doc, moment: (id = 'opening') => doc.nodes[id] as MomentInput };
}

const choice = (n: number) => screen.getByRole('group', { name: `Choice ${n}` });

describe('inspector: choices', () => {
  it('editing a choice updates the draft through the ops', () => {
    const t = setup();
    const first = t.moment().choices[0];
    fireEvent.change(within(choice(2)).getByLabelText('Response text'), { target: { value: 'What would saying no cost you?' } });
    fireEvent.change(within(choice(2)).getByLabelText('Stance'), { target: { value: 'partnering' } });
    fireEvent.change(within(choice(2)).getByLabelText('Trust change'), { target: { value: '7' } });
    fireEvent.change(within(choice(2)).getByLabelText('Feedback'), { target: { value: '' } });
    const c = t.moment().choices[1]!;
    expect(c).toMatchObject({
      id: 'tell',
      text: 'What would saying no cost you?',
      stance: 'partnering',
      effects: { trust: 7, ownership: -20 },
    });
    expect(c.feedback).toBeUndefined();
    // Untouched choices are shared, not copied.
    expect(t.moment().choices[0]).toBe(first);
  });

  it('markers: search by meaning, tick to add, chip to remove', () => {
    const t = setup();
    const c1 = within(choice(1));
    fireEvent.change(c1.getByLabelText('Search markers'), { target: { value: 'own words' } });
    const box = c1.getByRole('checkbox', { name: /6\.2 Explores the client’s own words/ });
    expect(c1.queryByRole('checkbox', { name: /3\.2/ })).toBeNull();
    fireEvent.click(box);
    expect(t.moment().choices[0]!.markers).toEqual(['3.1', '6.2']);
    fireEvent.click(c1.getByRole('button', { name: 'Remove marker 3.1' }));
    expect(t.moment().choices[0]!.markers).toEqual(['6.2']);
  });

  it('next: pick an existing node or create and link a new moment', () => {
    const t = setup();
    const next = within(choice(1)).getByLabelText('Next node') as HTMLSelectElement;
    expect(within(next).getByRole('option', { name: 'New moment…' })).toBeTruthy();
    expect(within(next).queryByRole('option', { name: /^opening/ })).toBeNull(); // no self-loops offered
    fireEvent.change(next, { target: { value: 'check' } });
    expect(t.moment().choices[0]!.next).toBe('check');
    fireEvent.change(next, { target: { value: '__new:moment' } });
    const created = t.moment().choices[0]!.next;
    expect(t.doc().nodes[created]).toMatchObject({ kind: 'moment' });
    expect(screen.getByRole('button', { name: `Open ${created}` })).toBeTruthy();
  });

  it('adds, reorders, duplicates and deletes choices', () => {
    const t = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add choice' }));
    expect(t.moment().choices).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Move choice 1 down' }));
    expect(
      t
        .moment()
        .choices.map((c) => c.id)
        .slice(0, 2),
    ).toEqual(['tell', 'ask']);
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate choice 2' }));
    expect(t.moment().choices).toHaveLength(5);
    expect(t.moment().choices[2]!.text).toBe(t.moment().choices[1]!.text);
    expect(t.moment().choices[2]!.id).not.toBe('ask');
    fireEvent.click(screen.getByRole('button', { name: 'Delete choice 1' }));
    expect(t.moment().choices.map((c) => c.id)[0]).toBe('ask');
  });
});

describe('inspector: choice ids', () => {
  it('renames a choice id on Enter, not per keystroke; Escape cancels', async () => {
    let commits = 0;
    let doc: DraftDoc = tinyScenario();
    render(
      <Harness
        initial={doc}
        selected="opening"
        onDoc={(d) => {
          doc = d;
          commits++;
        }}
      />,
    );
    const ids = () => (doc.nodes['opening'] as MomentInput).choices.map((c) => c.id);
    const before = commits;
    let field = within(choice(2)).getByLabelText('Choice id') as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'te' } });
    fireEvent.change(field, { target: { value: 'tell-them' } });
    expect(ids()[1]).toBe('tell'); // nothing renamed while typing
    expect(commits).toBe(before);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(ids()[1]).toBe('tell-them');
    expect(commits).toBe(before + 1); // one change, so one undo step
    field = within(choice(2)).getByLabelText('Choice id') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field)); // the focus stays in the field
    fireEvent.change(field, { target: { value: 'oops' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.value).toBe('tell-them');
    fireEvent.blur(field);
    expect(ids()[1]).toBe('tell-them');
  });

  it('renames on leaving the field, and refuses a clash or a bad id inline', () => {
    let doc: DraftDoc = tinyScenario();
    render(<Harness initial={doc} selected="opening" onDoc={(d) => (doc = d)} />);
    const ids = () => (doc.nodes['opening'] as MomentInput).choices.map((c) => c.id);
    const field = within(choice(2)).getByLabelText('Choice id');
    fireEvent.change(field, { target: { value: ids()[0]! } });
    fireEvent.blur(field);
    expect(within(choice(2)).getByRole('alert').textContent).toMatch(/already has a choice called/);
    expect(ids()[1]).toBe('tell');
    fireEvent.change(field, { target: { value: 'Tell Them' } });
    fireEvent.blur(field);
    expect(within(choice(2)).getByRole('alert').textContent).toMatch(/cannot be a choice id/);
    fireEvent.change(field, { target: { value: 'say-it' } });
    fireEvent.blur(field);
    expect(ids()[1]).toBe('say-it');
  });
});

describe('inspector: node', () => {
  it('renaming to an existing id shows an inline error and changes nothing', () => {
    const t = setup();
    const id = screen.getByLabelText('Node id');
    fireEvent.change(id, { target: { value: 'middle' } });
    fireEvent.keyDown(id, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch(/already a node called "middle"/);
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(Object.keys(t.doc().nodes)).toContain('opening');
  });

  it('renaming makes every reference follow', () => {
    const t = setup('middle');
    const id = screen.getByLabelText('Node id');
    fireEvent.change(id, { target: { value: 'being-liked' } });
    fireEvent.blur(id);
    expect(t.doc().nodes['middle']).toBeUndefined();
    expect(t.moment().choices.every((c) => c.next === 'being-liked')).toBe(true);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('being-liked');
  });

  it('changes kind, edits an ending and a route condition', () => {
    const t = setup('stalled');
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'progress' } });
    fireEvent.change(screen.getByLabelText('Ending summary'), { target: { value: 'Sam named one thing to try.' } });
    expect(t.doc().nodes['stalled']).toMatchObject({ outcome: 'progress', summary: 'Sam named one thing to try.' });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'moment' } });
    expect(t.doc().nodes['stalled']!.kind).toBe('moment');
    expect(screen.getByLabelText('Client line')).toBeTruthy();
  });

  it('edits a route condition per meter', () => {
    const t = setup('check');
    const r1 = within(screen.getByRole('group', { name: 'Route 1' }));
    fireEvent.change(r1.getByLabelText('Trust condition'), { target: { value: 'lt' } });
    fireEvent.change(r1.getByLabelText('Trust threshold'), { target: { value: '30' } });
    fireEvent.change(r1.getByLabelText('Ownership condition'), { target: { value: '' } });
    const route = (t.doc().nodes['check'] as Extract<DraftDoc['nodes'][string], { kind: 'route' }>).routes[0]!;
    expect(route.when).toEqual({ trust: { lt: 30 } });
  });

  it('play from here links to the preview with the chosen meter values', () => {
    setup('middle');
    fireEvent.change(screen.getByLabelText('Trust at start'), { target: { value: '70' } });
    const link = screen.getByRole('link', { name: 'Play from here' });
    expect(link.getAttribute('href')).toBe('/preview/draft-1?from=middle&m.trust=70&m.ownership=40');
  });

  it('shows the scenario settings when no node is selected', () => {
    const t = setup('');
    fireEvent.change(screen.getByLabelText('Scenario title'), { target: { value: 'Saying yes' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^7\. Evokes awareness/ }));
    expect(t.doc()).toMatchObject({ title: 'Saying yes', competencies: [3, 4, 7] });
    fireEvent.change(screen.getAllByLabelText('Meter id')[0]!, { target: { value: 'safety' } });
    fireEvent.keyDown(screen.getAllByLabelText('Meter id')[0]!, { key: 'Enter' });
    expect(Object.keys(t.doc().meters)).toEqual(['safety', 'ownership']);
    expect((t.doc().nodes['opening'] as MomentInput).choices[0]!.effects).toEqual({ safety: 10, ownership: 15 });
  });
});

describe('inspector: next node from the keyboard', () => {
  it('browsing onto "New moment…" with keys waits for Enter; no node is created on the way', () => {
    const t = setup();
    const next = within(choice(1)).getByLabelText('Next node') as HTMLSelectElement;
    const before = Object.keys(t.doc().nodes).length;
    fireEvent.keyDown(next, { key: 'ArrowDown' });
    fireEvent.change(next, { target: { value: '__new:moment' } });
    expect(Object.keys(t.doc().nodes)).toHaveLength(before);
    expect(within(choice(1)).getByText('Press Enter to create a new moment and link it.')).toBeTruthy();
    fireEvent.keyDown(next, { key: 'Enter' });
    expect(Object.keys(t.doc().nodes)).toHaveLength(before + 1);
    expect(t.doc().nodes[t.moment().choices[0]!.next]).toMatchObject({ kind: 'moment' });
  });
});

describe('inspector: large drafts', () => {
  it('lists every node in a Next node picker once it is focused, and only its value before', () => {
    const base = tinyScenario();
    const extra = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [
        `end-${i}`,
        { kind: 'ending' as const, outcome: 'stalled' as const, client: 'Bye.', summary: 'Done.' },
      ]),
    );
    const doc: DraftDoc = { ...base, nodes: { ...base.nodes, ...extra } };
    render(<Harness initial={doc} selected="opening" />);
    const picker = within(choice(1)).getByLabelText('Next node');
    const optionCount = () => within(picker).getAllByRole('option').length;
    expect(within(picker).getByRole('option', { selected: true })).toHaveProperty('textContent', 'middle (Moment)');
    expect(optionCount()).toBeLessThan(10);
    fireEvent.focus(picker);
    expect(within(picker).getByRole('option', { name: 'end-149 (Ending)' })).toBeTruthy();
    expect(optionCount()).toBeGreaterThan(150);
  });
});
