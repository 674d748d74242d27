import { Link } from 'react-router';
import type { DraftRecord } from '../../persistence/drafts';
import { problemText, savedAgo } from './use-draft-list';

interface Props {
  readonly drafts: readonly DraftRecord[];
  readonly highlight?: string;
  readonly onDelete: (record: DraftRecord) => void;
}

/** One card per draft: title (opens it), last saved, problems, delete. */
export function DraftList({ drafts, highlight, onDelete }: Props) {
  return (
    <ul className="draft-list" aria-label="Your drafts">
      {drafts.map((d) => (
        <li key={d.id} className={`card draft-item${d.id === highlight ? ' is-new' : ''}`}>
          <h3 className="draft-title">
            <Link to={`/studio/${d.id}`}>{d.title}</Link>
          </h3>
          <p className="draft-facts">
            <span>
              Saved{' '}
              <time dateTime={new Date(d.updatedAt).toISOString()} title={new Date(d.updatedAt).toLocaleString()}>
                {savedAgo(d.updatedAt)}
              </time>
            </span>
            <span className={d.errors ? 'draft-problems has-errors' : 'draft-problems'}>{problemText(d)}</span>
            <span>{d.valid ? 'Playable in the library' : 'Not playable until errors are fixed'}</span>
          </p>
          <div className="actions">
            <Link className="button small" to={`/studio/${d.id}`} aria-label={`Open ${d.title}`}>
              Open
            </Link>
            <button type="button" className="button danger small" onClick={() => onDelete(d)} aria-label={`Delete ${d.title}`}>
              Delete
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
