import { Link } from 'react-router';
import { previewHref } from './inspector/play-from-here';

export type SaveView = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string } | { kind: 'conflict' };

const STATUS_TEXT: Record<SaveView['kind'], string> = {
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
  conflict: 'Changed in another tab',
};

export interface HeaderProps {
  readonly draftId: string;
  readonly title: string;
  readonly save: SaveView;
  readonly canUndo: boolean;
  /** What Undo and Redo would do ("delete moment-3"), for their tooltips and descriptions. */
  readonly undoLabel?: string | undefined;
  readonly redoLabel?: string | undefined;
  readonly canRedo: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onExportYaml: () => void;
  readonly onExportJson: () => void;
  readonly exportMessage?: string;
  readonly onReloadTheirs?: () => void;
  readonly onKeepMine?: () => void;
  readonly conflictReason?: 'changed' | 'deleted';
}

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl';

/** Title, save state, undo/redo, preview and export for the open draft. */
export function EditorHeader(p: HeaderProps) {
  return (
    <header className="editor-header">
      <div className="editor-title-row">
        <Link to="/studio" className="back-link">
          <span aria-hidden="true">←</span> Back to studio
        </Link>
        <h1 className="editor-title">
          <span className="eyebrow">Editing draft</span>
          <span>{p.title || 'Untitled scenario'}</span>
        </h1>
        <p className={`save-status save-${p.save.kind}`} role="status">
          {STATUS_TEXT[p.save.kind]}
        </p>
      </div>
      <div className="editor-actions" role="group" aria-label="Editor actions">
        <button
          type="button"
          className="button secondary small"
          onClick={p.onUndo}
          disabled={!p.canUndo}
          aria-keyshortcuts="Control+Z Meta+Z"
          title={p.undoLabel ? `Undo: ${p.undoLabel} (${mod}+Z)` : `Undo (${mod}+Z)`}
        >
          Undo
        </button>
        <button
          type="button"
          className="button secondary small"
          onClick={p.onRedo}
          disabled={!p.canRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          title={p.redoLabel ? `Redo: ${p.redoLabel} (${mod}+Shift+Z)` : `Redo (${mod}+Shift+Z)`}
        >
          Redo
        </button>
        <Link className="button small" to={previewHref(p.draftId)}>
          Preview from start
        </Link>
        <button type="button" className="button secondary small" onClick={p.onExportYaml}>
          Export YAML
        </button>
        <button type="button" className="button secondary small" onClick={p.onExportJson}>
          Export XState JSON
        </button>
      </div>
      {p.exportMessage ? (
        <p className="export-message" role="alert">
          {p.exportMessage}
        </p>
      ) : null}
      {p.save.kind === 'error' ? (
        <div className="banner warning save-banner" role="alert">
          <p>
            <strong>Your changes could not be saved.</strong> {p.save.message} They are still here in this tab: export a copy to keep them
            safe.
          </p>
          <button type="button" className="button small" onClick={p.onExportYaml}>
            Export YAML
          </button>
        </div>
      ) : null}
      {p.save.kind === 'conflict' ? (
        <div className="banner warning save-banner" role="alert">
          {p.conflictReason === 'deleted' ? (
            <p>
              <strong>This draft was deleted in another tab.</strong> Nothing here is saved any more. Keep your version as a new draft, or
              leave it.
            </p>
          ) : (
            <p>
              <strong>This draft was changed in another tab.</strong> Saving here would overwrite that work. Load their version, or keep
              yours as a separate copy.
            </p>
          )}
          <div className="actions">
            <button type="button" className="button small" onClick={p.onReloadTheirs}>
              {p.conflictReason === 'deleted' ? 'Leave without saving' : 'Reload their version'}
            </button>
            <button type="button" className="button secondary small" onClick={p.onKeepMine}>
              Keep mine as a copy
            </button>
          </div>
        </div>
      ) : null}
    </header>
  );
}
