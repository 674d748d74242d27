import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../components/use-page-title';
import { blankScenario, updateMeta, type DraftDoc } from '../../domain/edit/ops';
import {
  deleteDraft,
  isStoragePersisted,
  requestPersistence,
  restoreDraft,
  storageErrorMessage,
  type DraftRecord,
  type DraftSummary,
} from '../../persistence/drafts';
import { invalidateResources, useResource } from '../../persistence/resource';
import { bundledSummaries, loadScenario } from '../../persistence/scenarios';
import { downloadText } from '../../lib/download';
import { createDraft } from './draft-records';
import { DraftList } from './draft-list';
import { ImportPanel, ImportResults, type ImportOutcome } from './import-panel';
import { exportFilename, exportYaml, importFile } from './io';
import { useDraftList } from './use-draft-list';
import './studio-list.css';

const PERSISTED = 'storage:persisted';

/** A save that failed: what went wrong, and the doc so it can still be downloaded. */
interface Failure {
  readonly message: string;
  readonly doc?: DraftDoc;
}

/** /studio: the instructor's drafts, and ways to start one (new, duplicate, import). */
export function StudioListPage() {
  usePageTitle('Studio');
  const navigate = useNavigate();
  const [failure, setFailure] = useState<Failure>();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<readonly ImportOutcome[]>([]);
  const [deleted, setDeleted] = useState<DraftRecord>();
  // The deleted draft's row (and its focused Delete button) is gone: focus the Undo button once
  // the toast is on screen, so keyboard users are not dropped at the top of the page.
  useEffect(() => {
    if (deleted) undoButton.current?.focus();
  }, [deleted]);
  const [highlight, setHighlight] = useState<string>();
  // Whether the browser keeps the drafts under storage pressure: read through the resource cache,
  // and replaced by the browser's answer once a new draft has asked for it.
  const persistedAtOpen = useResource(PERSISTED, isStoragePersisted);
  const [answered, setAnswered] = useState<boolean>();
  const persisted = answered ?? persistedAtOpen;
  const [source, setSource] = useState(() => bundledSummaries()[0]?.id ?? '');
  const undoButton = useRef<HTMLButtonElement>(null);

  /** Store a new draft; on failure say so and keep the doc downloadable. */
  async function store(doc: DraftDoc): Promise<DraftRecord | undefined> {
    setFailure(undefined);
    void requestPersistence().then((p) => {
      if (p === undefined) return;
      setAnswered(p);
      invalidateResources(PERSISTED);
    });
    try {
      // Saving invalidates the cached list (drafts.ts), so the list re-reads by itself.
      return await createDraft(doc);
    } catch (e) {
      setFailure({ message: storageErrorMessage(e), doc });
      return undefined;
    }
  }

  async function onNew() {
    const record = await store(blankScenario());
    if (record) navigate(`/studio/${record.id}`);
  }

  async function onDuplicate() {
    const loaded = await loadScenario(source);
    if (!loaded) return setFailure({ message: 'That scenario could not be loaded. Reload the page and try again.' });
    const s = loaded.scenario;
    const record = await store(updateMeta(structuredClone(s) as DraftDoc, { id: `${s.id}-copy`, title: `${s.title} (copy)` }));
    if (record) setHighlight(record.id);
  }

  /**
   * Import a batch. Each file gets its own result (imported, refused with the reasons and lines,
   * or read but not stored), whatever its neighbours do; results appear as each file finishes, and
   * the busy state always ends, even if reading a file throws.
   */
  async function onFiles(files: File[]) {
    setBusy(true);
    setOutcomes([]);
    const results: ImportOutcome[] = [];
    try {
      for (const file of files) {
        results.push(await importOne(file));
        setOutcomes([...results]);
        // Let the page paint this result before the next file is parsed.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      setBusy(false);
    }
  }

  async function importOne(file: File): Promise<ImportOutcome> {
    let result: Awaited<ReturnType<typeof importFile>>;
    try {
      result = await importFile(file);
    } catch (e) {
      // The parser promises never to throw; if it ever does, the file is refused, not the page stuck.
      const reason = e instanceof Error ? e.message : String(e);
      return {
        kind: 'refused',
        file: file.name,
        problems: [{ severity: 'error', path: [], rule: 'import', message: `The file could not be read as a scenario (${reason}).` }],
      };
    }
    if (!result.ok) return { kind: 'refused', file: file.name, problems: result.problems };
    try {
      const record = await createDraft(result.doc);
      setHighlight(record.id);
      return { kind: 'imported', file: file.name, id: record.id, title: record.title, problems: result.problems.length };
    } catch (e) {
      return { kind: 'unsaved', file: file.name, message: storageErrorMessage(e), doc: result.doc };
    }
  }

  async function onDelete(draft: DraftSummary) {
    try {
      // The whole record comes back from the delete, so Undo can put it back exactly.
      const gone = await deleteDraft(draft.id);
      if (gone) setDeleted(gone);
    } catch (e) {
      setFailure({ message: storageErrorMessage(e).replace('Export the draft to keep a copy.', '').trim() });
    }
  }

  async function onUndoDelete() {
    if (!deleted) return;
    try {
      await restoreDraft(deleted);
      setHighlight(deleted.id);
      setDeleted(undefined);
    } catch (e) {
      setFailure({ message: storageErrorMessage(e), doc: deleted.doc });
    }
  }

  const bundled = bundledSummaries();
  return (
    <main id="main" className="page studio-list" tabIndex={-1}>
      <h1>Studio</h1>
      <p className="studio-intro">
        Write and edit branching scenarios. Drafts are saved in this browser as you type; valid drafts appear in the library, marked Draft,
        so you can play them.
      </p>
      <p className="muted studio-storage-note">
        {persisted
          ? 'This browser has agreed to keep your drafts even when storage runs low. '
          : 'Drafts live only in this browser, which may clear them if storage runs low. '}
        Export a draft as YAML to keep a copy elsewhere.
      </p>
      <p className="studio-cohort-link">
        Ran a group through your scenarios? <Link to="/cohort">Cohort insight</Link> shows where they drifted, on the branch map.
      </p>

      {failure && (
        <div className="banner warning studio-failure" role="alert">
          <p>{failure.message}</p>
          {failure.doc && (
            <button
              type="button"
              className="button secondary small"
              onClick={() => downloadText(exportFilename(failure.doc!, 'yaml'), exportYaml(failure.doc!), 'application/yaml')}
            >
              Download as YAML
            </button>
          )}
          <button type="button" className="button secondary small" onClick={() => setFailure(undefined)}>
            Dismiss
          </button>
        </div>
      )}

      <section className="studio-start" aria-labelledby="start-heading">
        <h2 id="start-heading" className="visually-hidden">
          Start a draft
        </h2>
        <div className="card studio-start-card">
          <h2>New scenario</h2>
          <p>A valid starting point: one moment, one response, one ending.</p>
          <button type="button" className="button" onClick={() => void onNew()}>
            New scenario
          </button>
        </div>
        <div className="card studio-start-card">
          <h2>Duplicate a library scenario</h2>
          <div className="field">
            <label htmlFor="duplicate-source">Scenario to copy</label>
            <select id="duplicate-source" value={source} onChange={(e) => setSource(e.target.value)}>
              {bundled.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button secondary" onClick={() => void onDuplicate()} disabled={!source}>
            Duplicate
          </button>
        </div>
        <ImportPanel busy={busy} onFiles={(f) => void onFiles(f)} />
      </section>
      <ImportResults
        busy={busy}
        outcomes={outcomes}
        onDownload={(doc) => downloadText(exportFilename(doc, 'yaml'), exportYaml(doc), 'application/yaml')}
      />

      <section className="studio-drafts" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">Your drafts</h2>
        {deleted && (
          <div className="undo-toast" role="status">
            <p>Deleted “{deleted.title}”.</p>
            <button ref={undoButton} type="button" className="button secondary small" onClick={() => void onUndoDelete()}>
              Undo delete
            </button>
            <button type="button" className="button secondary small" onClick={() => setDeleted(undefined)}>
              Dismiss
            </button>
          </div>
        )}
        <Suspense fallback={<p>Loading drafts…</p>}>
          <Drafts onDelete={(d) => void onDelete(d)} {...(highlight ? { highlight } : {})} />
        </Suspense>
      </section>
    </main>
  );
}

/** The stored drafts (their summaries), drafts that could not be read, or why none could be. */
function Drafts({ highlight, onDelete }: { readonly highlight?: string; readonly onDelete: (draft: DraftSummary) => void }) {
  const { drafts, error, damaged } = useDraftList();
  return (
    <>
      {error && (
        <p className="studio-error" role="alert">
          {error}
        </p>
      )}
      {damaged.length > 0 && (
        <div className="studio-error" role="alert">
          <p>
            {damaged.length === 1 ? 'One stored draft' : `${damaged.length} stored drafts`} could not be read, and{' '}
            {damaged.length === 1 ? 'is' : 'are'} left unchanged in this browser:
          </p>
          <ul>
            {damaged.map((d) => (
              <li key={d.id}>
                <code>{d.id || '(no id)'}</code>: {d.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {drafts.length ? (
        <DraftList drafts={drafts} onDelete={onDelete} {...(highlight ? { highlight } : {})} />
      ) : (
        !error && <p className="muted">No drafts yet. Start a new scenario, duplicate one from the library, or import a file.</p>
      )}
    </>
  );
}
