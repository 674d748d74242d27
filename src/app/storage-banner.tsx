import { Link } from 'react-router';
import { downloadText } from '../lib/download';
import { keptUnreadable, useStorageHealth } from '../persistence/progress-store';

/** The unreadable progress that is still in place, offered as a file at once. */
export function downloadKeptUnreadable(): boolean {
  const text = keptUnreadable();
  if (text === undefined) return false;
  downloadText(`catalyst-progress-unreadable-${new Date().toISOString().slice(0, 10)}.json`, text);
  useStorageHealth.setState({ downloaded: true });
  return true;
}

/** Says plainly when stored progress could not be read or saved. */
export function StorageBanner() {
  const { unreadable, writeError, memoryOnly, downloaded } = useStorageHealth();
  if (!unreadable && !writeError && !memoryOnly) return null;
  return (
    <div className="banner warning" role="alert">
      {memoryOnly ? (
        <>
          <p>
            Your saved progress could not be read, and this browser’s storage is too full to keep a copy of it aside. It has been left
            untouched and nothing will be saved over it. Until there is room, what you do now is kept in memory only and will be gone when
            you close this tab.
          </p>
          <p className="banner-actions">
            <button type="button" className="button small" onClick={downloadKeptUnreadable}>
              Download the unreadable progress
            </button>
            <Link className="button secondary small" to="/progress">
              Free space
            </Link>
            {downloaded && <span role="status">Downloaded.</span>}
          </p>
        </>
      ) : (
        unreadable && (
          <p>
            Your saved progress could not be read, so Catalyst started fresh.{' '}
            {unreadable.aside ? (
              <>
                The unreadable copy was kept aside in this browser (storage key <code>{unreadable.aside}</code>) and has not been
                overwritten.
              </>
            ) : (
              <>The stored copy was left untouched.</>
            )}{' '}
            <Link to="/progress">Go to progress</Link>
          </p>
        )
      )}
      {writeError && (
        <p>
          Progress could not be saved in this browser ({writeError}). Export it from the progress page to keep a copy, or{' '}
          <Link to="/progress">free space</Link>.
        </p>
      )}
      {!memoryOnly && (
        <button
          type="button"
          className="button secondary small"
          onClick={() => useStorageHealth.setState({ unreadable: undefined, writeError: undefined })}
        >
          Dismiss
        </button>
      )}
    </div>
  );
}
