import type { Statement } from '@xapi/xapi';
import type { RunEvent } from '../../persistence/run-events';
import type { Run } from '../../persistence/progress-schema';
import type { RecordsDeps, RecordsSink } from '../types';
import { Outbox } from './outbox';
import * as S from './statements';

export interface XapiSessionOptions {
  readonly frame: S.StatementFrame;
  readonly endpoint: string;
  readonly auth: () => string;
  readonly destination: string;
  readonly returnUrl?: string;
  /** cmi5: completed and passed go once per registration (§9.3); remembered across launches. */
  readonly oncePerRegistration?: boolean;
  readonly deps: RecordsDeps;
  readonly fetch?: typeof fetch;
  readonly backoffMs?: readonly number[];
}

/** Per tab: which attempts this session has opened (initialized) and closed (terminated). */
const SESSION_KEY = 'catalyst.records.session';
type OpenAttempt = Pick<Run, 'id' | 'scenarioId' | 'scenarioVersion' | 'startedAt'> & { title: string };
interface SessionMarks {
  initialized: string[];
  terminated: string[];
  /** The attempt initialized and not yet terminated: a reload must still close it on leaving. */
  open?: OpenAttempt;
}
function readMarks(): SessionMarks {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<SessionMarks>) : {};
    return { initialized: parsed.initialized ?? [], terminated: parsed.terminated ?? [], ...(parsed.open && { open: parsed.open }) };
  } catch {
    return { initialized: [], terminated: [] };
  }
}
function writeMarks(marks: SessionMarks) {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(marks));
  } catch {
    /* the marks only avoid a repeated initialized; losing them costs one extra statement */
  }
}

interface JournalEntry {
  readonly id: string;
  readonly event: RunEvent;
  /** Decided when the event was heard, in that tab: whether it opens or closes the attempt. */
  readonly initialize: boolean;
  readonly terminate: boolean;
}
function readJournal(key: string): JournalEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as JournalEntry[]) : [];
  } catch {
    return [];
  }
}
function writeJournal(key: string, entries: readonly JournalEntry[]) {
  try {
    if (entries.length) localStorage.setItem(key, JSON.stringify(entries));
    else localStorage.removeItem(key);
  } catch {
    /* storage full: the event is still recorded unless the tab closes before the outbox has it */
  }
}

const ONCE_KEY = (registration: string) => `catalyst.cmi5.satisfied.${registration}`;

/**
 * The xAPI record keeper shared by cmi5 and the xAPI link launch: turns run events into
 * statements (details resolved by the engine from the run's path) and puts them in the outbox.
 */
export class XapiSession implements RecordsSink {
  readonly destination: string;
  readonly judged: boolean;
  readonly canLeave: boolean;
  readonly outbox: Outbox;

