import type { RecordsStatusUpdate } from '../persistence/records-status';
import type { LoadedScenario } from '../persistence/scenarios';
import type { RunEvent } from '../persistence/run-events';
import type { RecordsLaunch } from './launch';

/** What a records module needs from the app; passed in so modules stay testable. */
export interface RecordsDeps {
  /** Load a scenario by id (bundled or draft). */
  loadScenario(id: string): Promise<LoadedScenario | undefined>;
  /** The records status the header and the Progress page read. */
  report(status: Partial<RecordsStatusUpdate>): void;
}

/**
 * One launched session's record keeper: it hears every run event (in order) and decides what to
 * send. Created by a mode's module (cmi5, xAPI, SCORM) through the registry.
 */
export interface RecordsSink {
  /** Plain words for the Progress page: where records go in this mode. */
  readonly destination: string;
  /** False in cmi5 Browse / Review launch modes: play without judging. */
  readonly judged: boolean;
  /** Whether the header offers "Return to course" (false when there is nowhere to return to). Default true. */
  readonly canLeave?: boolean;
  handle(event: RunEvent): Promise<void>;
  /**
   * The trainee leaves (the header's "Return to course"): close the session and hand back where
   * to go, if the LMS said (cmi5 returnURL).
   */
  leave(): Promise<string | undefined>;
}

export interface RecordsModule {
  /** Start the session: may reject with a plain-words Error (e.g. the LMS refused the token). */
  start(launch: RecordsLaunch, deps: RecordsDeps): Promise<RecordsSink>;
}
