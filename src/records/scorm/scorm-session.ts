import { compileScenario, replay, resolveSteps, type PlayerMachine } from '../../engine';
import type { Scenario } from '../../domain/schema';
import type { RunEvent } from '../../persistence/run-events';
import type { LoadedScenario } from '../../persistence/scenarios';
import { connect, type ScormConnection } from './connection';
import { findScormApi, type ScormVersion } from './find-api';
import { decodeSuspendData, encodeSuspendData } from './suspend-data';

/**
 * Catalyst as a SCORM 1.2 / 2004 SCO: hears the launched scenario's run events (in order) and
 * keeps the LMS's data model up to date:
 * - status: incomplete while a run is open; at the ending completed + passed/failed against the
 *   mastery score, with the partnering share as the score (1.2: raw 0-100; 2004: scaled 0-1 too);
 * - one interaction per choice: id = node id, type choice, learner response = choice id, result
 *   correct for partnering and wrong/incorrect for drift, description = the response text (2004),
 *   the moment's partnering responses as the correct response patterns;
 * - suspend_data: the open run (path and order seed), read back at launch so the LMS's own resume
 *   resumes the conversation;
 * - exit: suspend when the trainee leaves mid-run (pagehide or "Return to course"), normal after
 *   an ending; then LMSFinish / Terminate, once.
 * Every change is committed at once: an LMS tab can be closed at any moment.
 */

/** The slice of the progress store a SCO needs. */
export interface RunStore {
  /** The open run for a scenario, if any. */
  runFor(scenarioId: string): { readonly id: string; readonly path: readonly string[] } | undefined;
  /** Put a run (validated by the store) in place as the scenario's open run; false when invalid. */
  adoptRun(run: unknown): boolean;
}

export interface ScormSessionDeps {
  loadScenario(id: string): Promise<LoadedScenario | undefined>;
  store: RunStore;
  /** A problem the trainee should know about, in plain words. */
  report?(status: { problem?: string }): void;
  now?: () => number;
}

export interface ScormSession {
  readonly destination: string;
  readonly judged: boolean;
  /** What happened to the suspended run at launch. */
  readonly resumed: 'none' | 'adopted' | 'kept-local';
  handle(event: RunEvent): Promise<void>;
  /** The trainee leaves: exit suspend (mid-run) or normal, then finish. */
  leave(): Promise<string | undefined>;
}

const VERSION_NAME: Record<ScormVersion, string> = { '1.2': 'SCORM 1.2', '2004': 'SCORM 2004' };

export async function startScormSession(
  version: ScormVersion,
  scenarioId: string,
  deps: ScormSessionDeps,
  win: Window = window,
): Promise<ScormSession> {
  const name = VERSION_NAME[version];
  const api = version === '1.2' ? findScormApi('1.2', win) : findScormApi('2004', win);
  if (!api)
    throw new Error(
      `Catalyst was opened as a ${name} package, but no LMS was found around it (no ${version === '1.2' ? 'window.API' : 'window.API_1484_11'} in any parent window or opener). Open it from your course in the LMS.`,
    );
  const loaded = await deps.loadScenario(scenarioId);
  if (!loaded) throw new Error(`This package has no scenario "${scenarioId}".`);

  const problems = new Set<string>();
  const onProblem = (message: string) => {
    if (problems.has(message)) return;
    problems.add(message);
    console.error(`Catalyst ${name}: ${message}`);
    deps.report?.({ problem: message });
  };
  const lms: ScormConnection = version === '1.2' ? connect('1.2', api as never, onProblem) : connect('2004', api as never, onProblem);
  const now = deps.now ?? (() => Date.now());
  const startedAt = now();

  // Resume through the LMS: its suspend_data holds the run this attempt left open.
  let resumed: ScormSession['resumed'] = 'none';
  const suspended = decodeSuspendData(lms.suspendData());
  if (suspended && suspended.scenarioId === scenarioId) {
    const local = deps.store.runFor(scenarioId);
    // The same run in this browser's storage is at least as fresh (suspend_data is written after
    // the store); a different or missing one yields to the LMS's, which is this attempt's record.
    if (local && local.id === suspended.run.id) resumed = 'kept-local';
    else if (deps.store.adoptRun(suspended.run)) resumed = 'adopted';
    else onProblem('The LMS kept a conversation this version of the scenario cannot resume; it starts afresh.');
  }
  let open = deps.store.runFor(scenarioId) !== undefined;
  if (lms.judged) lms.setIncomplete();
  lms.commit();

  const { scenario } = loaded;
  let machine: PlayerMachine | undefined;
  const stepOf = (path: readonly string[]) => {
    machine ??= compileScenario(scenario);
    const result = replay(machine, path);
    if (!result.ok) return undefined;
    result.actor.stop();
    return resolveSteps(scenario, result.snapshot.context.steps).at(-1);
  };

  const saveRun = (run: Parameters<typeof encodeSuspendData>[0]) => {
    const data = encodeSuspendData(run, lms.maxSuspendLength);
    if (data === undefined) onProblem(`This conversation is too long for ${name} to keep for a resume.`);
    else lms.setSuspendData(data);
  };

  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    lms.setExit(open ? 'suspend' : 'normal');
    lms.finish(now() - startedAt);
  };
  // Closing the tab or the LMS unloading the frame mid-run: exit suspend, so the attempt resumes.
  win.addEventListener('pagehide', finish);

  return {
    destination: `Your LMS (${name}): progress, score and each response go to the course${lms.judged ? '' : ' (browse mode: not scored)'}.`,
    judged: lms.judged,
    resumed,
    async handle(event) {
      if (finished || event.run.scenarioId !== scenarioId) return;
      switch (event.type) {
        case 'run.started':
          open = true;
          if (lms.judged) lms.setIncomplete();
          saveRun(event.run);
          break;
        case 'run.chose': {
          open = true;
          const step = stepOf(event.run.path);
          if (step) {
            lms.addInteraction({
              id: step.nodeId,
              response: step.choice.id,
              correct: step.choice.stance === 'partnering',
              description: step.choice.text,
              correctResponses: partneringIds(scenario, step.nodeId),
              at: new Date(now()),
            });
            lms.setLocation(step.nodeId);
          }
          saveRun(event.run);
          break;
        }
        case 'run.rewound':
          saveRun(event.run);
          break;
        case 'run.completed':
          open = false;
          if (lms.judged) lms.setResult(event.attempt.partneringShare);
          lms.setSuspendData('');
          break;
        case 'run.abandoned':
          open = false;
          lms.setSuspendData('');
          break;
      }
      lms.commit();
    },
    async leave() {
      finish();
      return undefined;
    },
  };
}

function partneringIds(scenario: Scenario, nodeId: string): string[] {
  const node = scenario.nodes[nodeId];
  return node?.kind === 'moment' ? node.choices.filter((c) => c.stance === 'partnering').map((c) => c.id) : [];
}
