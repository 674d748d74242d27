// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../domain/schema';
import { tinyScenario } from '../testing/fixtures';
import { PROGRESS_VERSION, emptyProgress, migrateProgress, type Run } from './progress-schema';
import { PROGRESS_KEY, keptUnreadable, useProgress, useStorageHealth } from './progress-store';
import { discardUnreadable, resumeSaving } from './storage-recovery';
import { abandonRun, completeRun, restartRun } from './run-lifecycle';
import { onRunEvent, type RunEvent } from './run-events';

const tiny = scenarioSchema.parse(tinyScenario());

/** Every run event, with what localStorage held when it was emitted. */
let events: { event: RunEvent; stored: { runs: Record<string, Run>; attempts: { id: string }[] } }[] = [];
let stop: () => void = () => undefined;

beforeEach(() => {
  localStorage.clear();
  useProgress.setState(emptyProgress());
  events = [];
  stop = onRunEvent((event) => {
    const raw = localStorage.getItem(PROGRESS_KEY)!;
    // The full-storage tests below hold unreadable data here on purpose.
    const stored = raw.startsWith('{"version":2,"state":{"runs":{x') ? { runs: {}, attempts: [] } : JSON.parse(raw).state;
    events.push({ event, stored });
  });
});
afterEach(() => stop());

const store = () => useProgress.getState();
const types = () => events.map((e) => e.event.type);

function playTo(path: string[]) {
  const run = store().startRun('tiny', 'v1');
  for (const id of path) store().choose('tiny', id, false);
  return run;
}

