import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { createHistory, type History } from '../../domain/edit/history';
import type { DraftDoc } from '../../domain/edit/ops';
import { usePageTitle } from '../../components/use-page-title';
import { DamagedDraftError, getDraft, loadHistory, storageErrorMessage } from '../../persistence/drafts';
import { DRAFT_RESOURCES, invalidateResources, useResource } from '../../persistence/resource';
import { EditorWorkspace } from './editor-workspace';
import './studio-editor.css';

type Opened =
  | { readonly status: 'missing' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly revision: number; readonly history: History<DraftDoc> };

/**
 * The draft as stored (with this tab's unsaved edits, if it was closed before they were saved) and
 * this session's undo history. A draft that cannot be opened is the page's own message with a way
 * back, not the route's error page.
 */
async function openDraft(id: string): Promise<Opened> {
  try {
    const record = await getDraft(id);
    if (!record) return { status: 'missing' };
    return { status: 'ready', revision: record.revision, history: loadHistory(id, record.doc) ?? createHistory(record.doc) };
  } catch (e) {
    return { status: 'error', message: e instanceof DamagedDraftError ? e.message : storageErrorMessage(e) };
  }
}

/** /studio/:draftId: load the draft (and this session's undo history), then open the editor. */
export function StudioEditorPage() {
  const { draftId = '' } = useParams();
  const key = `${DRAFT_RESOURCES}:${draftId}`;
  // Read through the resource cache inside the route's Suspense boundary (its fallback is the
  // loading state). The workspace owns the doc once open, so this reading is not live.
  const opened = useResource(key, () => openDraft(draftId));
  // Edits live in the workspace and in session storage until saved, and a save that failed (a full
  // disk) invalidates nothing: so leaving the page forgets this reading, and the next visit opens
  // what is stored then, with the session's unsaved copy, never a doc from before the edits.
  useEffect(() => () => invalidateResources(key), [key]);
  usePageTitle(opened.status === 'ready' ? `Editing ${opened.history.present.title || 'draft'}` : 'Studio');

  if (opened.status === 'ready')
    return <EditorWorkspace key={draftId} draftId={draftId} revision={opened.revision} initialHistory={opened.history} />;
  return (
    <main id="main" className="page narrow" tabIndex={-1}>
      <h1>{opened.status === 'missing' ? 'Draft not found' : 'The draft could not be opened'}</h1>
      {opened.status === 'missing' ? (
        <p>There is no draft with this address in this browser. It may have been deleted, or created in another browser.</p>
      ) : (
        <p role="alert">{opened.message}</p>
      )}
      <p>
        <Link to="/studio">Back to the studio</Link>
      </p>
    </main>
  );
}
