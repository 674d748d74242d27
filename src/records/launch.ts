/**
 * How Catalyst was launched, read from the query string (before any `#`: the hash holds the
 * app's own routes). Pure: no DOM, no network, so the trainee bundle can afford it and every
 * rule is unit-tested.
 *
 * - standalone (the default): no records code is loaded and nothing leaves the browser;
 * - cmi5 assignable unit: `endpoint`, `fetch`, `actor`, `registration`, `activityId` (cmi5 §8.1);
 * - xAPI link launch (an instructor's LRS, outside an LMS): `endpoint`, `auth`, `actor`,
 *   `registration`, optional `activity_id` (the launch Rustici's "Launching xAPI content" describes);
 * - SCORM 1.2 / 2004: `scorm=1.2` or `scorm=2004`, written into the package manifest's launch href.
 *
 * Every launched mode needs `scenario=<id>`. A launch with bad or missing parameters is
 * `{ ok: false }` with one plain-words problem per parameter; nothing is sent for it.
 */

import type { LaunchedMode, LaunchMode } from '../persistence/records-status';

export type { LaunchedMode, LaunchMode } from '../persistence/records-status';

/** An xAPI agent as the launch supplied it (the only identifying data Catalyst ever sends). */
export interface LaunchActor {
  readonly objectType?: 'Agent';
  readonly name?: string;
  readonly mbox?: string;
  readonly mbox_sha1sum?: string;
  readonly openid?: string;
  readonly account?: { readonly homePage: string; readonly name: string };
}

export interface StandaloneLaunch {
  readonly ok: true;
  readonly mode: 'standalone';
}
export interface Cmi5Launch {
  readonly ok: true;
  readonly mode: 'cmi5';
  readonly scenarioId: string;
  /** The LRS endpoint, always ending in `/`. */
  readonly endpoint: string;
  readonly fetchUrl: string;
  readonly actor: LaunchActor;
  readonly registration: string;
  readonly activityId: string;
}
export interface XapiLaunch {
  readonly ok: true;
  readonly mode: 'xapi';
  readonly scenarioId: string;
  readonly endpoint: string;
  /** The Authorization header value, e.g. `Basic dXNlcjpwYXNz`. */
  readonly auth: string;
  readonly actor: LaunchActor;
  readonly registration?: string;
  readonly activityId?: string;
}
export interface ScormLaunch {
  readonly ok: true;
  readonly mode: 'scorm12' | 'scorm2004';
  readonly scenarioId: string;
}
export type GoodLaunch = StandaloneLaunch | Cmi5Launch | XapiLaunch | ScormLaunch;
export type RecordsLaunch = Cmi5Launch | XapiLaunch | ScormLaunch;

export interface LaunchProblem {
  /** The query-string parameter at fault. */
  readonly param: string;
  readonly message: string;
}
export interface BadLaunch {
  readonly ok: false;
  /** The mode the parameters asked for. */
  readonly mode: LaunchedMode;
  readonly problems: readonly LaunchProblem[];
}
export type Launch = GoodLaunch | BadLaunch;

export { MODE_NAMES } from '../persistence/records-status';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const SCENARIO_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const CMI5_PARAMS = ['fetch', 'activityId'];
const XAPI_PARAMS = ['endpoint', 'auth', 'actor', 'registration', 'activity_id'];

/** The mode the query string asks for, judged from which parameters are present. */
function requestedMode(q: URLSearchParams): LaunchMode | { bad: LaunchProblem } {
  const scorm = q.get('scorm');
  if (scorm !== null) {
    if (scorm === '1.2') return 'scorm12';
    if (scorm === '2004') return 'scorm2004';
    return { bad: { param: 'scorm', message: `"${short(scorm)}" is not a SCORM version Catalyst speaks: use scorm=1.2 or scorm=2004.` } };
  }
  if (CMI5_PARAMS.some((p) => q.has(p))) return 'cmi5';
  if (XAPI_PARAMS.some((p) => q.has(p))) return 'xapi';
  return 'standalone';
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function iri(value: string): boolean {
  try {
    // An IRI needs a scheme; URL accepts every scheme (https:, urn:, tag:, ...).
    return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value) && !!new URL(value);
  } catch {
    return false;
  }
}

