import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DraftDoc } from '../../domain/edit/ops';
import { createHistory, type History } from '../../domain/edit/history';
import type { Problem } from '../../domain/problem';
import { EditorContext, type EditorApi } from './editor-context';
import { EditorHeader, type SaveView } from './editor-header';
import { describePath, nodeOfPath, problemsByField, problemsByNode } from './field-paths';
import { Inspector } from './inspector/inspector';
import { MapPane } from './map-pane';
import { PaneTabs, type PaneId } from './pane-tabs';
import { ProblemsPanel, problemCounts, problemSummary } from './problems-panel';
import { useAutosave, type AutosaveStatus } from './use-autosave';
import { useEditorHistory, useUndoShortcuts } from './use-editor-history';
import { useExport } from './use-export';
import { useFocusRequest } from './use-focus-request';
import { useNarrow } from './use-narrow';
import { useProblems } from './use-problems';
import { useSelection } from './use-selection';

export interface WorkspaceProps {
  readonly draftId: string;
  /** The stored revision the doc was loaded at (autosave refuses to overwrite newer work). */
  readonly revision: number;
  readonly initialHistory: History<DraftDoc>;
}

/**
 * The undo label of a step without its own: typing names its field ("edit Node opening › Client
 * line"), other steps the first sentence of their announcement ("deleted choice 2").
 */
function stepLabel(opts: { coalesceKey?: string; announce?: string }): string | undefined {
  if (opts.coalesceKey?.startsWith('field-')) {
    const path = opts.coalesceKey
      .slice('field-'.length)
      .split('.')
      .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
    return `edit ${describePath(path).where}`;
  }
  const first = opts.announce?.split(/\.(\s|$)/)[0];
  return first ? first.charAt(0).toLowerCase() + first.slice(1) : undefined;
}

const saveView = (status: AutosaveStatus): SaveView =>
  typeof status === 'object' ? { kind: 'error', message: status.error } : { kind: status };

