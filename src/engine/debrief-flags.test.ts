import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Moment, type Scenario } from '../domain/schema';
import { tinyScenario } from '../testing/fixtures';
import { compileScenario, currentNodeId, deriveDebrief, replay } from '.';

/** The fixture with flags on two drifts; "tell" carries a flag twice by mistake (counted once). */
function flagged(): Scenario {
  const s = scenarioSchema.parse(tinyScenario());
  const opening = s.nodes['opening'] as Moment;
  const middle = s.nodes['middle'] as Moment;
  opening.choices[1]!.flags = ['judging', 'stacked-question', 'stacked-question'];
  middle.choices[1]!.flags = ['leading-question', 'stacked-question'];
  return s;
}

const debriefOf = (scenario: Scenario, path: string[]) => {
  const r = replay(compileScenario(scenario), path);
  if (!r.ok) throw new Error(r.reason);
  r.actor.stop();
  return deriveDebrief(scenario, r.snapshot.context.steps, currentNodeId(r.snapshot));
};

describe('debrief: flags', () => {
  it('counts each flag over the moves made, most frequent first, with the moments', () => {
    const d = debriefOf(flagged(), ['tell', 'agree']);
    expect(d.flags.map((f) => f.text)).toEqual(['Stacked questions: 2', 'Leading questions: 1', 'Judging moves: 1']);
    expect(d.flags[0]).toMatchObject({ flag: 'stacked-question', label: 'Stacked question', count: 2, nodeIds: ['opening', 'middle'] });
    expect(d.flags[0]!.meaning).toMatch(/Several questions at once/);
  });

  it('counts only the moves chosen: an unflagged path has no flags', () => {
    expect(debriefOf(flagged(), ['ask', 'explore']).flags).toEqual([]);
    expect(debriefOf(flagged(), ['ask', 'agree']).flags.map((f) => f.text)).toEqual(['Leading questions: 1', 'Stacked questions: 1']);
  });
});
