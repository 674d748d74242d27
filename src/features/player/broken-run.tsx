import { Link } from 'react-router';

/** Shown when a saved run no longer fits the scenario (the scenario was edited since). */
export function BrokenRun({ reason, onRestart }: { reason: string; onRestart: () => void }) {
  return (
    <section className="card broken-run" aria-labelledby="broken-heading">
      <h2 id="broken-heading">This conversation can’t be resumed</h2>
      <p>
        The scenario has changed since you started, so your earlier responses no longer fit it
        <span className="muted"> ({reason})</span>.
      </p>
      <p>Starting again keeps the unfinished run in your history, marked as abandoned.</p>
      <div className="actions">
        <button type="button" className="button" onClick={onRestart}>
          Start again
        </button>
        <Link className="button secondary" to="/">
          Back to library
        </Link>
      </div>
    </section>
  );
}
