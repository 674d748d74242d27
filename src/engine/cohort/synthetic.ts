import { mulberry32 } from '../../lib/random';
import type { Scenario } from '../../domain/schema';
import { replayPath } from './aggregate';
import { EXT, scenarioIri, VERB_IDS } from '../../domain/xapi-iris';

/**
 * A seeded synthetic cohort, for the benchmark and the e2e import test: trainees play random
 * walks through a scenario (drift responses a little likelier than partnering ones, as in a real
 * group), with some answers taken back, and each attempt yields the statements the learner
 * records send (records/xapi/statements.ts: initialized, answered per choice, rewound,
 * completed, passed/failed, terminated), with the same extensions.
 */
export interface SyntheticOptions {
  readonly statements: number;
  readonly trainees?: number;
  readonly seed?: number;
  readonly activityId?: string;
  readonly version: string;
}

const verb = (id: string, word: string) => ({ id, display: { 'en-US': word } });

export function syntheticStatements(scenario: Scenario, opts: SyntheticOptions): unknown[] {
  const rand = mulberry32(opts.seed ?? 1);
  const trainees = opts.trainees ?? 30;
  const activity = opts.activityId ?? `https://catalyst.example/scenarios/${scenario.id}`;
  const out: unknown[] = [];
  let n = 0;
  const id = () => {
    n++;
    const hex = n.toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  };
  let t = Date.UTC(2026, 0, 1);
  for (let attempt = 0; out.length < opts.statements; attempt++) {
    const who = Math.floor(rand() * trainees);
    const actor = {
      objectType: 'Agent',
      name: `Trainee ${who + 1}`,
      account: { homePage: 'https://lms.example.org', name: `trainee-${who + 1}` },
    };
    const attemptId = `attempt-${opts.seed ?? 1}-${attempt}`;
    const context = (parent: boolean) => ({
      // As records/xapi sends them: the scenario's own activity in the grouping, the attempt as parent.
      contextActivities: { grouping: [{ id: scenarioIri(scenario.id) }], ...(parent && { parent: [{ id: activity }] }) },
      extensions: { [EXT.attemptId]: attemptId, [EXT.scenarioId]: scenario.id, [EXT.scenarioVersion]: opts.version },
    });
    const stamp = () => new Date((t += 7000)).toISOString();
    const push = (s: Record<string, unknown>) => out.push({ id: id(), actor, timestamp: stamp(), ...s });
    const object = {
      objectType: 'Activity',
      id: activity,
      definition: { type: 'http://adlnet.gov/expapi/activities/simulation', name: { 'en-US': scenario.title } },
    };
    push({ verb: verb(VERB_IDS.initialized, 'initialized'), object, context: context(false) });
    const path: string[] = [];
    for (;;) {
      const r = replayPath(scenario, path);
      if (!r.ok) break;
      const node = scenario.nodes[r.at];
      if (node?.kind !== 'moment') break;
      // Partnering responses weigh 1, drift responses 2: most moments pull some people off.
      const weights = node.choices.map((c) => (c.stance === 'partnering' ? 1 : 2));
      const pick = () => {
        let x = rand() * weights.reduce((a, b) => a + b, 0);
        for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return node.choices[i]!;
        return node.choices[0]!;
      };
      const interaction = {
        objectType: 'Activity',
        id: `${activity}/node/${encodeURIComponent(r.at)}`,
        definition: {
          type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
          interactionType: 'choice',
          choices: node.choices.map((c) => ({ id: c.id, description: { 'en-US': c.text } })),
        },
      };
      const answer = (choice: (typeof node.choices)[number], rewound: boolean) => {
        const after = replayPath(scenario, [...path, choice.id]);
        push({
          verb: verb(VERB_IDS.answered, 'answered'),
          object: interaction,
          result: {
            response: choice.id,
            success: choice.stance === 'partnering',
            extensions: {
              [EXT.stance]: choice.stance,
              [EXT.markers]: [...choice.markers],
              ...(choice.flags && { [EXT.flags]: [...choice.flags] }),
              [EXT.meters]: after.ok ? after.steps.at(-1)!.meters : {},
              [EXT.nextNode]: after.ok ? after.at : '',
              [EXT.rewound]: rewound,
              [EXT.step]: path.length,
            },
          },
          context: context(true),
        });
      };
      let choice = pick();
      if (choice.stance !== 'partnering' && rand() < 0.1) {
        answer(choice, false);
        push({
          verb: verb(VERB_IDS.rewound, 'rewound'),
          object: interaction,
          result: { response: choice.id, extensions: { [EXT.step]: path.length } },
          context: context(true),
        });
        choice = pick();
        answer(choice, true);
      } else answer(choice, false);
      path.push(choice.id);
    }
    const end = replayPath(scenario, path);
    if (end.ok && scenario.nodes[end.at]?.kind === 'ending') {
      const ending = scenario.nodes[end.at] as { outcome: string };
      const share = end.steps.filter((s) => s.stance === 'partnering').length / Math.max(1, end.steps.length);
      const extensions = {
        [EXT.endingId]: end.at,
        [EXT.outcome]: ending.outcome,
        [EXT.path]: path,
        [EXT.partneringShare]: share,
      };
      push({
        verb: verb(VERB_IDS.completed, 'completed'),
        object,
        result: { completion: true, duration: 'PT5M', extensions },
        context: context(false),
      });
      const passed = share >= 0.6;
      push({
        verb: verb(passed ? VERB_IDS.passed : VERB_IDS.failed, passed ? 'passed' : 'failed'),
        object,
        result: { success: passed, score: { scaled: share }, extensions },
        context: context(false),
      });
    }
    push({ verb: verb(VERB_IDS.terminated, 'terminated'), object, result: { duration: 'PT5M' }, context: context(false) });
  }
  return out.slice(0, opts.statements);
}