/** Parse the `actor` parameter: xAPI JSON, also the older TinCan form with one-item arrays. */
export function parseActor(raw: string): LaunchActor | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'is not readable: it must be an xAPI agent in JSON, for example {"mbox":"mailto:sam@example.org","name":"Sam"}.';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'must be one xAPI agent (a JSON object).';
  const v = value as Record<string, unknown>;
  const first = (x: unknown) => (Array.isArray(x) ? x[0] : x);
  const str = (x: unknown) => (typeof first(x) === 'string' ? (first(x) as string) : undefined);
  const accountRaw = first(v.account);
  let account: LaunchActor['account'];
  if (accountRaw && typeof accountRaw === 'object') {
    const a = accountRaw as Record<string, unknown>;
    const homePage = str(a.homePage) ?? str(a.accountServiceHomePage);
    const name = str(a.name) ?? str(a.accountName);
    if (!homePage || !name) return 'has an account without both homePage and name.';
    account = { homePage, name };
  }
  const mbox = str(v.mbox);
  if (mbox !== undefined && !/^mailto:[^@\s]+@[^@\s]+$/.test(mbox)) return `has an mbox ("${short(mbox)}") that is not a mailto: address.`;
  const actor: LaunchActor = {
    objectType: 'Agent',
    ...(str(v.name) !== undefined && { name: str(v.name) }),
    ...(mbox !== undefined && { mbox }),
    ...(str(v.mbox_sha1sum) !== undefined && { mbox_sha1sum: str(v.mbox_sha1sum) }),
    ...(str(v.openid) !== undefined && { openid: str(v.openid) }),
    ...(account && { account }),
  };
  const ids = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => k in actor);
  if (ids.length !== 1)
    return ids.length === 0
      ? 'does not say who the learner is: it needs one of mbox, mbox_sha1sum, openid or account.'
      : `has more than one identifier (${ids.join(', ')}): xAPI allows exactly one.`;
  return actor;
}

/** Read the launch from `location.search` (or any query string). */
export function parseLaunch(search: string): Launch {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const mode = requestedMode(q);
  if (mode === 'standalone') return { ok: true, mode };
  if (typeof mode === 'object') return { ok: false, mode: 'scorm12', problems: [mode.bad] };

  const problems: LaunchProblem[] = [];
  const need = (param: string, what: string): string | undefined => {
    const value = q.get(param);
    if (value === null || value.trim() === '') {
      problems.push({ param, message: `is missing: the launch link must give ${what}.` });
      return undefined;
    }
    return value.trim();
  };
  const scenarioId = need('scenario', 'the id of the scenario to play');
  if (scenarioId !== undefined && !SCENARIO_ID.test(scenarioId))
    problems.push({ param: 'scenario', message: `"${short(scenarioId)}" is not a scenario id (lowercase words joined by hyphens).` });

  if (mode === 'scorm12' || mode === 'scorm2004') {
    return problems.length ? { ok: false, mode, problems } : { ok: true, mode, scenarioId: scenarioId! };
  }

  const endpointRaw = need('endpoint', 'the address of the learning record store');
  const endpointUrl = endpointRaw !== undefined ? httpUrl(endpointRaw) : undefined;
  if (endpointRaw !== undefined && !endpointUrl)
    problems.push({ param: 'endpoint', message: `"${short(endpointRaw)}" is not a web address (it must start with https:// or http://).` });
  const endpoint = endpointUrl ? (endpointUrl.href.endsWith('/') ? endpointUrl.href : `${endpointUrl.href}/`) : '';

  const actorRaw = need('actor', 'the learner as an xAPI agent');
  const actor = actorRaw !== undefined ? parseActor(actorRaw) : undefined;
  if (typeof actor === 'string') problems.push({ param: 'actor', message: actor });

  const uuid = (param: string, required: boolean): string | undefined => {
    const value = required ? need(param, 'the registration (a UUID)') : q.get(param)?.trim() || undefined;
    if (value !== undefined && !UUID.test(value)) problems.push({ param, message: `"${short(value)}" is not a UUID.` });
    return value;
  };
  const activity = (param: string, value: string | undefined): string | undefined => {
    if (value !== undefined && !iri(value))
      problems.push({ param, message: `"${short(value)}" is not an IRI (for example https://example.org/course/unit-1).` });
    return value;
  };

  if (mode === 'cmi5') {
    const fetchRaw = need('fetch', 'the address to fetch the sign-in token from');
    const fetchUrl = fetchRaw !== undefined ? httpUrl(fetchRaw) : undefined;
    if (fetchRaw !== undefined && !fetchUrl)
      problems.push({ param: 'fetch', message: `"${short(fetchRaw)}" is not a web address (it must start with https:// or http://).` });
    const registration = uuid('registration', true);
    const activityId = activity('activityId', need('activityId', "the assignable unit's activity id"));
    if (problems.length) return { ok: false, mode, problems };
    return {
      ok: true,
      mode,
      scenarioId: scenarioId!,
      endpoint,
      fetchUrl: fetchUrl!.href,
      actor: actor as LaunchActor,
      registration: registration!,
      activityId: activityId!,
    };
  }

  const auth = need('auth', 'the Authorization value for the learning record store (for example "Basic …")');
  const registration = uuid('registration', false);
  const activityId = activity('activity_id', q.get('activity_id')?.trim() || undefined);
  if (problems.length) return { ok: false, mode, problems };
  return {
    ok: true,
    mode,
    scenarioId: scenarioId!,
    endpoint,
    auth: auth!,
    actor: actor as LaunchActor,
    ...(registration !== undefined && { registration }),
    ...(activityId !== undefined && { activityId }),
  };
}

export { standaloneHref } from '../persistence/records-status';
