import { create } from 'zustand';

/**
 * Learner-records status (src/records writes it, the app shell and the Progress page read it) for the app shell: the header reads "N records waiting to send" while
 * the LRS is unreachable; the Progress page reads where records go. Tiny and free of launch.ts on
 * purpose: it is part of the trainee bundle even in standalone mode.
 */
export type LaunchedMode = 'cmi5' | 'xapi' | 'scorm12' | 'scorm2004';
export type LaunchMode = 'standalone' | LaunchedMode;

export interface RecordsStatusUpdate {
  /** Statements stored in this browser, not yet accepted by the LRS / LMS. */
  readonly waiting: number;
  /** The last send failed: the LRS / LMS could not be reached or refused. */
  readonly unreachable: boolean;
  /** A problem the trainee should know about, in plain words. */
  readonly problem: string | undefined;
}

export const MODE_NAMES: Record<LaunchMode, string> = {
  standalone: 'standalone',
  cmi5: 'cmi5',
  xapi: 'xAPI',
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
};

/** The same address with the launch parameters removed: where "play standalone" goes. */
export function standaloneHref(href: string): string {
  const url = new URL(href);
  url.search = '';
  return url.href;
}

export interface RecordsStatus extends RecordsStatusUpdate {
  readonly mode: LaunchMode;
  /** Plain words: where records go in the current mode. */
  readonly destination: string;
  /** The trainee can leave to the LMS (cmi5 returnURL); set by the app once records started. */
  readonly leave?: () => void;
}

export const STANDALONE_DESTINATION =
  'Nowhere: Catalyst was opened on its own, so your progress stays in this browser and no records are sent.';

export const useRecordsStatus = create<RecordsStatus>(() => ({
  mode: 'standalone',
  destination: STANDALONE_DESTINATION,
  waiting: 0,
  unreachable: false,
  problem: undefined,
}));

/** The header's words, or nothing when there is nothing to say. */
export function waitingMessage(s: Pick<RecordsStatus, 'waiting' | 'unreachable' | 'mode'>): string | undefined {
  if (s.waiting === 0 || !s.unreachable) return undefined;
  const where = s.mode === 'cmi5' || s.mode === 'xapi' ? 'the learning record store' : `the LMS (${MODE_NAMES[s.mode]})`;
  return `${s.waiting} ${s.waiting === 1 ? 'record' : 'records'} waiting to send: ${where} cannot be reached right now. They are kept in this browser and sent when it is back.`;
}
