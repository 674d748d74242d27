import { hashString } from '../../lib/hash';
import { EXT, NODE_SEGMENT, VERB_IDS } from '../../domain/xapi-iris';

/**
 * Reading cohort records: xAPI statements (an array, an LRS StatementResult `{statements, more}`
 * or one statement) and trainees' progress exports (Progress page → Export), into one internal
 * record per attempt. Nothing is dropped silently: every statement or attempt that is not used
 * is counted under a reason, with the file it came from and an example.
 */

/** One answer as the statement recorded it. */
export interface RecordedAnswer {
  readonly nodeId: string;
  readonly choiceId: string;
  readonly stance?: string;
  readonly flags: readonly string[];
  readonly meters?: Readonly<Record<string, number>>;
  readonly step: number;
  /** Milliseconds since the epoch; the later answer for a step replaces an earlier (rewound) one. */
  readonly at: number;
}

export interface CohortAttempt {
  readonly attemptId: string;
  /** Stable identity of the trainee: the xAPI actor's IFI, or the progress export's file name. */
  readonly actorKey: string;
  actorName: string;
  readonly from: 'statements' | 'progress';
  readonly sourceName: string;
  readonly scenarioId: string;
  scenarioVersion: string;
  /** Answers by step index (statements only). */
  readonly answers: Map<number, RecordedAnswer>;
  /** The attempt's path of choice ids, when an attempt statement or a progress export has it. */
  path?: readonly string[];
  endingId?: string;
  outcome?: string;
  finished: boolean;
  /** Answers given, including ones later taken back. */
  answered: number;
  rewinds: number;
  /** Latest time seen on the attempt (ms since the epoch), to find a trainee's latest attempt. */
  lastAt: number;
}

export interface SkipNote {
  readonly source: string;
  readonly reason: string;
  count: number;
  /** Where the first one was: "statement 3", "line 4, column 7", "attempt 2". */
  readonly example: string;
}

export interface ReadResult {
  readonly attempts: Map<string, CohortAttempt>;
  readonly skipped: SkipNote[];
  files: number;
  statements: number;
  duplicates: number;
}

export const newReadResult = (): ReadResult => ({ attempts: new Map(), skipped: [], files: 0, statements: 0, duplicates: 0 });

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Short, stable, not reversible by eye: 8 hex digits of a 53-bit hash of the actor's identity. */
export const traineeHash = (actorKey: string): string => hashString(actorKey).slice(-8);

/** The actor's inverse functional identifier (xAPI 2.4.2.3) and a display name. */
export function actorIdentity(actor: unknown): { key: string; name: string } | undefined {
  if (!isObj(actor)) return undefined;
  const name = str(actor.name);
  const mbox = str(actor.mbox);
  if (mbox) return { key: `mbox:${mbox.toLowerCase()}`, name: name ?? mbox.replace(/^mailto:/, '') };
  const sha = str(actor.mbox_sha1sum);
  if (sha) return { key: `sha1:${sha.toLowerCase()}`, name: name ?? sha.slice(0, 8) };
  const openid = str(actor.openid);
  if (openid) return { key: `openid:${openid}`, name: name ?? openid };
  if (isObj(actor.account)) {
    const home = str(actor.account.homePage);
    const acct = str(actor.account.name);
    if (home && acct) return { key: `account:${home}|${acct}`, name: name ?? acct };
  }
  return undefined;
}

function skip(result: ReadResult, source: string, reason: string, example: string): void {
  const note = result.skipped.find((n) => n.source === source && n.reason === reason);
  if (note) note.count++;
  else result.skipped.push({ source, reason, count: 1, example });
}

/**
 * Offset of the first JSON syntax error in `text` (a small recursive-descent scan, run only after
 * JSON.parse failed: engines differ in whether their message gives a position, Chromium's often not).
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || !m[0]) fail();
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '"') string();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else number();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : 0;
  }
}

/** "line 3, column 14": where a file's JSON first goes wrong. */
export function jsonErrorPlace(text: string): string {
  const at = jsonErrorOffset(text);
  if (at < 0) return 'the file';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `line ${line}, column ${at - before.lastIndexOf('\n')}`;
}

