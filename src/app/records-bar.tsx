import { standaloneHref, useRecordsStatus, waitingMessage } from '../persistence/records-status';

/**
 * The header's learner-records line in a launched mode: records waiting while the LRS is
 * unreachable (announced politely, cleared when the queue drains), a records problem, and the
 * way back to the course. Renders nothing standalone.
 */
export function RecordsBar() {
  const status = useRecordsStatus();
  if (status.mode === 'standalone') return null;
  const waiting = waitingMessage(status);
  return (
    <>
      <div className="records-bar" role="status" aria-live="polite">
        {waiting && <p className="banner warning">{waiting}</p>}
      </div>
      {status.problem && !waiting && status.waiting === 0 && (
        <div className="banner warning" role="alert">
          <p>Your results cannot be recorded: {status.problem} You can keep practising; nothing is sent.</p>
          <a className="button secondary small" href={standaloneHref(window.location.href)}>
            Play standalone
          </a>
        </div>
      )}
      {status.leave && (
        <p className="records-leave">
          <button type="button" className="button secondary small" onClick={status.leave}>
            Return to course
          </button>
        </p>
      )}
    </>
  );
}
