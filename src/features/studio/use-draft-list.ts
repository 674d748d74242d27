import { useCallback, useEffect, useState } from 'react';
import { onDraftMessage, readAllDrafts, storageErrorMessage, type DamagedDraft, type DraftRecord } from '../../persistence/drafts';

export interface DraftList {
  /** Undefined while loading. */
  readonly drafts?: readonly DraftRecord[];
  /** Why drafts could not be read (private browsing, blocked storage). */
  readonly error?: string;
  /** Stored drafts that could not be read (left in storage unchanged). */
  readonly damaged: readonly DamagedDraft[];
  refresh(): void;
}

/** The stored drafts, kept fresh when this or another tab saves or deletes one. */
export function useDraftList(): DraftList {
  const [drafts, setDrafts] = useState<readonly DraftRecord[]>();
  const [error, setError] = useState<string>();
  const [damaged, setDamaged] = useState<readonly DamagedDraft[]>([]);
  const refresh = useCallback(() => {
    readAllDrafts().then(
      (all) => {
        setDrafts(all.records);
        setDamaged(all.damaged);
        setError(undefined);
      },
      (e: unknown) => {
        setDrafts([]);
        setError(storageErrorMessage(e).replace(/ Export the draft to keep a copy\.$/, ''));
      },
    );
  }, []);
  useEffect(() => {
    refresh();
    return onDraftMessage(refresh);
  }, [refresh]);
  return { ...(drafts ? { drafts } : {}), ...(error ? { error } : {}), damaged, refresh };
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
export function problemText(record: Pick<DraftRecord, 'problems' | 'errors'>): string {
  const warnings = record.problems - record.errors;
  if (record.problems === 0) return 'No problems';
  const parts: string[] = [];
  if (record.errors) parts.push(`${record.errors} error${record.errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