/** The editor: header, then map | inspector | problems (tabs on narrow screens). */
export function EditorWorkspace(props: WorkspaceProps) {
  const { draftId } = props;
  const h = useEditorHistory(props.initialHistory);
  const doc = h.doc;
  useUndoShortcuts(h.undo, h.redo);
  const { problems, pending, countsFor } = useProblems(doc);
  const counts = useMemo(() => problemCounts(problems), [problems]);
  const fieldProblems = useMemo(() => problemsByField(problems), [problems]);
  const byNode = useMemo(() => problemsByNode(problems), [problems]);
  // One counts object per result, so the autosave chart is not told about a change that is not one.
  const saveCounts = useMemo(
    () => (pending ? undefined : { problems: problems.length, errors: counts.errors }),
    [pending, problems.length, counts.errors],
  );
  const save = useAutosave(draftId, doc, {
    baseRevision: props.revision,
    history: h.history,
    countsOf: countsFor,
    ...(saveCounts ? { counts: saveCounts } : {}),
  });
  const navigate = useNavigate();

  const narrow = useNarrow();
  const [pane, setPane] = useState<PaneId>('edit');
  const [problemsOpen, setProblemsOpen] = useState(true);
  // Wide screens: the map fills the window; the inspector and problems sit in a side column that
  // folds away to give the map the whole width.
  const [sideOpen, setSideOpen] = useState(true);
  const [message, setMessage] = useState('');
  // A repeated message gets a no-break space so screen readers announce it again.
  const announce = useCallback((m: string) => setMessage((prev) => (prev === m ? `${m}\u00a0` : m)), []);
  const mainRef = useRef<HTMLElement>(null);
  const requestFocus = useFocusRequest(mainRef);
  const { selectedId, setSelected } = useSelection(draftId, doc.nodes);
  const exporter = useExport(doc, counts.errors, announce);

  const select = (nodeId: string | undefined, opts: { focus?: boolean } = {}) => {
    setSelected(nodeId);
    if (opts.focus) {
      setPane('edit');
      setSideOpen(true);
      requestFocus({ kind: 'heading' });
    }
  };
  const apply: EditorApi['apply'] = (change, opts = {}) => {
    const r = h.apply(change, { ...opts, label: opts.label ?? stepLabel(opts) });
    if (r.ok && opts.announce) announce(opts.announce);
    if (!r.ok) announce(r.message);
    return r;
  };

  const reloadTheirs = async () => {
    const stored = await save.reloadTheirs();
    if (!stored) return navigate('/studio');
    h.reset(createHistory(stored.doc));
    announce('Loaded the version from the other tab.');
  };
  const keepMine = async () => {
    try {
      const id = await save.keepMineAsCopy();
      navigate(`/studio/${encodeURIComponent(id)}`);
    } catch (e) {
      exporter.setMessage(`Could not save a copy: ${e instanceof Error ? e.message : String(e)}. Export YAML to keep your work.`);
    }
  };

  // Stable props for the memoised Problems panel, so selecting a node does not re-render its list.
  const nodes = doc.nodes;
  const nodeOrder = useMemo(() => Object.keys(nodes), [nodes]);
  const pick = useCallback(
    (p: Problem) => {
      const node = nodeOfPath(p.path);
      setSelected(node && Object.hasOwn(nodes, node) ? node : undefined);
      setPane('edit');
      setSideOpen(true);
      requestFocus({ kind: 'path', path: p.path });
    },
    [nodes, setSelected, requestFocus],
  );
  const collapseProblems = useCallback(() => setProblemsOpen(false), []);

  const undo = () => {
    const label = h.undoLabel;
    h.undo();
    announce(label ? `Undone: ${label}.` : 'Undone.');
  };
  const redo = () => {
    const label = h.redoLabel;
    h.redo();
    announce(label ? `Redone: ${label}.` : 'Redone.');
  };

  const api: EditorApi = { draftId, doc, apply, select, selectedId, fieldProblems, announce };
  const paneProps = (id: PaneId) =>
    narrow
      ? { id: `pane-${id}`, role: 'tabpanel', 'aria-labelledby': `tab-${id}`, hidden: pane !== id }
      : { id: `pane-${id}`, hidden: id !== 'map' && !sideOpen };

  return (
    <EditorContext.Provider value={api}>
      <main id="main" ref={mainRef} className={`studio-editor ${narrow ? 'narrow' : 'wide'}`} tabIndex={-1} onBlur={h.seal}>
        <EditorHeader
          draftId={draftId}
          title={doc.title}
          save={saveView(save.status)}
          conflictReason={save.conflict?.reason}
          canUndo={h.canUndo}
          canRedo={h.canRedo}
          undoLabel={h.undoLabel}
          redoLabel={h.redoLabel}
          onUndo={undo}
          onRedo={redo}
          onExportYaml={() => exporter.exportAs('yaml')}
          onExportJson={() => exporter.exportAs('json')}
          exportMessage={exporter.message}
          onReloadTheirs={() => void reloadTheirs()}
          onKeepMine={() => void keepMine()}
        />
        <p className="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
        {narrow ? <PaneTabs active={pane} onChange={setPane} problemCount={problems.length} /> : null}
        <div className={`studio-panes ${problemsOpen ? '' : 'problems-collapsed'} ${sideOpen || narrow ? '' : 'side-collapsed'}`}>
          <div className="pane pane-map" {...paneProps('map')}>
            {/* On narrow screens the map mounts when its tab is shown: it sizes itself to a visible canvas. */}
            {!narrow || pane === 'map' ? (
              <MapPane
                doc={doc}
                problemsByNode={byNode}
                side={narrow ? undefined : { open: sideOpen, toggle: () => setSideOpen((o) => !o) }}
              />
            ) : null}
          </div>
          <div className="pane pane-inspector" {...paneProps('edit')}>
            <Inspector />
          </div>
          <div className="pane pane-problems" {...paneProps('problems')}>
            {problemsOpen || narrow ? (
              <ProblemsPanel problems={problems} nodeOrder={nodeOrder} onPick={pick} onCollapse={narrow ? undefined : collapseProblems} />
            ) : (
              <button
                type="button"
                className="problems-expand"
                onClick={() => setProblemsOpen(true)}
                aria-label={`Show problems panel: ${problemSummary(problems)}`}
              >
                <span>Problems</span> <span className="tab-count">{problems.length}</span>
              </button>
            )}
          </div>
        </div>
      </main>
    </EditorContext.Provider>
  );
}
