import { Link } from 'react-router';
import { useStorageHealth } from '../persistence/progress-store';

/** Says plainly when stored progress could not be read or saved. */
export function StorageBanner() {
  const { unreadable, writeError } = useStorageHealth();
  if (!unreadable && !writeError) return null;
  return (
    <div className="banner warning" role="alert">
      {unreadable && (
        <p>
          Your saved progress could not be read, so Catalyst started fresh.{' '}
          {unreadable.aside
            ? <>The unreadable copy was kept aside in this browser (storage key <code>{unreadable.aside}</code>) and has not been overwritten.</>
            : <>The stored copy was left untouched.</>}{' '}
          <Link to="/progress">Go to progress</Link>
        </p>
      )}
      {writeError && <p>Progress could not be saved in this browser ({writeError}). Export it from the progress page to keep a copy.</p>}
      <button type="button" className="button secondary small" onClick={() => useStorageHealth.setState({ unreadable: undefined, writeError: undefined })}>
        Dismiss
      </button>
    </div>
  );
}
