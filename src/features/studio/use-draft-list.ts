import { listDraftSummaries, storageErrorMessage, type DamagedDraft, type DraftSummary } from '../../persistence/drafts';
import { DRAFT_RESOURCES, useResource } from '../../persistence/resource';

export interface DraftList {
  readonly drafts: readonly DraftSummary[];
  /** Why drafts could not be read (private browsing, blocked storage). */
  readonly error?: string;
  /** Stored drafts that could not be read (left in storage unchanged). */
  readonly damaged: readonly DamagedDraft[];
}

/**
 * The list's data: the drafts' summaries, never the whole drafts. Storage that cannot be read is
 * part of the data (the page says why and stays usable), not an error for the route's boundary.
 */
export async function loadDraftList(): Promise<DraftList> {
  try {
    const { summaries, damaged } = await listDraftSummaries();
    return { drafts: summaries, damaged };
  } catch (e) {
    return { drafts: [], damaged: [], error: storageErrorMessage(e).replace(/ Export the draft to keep a copy\.$/, '') };
  }
}

/**
 * The stored drafts, through the resource cache inside a Suspense boundary; re-read (keeping the
 * old list on screen) when this or another tab saves, deletes or restores a draft.
 */
export function useDraftList(): DraftList {
  return useResource(`${DRAFT_RESOURCES}s`, loadDraftList, { live: true });
}

/** "2 minutes ago", "yesterday", or a date for older saves. */
export function savedAgo(at: number, now = Date.now()): string {
  const seconds = Math.round((at - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "No problems", "2 errors, 1 warning". */
export function problemText(record: Pick<DraftSummary, 'problems' | 'errors'>): string {
  const warnings = record.problems - record.errors;
  if (record.problems === 0) return 'No problems';
  const parts: string[] = [];
  if (record.errors) parts.push(`${record.errors} error${record.errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
