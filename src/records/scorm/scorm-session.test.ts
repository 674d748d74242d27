// @vitest-environment happy-dom
/**
 * The SCO against scorm-again's real Scorm12API / Scorm2004API objects (the run-time an LMS such
 * as Moodle's or SCORM Cloud's emulates), installed where an LMS puts them: on the window.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { validateScenarioData, type Scenario } from '../../domain';
import { summarize } from '../../domain/summary';
import { runSchema, type Attempt, type Run } from '../../persistence/progress-schema';
import type { RunEvent } from '../../persistence/run-events';
import type { LoadedScenario } from '../../persistence/scenarios';
import { tinyScenario } from '../../testing/fixtures';
import { startScormSession, type RunStore, type ScormSession } from './scorm-session';

const scenario = validateScenarioData(tinyScenario()).scenario as Scenario;
const loaded: LoadedScenario = { scenario, version: 'v1', summary: summarize(scenario, 'v1'), source: 'bundled' };

/** What the LMS would store: the data model as scorm-again commits it (write-only elements too). */
type Held = { cmi: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
const held = (api: Scorm12API | Scorm2004API): Held['cmi'] => (JSON.parse(JSON.stringify(api.renderCommitCMI(true))) as Held).cmi;
const interactions = (api: Scorm12API | Scorm2004API) => Object.values(held(api).interactions as Record<string, Record<string, any>>); // eslint-disable-line @typescript-eslint/no-explicit-any

type Win = Window & { API?: unknown; API_1484_11?: unknown };
const win = window as Win;

/** An in-memory progress store that validates adopted runs as the real one does. */
function memoryStore(initial?: Run): RunStore & { runs: Map<string, Run>; offered: unknown[] } {
  const runs = new Map<string, Run>(initial ? [[initial.scenarioId, initial]] : []);
  const offered: unknown[] = [];
  return {
    runs,
    offered,
    runFor: (id) => runs.get(id),
    adoptRun(candidate) {
      offered.push(candidate);
      const parsed = v.safeParse(runSchema, candidate);
      if (!parsed.success) return false;
      runs.set(parsed.output.scenarioId, parsed.output);
      return true;
    },
  };
}

const baseRun = (path: string[] = []): Run => ({
  id: 'run-1',
  scenarioId: 'tiny',
  scenarioVersion: 'v1',
  startedAt: '2026-11-30T10:00:00.000Z',
  path,
  rewinds: [],
  awaitingContinue: false,
  seed: 1234,
});

const attemptOf = (run: Run, partneringShare: number): Attempt => ({
  id: run.id,
  scenarioId: run.scenarioId,
  scenarioVersion: run.scenarioVersion,
  scenarioTitle: 'Tiny',
  startedAt: run.startedAt,
  finishedAt: '2026-11-30T10:05:00.000Z',
  path: run.path,
  rewinds: run.rewinds,
  status: 'completed',
  endingId: 'stalled',
  outcome: 'stalled',
  partneringShare,
  choices: run.path.length,
  note: '',
});

/** Play `path` through the session as the progress store announces it. */
async function play(session: ScormSession, path: string[]): Promise<Run> {
  let run = baseRun();
  await session.handle({ type: 'run.started', run });
  for (const choiceId of path) {
    run = { ...run, path: [...run.path, choiceId] };
    await session.handle({ type: 'run.chose', run, choiceId } satisfies RunEvent);
  }
  return run;
}

const quiet = { logLevel: 5 } as never;
let time = Date.parse('2026-11-30T10:00:00Z');
const deps = (store: RunStore, problems: string[] = []) => ({
  loadScenario: async (id: string) => (id === 'tiny' ? loaded : undefined),
  store,
  report: (s: { problem?: string }) => void (s.problem && problems.push(s.problem)),
  now: () => (time += 1000),
});

afterEach(() => {
  delete win.API;
  delete win.API_1484_11;
});

describe('SCORM 1.2 SCO', () => {
  it('records status, score and one interaction per choice, and finishes with a normal exit after the ending', async () => {
    const api = new Scorm12API(quiet);
    win.API = api;
    const session = await startScormSession('1.2', 'tiny', deps(memoryStore()));
    expect(api.isInitialized()).toBe(true);
    expect(api.cmi.core.lesson_status).toBe('incomplete');

    const run = await play(session, ['ask', 'agree']);
    expect(interactions(api)).toHaveLength(2);
    const [first, second] = interactions(api);
    expect([first!.id, first!.type, first!.student_response, first!.result]).toEqual(['opening', 'choice', 'ask', 'correct']);
    expect([second!.id, second!.student_response, second!.result]).toEqual(['middle', 'agree', 'wrong']);
    expect(Object.values(first!.correct_responses).map((p) => (p as { pattern: string }).pattern)).toEqual(['ask']);
    expect(api.cmi.core.lesson_location).toBe('middle');
    expect(JSON.parse(api.cmi.suspend_data)).toEqual({ catalyst: 1, run: { ...run } });

    await session.handle({ type: 'run.completed', run, attempt: attemptOf(run, 0.5) });
    expect(api.cmi.core.lesson_status).toBe('failed'); // 0.5 < 0.6, the package's mastery score
    expect(api.cmi.core.score.raw).toBe('50');
    expect(api.cmi.suspend_data).toBe('');

    window.dispatchEvent(new Event('pagehide'));
    expect(api.isTerminated()).toBe(true);
    expect(held(api).core.exit).toBe('');
  });

  it('passes against the mastery score the LMS sets, and suspends when the trainee leaves mid-run', async () => {
    const api = new Scorm12API(quiet);
    api.loadFromJSON({ student_data: { mastery_score: '40' } }, '');
    win.API = api;
    const session = await startScormSession('1.2', 'tiny', deps(memoryStore()));
    const run = await play(session, ['tell', 'explore']);
    await session.handle({ type: 'run.completed', run, attempt: attemptOf(run, 0.5) });
    expect(api.cmi.core.lesson_status).toBe('passed');

    const again = new Scorm12API(quiet);
    win.API = again;
    const second = await startScormSession('1.2', 'tiny', deps(memoryStore()));
    await play(second, ['ask']);
    await second.leave();
    expect(again.isTerminated()).toBe(true);
    expect(held(again).core.exit).toBe('suspend');
    expect(held(again).core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
  });

  it('resumes through the LMS: the suspended run (path and order seed) is adopted into the progress store', async () => {
    const first = new Scorm12API(quiet);
    win.API = first;
    const session = await startScormSession('1.2', 'tiny', deps(memoryStore()));
    const run = await play(session, ['soothe']);
    await session.leave();
    const kept = first.cmi.suspend_data;

    // The LMS relaunches the attempt on another device: empty local storage, its suspend_data.
    const relaunch = new Scorm12API(quiet);
    relaunch.loadFromJSON({ suspend_data: kept, core: { entry: 'resume', lesson_status: 'incomplete' } }, '');
    win.API = relaunch;
    const store = memoryStore();
    const resumed = await startScormSession('1.2', 'tiny', deps(store));
    expect(resumed.resumed).toBe('adopted');
    // The whole run, order seed included, is what the store now holds.
    expect(store.offered).toEqual([run]);
    expect(store.runs.get('tiny')).toEqual(run);
    expect(store.runs.get('tiny')!.seed).toBe(1234);

    // The same run still in this browser wins over nothing new: nothing is replaced.
    const third = new Scorm12API(quiet);
    third.loadFromJSON({ suspend_data: kept, core: { entry: 'resume' } }, '');
    win.API = third;
    const local = memoryStore({ ...run, path: ['soothe', 'explore'] });
    expect((await startScormSession('1.2', 'tiny', deps(local))).resumed).toBe('kept-local');
    expect(local.runs.get('tiny')!.path).toEqual(['soothe', 'explore']);
  });

  it('writes no status or score in browse mode', async () => {
    const api = new Scorm12API(quiet);
    api.loadFromJSON({ core: { lesson_mode: 'browse' } }, '');
    win.API = api;
    const session = await startScormSession('1.2', 'tiny', deps(memoryStore()));
    expect(session.judged).toBe(false);
    const run = await play(session, ['ask']);
    await session.handle({ type: 'run.completed', run, attempt: attemptOf(run, 1) });
    expect(api.cmi.core.lesson_status).not.toMatch(/passed|failed/);
    expect(interactions(api)).toHaveLength(1);
  });
});

describe('SCORM 2004 SCO', () => {
  it('records completion, success, scaled score and interactions with the response text', async () => {
    const api = new Scorm2004API(quiet);
    win.API_1484_11 = api;
    const session = await startScormSession('2004', 'tiny', deps(memoryStore()));
    expect(api.cmi.completion_status).toBe('incomplete');
    const run = await play(session, ['tell', 'explore']);
    const [first, second] = interactions(api);
    expect([first!.id, first!.type, first!.learner_response, first!.result, first!.description]).toEqual([
      'opening',
      'choice',
      'tell',
      'incorrect',
      'Just say no.',
    ]);
    expect([second!.id, second!.learner_response, second!.result]).toEqual(['middle', 'explore', 'correct']);
    expect(first!.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

    await session.handle({ type: 'run.completed', run, attempt: attemptOf(run, 0.5) });
    expect([api.cmi.completion_status, api.cmi.success_status, api.cmi.score.scaled, api.cmi.score.raw]).toEqual([
      'completed',
      'failed',
      '0.5',
      '50',
    ]);
    await session.leave();
    expect(api.isTerminated()).toBe(true);
    expect(held(api).exit).toBe('normal');
    expect(held(api).session_time).toMatch(/^PT/);
  });

  it('judges against the LMS scaled passing score and resumes a suspended run', async () => {
    const api = new Scorm2004API(quiet);
    api.loadFromJSON({ scaled_passing_score: '0.4' }, '');
    win.API_1484_11 = api;
    const session = await startScormSession('2004', 'tiny', deps(memoryStore()));
    const run = await play(session, ['tell']);
    window.dispatchEvent(new Event('pagehide'));
    expect(held(api).exit).toBe('suspend');

    const relaunch = new Scorm2004API(quiet);
    relaunch.loadFromJSON({ suspend_data: api.cmi.suspend_data, entry: 'resume', scaled_passing_score: '0.4' }, '');
    win.API_1484_11 = relaunch;
    const store = memoryStore();
    const resumed = await startScormSession('2004', 'tiny', deps(store));
    expect(resumed.resumed).toBe('adopted');
    expect(store.runs.get('tiny')!.path).toEqual(['tell']);
    const finished = { ...run, path: ['tell', 'explore'] };
    await resumed.handle({ type: 'run.chose', run: finished, choiceId: 'explore' });
    await resumed.handle({ type: 'run.completed', run: finished, attempt: attemptOf(finished, 0.5) });
    expect(relaunch.cmi.success_status).toBe('passed');
  });
});

describe('launch problems', () => {
  it('says in plain words when no LMS API is around the SCO', async () => {
    await expect(startScormSession('1.2', 'tiny', deps(memoryStore()))).rejects.toThrow(/no window\.API in any parent window or opener/);
    win.API = new Scorm12API(quiet); // a 1.2 API is no use to a 2004 SCO
    await expect(startScormSession('2004', 'tiny', deps(memoryStore()))).rejects.toThrow(/no window\.API_1484_11/);
  });

  it('names a scenario the package does not hold', async () => {
    win.API = new Scorm12API(quiet);
    await expect(startScormSession('1.2', 'missing', deps(memoryStore()))).rejects.toThrow('This package has no scenario "missing"');
  });

  it('ignores unreadable suspend_data and reports a run the store refuses, starting afresh', async () => {
    const api = new Scorm12API(quiet);
    api.loadFromJSON({ suspend_data: '{"catalyst":1,"run":{"scenarioId":"tiny","path":"not a list"}}' }, '');
    win.API = api;
    const problems: string[] = [];
    const store = memoryStore();
    const session = await startScormSession('1.2', 'tiny', deps(store, problems));
    expect(session.resumed).toBe('none');
    expect(store.runs.size).toBe(0);
    expect(problems).toEqual(['The LMS kept a conversation this version of the scenario cannot resume; it starts afresh.']);
  });
});
