import { useRef, useState } from 'react';
import { historyKey } from '../../persistence/draft-history';
import { keptUnreadable, useProgress, useStorageHealth } from '../../persistence/progress-store';
import { discardUnreadable, resumeSaving } from '../../persistence/storage-recovery';
import { downloadText } from './download';
import { plural } from './format';

/** Attempts kept when old ones are removed to make room. */
export const KEEP_ATTEMPTS = 20;
const HISTORY_PREFIX = historyKey('');

/** The studio's undo histories in this tab's session storage (keys owned by draft-history). */
function undoHistoryKeys(): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(HISTORY_PREFIX)) keys.push(key);
    }
  } catch {
    /* storage blocked */
  }
  return keys;
}

const SAVED = 'Saving is back on: your progress is stored in this browser again.';
const STILL_FULL = 'There is still not enough room in this browser’s storage, so saving stays paused and nothing was overwritten.';

/**
 * Shown while progress cannot be saved: unreadable progress that could not be copied aside
 * (saving paused so it is never overwritten), or a save that failed for lack of room. Offers the
 * unreadable copy for download and ways to make room, each asked for, then tries to save again.
 */
export function FreeSpaceSection() {
  const { memoryOnly, writeError, downloaded } = useStorageHealth();
  const attempts = useProgress((s) => s.attempts.length);
  const [histories, setHistories] = useState(undoHistoryKeys);
  const [confirmDrop, setConfirmDrop] = useState(false);
  const [message, setMessage] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const trouble = memoryOnly || !!writeError;
  // Stays on screen after saving is back on, so the outcome is read where it was asked for.
  if (!trouble && !message) return null;

  // The button just used may go with the trouble: keep focus in the section, on its heading.
  const keepFocus = () => requestAnimationFrame(() => headingRef.current?.focus());
  const after = (done: string) => {
    const saved = resumeSaving();
    setMessage(`${done} ${saved ? SAVED : STILL_FULL}`);
    if (saved) keepFocus();
  };

  function download() {
    const text = keptUnreadable();
    if (text === undefined) return setMessage('That copy is no longer in this browser’s storage.');
    const filename = `catalyst-progress-unreadable-${new Date().toISOString().slice(0, 10)}.json`;
    downloadText(filename, text);
    useStorageHealth.setState({ downloaded: true });
    setMessage(`The unreadable progress was saved as ${filename}.`);
  }

  function removeUnreadable() {
    const saved = discardUnreadable();
    setMessage(saved ? `The unreadable progress was removed from this browser (you have the downloaded file). ${SAVED}` : STILL_FULL);
    if (saved) keepFocus();
  }

  function clearHistories() {
    for (const key of histories) {
      try {
        sessionStorage.removeItem(key);
      } catch {
        /* already gone */
      }
    }
    setHistories(undoHistoryKeys());
    after(`Cleared ${plural(histories.length, 'undo history', 'undo histories')} of the studio.`);
  }

  function dropOld() {
    const gone = useProgress.getState().dropOldAttempts(KEEP_ATTEMPTS);
    setConfirmDrop(false);
    after(`Removed ${plural(gone, 'older attempt')}.`);
  }

  return (
    <section className="card recovery" aria-labelledby="free-space-heading">
      <h2 id="free-space-heading" ref={headingRef} tabIndex={-1}>
        Make room to save your progress
      </h2>
      {!trouble ? null : memoryOnly ? (
        <p>
          Saving is paused. Your earlier progress could not be read and there was no room to copy it aside, so it is left untouched. What
          you do now is kept in memory only until there is room.
        </p>
      ) : (
        <p>Your progress could not be saved in this browser ({writeError}).</p>
      )}
      {trouble && (
        <ul className="free-space-list">
          {memoryOnly && (
            <li>
              <button type="button" className="button secondary small" onClick={download}>
                Download the unreadable progress
              </button>
            </li>
          )}
          {memoryOnly && downloaded && (
            <li>
              <button type="button" className="button secondary small" onClick={removeUnreadable}>
                Remove the unreadable progress from this browser
              </button>
              <span className="muted"> Only after you have kept the downloaded file.</span>
            </li>
          )}
          {histories.length > 0 && (
            <li>
              <button type="button" className="button secondary small" onClick={clearHistories}>
                Clear the studio’s undo histories ({histories.length})
              </button>
              <span className="muted"> Drafts are kept; only their undo steps in this tab go.</span>
            </li>
          )}
          {attempts > KEEP_ATTEMPTS && (
            <li>
              <button type="button" className="button secondary small" aria-expanded={confirmDrop} onClick={() => setConfirmDrop(true)}>
                Remove old attempts…
              </button>
              {confirmDrop && (
                <span role="group" aria-label="Remove old attempts?" className="actions">
                  <span>
                    Keep the newest {KEEP_ATTEMPTS} and remove {plural(attempts - KEEP_ATTEMPTS, 'older attempt')} with their notes?
                  </span>
                  <button type="button" className="button secondary small" onClick={dropOld}>
                    Yes, remove them
                  </button>
                  <button type="button" className="button secondary small" onClick={() => setConfirmDrop(false)}>
                    Cancel
                  </button>
                </span>
              )}
            </li>
          )}
          <li>
            <button type="button" className="button secondary small" onClick={() => after('Tried again.')}>
              Try saving again
            </button>
          </li>
        </ul>
      )}
      <p className="data-message" role="status">
        {message}
      </p>
    </section>
  );
}
