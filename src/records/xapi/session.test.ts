// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import validate from '@learninglocker/xapi-validation';
import type { Statement } from '@xapi/xapi';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateScenarioData } from '../../domain/source';
import { scenarioVersion } from '../../domain';
import type { Attempt, Run } from '../../persistence/progress-schema';
import type { LoadedScenario } from '../../persistence/scenarios';
import { tinyScenario } from '../../testing/fixtures';
import { EXT } from '../../domain/xapi-iris';
import { openRecordsDb } from './outbox';
import { XapiSession } from './session';
import type { StatementFrame } from './statements';

// The tiny fixture, with fair-practice flags on one drift response.
const input = tinyScenario();
const opening = input.nodes.opening as { choices: { id: string; flags?: string[] }[] };
opening.choices.find((c) => c.id === 'tell')!.flags = ['supplying-words'];
const scenario = validateScenarioData(input).scenario!;
const loaded: LoadedScenario = {
  scenario,
  version: scenarioVersion(scenario),
  source: 'bundled',
  summary: {} as LoadedScenario['summary'],
};
const actor = { objectType: 'Agent' as const, name: 'Sam', account: { homePage: 'https://lms.example.org', name: 'sam-42' } };
const registration = '9c2b3e1a-4f5d-4a6b-8c7d-0e1f2a3b4c5d';
const AU = 'https://lms.example.org/au/tiny';

/** A stand-in LRS reachable through fetch: stores statements by id (as an LRS does) unless down. */
function fakeLrs() {
  const stored = new Map<string, Statement>();
  const order: string[] = [];
  const lrs = {
    down: false,
    posts: 0,
    stored,
    order,
    fetch: (async (_url: string, init: RequestInit) => {
      lrs.posts++;
      if (lrs.down) throw new TypeError('Failed to fetch');
      for (const s of JSON.parse(String(init.body)) as Statement[]) {
        expect(validate(s), JSON.stringify(s)).toEqual([]);
        if (!stored.has(s.id!)) order.push(s.id!);
        stored.set(s.id!, s);
      }
      return new Response('[]', { status: 200 });
    }) as typeof fetch,
    verbs: () => order.map((id) => stored.get(id)!.verb.display!['en-US']),
    all: () => order.map((id) => stored.get(id)!),
  };
  return lrs;
}

let n = 0;
const frame = (over: Partial<StatementFrame> = {}): StatementFrame => ({
  actor,
  activityId: AU,
  registration,
  cmi5: true,
  contextTemplate: {
    contextActivities: { grouping: [{ id: 'https://lms.example.org/course/1' }] },
    extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
  },
  masteryScore: 0.6,
  masteryFromLms: true,
  judged: true,
  newId: () => crypto.randomUUID(),
  now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, ++n)),
  ...over,
});

function session(lrs: ReturnType<typeof fakeLrs>, f = frame()) {
  const statuses: { waiting: number; unreachable: boolean }[] = [];
  const s = new XapiSession({
    frame: f,
    endpoint: 'https://lrs.example.org/xapi/',
    auth: () => 'Basic dGVzdA==',
    destination: 'test',
    oncePerRegistration: true,
    deps: { loadScenario: async () => loaded, report: (st) => statuses.push({ waiting: st.waiting ?? 0, unreachable: !!st.unreachable }) },
    fetch: lrs.fetch,
    backoffMs: [5, 5],
  });
  return { s, statuses };
}

const run = (path: string[], rewinds: Run['rewinds'] = []): Run => ({
  id: '11111111-2222-4333-8444-555555555555',
  scenarioId: 'tiny',
  scenarioVersion: loaded.version,
  startedAt: '2026-01-01T00:00:00.000Z',
  path,
  rewinds,
  awaitingContinue: false,
  seed: 1,
});
const attempt = (path: string[]): Attempt => ({
  ...run(path),
  scenarioTitle: 'Tiny',
  finishedAt: '2026-01-01T00:05:00.000Z',
  status: 'completed',
  endingId: 'breakthrough',
  outcome: 'breakthrough',
  partneringShare: 1,
  choices: path.length,
  note: 'a private reflection that must never leave',
});

async function play(s: XapiSession) {
  await s.handle({ type: 'run.started', run: run([]) });
  await s.handle({ type: 'run.chose', run: run(['tell']), choiceId: 'tell' });
  await s.handle({ type: 'run.rewound', run: run([], [{ step: 0, choiceId: 'tell', at: 'x' }]), choiceId: 'tell' });
  await s.handle({ type: 'run.chose', run: run(['ask'], [{ step: 0, choiceId: 'tell', at: 'x' }]), choiceId: 'ask' });
  await s.handle({ type: 'run.chose', run: run(['ask', 'explore'], [{ step: 0, choiceId: 'tell', at: 'x' }]), choiceId: 'explore' });
  await s.handle({ type: 'run.completed', run: run(['ask', 'explore']), attempt: attempt(['ask', 'explore']) });
}

beforeEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  const db = await openRecordsDb();
  await db.clear('outbox');
});

describe('XapiSession (cmi5 rules)', () => {
  it('sends one attempt as valid statements, in order, with the details the engine resolves', async () => {
    const lrs = fakeLrs();
    const { s } = session(lrs);
    await play(s);
    expect(await s.outbox.drained()).toBe(true);
    expect(lrs.verbs()).toEqual(['initialized', 'answered', 'rewound', 'answered', 'answered', 'completed', 'passed', 'terminated']);
    const [init, tell, rew, ask, , completed, passed, term] = lrs.all();

    // Every statement: the launch's actor, the registration, the attempt and scenario version.
    for (const st of lrs.all()) {
      expect(st.actor).toEqual(actor);
      expect(st.context?.registration).toBe(registration);
      expect(st.context?.extensions?.[EXT.attemptId]).toBe(run([]).id);
      expect(st.context?.extensions?.[EXT.scenarioVersion]).toBe(loaded.version);
      expect(st.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe('session-1');
      expect(JSON.stringify(st)).not.toContain('private reflection');
    }
    // cmi5-defined statements: the AU as object, the cmi5 category.
    expect(init!.object).toEqual({ objectType: 'Activity', id: AU });
    expect(init!.context?.contextActivities?.category).toEqual([{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }]);

    expect(tell!.object).toMatchObject({
      id: `${AU}/node/opening`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        correctResponsesPattern: ['ask'],
      },
    });
    expect((tell!.object as { definition: { choices: unknown[] } }).definition.choices).toEqual([
      { id: 'ask', description: { 'en-US': 'What would you like from today?' } },
      { id: 'tell', description: { 'en-US': 'Just say no.' } },
      { id: 'soothe', description: { 'en-US': 'You are doing great, do not worry.' } },
    ]);
    expect(tell!.result).toMatchObject({
      response: 'tell',
      success: false,
      extensions: {
        [EXT.stance]: 'directing',
        [EXT.markers]: ['7.6'],
        [EXT.flags]: ['supplying-words'],
        [EXT.meters]: { trust: 45, ownership: 20 },
        [EXT.nextNode]: 'middle',
        [EXT.rewound]: false,
      },
    });
    expect(rew!.verb.id).toBe('https://catalyst.example/xapi/verbs/rewound');
    expect(rew!.result).toMatchObject({ response: 'tell', extensions: { [EXT.step]: 0 } });
    expect(ask!.result!.extensions).not.toHaveProperty([EXT.flags]);
    expect(ask!.result).toMatchObject({
      response: 'ask',
      success: true,
      extensions: { [EXT.stance]: 'partnering', [EXT.rewound]: true, [EXT.meters]: { trust: 60, ownership: 55 } },
    });

    expect(completed!.result).toMatchObject({ completion: true, duration: expect.stringMatching(/^PT/) });
    expect(completed!.context?.contextActivities?.category).toContainEqual({ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' });
    expect(passed!.result).toMatchObject({
      success: true,
      score: { scaled: 1 },
      extensions: {
        [EXT.endingId]: 'breakthrough',
        [EXT.outcome]: 'breakthrough',
        [EXT.path]: ['ask', 'explore'],
        [EXT.partneringShare]: 1,
      },
    });
    expect(passed!.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.6);
    expect(term!.object).toEqual({ objectType: 'Activity', id: AU });
  });

  it('fails an attempt below the mastery score, and judges nothing in Browse mode', async () => {
    const lrs = fakeLrs();
    const { s } = session(lrs, frame({ masteryScore: 0.8 }));
    await s.handle({ type: 'run.completed', run: run(['tell', 'explore']), attempt: attempt(['tell', 'explore']) });
    await s.outbox.drained();
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'failed', 'terminated']);
    expect(lrs.all()[2]!.result).toMatchObject({ success: false, score: { scaled: 0.5 } });

    sessionStorage.clear();
    localStorage.clear();
    const browse = fakeLrs();
    const { s: b } = session(browse, frame({ judged: false }));
    await b.handle({ type: 'run.chose', run: run(['ask']), choiceId: 'ask' });
    await b.handle({ type: 'run.completed', run: run(['ask', 'explore']), attempt: attempt(['ask', 'explore']) });
    await b.outbox.drained();
    expect(browse.verbs()).toEqual(['initialized', 'answered', 'terminated']);
    expect(browse.all()[1]!.result!.success).toBeUndefined();
  });

  it('outside cmi5 the attempt is a simulation activity with its title', async () => {
    const lrs = fakeLrs();
    const { s } = session(lrs, frame({ cmi5: false, contextTemplate: undefined, masteryFromLms: false }));
    await s.handle({ type: 'run.started', run: run([]) });
    await s.outbox.drained();
    expect(lrs.all()[0]!.object).toEqual({
      objectType: 'Activity',
      id: AU,
      definition: { type: 'http://adlnet.gov/expapi/activities/simulation', name: { 'en-US': 'Tiny' } },
    });
    // No LMS gave a context template: the scenario's own activity is the only grouping, so the
    // Cohort page's fetch by scenario finds this attempt too.
    expect(lrs.all()[0]!.context?.contextActivities).toEqual({ grouping: [{ id: 'urn:catalyst:scenario:tiny' }] });
  });

  it('a tab closed before a choice reached the outbox: the next session of the launch sends it, once', async () => {
    const lrs = fakeLrs();
    const { s } = session(lrs);
    await s.handle({ type: 'run.started', run: run([]) });
    await s.outbox.drained();
    // The choice is heard, but the tab goes before its statement is built (the scenario never loads).
    const closing = new XapiSession({
      frame: frame(),
      endpoint: 'https://lrs.example.org/xapi/',
      auth: () => 'Basic dGVzdA==',
      destination: 'test',
      deps: { loadScenario: () => new Promise<never>(() => {}), report: () => {} },
      fetch: lrs.fetch,
    });
    void closing.handle({ type: 'run.chose', run: run(['tell']), choiceId: 'tell' });
    await new Promise((r) => setTimeout(r, 20));
    expect(lrs.verbs()).toEqual(['initialized']);

    // The LMS launches the unit again in a new tab (its own sessionStorage): the journal is finished there.
    sessionStorage.clear();
    const reopened = session(lrs).s;
    await reopened.ready;
    expect(await reopened.outbox.drained()).toBe(true);
    expect(lrs.verbs()).toEqual(['initialized', 'answered']);
    expect(lrs.all()[1]!.result?.response).toBe('tell');

    // Nothing is left to send again by a third session.
    const third = session(lrs).s;
    await third.ready;
    expect(await third.outbox.drained()).toBe(true);
    expect(lrs.verbs()).toEqual(['initialized', 'answered']);
  });

  it('keeps statements while the LRS is down, says how many wait, and sends each exactly once when it is back', async () => {
    const lrs = fakeLrs();
    lrs.down = true;
    const { s, statuses } = session(lrs);
    await s.handle({ type: 'run.started', run: run([]) });
    await s.handle({ type: 'run.chose', run: run(['ask']), choiceId: 'ask' });
    await expect.poll(() => statuses.at(-1)).toEqual({ waiting: 2, unreachable: true });
    await expect.poll(() => lrs.posts).toBeGreaterThan(2);
    lrs.down = false;
    expect(await s.outbox.drained()).toBe(true);
    expect(lrs.verbs()).toEqual(['initialized', 'answered']);
    expect(statuses.at(-1)).toEqual({ waiting: 0, unreachable: false });
  });

  it('a new session after a closed tab sends what the old one left, once', async () => {
    const lrs = fakeLrs();
    lrs.down = true;
    const { s } = session(lrs);
    await s.handle({ type: 'run.started', run: run([]) });
    await s.handle({ type: 'run.chose', run: run(['ask']), choiceId: 'ask' });
    // The closing tab's keepalive flush arrives...
    lrs.down = false;
    s.outbox.flushOnPagehide();
    await expect.poll(() => lrs.order.length).toBe(2);
    // ...and the reopened page sends the stored copies again: same ids, no duplicates.
    const { s: reopened } = session(lrs);
    expect(await reopened.outbox.drained()).toBe(true);
    expect(lrs.verbs()).toEqual(['initialized', 'answered']);
    expect(lrs.stored.size).toBe(2);
  });

  it('leaving after a reload still closes the open attempt with terminated, then hands back the return URL', async () => {
    const lrs = fakeLrs();
    const { s } = session(lrs);
    await s.handle({ type: 'run.chose', run: run(['ask']), choiceId: 'ask' });
    const reloaded = new XapiSession({
      frame: frame(),
      endpoint: 'https://lrs.example.org/xapi/',
      auth: () => 'Basic dGVzdA==',
      destination: 'test',
      returnUrl: 'https://lms.example.org/course',
      deps: { loadScenario: async () => loaded, report: () => {} },
      fetch: lrs.fetch,
    });
    expect(await reloaded.leave()).toBe('https://lms.example.org/course');
    expect(lrs.verbs()).toEqual(['initialized', 'answered', 'terminated']);
    expect(await reloaded.leave()).toBe('https://lms.example.org/course');
    expect(lrs.verbs()).toEqual(['initialized', 'answered', 'terminated']);
  });
});
