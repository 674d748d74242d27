import { useId, useRef, useState, type FormEvent } from 'react';
import { FileDropZone } from '../../components/file-drop-zone';
import { forgetLrsCredentials, loadLrsCredentials, saveLrsCredentials } from '../../persistence/lrs-credentials';
import { scenarioIri } from '../../domain/xapi-iris';
import { fetchStatements, LrsError, type FetchProgress } from './lrs';

/** Drop zone and file picker for statement JSON and progress exports, several at once. */
export function ImportFiles({ busy, onFiles }: { readonly busy: boolean; readonly onFiles: (files: File[]) => void }) {
  return (
    <section className="card cohort-source" aria-labelledby="cohort-import">
      <h2 id="cohort-import">Import files</h2>
      <p className="muted">
        xAPI statements exported from any LRS (JSON), or the progress exports trainees download from their Progress page.
      </p>
      <FileDropZone
        className="cohort-drop"
        prompt="Drop one or more .json files here, or"
        buttonLabel="Choose files…"
        accept=".json,application/json"
        testId="cohort-files"
        busy={busy}
        onFiles={onFiles}
      />
    </section>
  );
}

export interface ScenarioOption {
  readonly id: string;
  readonly title: string;
}

/** Endpoint, key and secret; fetch one scenario's statements with progress, cancellable. */
export function LrsConnect({
  scenarios,
  busy,
  onStatements,
}: {
  readonly scenarios: readonly ScenarioOption[];
  readonly busy: boolean;
  readonly onStatements: (name: string, statements: unknown[]) => void;
}) {
  const saved = useState(() => loadLrsCredentials())[0];
  const [endpoint, setEndpoint] = useState(saved?.credentials.endpoint ?? '');
  const [key, setKey] = useState(saved?.credentials.key ?? '');
  const [secret, setSecret] = useState(saved?.credentials.secret ?? '');
  const [remember, setRemember] = useState(saved?.remembered ?? false);
  const [scenarioId, setScenarioId] = useState('');
  const [activities, setActivities] = useState('');
  const [progress, setProgress] = useState<FetchProgress>();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const ids = useId();
  const chosen = scenarioId || scenarios[0]?.id || '';

  const onScenario = (id: string) => {
    setScenarioId(id);
    setActivities(scenarioIri(id));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const credentials = { endpoint: endpoint.trim(), key, secret };
    let url: URL | undefined;
    try {
      url = new URL(credentials.endpoint);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      setMessage({
        kind: 'error',
        text: 'Endpoint: give the LRS’s xAPI address, starting with https:// (for example https://lrs.example.org/xAPI/).',
      });
      return;
    }
    const activityIds = (activities.trim() || scenarioIri(chosen)).split(/\s+/).filter(Boolean);
    const stored = saveLrsCredentials(credentials, remember);
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setMessage(undefined);
    setProgress({ statements: 0, pages: 0 });
    try {
      const statements = await fetchStatements(credentials, activityIds, { signal: controller.signal, onProgress: setProgress });
      const title = scenarios.find((s) => s.id === chosen)?.title ?? chosen;
      setMessage({
        kind: 'ok',
        text: `Fetched ${statements.length.toLocaleString('en')} statements for ${title} from ${url.host}.${stored ? '' : ' This browser would not store the connection, so you will need to enter it again next time.'}`,
      });
      onStatements(`LRS ${url.host}, ${title}`, statements);
    } catch (error) {
      setMessage({
        kind: 'error',
        text: error instanceof LrsError ? error.message : `The fetch failed: ${String(error)}. Nothing was added.`,
      });
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  return (
    <section className="card cohort-source" aria-labelledby="cohort-lrs">
      <h2 id="cohort-lrs">Connect to an LRS</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-endpoint`}>Endpoint</label>
          <input
            id={`${ids}-endpoint`}
            type="text"
            inputMode="url"
            autoComplete="url"
            value={endpoint}
            onChange={(e) => setEndpoint(e.target.value)}
            placeholder="https://lrs.example.org/xAPI/"
          />
        </div>
        <div className="cohort-pair">
          <div className="field">
            <label htmlFor={`${ids}-key`}>Key</label>
            <input id={`${ids}-key`} type="text" autoComplete="username" value={key} onChange={(e) => setKey(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-secret`}>Secret</label>
            <input
              id={`${ids}-secret`}
              type="password"
              autoComplete="current-password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          </div>
        </div>
        <div className="field cohort-check">
          <input id={`${ids}-remember`} type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          <label htmlFor={`${ids}-remember`}>Remember on this device (otherwise kept only until this tab closes)</label>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-scenario`}>Scenario</label>
          <select id={`${ids}-scenario`} value={chosen} onChange={(e) => onScenario(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-activities`}>Activity ids</label>
          <textarea
            id={`${ids}-activities`}
            rows={2}
            value={activities || (chosen ? scenarioIri(chosen) : '')}
            onChange={(e) => setActivities(e.target.value)}
            aria-describedby={`${ids}-activities-hint`}
          />
          <p id={`${ids}-activities-hint`} className="muted cohort-hint">
            Filled in for you: every Catalyst statement names its scenario this way, whichever LMS, course or link launched it. To see one
            course only, put that course’s activity id here instead (one per line).
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={running || busy || !chosen}>
            Fetch statements
          </button>
          {running && (
            <button type="button" className="button secondary" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          )}
          {saved && !running && (
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                forgetLrsCredentials();
                setKey('');
                setSecret('');
                setMessage({ kind: 'ok', text: 'The connection details were removed from this browser.' });
              }}
            >
              Forget this connection
            </button>
          )}
        </div>
        <div role="status" className="cohort-lrs-status">
          {running && progress && (
            <p>
              Fetching… {progress.statements.toLocaleString('en')} statements so far ({progress.pages}{' '}
              {progress.pages === 1 ? 'page' : 'pages'}).
            </p>
          )}
        </div>
        {message && (
          <p className={message.kind === 'error' ? 'cohort-error' : 'cohort-ok'} role={message.kind === 'error' ? 'alert' : undefined}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