/** Read one file's text (JSON). Malformed JSON and unknown shapes are reported, never thrown. */
export function readFileText(result: ReadResult, name: string, text: string): void {
  result.files++;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    skip(result, name, 'not valid JSON, so nothing in this file was read', jsonErrorPlace(text));
    return;
  }
  readJson(result, name, data);
}

/** Read parsed JSON of any shape the cohort view accepts. */
export function readJson(result: ReadResult, name: string, data: unknown): void {
  if (Array.isArray(data)) return readStatements(result, name, data);
  if (isObj(data) && Array.isArray(data.statements)) return readStatements(result, name, data.statements);
  if (isObj(data) && data.app === 'catalyst' && isObj(data.state)) return readProgressExport(result, name, data.state);
  if (isObj(data) && isObj(data.verb)) return readStatements(result, name, [data]);
  skip(
    result,
    name,
    'neither xAPI statements (an array, or an LRS result with "statements") nor a Catalyst progress export, so nothing in this file was read',
    'the top level',
  );
}

// Both return the value itself when it is already clean (no copy: 100,000 statements are read).
const numberRecord = (v: unknown): Record<string, number> | undefined => {
  if (!isObj(v)) return undefined;
  for (const n of Object.values(v)) {
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      const out: Record<string, number> = {};
      for (const [k, x] of Object.entries(v)) if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
      return out;
    }
  }
  return v as Record<string, number>;
};
const NO_STRINGS: readonly string[] = [];
const stringList = (v: unknown): readonly string[] => {
  if (!Array.isArray(v) || v.length === 0) return NO_STRINGS;
  return v.every((x) => typeof x === 'string') ? (v as string[]) : v.filter((x): x is string => typeof x === 'string');
};

type AttemptInit = Omit<CohortAttempt, 'answers' | 'finished' | 'answered' | 'rewinds' | 'lastAt'>;

function attemptFor(
  result: ReadResult,
  source: string,
  where: string,
  attemptId: string,
  from: CohortAttempt['from'],
  init: () => AttemptInit,
): CohortAttempt | undefined {
  const existing = result.attempts.get(attemptId);
  if (existing) {
    if (existing.from !== from) {
      result.duplicates++;
      skip(
        result,
        source,
        `attempt already read from ${existing.sourceName} (the same attempt id), so this copy was not counted again`,
        where,
      );
      return undefined;
    }
    return existing;
  }
  const attempt: CohortAttempt = { ...init(), answers: new Map(), finished: false, answered: 0, rewinds: 0, lastAt: 0 };
  result.attempts.set(attemptId, attempt);
  return attempt;
}

// One statement id seen per read result; a Set on the side keeps the result plain.
const seenIds = new WeakMap<ReadResult, Set<string>>();

