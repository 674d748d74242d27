import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { createHistory, type History } from '../../domain/edit/history';
import type { DraftDoc } from '../../domain/edit/ops';
import { usePageTitle } from '../../components/use-page-title';
import { DamagedDraftError, getDraft, loadHistory, storageErrorMessage } from '../../persistence/drafts';
import { EditorWorkspace } from './editor-workspace';
import './studio-editor.css';

type Loaded =
  | { status: 'loading' }
  | { status: 'missing'; id: string }
  | { status: 'error'; id: string; message: string }
  | { status: 'ready'; id: string; revision: number; history: History<DraftDoc> };

/** /studio/:draftId: load the draft (and this session's undo history), then open the editor. */
export function StudioEditorPage() {
  const { draftId = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  // What was loaded belongs to one draft id; for any other id we are still loading.
  const state: Loaded = loaded.status !== 'loading' && loaded.id === draftId ? loaded : { status: 'loading' };
  useEffect(() => {
    let live = true;
    getDraft(draftId).then(
      (record) => {
        if (!live) return;
        if (!record) return setLoaded({ status: 'missing', id: draftId });
        const history = loadHistory(draftId, record.doc) ?? createHistory(record.doc);
        setLoaded({ status: 'ready', id: draftId, revision: record.revision, history });
      },
      (e: unknown) =>
        live && setLoaded({ status: 'error', id: draftId, message: e instanceof DamagedDraftError ? e.message : storageErrorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [draftId]);
  usePageTitle(state.status === 'ready' ? `Editing ${state.history.present.title || 'draft'}` : 'Studio');

  if (state.status === 'ready')
    return <EditorWorkspace key={state.id} draftId={state.id} revision={state.revision} initialHistory={state.history} />;
  return (
    <main id="main" className="page narrow" tabIndex={-1}>
      <h1>
        {state.status === 'missing' ? 'Draft not found' : state.status === 'error' ? 'The draft could not be opened' : 'Opening the draft…'}
      </h1>
      {state.status === 'loading' ? (
        <p role="status" className="muted">
          Loading…
        </p>
      ) : null}
      {state.status === 'missing' ? (
        <p>There is no draft with this address in this browser. It may have been deleted, or created in another browser.</p>
      ) : null}
      {state.status === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.status !== 'loading' ? (
        <p>
          <Link to="/studio">Back to the studio</Link>
        </p>
      ) : null}
    </main>
  );
}
