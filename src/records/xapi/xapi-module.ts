import type { XapiLaunch } from '../launch';
import type { RecordsModule } from '../types';
import { XapiSession } from './session';
import { DEFAULT_MASTERY } from './statements';

const newId = () => crypto.randomUUID();

export const actorLabel = (actor: XapiLaunch['actor']) =>
  actor.name ?? actor.account?.name ?? actor.mbox?.replace(/^mailto:/, '') ?? 'the learner the link names';

/** The activity of a scenario when the link gives none: this copy of Catalyst plus the scenario. */
export function defaultActivityId(scenarioId: string, href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname}?scenario=${encodeURIComponent(scenarioId)}`;
}

/** xAPI link launch: an instructor's LRS outside an LMS, credentials in the link. */
export const xapiModule: RecordsModule = {
  async start(launch, deps) {
    if (launch.mode !== 'xapi') throw new Error('not an xAPI launch');
    const frame = {
      actor: launch.actor,
      activityId: launch.activityId ?? defaultActivityId(launch.scenarioId, window.location.href),
      ...(launch.registration && { registration: launch.registration }),
      cmi5: false,
      masteryScore: DEFAULT_MASTERY,
      masteryFromLms: false,
      judged: true,
      newId,
      now: () => new Date(),
    };
    return new XapiSession({
      frame,
      endpoint: launch.endpoint,
      auth: () => launch.auth,
      destination: `To the learning record store at ${new URL(launch.endpoint).host} (xAPI link), as ${actorLabel(launch.actor)}. Reflection notes are never sent.`,
      deps,
    });
  },
};
