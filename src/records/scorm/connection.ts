import type { Scorm12Api, Scorm2004Api, ScormVersion } from './find-api';

/**
 * One SCORM session with the LMS, in the words of Catalyst rather than of a data model: the SCORM
 * 1.2 and 2004 data models differ in names, vocabularies and formats, and this is the only file
 * that knows both. A refused value never throws (the trainee's conversation goes on); it is
 * reported once through `onProblem` with the LMS's own error text.
 */

export interface InteractionRecord {
  /** The moment's node id. */
  readonly id: string;
  /** The chosen response's id. */
  readonly response: string;
  /** Partnering: correct; any drift: wrong (1.2) / incorrect (2004). */
  readonly correct: boolean;
  /** The response text (SCORM 2004 only: 1.2 interactions have no description). */
  readonly description: string;
  /** The partnering response ids at this moment, each one correct response pattern. */
  readonly correctResponses: readonly string[];
  readonly at: Date;
}

export interface ScormConnection {
  readonly version: ScormVersion;
  /** 'resume' when the LMS relaunches a suspended attempt. */
  readonly entry: string;
  /** False in browse or review mode: play without judging (no status or score is written). */
  readonly judged: boolean;
  /** The pass mark as a share (0..1): the LMS's mastery score, else the package's 0.6. */
  readonly masteryScore: number;
  /** Longest suspend_data the data model accepts (1.2: 4,096 characters; 2004: 64,000). */
  readonly maxSuspendLength: number;
  suspendData(): string;
  setSuspendData(data: string): void;
  /** Started, not finished: incomplete (unless the LMS already holds a finished status). */
  setIncomplete(): void;
  /** Finished with a partnering share: completed, passed or failed against the mastery score, scored. */
  setResult(share: number): void;
  addInteraction(record: InteractionRecord): void;
  setLocation(nodeId: string): void;
  setExit(exit: 'suspend' | 'normal'): void;
  commit(): void;
  /** Session time, commit, LMSFinish / Terminate. Safe to call twice. */
  finish(sessionMs: number): void;
}

export const DEFAULT_MASTERY = 0.6;

const ok = (r: string | boolean) => r === true || r === 'true';
const two = (n: number) => String(Math.floor(n)).padStart(2, '0');

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS */
export function cmiTimespan(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(Math.min(h, 9999)).padStart(4, '0')}:${two(m)}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration, seconds to two decimals). */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}

