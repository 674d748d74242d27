import type { Context } from '@xapi/xapi';
import type { Cmi5Launch } from '../launch';
import type { RecordsModule } from '../types';
import { XapiSession } from '../xapi/session';
import { DEFAULT_MASTERY } from '../xapi/statements';
import { actorLabel } from '../xapi/xapi-module';

/** cmi5 §10: the launch data the LMS keeps in the State API before it launches the AU. */
export interface Cmi5LaunchData {
  readonly launchMode: 'Normal' | 'Browse' | 'Review';
  readonly masteryScore?: number;
  readonly moveOn?: string;
  readonly contextTemplate: Context;
  readonly returnURL?: string;
}

const TOKEN_KEY = (fetchUrl: string) => `catalyst.cmi5.token:${fetchUrl}`;

/**
 * cmi5 §8.2: POST once to the fetch URL for the auth token. The URL is single-use, so the token
 * is kept in sessionStorage: a reload of the AU reuses it instead of fetching again.
 */
export async function authToken(launch: Cmi5Launch, doFetch: typeof fetch = fetch): Promise<string> {
  const kept = safeGet(TOKEN_KEY(launch.fetchUrl));
  if (kept) return kept;
  let response: Response;
  try {
    response = await doFetch(launch.fetchUrl, { method: 'POST' });
  } catch {
    throw new Error('the LMS could not be reached to sign in (the fetch address did not answer).');
  }
  const body = (await response.json().catch(() => ({}))) as { 'auth-token'?: string; 'error-code'?: string; 'error-text'?: string };
  if (!response.ok || !body['auth-token']) {
    const why = body['error-text'] ?? (body['error-code'] === '1' ? 'the sign-in link was already used' : `it answered ${response.status}`);
    throw new Error(`the LMS did not give a sign-in token (${why}). Launch the unit again from your course.`);
  }
  const token = body['auth-token'];
  try {
    sessionStorage.setItem(TOKEN_KEY(launch.fetchUrl), token);
  } catch {
    /* a reload will have to launch again from the LMS */
  }
  return token;
}

function safeGet(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** cmi5 §10.2: read LMS.LaunchData from the State API. */
export async function readLaunchData(launch: Cmi5Launch, auth: string, doFetch: typeof fetch = fetch): Promise<Cmi5LaunchData> {
  const q = new URLSearchParams({
    stateId: 'LMS.LaunchData',
    activityId: launch.activityId,
    agent: JSON.stringify(launch.actor),
    registration: launch.registration,
  });
  let response: Response;
  try {
    response = await doFetch(`${launch.endpoint}activities/state?${q}`, {
      headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' },
    });
  } catch {
    throw new Error('the LMS could not be reached to read the launch settings.');
  }
  if (!response.ok) throw new Error(`the LMS did not give this unit's launch settings (it answered ${response.status}).`);
  const data = (await response.json().catch(() => undefined)) as Partial<Cmi5LaunchData> | undefined;
  if (!data || typeof data !== 'object' || !data.contextTemplate)
    throw new Error("the LMS's launch settings for this unit are unreadable (no contextTemplate).");
  const launchMode = data.launchMode === 'Browse' || data.launchMode === 'Review' ? data.launchMode : 'Normal';
  const mastery = typeof data.masteryScore === 'number' && data.masteryScore >= 0 && data.masteryScore <= 1 ? data.masteryScore : undefined;
  return {
    launchMode,
    contextTemplate: data.contextTemplate,
    ...(mastery !== undefined && { masteryScore: mastery }),
    ...(typeof data.moveOn === 'string' && { moveOn: data.moveOn }),
    ...(typeof data.returnURL === 'string' && { returnURL: data.returnURL }),
  };
}

export const cmi5Module: RecordsModule = {
  async start(launch, deps) {
    if (launch.mode !== 'cmi5') throw new Error('not a cmi5 launch');
    const token = await authToken(launch);
    const auth = `Basic ${token}`;
    const data = await readLaunchData(launch, auth);
    const judged = data.launchMode === 'Normal';
    return new XapiSession({
      frame: {
        actor: launch.actor,
        activityId: launch.activityId,
        registration: launch.registration,
        cmi5: true,
        contextTemplate: data.contextTemplate,
        masteryScore: data.masteryScore ?? DEFAULT_MASTERY,
        masteryFromLms: data.masteryScore !== undefined,
        judged,
        newId: () => crypto.randomUUID(),
        now: () => new Date(),
      },
      endpoint: launch.endpoint,
      auth: () => auth,
      destination: `To your course's learning record store (cmi5, ${new URL(launch.endpoint).host}), as ${actorLabel(launch.actor)}${judged ? '' : ` (${data.launchMode} mode: nothing is marked passed or failed)`}. Reflection notes are never sent.`,
      ...(data.returnURL && { returnUrl: data.returnURL }),
      oncePerRegistration: true,
      deps,
    });
  },
};
