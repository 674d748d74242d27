import { useEffect, useRef, useState } from 'react';
import { exportProgress, useProgress } from '../../persistence/progress-store';
import { datedFilename, downloadText } from './download';
import { plural } from './format';

/** Privacy note, export, and erase-all with a confirmation that names what goes. */
export function YourDataSection() {
  const attempts = useProgress((s) => s.attempts);
  const runs = useProgress((s) => s.runs);
  const eraseAll = useProgress((s) => s.eraseAll);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const confirmRef = useRef<HTMLDivElement>(null);
  const eraseRef = useRef<HTMLButtonElement>(null);

  const notes = attempts.filter((a) => a.note.trim()).length;
  const inProgress = Object.values(runs).filter((r) => r.path.length > 0).length;
  const nothingStored = attempts.length === 0 && Object.keys(runs).length === 0;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function exportAll() {
    const filename = datedFilename('catalyst-progress');
    downloadText(filename, exportProgress());
    setMessage(`Your progress was saved as ${filename}.`);
  }

  function confirmErase() {
    eraseAll();
    setConfirming(false);
    setMessage('All your progress, notes and settings were erased from this browser.');
    // The erase button stays; put focus back on it so keyboard users keep their place.
    requestAnimationFrame(() => eraseRef.current?.focus());
  }

  function cancel() {
    setConfirming(false);
    requestAnimationFrame(() => eraseRef.current?.focus());
  }

  return (
    <section className="card" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>
        <strong>Your progress and notes stay in this browser; nothing is sent anywhere.</strong> Clearing your browser’s site data removes
        them, so export a copy if you want to keep them.
      </p>
      <div className="actions">
        <button type="button" className="button secondary" onClick={exportAll}>
          Export progress (JSON)
        </button>
        <button
          ref={eraseRef}
          type="button"
          className="button danger"
          aria-expanded={confirming}
          aria-controls="erase-confirm"
          onClick={() => {
            setMessage('');
            setConfirming(true);
          }}
        >
          Erase all…
        </button>
      </div>
      {confirming && (
        <div id="erase-confirm" ref={confirmRef} className="erase-confirm" role="group" aria-labelledby="erase-heading" tabIndex={-1}>
          <h3 id="erase-heading">Erase everything stored in this browser?</h3>
          {nothingStored ? (
            <p>There are no attempts or conversations in progress; only your feedback setting will be reset.</p>
          ) : (
            <p>This permanently erases:</p>
          )}
          {!nothingStored && (
            <ul>
              <li>
                {plural(attempts.length, 'attempt')} and {plural(notes, 'reflection note')}
              </li>
              <li>{plural(inProgress, 'conversation')} in progress</li>
              <li>your feedback setting</li>
            </ul>
          )}
          <p>This cannot be undone. Export first if you want a copy.</p>
          <div className="actions">
            <button type="button" className="button danger" onClick={confirmErase}>
              Yes, erase everything
            </button>
            <button type="button" className="button secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p className="data-message" role="status">
        {message}
      </p>
    </section>
  );
}