export function readStatements(result: ReadResult, source: string, statements: readonly unknown[]): void {
  let seen = seenIds.get(result);
  if (!seen) seenIds.set(result, (seen = new Set()));
  for (let i = 0; i < statements.length; i++) {
    result.statements++;
    const where = `statement ${i + 1}`;
    const s = statements[i];
    if (!isObj(s) || !isObj(s.verb) || !str(s.verb.id) || !isObj(s.object) || !str(s.object.id)) {
      skip(result, source, 'not an xAPI statement (no verb id or object id)', where);
      continue;
    }
    const id = str(s.id);
    if (id) {
      if (seen.has(id)) {
        result.duplicates++;
        continue;
      }
      seen.add(id);
    }
    const ext = isObj(s.context) && isObj(s.context.extensions) ? s.context.extensions : {};
    const attemptId = str(ext[EXT.attemptId]);
    const scenarioId = str(ext[EXT.scenarioId]);
    if (!attemptId || !scenarioId) {
      skip(result, source, 'not a Catalyst statement (no Catalyst attempt id and scenario id in its context)', where);
      continue;
    }
    // The actor is read once per attempt (the first statement of it that arrives).
    const actor = result.attempts.has(attemptId) ? undefined : actorIdentity(s.actor);
    if (!actor && !result.attempts.has(attemptId)) {
      skip(result, source, 'no identifiable actor (mbox, mbox_sha1sum, openid or account)', where);
      continue;
    }
    const verb = s.verb.id as string;
    const at = Date.parse(str(s.timestamp) ?? str(s.stored) ?? '') || 0;
    const attempt = attemptFor(result, source, where, attemptId, 'statements', () => ({
      attemptId,
      actorKey: actor!.key,
      actorName: actor!.name,
      from: 'statements',
      sourceName: source,
      scenarioId,
      scenarioVersion: str(ext[EXT.scenarioVersion]) ?? '',
    }));
    if (!attempt) continue;
    if (at > attempt.lastAt) attempt.lastAt = at;
    const res = isObj(s.result) ? s.result : {};
    const rext = isObj(res.extensions) ? res.extensions : {};
    if (verb === VERB_IDS.answered) {
      const objectId = s.object.id as string;
      const cut = objectId.lastIndexOf(NODE_SEGMENT);
      const response = str(res.response);
      if (cut < 0) {
        skip(result, source, `answered statement whose object id has no "${NODE_SEGMENT}<node id>"`, where);
        continue;
      }
      if (!response) {
        skip(result, source, 'answered statement without result.response (the choice id)', where);
        continue;
      }
      let nodeId: string;
      try {
        nodeId = decodeURIComponent(objectId.slice(cut + NODE_SEGMENT.length));
      } catch {
        skip(result, source, 'answered statement whose node id is not valid URL encoding', where);
        continue;
      }
      const stepExt = rext[EXT.step];
      const step = typeof stepExt === 'number' && Number.isInteger(stepExt) && stepExt >= 0 ? stepExt : attempt.answers.size;
      const stance = str(rext[EXT.stance]);
      const meters = numberRecord(rext[EXT.meters]);
      const answer: RecordedAnswer = { nodeId, choiceId: response, flags: stringList(rext[EXT.flags]), step, at };
      if (stance) (answer as { stance?: string }).stance = stance;
      if (meters) (answer as { meters?: Record<string, number> }).meters = meters;
      attempt.answered++;
      const before = attempt.answers.get(step);
      if (!before || before.at <= at) attempt.answers.set(step, answer);
    } else if (verb === VERB_IDS.rewound) {
      attempt.rewinds++;
    } else if (verb === VERB_IDS.completed || verb === VERB_IDS.passed || verb === VERB_IDS.failed) {
      attempt.finished = true;
      const path = rext[EXT.path];
      if (Array.isArray(path)) attempt.path = stringList(path);
      const ending = str(rext[EXT.endingId]);
      if (ending) attempt.endingId = ending;
      const outcome = str(rext[EXT.outcome]);
      if (outcome) attempt.outcome = outcome;
    } else if (verb !== VERB_IDS.initialized && verb !== VERB_IDS.terminated) {
      skip(result, source, `verb ${verb} is not one the cohort view reads`, where);
    }
  }
}

function readProgressExport(result: ReadResult, source: string, state: Json): void {
  const attempts = Array.isArray(state.attempts) ? state.attempts : [];
  // A progress export is one trainee's browser: the file stands for the trainee.
  const actorKey = `file:${source}`;
  const actorName = source.replace(/\.json$/i, '');
  attempts.forEach((a, i) => {
    const where = `attempt ${i + 1}`;
    if (!isObj(a) || !str(a.id) || !str(a.scenarioId) || !Array.isArray(a.path)) {
      skip(result, source, 'attempt without an id, scenario id or path', where);
      return;
    }
    if (result.attempts.get(a.id as string)?.from === 'progress') {
      result.duplicates++;
      return;
    }
    const attempt = attemptFor(result, source, where, a.id as string, 'progress', () => ({
      attemptId: a.id as string,
      actorKey,
      actorName,
      from: 'progress',
      sourceName: source,
      scenarioId: a.scenarioId as string,
      scenarioVersion: str(a.scenarioVersion) ?? '',
    }));
    if (!attempt) return;
    attempt.path = [...stringList(a.path)];
    attempt.finished = a.status === 'completed';
    if (str(a.endingId)) attempt.endingId = a.endingId as string;
    if (str(a.outcome)) attempt.outcome = a.outcome as string;
    const rewinds = Array.isArray(a.rewinds) ? a.rewinds.length : 0;
    attempt.rewinds = rewinds;
    attempt.answered = attempt.path.length + rewinds;
    attempt.lastAt = Date.parse(str(a.finishedAt) ?? '') || 0;
  });
}
