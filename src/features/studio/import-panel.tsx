import { FileDropZone } from '../../components/file-drop-zone';
import { Link } from 'react-router';
import type { DraftDoc } from '../../domain/edit/ops';
import { formatPath, type Problem } from '../../domain/problem';

/** One file of an import batch: stored as a draft, refused with its problems, or read but not stored. */
export type ImportOutcome =
  | { readonly kind: 'imported'; readonly file: string; readonly id: string; readonly title: string; readonly problems: number }
  | { readonly kind: 'refused'; readonly file: string; readonly problems: readonly Problem[] }
  | { readonly kind: 'unsaved'; readonly file: string; readonly message: string; readonly doc: DraftDoc };

interface Props {
  readonly busy: boolean;
  readonly onFiles: (files: File[]) => void;
}

const where = (p: Problem) => (p.line ? `Line ${p.line}, column ${p.column ?? 1}` : 'File');

/** File picker and drop zone (the button is the keyboard way in). */
export function ImportPanel({ busy, onFiles }: Props) {
  return (
    <section className="card studio-import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a scenario file</h2>
      <FileDropZone
        prompt="Drop a YAML or JSON scenario file here (up to 5 MB), or"
        buttonLabel="Choose a file…"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        testId="import-input"
        busy={busy}
        onFiles={onFiles}
      />
    </section>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 files: 2 imported, 1 not imported." */
export function batchSummary(outcomes: readonly ImportOutcome[]): string {
  const ok = outcomes.filter((o) => o.kind === 'imported').length;
  return `${plural(outcomes.length, 'file')}: ${ok} imported, ${outcomes.length - ok} not imported.`;
}

interface ResultsProps {
  readonly busy: boolean;
  readonly outcomes: readonly ImportOutcome[];
  /** Download a file that was read but could not be stored. */
  readonly onDownload: (doc: DraftDoc) => void;
}

/** Each file's result, in the order chosen; a refused file lists every problem with its line and column. */
export function ImportResults({ busy, outcomes, onDownload }: ResultsProps) {
  return (
    <div aria-live="polite" className="import-results">
      {busy && <p>Reading the file{outcomes.length ? `s (${outcomes.length} done)` : ''}…</p>}
      {!busy && outcomes.length > 1 && <p className="import-summary">{batchSummary(outcomes)}</p>}
      {outcomes.map((o, i) =>
        o.kind === 'imported' ? (
          <p key={i} className="import-ok">
            Imported “{o.file}” as a draft
            {o.problems ? ` with ${plural(o.problems, 'problem')} to fix` : ''}. <Link to={`/studio/${o.id}`}>Open {o.title}</Link>
          </p>
        ) : o.kind === 'unsaved' ? (
          <div key={i} className="import-error">
            <h3>“{o.file}” was read but not saved</h3>
            <p>{o.message}</p>
            <button type="button" className="button secondary small" onClick={() => onDownload(o.doc)}>
              Download “{o.file}” as YAML
            </button>
          </div>
        ) : (
          <div key={i} className="import-error">
            <h3>“{o.file}” was not imported</h3>
            <p>Nothing from this file was imported. Fix these problems in the file and try again:</p>
            <ul>
              {o.problems.map((p, j) => (
                <li key={j}>
                  <strong>{where(p)}</strong>
                  {p.path.length > 0 && (
                    <>
                      {' '}
                      · <code>{formatPath(p.path)}</code>
                    </>
                  )}
                  : {p.message}
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </div>
  );
}
