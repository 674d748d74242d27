import { Link } from 'react-router';
import type { DraftSummary } from '../../persistence/drafts';
import { problemText, savedAgo } from './use-draft-list';

interface Props {
  readonly drafts: readonly DraftSummary[];
  readonly highlight?: string;
  readonly onDelete: (draft: DraftSummary) => void;
}

/** One card per draft, from its summary: title (opens it), last saved, size, problems, delete. */
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
            <span>
              {d.nodes} node{d.nodes === 1 ? '' : 's'}
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