describe('run lifecycle in the progress store', () => {
  it('starting a run gives it a seed and announces it after storing it', () => {
    const run = store().startRun('tiny', 'v1');
    expect(Number.isInteger(run.seed)).toBe(true);
    expect(types()).toEqual(['run.started']);
    expect(events[0]!.stored.runs.tiny!.id).toBe(run.id);
  });

  it('announces each choice and each rewind with the run as stored', () => {
    playTo(['tell']);
    store().rewind('tiny');
    expect(types()).toEqual(['run.started', 'run.chose', 'run.rewound']);
    const [, chose, rewound] = events;
    expect(chose!.event).toMatchObject({ type: 'run.chose', choiceId: 'tell' });
    expect(chose!.stored.runs.tiny!.path).toEqual(['tell']);
    expect(rewound!.event).toMatchObject({ type: 'run.rewound', choiceId: 'tell' });
    expect(rewound!.stored.runs.tiny!.path).toEqual([]);
    expect(rewound!.stored.runs.tiny!.rewinds.map((r) => r.choiceId)).toEqual(['tell']);
  });

  it('completes a finished run with the ending and the share the engine computes', () => {
    const run = playTo(['ask', 'agree']); // partnering then colluding: stalled, 1 of 2 partnering
    store().setFeedbackTiming('debrief');
    const id = completeRun(tiny);
    expect(id).toBe(run.id);
    const attempt = store().attempts[0]!;
    expect(attempt).toMatchObject({
      status: 'completed',
      endingId: 'stalled',
      outcome: 'stalled',
      partneringShare: 0.5,
      choices: 2,
      feedbackTiming: 'debrief',
    });
    expect(store().runs.tiny).toBeUndefined();
    const done = events.at(-1)!;
    expect(done.event.type).toBe('run.completed');
    expect(done.stored.attempts.map((a) => a.id)).toEqual([run.id]);
  });

  it('does not complete a run that has not reached an ending', () => {
    playTo(['ask']);
    expect(completeRun(tiny)).toBeUndefined();
    expect(store().attempts).toHaveLength(0);
    expect(types()).not.toContain('run.completed');
  });

  it('abandons a run with its real share, not 0', () => {
    playTo(['ask']);
    abandonRun(tiny, 'restarted');
    expect(store().attempts[0]).toMatchObject({ status: 'abandoned', reason: 'restarted', partneringShare: 1, choices: 1 });
    expect(types().at(-1)).toBe('run.abandoned');
  });

  it('a run that no longer fits the scenario is abandoned with the share of the prefix that fits', () => {
    playTo(['tell']);
    store().choose('tiny', 'gone', false);
    restartRun(tiny, 'v2', 'The scenario changed after this run began: step 2 no longer fits.');
    expect(store().attempts[0]).toMatchObject({ status: 'abandoned', partneringShare: 0, choices: 2 });
    expect(store().runs.tiny).toMatchObject({ scenarioVersion: 'v2', path: [] });
  });

  it('Replay from a debrief while another run is in progress keeps that run as an abandoned attempt and starts afresh', () => {
    playTo(['ask', 'agree']);
    completeRun(tiny); // the debrief's attempt
    const other = playTo(['soothe']); // a second run, in progress
    events = [];
    const fresh = restartRun(tiny, 'v1', 'replayed');
    expect(types()).toEqual(['run.abandoned', 'run.started']);
    const abandoned = store().attempts.find((a) => a.id === other.id)!;
    expect(abandoned).toMatchObject({ status: 'abandoned', reason: 'replayed', partneringShare: 0, choices: 1, path: ['soothe'] });
    expect(store().attempts).toHaveLength(2);
    expect(store().runs.tiny).toEqual(fresh);
    expect(fresh.id).not.toBe(other.id);
    expect(fresh.path).toEqual([]);
  });

  it('restarting a run with nothing in it keeps no empty attempt: the same run, newly shuffled', () => {
    const first = store().startRun('tiny', 'v1');
    const second = restartRun(tiny, 'v1', 'restarted');
    expect(store().attempts).toHaveLength(0);
    expect(second.id).toBe(first.id);
    expect(second.seed).not.toBe(first.seed);
    expect(store().runs.tiny).toEqual(second);
    expect(types()).toEqual(['run.started']);
  });

  it('a run with a choice undone is history: restarting keeps it as an abandoned attempt', () => {
    playTo(['tell']);
    store().rewind('tiny');
    restartRun(tiny, 'v1', 'restarted');
    expect(store().attempts[0]).toMatchObject({ status: 'abandoned', choices: 0, partneringShare: 0, path: [] });
    expect(store().attempts[0]!.rewinds.map((r) => r.choiceId)).toEqual(['tell']);
    expect(types().slice(-2)).toEqual(['run.abandoned', 'run.started']);
  });

  it('each new attempt gets a new seed', () => {
    store().startRun('tiny', 'v1');
    const seeds = new Set(
      Array.from({ length: 20 }, () => {
        store().choose('tiny', 'ask', false);
        return restartRun(tiny, 'v1', 'restarted').seed;
      }),
    );
    expect(seeds.size).toBeGreaterThan(15);
  });

  it('adopts a valid run from an outside resume source without announcing anything', () => {
    const run: Run = {
      id: 'lms',
      scenarioId: 'tiny',
      scenarioVersion: 'v1',
      startedAt: '2026-01-01T00:00:00.000Z',
      path: ['ask'],
      rewinds: [],
      awaitingContinue: false,
      seed: 7,
    };
    expect(store().adoptRun(run)).toBe(true);
    expect(store().runs.tiny).toEqual(run);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).state.runs.tiny).toEqual(run);
    expect(events).toHaveLength(0);
  });

  it('refuses a run from outside that is not valid', () => {
    expect(store().adoptRun({ id: 'x', scenarioId: 'tiny', path: 'ask' })).toBe(false);
    expect(
      store().adoptRun({
        id: 'x',
        scenarioId: 'tiny',
        scenarioVersion: 'v1',
        startedAt: 'soon',
        path: [],
        rewinds: [],
        awaitingContinue: false,
        seed: 1,
      }),
    ).toBe(false);
    expect(store().runs.tiny).toBeUndefined();
  });
});

