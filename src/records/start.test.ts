import { describe, expect, it } from 'vitest';
import { emitRunEvent, type RunEvent } from '../persistence/run-events';
import type { Run } from '../persistence/progress-schema';
import type { RecordsLaunch } from './launch';
import { startRecords } from './start';
import { useRecordsStatus } from '../persistence/records-status';
import type { RecordsModule, RecordsSink } from './types';

const launch: RecordsLaunch = { ok: true, mode: 'scorm12', scenarioId: 'tiny' };
const run: Run = {
  id: 'r1',
  scenarioId: 'tiny',
  scenarioVersion: 'v1',
  startedAt: '2026-01-01T00:00:00.000Z',
  path: [],
  rewinds: [],
  awaitingContinue: false,
  seed: 1,
};

function recordingModule(gate: Promise<void>) {
  const seen: string[] = [];
  const mod: RecordsModule = {
    async start() {
      await gate;
      const sink: RecordsSink = {
        destination: 'To the test LMS.',
        judged: true,
        async handle(e: RunEvent) {
          // Slow handling must not reorder events.
          await new Promise((r) => setTimeout(r, e.type === 'run.started' ? 20 : 0));
          seen.push(e.type === 'run.chose' ? `chose ${e.choiceId}` : e.type);
        },
        leave: async () => undefined,
      };
      return sink;
    },
  };
  return { mod, seen };
}

describe('startRecords', () => {
  it('keeps events that happen while the module loads and hands them over in order', async () => {
    let open!: () => void;
    const { mod, seen } = recordingModule(new Promise((r) => (open = r)));
    const started = startRecords(launch, { scorm12: async () => mod }, { loadScenario: async () => undefined, report: () => {} });
    emitRunEvent({ type: 'run.started', run });
    emitRunEvent({ type: 'run.chose', run: { ...run, path: ['ask'] }, choiceId: 'ask' });
    open();
    const result = await started;
    emitRunEvent({ type: 'run.chose', run: { ...run, path: ['ask', 'explore'] }, choiceId: 'explore' });
    await expect.poll(() => seen).toEqual(['run.started', 'chose ask', 'chose explore']);
    expect(result.ok).toBe(true);
    expect(useRecordsStatus.getState().destination).toBe('To the test LMS.');
  });

  it('says plainly when a mode cannot start, and then records nothing', async () => {
    const result = await startRecords(launch, {}, { loadScenario: async () => undefined, report: () => {} });
    expect(result).toEqual({ ok: false, message: 'This copy of Catalyst cannot record SCORM 1.2 results.' });
    expect(useRecordsStatus.getState().problem).toBe('This copy of Catalyst cannot record SCORM 1.2 results.');
  });
});
