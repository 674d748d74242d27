import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { formatPath, type Problem } from '../../domain/problem';

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly file: string; readonly id: string; readonly title: string; readonly problems: number }
  | { readonly kind: 'refused'; readonly file: string; readonly problems: readonly Problem[] };

interface Props {
  readonly busy: boolean;
  readonly onFiles: (files: File[]) => void;
}

const where = (p: Problem) => (p.line ? `Line ${p.line}, column ${p.column ?? 1}` : 'File');

/** File picker and drop zone (the button is the keyboard way in). */
export function ImportPanel({ busy, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length) onFiles(files);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <section className="card studio-import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a scenario file</h2>
      <div
        className={`drop-zone${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a YAML or JSON scenario file here (up to 5 MB), or</p>
        <button type="button" className="button secondary" onClick={() => input.current?.click()} disabled={busy}>
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-input"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
    </section>
  );
}

/** Each imported file's result; a refused file lists every problem with its line and column. */
export function ImportResults({ busy, outcomes }: { readonly busy: boolean; readonly outcomes: readonly ImportOutcome[] }) {
  return (
    <div aria-live="polite" className="import-results">
      {busy && <p>Reading the file…</p>}
      {outcomes.map((o, i) =>
        o.kind === 'imported' ? (
          <p key={i} className="import-ok">
            Imported “{o.file}” as a draft
            {o.problems ? ` with ${o.problems} problem${o.problems === 1 ? '' : 's'} to fix` : ''}.{' '}
            <Link to={`/studio/${o.id}`}>Open {o.title}</Link>
          </p>
        ) : (
          <div key={i} className="import-error">
            <h3>“{o.file}” was not imported</h3>
            <p>Nothing from this file was imported. Fix these problems in the file and try again:</p>
            <ul>
              {o.problems.map((p, j) => (
                <li key={j}>
                  <strong>{where(p)}</strong>
                  {p.path.length > 0 && <> · <code>{formatPath(p.path)}</code></>}: {p.message}
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </div>
  );
}