/** SCORM 2004 time(second,10,0): local date and time to the second, no zone. */
const isoTime = (d: Date) =>
  `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;

/** SCORM 1.2 CMITime: HH:MM:SS */
const cmiTime = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;

function parseShare(raw: string, scale: number): number | undefined {
  if (raw.trim() === '') return undefined;
  const n = Number(raw) / scale;
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

/** Correct response patterns: at most this many per interaction (moments offer a handful of responses). */
const MAX_PATTERNS = 10;

interface Raw {
  init(): boolean;
  get(key: string): string;
  set(key: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  error(): string;
}

function raw12(api: Scorm12Api): Raw {
  return {
    init: () => ok(api.LMSInitialize('')),
    get: (k) => String(api.LMSGetValue(k) ?? ''),
    set: (k, v) => ok(api.LMSSetValue(k, v)),
    commit: () => ok(api.LMSCommit('')),
    finish: () => ok(api.LMSFinish('')),
    error: () => {
      const code = api.LMSGetLastError();
      return `${api.LMSGetErrorString(code)} (error ${code})`;
    },
  };
}

function raw2004(api: Scorm2004Api): Raw {
  return {
    init: () => ok(api.Initialize('')),
    get: (k) => String(api.GetValue(k) ?? ''),
    set: (k, v) => ok(api.SetValue(k, v)),
    commit: () => ok(api.Commit('')),
    finish: () => ok(api.Terminate('')),
    error: () => {
      const code = api.GetLastError();
      return `${api.GetErrorString(code)} (error ${code})`;
    },
  };
}

/** Initialize the session; throws a plain-words Error when the LMS refuses. */
export function connect(version: '1.2', api: Scorm12Api, onProblem?: (message: string) => void): ScormConnection;
export function connect(version: '2004', api: Scorm2004Api, onProblem?: (message: string) => void): ScormConnection;
export function connect(
  version: ScormVersion,
  api: Scorm12Api | Scorm2004Api,
  onProblem: (message: string) => void = () => {},
): ScormConnection {
  const raw = version === '1.2' ? raw12(api as Scorm12Api) : raw2004(api as Scorm2004Api);
  if (!raw.init()) throw new Error(`The LMS did not start a SCORM ${version} session: ${raw.error()}.`);
  const v12 = version === '1.2';
  let finished = false;
  const set = (key: string, value: string) => {
    if (finished) return;
    if (!raw.set(key, value)) onProblem(`The LMS refused ${key}: ${raw.error()}.`);
  };
  const mode = raw.get(v12 ? 'cmi.core.lesson_mode' : 'cmi.mode');
  const masteryScore =
    (v12 ? parseShare(raw.get('cmi.student_data.mastery_score'), 100) : parseShare(raw.get('cmi.scaled_passing_score'), 1)) ??
    DEFAULT_MASTERY;
  const statusKey = v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';

  return {
    version,
    entry: raw.get(v12 ? 'cmi.core.entry' : 'cmi.entry'),
    judged: mode !== 'browse' && mode !== 'review',
    masteryScore,
    maxSuspendLength: v12 ? 4096 : 64000,
    suspendData: () => raw.get('cmi.suspend_data'),
    setSuspendData: (data) => set('cmi.suspend_data', data),
    setIncomplete() {
      // A relaunch after a finished attempt keeps the finished status until the next ending.
      const now = raw.get(statusKey);
      if (['passed', 'failed', 'completed'].includes(now)) return;
      set(statusKey, 'incomplete');
    },
    setResult(share) {
      const scaled = Math.round(Math.min(1, Math.max(0, share)) * 10000) / 10000;
      const passed = scaled >= masteryScore;
      const raw100 = String(Math.round(scaled * 100));
      if (v12) {
        set('cmi.core.score.min', '0');
        set('cmi.core.score.max', '100');
        set('cmi.core.score.raw', raw100);
        set('cmi.core.lesson_status', passed ? 'passed' : 'failed');
      } else {
        set('cmi.score.min', '0');
        set('cmi.score.max', '100');
        set('cmi.score.raw', raw100);
        set('cmi.score.scaled', String(scaled));
        set('cmi.progress_measure', '1');
        set('cmi.completion_status', 'completed');
        set('cmi.success_status', passed ? 'passed' : 'failed');
      }
    },
    addInteraction(r) {
      const n = Number(raw.get('cmi.interactions._count')) || 0;
      const at = `cmi.interactions.${n}`;
      // Order matters to the LMS: id first, then type, then anything that depends on the type.
      set(`${at}.id`, r.id);
      set(`${at}.type`, 'choice');
      set(`${at}.${v12 ? 'time' : 'timestamp'}`, v12 ? cmiTime(r.at) : isoTime(r.at));
      r.correctResponses.slice(0, MAX_PATTERNS).forEach((id, i) => set(`${at}.correct_responses.${i}.pattern`, id));
      set(`${at}.${v12 ? 'student_response' : 'learner_response'}`, r.response);
      set(`${at}.result`, r.correct ? 'correct' : v12 ? 'wrong' : 'incorrect');
      if (!v12) set(`${at}.description`, r.description.slice(0, 250));
    },
    setLocation: (nodeId) => set(v12 ? 'cmi.core.lesson_location' : 'cmi.location', nodeId),
    setExit: (exit) => set(v12 ? 'cmi.core.exit' : 'cmi.exit', exit === 'suspend' ? 'suspend' : v12 ? '' : 'normal'),
    commit() {
      if (!finished && !raw.commit()) onProblem(`The LMS did not save (commit): ${raw.error()}.`);
    },
    finish(sessionMs) {
      if (finished) return;
      set(v12 ? 'cmi.core.session_time' : 'cmi.session_time', v12 ? cmiTimespan(sessionMs) : isoDuration(sessionMs));
      finished = true;
      if (!raw.finish()) onProblem(`The LMS did not close the session: ${raw.error()}.`);
    },
  };
}