describe('stored progress versions', () => {
  const v1 = {
    runs: {
      tiny: {
        id: 'r1',
        scenarioId: 'tiny',
        scenarioVersion: 'v1',
        startedAt: '2026-01-01T00:00:00.000Z',
        path: ['ask'],
        rewinds: [],
        awaitingContinue: false,
      },
    },
    attempts: [],
    settings: { feedbackTiming: 'each' },
  };

  it('migrates version 1 runs to version 2 by giving each a stable seed', () => {
    expect(PROGRESS_VERSION).toBe(2);
    const a = migrateProgress(structuredClone(v1), 1);
    const b = migrateProgress(structuredClone(v1), 1);
    expect(Number.isInteger(a.runs.tiny!.seed)).toBe(true);
    expect(a.runs.tiny!.seed).toBe(b.runs.tiny!.seed);
    expect(a.runs.tiny!.path).toEqual(['ask']);
  });

  it('refuses numbers and dates out of range, naming the field', () => {
    const attempt = {
      id: 'a',
      scenarioId: 't',
      scenarioVersion: 'v',
      scenarioTitle: 'T',
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:10:00Z',
      path: [],
      rewinds: [],
      status: 'completed',
      partneringShare: 0.5,
      choices: 2,
      note: '',
    };
    const data = (over: object) => ({ runs: {}, attempts: [{ ...attempt, ...over }], settings: { feedbackTiming: 'each' } });
    expect(() => migrateProgress(data({}), 2)).not.toThrow();
    expect(() => migrateProgress(data({ partneringShare: 7 }), 2)).toThrow(/attempts\.0\.partneringShare/);
    expect(() => migrateProgress(data({ partneringShare: Infinity }), 2)).toThrow(/partneringShare/);
    expect(() => migrateProgress(data({ choices: -1 }), 2)).toThrow(/attempts\.0\.choices/);
    expect(() => migrateProgress(data({ choices: 2.5 }), 2)).toThrow(/choices/);
    expect(() => migrateProgress(data({ finishedAt: 'yesterday' }), 2)).toThrow(/attempts\.0\.finishedAt/);
  });
});

/** A Storage with a size limit in characters, failing writes past it the way browsers do. */
class SmallStorage implements Storage {
  private items = new Map<string, string>();
  constructor(public capacity: number) {}
  get length() {
    return this.items.size;
  }
  private used(except?: string) {
    let n = 0;
    for (const [k, v] of this.items) if (k !== except) n += k.length + v.length;
    return n;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.used(key) + key.length + value.length > this.capacity)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

describe('unreadable progress when storage is full', () => {
  const broken = '{"version":2,"state":{"runs":{' + 'x'.repeat(1000); // truncated JSON
  let small: SmallStorage;

  beforeEach(() => {
    small = new SmallStorage(1500); // room for the unreadable copy, not for a second one
    small.setItem(PROGRESS_KEY, broken);
    small.setItem('another.site', 'y'.repeat(1500 - broken.length - PROGRESS_KEY.length - 20));
    vi.stubGlobal('localStorage', small);
    useStorageHealth.setState({ unreadable: undefined, writeError: undefined, memoryOnly: undefined, downloaded: undefined });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('never overwrites the original, keeps the session in memory and says so', async () => {
    await useProgress.persist.rehydrate();
    expect(useStorageHealth.getState()).toMatchObject({ memoryOnly: true });
    expect(useStorageHealth.getState().unreadable?.aside).toBeUndefined();
    expect(keptUnreadable()).toBe(broken);
    store().startRun('tiny', 'v1');
    store().choose('tiny', 'ask', false);
    expect(store().runs.tiny?.path).toEqual(['ask']);
    expect(small.getItem(PROGRESS_KEY)).toBe(broken);
    // Still full: trying again changes nothing.
    expect(resumeSaving()).toBe(false);
    expect(small.getItem(PROGRESS_KEY)).toBe(broken);
  });

  it('once there is room, copies the original aside and saves the session', async () => {
    await useProgress.persist.rehydrate();
    store().startRun('tiny', 'v1');
    store().choose('tiny', 'ask', false);
    small.capacity = 10_000;
    expect(resumeSaving()).toBe(true);
    const aside = useStorageHealth.getState().unreadable?.aside;
    expect(aside).toMatch(/^catalyst\.progress\.unreadable\./);
    expect(small.getItem(aside!)).toBe(broken);
    expect(JSON.parse(small.getItem(PROGRESS_KEY)!).state.runs.tiny.path).toEqual(['ask']);
    expect(useStorageHealth.getState().memoryOnly).toBe(false);
  });

  it('removes the original only when asked, then saves the session in its place', async () => {
    await useProgress.persist.rehydrate();
    store().startRun('tiny', 'v1');
    expect(small.getItem(PROGRESS_KEY)).toBe(broken);
    expect(discardUnreadable()).toBe(true);
    expect(JSON.parse(small.getItem(PROGRESS_KEY)!).state.runs.tiny.path).toEqual([]);
  });
});
