import { useState } from 'react';
import { PROGRESS_KEY, useStorageHealth } from '../../persistence/progress-store';
import { downloadText } from './download';

const ASIDE_PREFIX = `${PROGRESS_KEY}.unreadable.`;

/** Keys of progress copies that could not be read and were kept aside, newest first. */
export function asideKeys(): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(ASIDE_PREFIX)) keys.push(key);
    }
  } catch {
    /* storage blocked: nothing to offer */
  }
  return keys.sort().reverse();
}

function readAside(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * When saved progress could not be read, the old copy was kept aside under its own storage key.
 * Offer it as a download so nothing is lost.
 */
export function RecoverySection() {
  const unreadable = useStorageHealth((s) => s.unreadable);
  const memoryOnly = useStorageHealth((s) => s.memoryOnly);
  const [keys] = useState(() => {
    const found = asideKeys();
    return unreadable?.aside && !found.includes(unreadable.aside) ? [unreadable.aside, ...found] : found;
  });
  const [message, setMessage] = useState('');
  if (!unreadable && !keys.length) return null;

  function download(key: string) {
    const raw = readAside(key);
    if (raw === null) {
      setMessage('That copy is no longer in this browser’s storage.');
      return;
    }
    const filename = `${key.replace(/[^a-z0-9.-]+/gi, '-')}.json`;
    downloadText(filename, raw);
    setMessage(`The old copy was saved as ${filename}.`);
  }

  return (
    <section className="card recovery" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Earlier progress that could not be read</h2>
      {unreadable && (
        <>
          <p>Catalyst could not read the progress saved in this browser, so it started fresh.</p>
          <details className="tech-details">
            <summary>Technical details</summary>
            <pre>{unreadable.message}</pre>
          </details>
        </>
      )}
      {keys.length > 0 ? (
        <>
          <p>
            Nothing was thrown away: the old copy was kept aside in this browser’s storage, under its own key, and is not overwritten.
            Download it to keep it or to ask for help restoring it.
          </p>
          <ul className="aside-list">
            {keys.map((key) => (
              <li key={key}>
                <code>{key}</code>
                <button type="button" className="button secondary small" onClick={() => download(key)}>
                  Download old copy<span className="visually-hidden"> {key}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          The stored copy could not be moved aside, so it was left where it was, untouched.
          {memoryOnly ? ' Download it under “Make room to save your progress”.' : ''}
        </p>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
