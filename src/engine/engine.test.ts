import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../domain/schema';
import { tinyScenario } from '../testing/fixtures';
import { findPartneringPath } from '../domain/paths';
import { availableChoices, compileScenario, currentNodeId, deriveDebrief, isFinished, replay } from '.';

const scenario = scenarioSchema.parse(tinyScenario());
const machine = compileScenario(scenario);

describe('compiled machine', () => {
  it('starts at the start moment and offers only its choices', () => {
    const r = replay(machine, []);
    if (!r.ok) throw new Error(r.reason);
    expect(currentNodeId(r.snapshot)).toBe('opening');
    expect(availableChoices(scenario, r.snapshot).map((c) => c.id)).toEqual(['ask', 'tell', 'soothe']);
    expect(r.snapshot.can({ type: 'player.choose', choiceId: 'explore' })).toBe(false);
  });

  it('applies effects, follows routes in order and ends in a final state', () => {
    const r = replay(machine, ['ask', 'explore']);
    if (!r.ok) throw new Error(r.reason);
    expect(r.snapshot.context.meters).toEqual({ trust: 65, ownership: 65 });
    expect(currentNodeId(r.snapshot)).toBe('breakthrough');
    expect(isFinished(r.snapshot)).toBe(true);
  });

  it('takes the first matching route, falling back when none holds', () => {
    const stalled = replay(machine, ['tell', 'agree']); // trust 50, ownership 10 -> trust < 50 fails, stalled
    if (!stalled.ok) throw new Error(stalled.reason);
    expect(stalled.snapshot.context.meters).toEqual({ trust: 50, ownership: 10 });
    expect(currentNodeId(stalled.snapshot)).toBe('stalled');
  });

  it('clamps meters to 0-100 after each choice', () => {
    const m = compileScenario(scenario);
    const r = replay(m, ['tell', 'agree'], { meters: { trust: 2, ownership: 95 } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.snapshot.context.steps[0]!.meters).toEqual({ trust: 0, ownership: 75 });
    expect(r.snapshot.context.meters).toEqual({ trust: 5, ownership: 65 });
  });

  it('rejects a path that no longer fits and says where', () => {
    const r = replay(machine, ['ask', 'vanished']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failedAt).toBe(1);
  });

  it('can start at any node with chosen meters', () => {
    const m = compileScenario(scenario, { startAt: 'middle' });
    const r = replay(m, ['explore'], { meters: { ownership: 55 } });
    if (!r.ok) throw new Error(r.reason);
    expect(currentNodeId(r.snapshot)).toBe('breakthrough');
  });
});

describe('debrief', () => {
  it('tallies stances, tracks meters and names the pattern from cues', () => {
    const r = replay(machine, ['soothe', 'agree']);
    if (!r.ok) throw new Error(r.reason);
    const d = deriveDebrief(scenario, r.snapshot.context.steps, currentNodeId(r.snapshot));
    expect(d.tally).toMatchObject({ partnering: 0, rescuing: 1, colluding: 1 });
    expect(d.partneringShare).toBe(0);
    expect(d.meterSeries.find((s) => s.id === 'trust')!.values).toEqual([50, 55, 60]);
    expect(d.insights.map((i) => i.text)).toContain('When the client showed emotion, the move went to rescuing 1 of 1 time.');
    expect(d.markers.broken.map((m) => m.id)).toEqual(['4.3', '7.2']);
    expect(d.pattern.headline).toMatch(/pull toward/);
  });

  it('finds the path with the most partnering choices', () => {
    const p = findPartneringPath(scenario)!;
    expect(p.choices.map((c) => c.choiceId)).toEqual(['ask', 'explore']);
    expect(p.endingId).toBe('breakthrough');
  });
});