  constructor(private readonly opts: XapiSessionOptions) {
    this.destination = opts.destination;
    this.judged = opts.frame.judged;
    // Only cmi5 names a place to return to (returnURL); an xAPI link has none.
    this.canLeave = opts.returnUrl !== undefined;
    this.outbox = new Outbox({
      endpoint: opts.endpoint,
      auth: opts.auth,
      onStatus: (s) => opts.deps.report(s),
      ...(opts.fetch && { fetch: opts.fetch }),
      ...(opts.backoffMs && { backoffMs: opts.backoffMs }),
    });
    const f = opts.frame;
    this.journalKey = `catalyst.records.journal.${f.registration ?? ''}.${f.activityId}`;
    this.ready = this.replayJournal().catch((error: unknown) =>
      console.error('Catalyst records: an unfinished event could not be recorded.', error),
    );
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', () => this.outbox.flushOnPagehide());
      window.addEventListener('online', () => this.outbox.kick());
    }
  }

  /**
   * Run events heard but not yet in the outbox. The outbox is IndexedDB (asynchronous), and the
   * statements need the scenario (an asynchronous load), so a tab closed right after a choice could
   * lose the choice's statement while the trainee's progress (localStorage) keeps the choice. Each
   * event is therefore written here first, synchronously, with the per-tab decisions already made
   * (send `initialized`? `terminated`?), and removed once its statements are in the outbox. The next
   * session of the same launch finishes what a closed tab left (e2e: a page closed while a send is
   * in flight).
   */
  private readonly journalKey: string;
  /** Resolves once what a closed tab of this launch left in the journal is in the outbox. */
  readonly ready: Promise<void>;

  async handle(event: RunEvent): Promise<void> {
    const { run } = event;
    // Synchronous: the per-tab marks and the journal entry, before anything can be lost.
    const marks = readMarks();
    const initialize = !marks.initialized.includes(run.id) && !marks.terminated.includes(run.id);
    if (initialize) marks.initialized.push(run.id);
    const terminate = event.type === 'run.completed' || (event.type === 'run.abandoned' && !marks.terminated.includes(run.id));
    if (terminate) marks.terminated.push(run.id);
    writeMarks(marks);
    const entry: JournalEntry = { id: this.opts.frame.newId(), event, initialize, terminate };
    writeJournal(this.journalKey, [...readJournal(this.journalKey), entry]);
    await this.ready;
    await this.process(entry);
  }

  /** Finish the events a closed tab of this launch left in the journal, in order. */
  private async replayJournal(): Promise<void> {
    for (const entry of readJournal(this.journalKey)) await this.process(entry);
  }

  /** Build an event's statements, put them in the outbox, then strike it from the journal. */
  private async process({ id, event, initialize, terminate }: JournalEntry): Promise<void> {
    const { run } = event;
    const done = () =>
      writeJournal(
        this.journalKey,
        readJournal(this.journalKey).filter((e) => e.id !== id),
      );
    const loaded = await this.opts.deps.loadScenario(run.scenarioId);
    if (!loaded) {
      console.error(`Catalyst records: scenario "${run.scenarioId}" is not available; its event was not recorded.`);
      done();
      return;
    }
    const frame = this.opts.frame;
    const title = loaded.scenario.title;
    const out: Statement[] = [];
    if (initialize) out.push(S.initialized(frame, run, title));
    const marks = readMarks();
    marks.open = { id: run.id, scenarioId: run.scenarioId, scenarioVersion: run.scenarioVersion, startedAt: run.startedAt, title };

    switch (event.type) {
      case 'run.started':
        break;
      case 'run.chose': {
        const step = S.resolveLastChoice(loaded, run.path);
        if (step) out.push(S.answered(frame, run, title, step));
        else console.error('Catalyst records: this run no longer fits its scenario; the choice was not recorded.');
        break;
      }
      case 'run.rewound': {
        const nodeId = S.resolveNodeAt(loaded, run.path);
        const node = nodeId === undefined ? undefined : loaded.scenario.nodes[nodeId];
        if (nodeId !== undefined && node?.kind === 'moment')
          out.push(S.rewound(frame, run, title, nodeId, node, event.choiceId, run.path.length));
        break;
      }
      case 'run.completed': {
        const { attempt } = event;
        const share = S.shareOf(loaded, attempt.path);
        const include = this.judgementsAllowed();
        out.push(...S.attemptFinished(frame, attempt, share, include));
        if (frame.judged) this.rememberJudged(include, share >= frame.masteryScore);
        out.push(S.terminated(frame, run, title));
        delete marks.open;
        break;
      }
      case 'run.abandoned':
        if (terminate) out.push(S.terminated(frame, run, title));
        delete marks.open;
        break;
    }
    writeMarks(marks);
    await this.outbox.enqueue(out);
    done();
  }

  async leave(): Promise<string | undefined> {
    const marks = readMarks();
    const open = marks.open;
    if (open && !marks.terminated.includes(open.id)) {
      marks.terminated.push(open.id);
      delete marks.open;
      writeMarks(marks);
      await this.outbox.enqueue([S.terminated(this.opts.frame, open, open.title)]);
    }
    this.outbox.kick();
    await this.outbox.drained(5_000);
    return this.opts.returnUrl;
  }

  private judgementsAllowed(): { completed: boolean; judgement: boolean } {
    const registration = this.opts.frame.registration;
    if (!this.opts.oncePerRegistration || !registration) return { completed: true, judgement: true };
    const done = readOnce(registration);
    return { completed: !done.completed, judgement: !done.passed };
  }

  private rememberJudged(include: { completed: boolean; judgement: boolean }, passed: boolean) {
    const registration = this.opts.frame.registration;
    if (!this.opts.oncePerRegistration || !registration) return;
    const done = readOnce(registration);
    try {
      localStorage.setItem(
        ONCE_KEY(registration),
        JSON.stringify({ completed: done.completed || include.completed, passed: done.passed || (include.judgement && passed) }),
      );
    } catch {
      /* storage full: the LMS ignores a repeated completed */
    }
  }
}

function readOnce(registration: string): { completed: boolean; passed: boolean } {
  try {
    const v = JSON.parse(localStorage.getItem(ONCE_KEY(registration)) ?? '{}') as { completed?: boolean; passed?: boolean };
    return { completed: !!v.completed, passed: !!v.passed };
  } catch {
    return { completed: false, passed: false };
  }
}
