import { useEffect, useMemo, useRef, useState } from 'react';
import { BranchMap, heatMapSvg } from '../../components/branch-map';
import { usePageTitle } from '../../components/use-page-title';
import { attemptsCsv, choicesCsv, type CohortReport, type CohortScenario } from '../../engine/cohort';
import { downloadText } from '../../lib/download';
import { SCENARIO_RESOURCES, useResource } from '../../persistence/resource';
import { listScenarios, loadScenario } from '../../persistence/scenarios';
import { aggregateInWorker, type CohortSource } from './cohort-client';
import { DriftTable, EndingsTable, RareList, TraineeTable } from './figures';
import { GroupDebrief } from './group-debrief';
import { heatOf, pct } from './heat';
import { ImportFiles, LrsConnect } from './sources';
import './cohort.css';

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** Every scenario the app can play (bundled and studio drafts), loaded for the aggregation. */
async function loadLibrary(): Promise<CohortScenario[]> {
  const list = await listScenarios();
  const loaded = await Promise.all(list.map((l) => loadScenario(l.summary.id).catch(() => undefined)));
  return loaded.filter((l) => l !== undefined).map((l) => ({ scenario: l.scenario, version: l.version }));
}

/**
 * Read through the resource cache inside the route's Suspense boundary. The key starts with
 * "scenario", so a draft saved or deleted makes the next visit load afresh; a page in use keeps
 * what it read (its figures stay those of the scenarios it worked them out on).
 */
const useLibrary = (): CohortScenario[] => useResource(`${SCENARIO_RESOURCES}s:loaded`, loadLibrary);

export function CohortPage() {
  usePageTitle('Cohort insight');
  const library = useLibrary();
  const [sources, setSources] = useState<CohortSource[]>([]);
  const [report, setReport] = useState<CohortReport>();
  // The sources the shown report (or failure) was worked out from: busy while they differ.
  const [doneFor, setDoneFor] = useState<CohortSource[]>([]);
  const [failure, setFailure] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [showNames, setShowNames] = useState(false);
  const [debrief, setDebrief] = useState(false);
  const debriefButton = useRef<HTMLButtonElement>(null);

  // Every change of sources re-aggregates all of them, so duplicates across files are seen.
  useEffect(() => {
    if (sources.length === 0) return;
    let cancelled = false;
    aggregateInWorker(sources, library)
      .then((r) => {
        if (cancelled) return;
        setReport(r);
        setFailure(undefined);
        setSelected((s) => (s && r.scenarios.some((f) => f.scenarioId === s) ? s : r.scenarios[0]?.scenarioId));
      })
      .catch(
        (error: unknown) =>
          !cancelled && setFailure(`The records could not be aggregated: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => !cancelled && setDoneFor(sources));
    return () => {
      cancelled = true;
    };
  }, [sources, library]);

  const busy = sources.length > 0 && doneFor !== sources;
  const addFiles = (files: File[]) => setSources((s) => [...s, ...files.map((file) => ({ name: file.name, file }))]);
  const addStatements = (name: string, statements: unknown[]) => setSources((s) => [...s, { name, statements }]);
  const clear = () => {
    setSources([]);
    setDoneFor([]);
    setReport(undefined);
    setSelected(undefined);
    setDebrief(false);
  };

  const fig = report?.scenarios.find((f) => f.scenarioId === selected);
  const scenario = library.find((s) => s.scenario.id === selected)?.scenario;
  const heat = useMemo(() => (fig && scenario ? heatOf(scenario, fig) : undefined), [fig, scenario]);
  const names = useMemo(() => (fig && showNames ? new Map(fig.traineeRows.map((t) => [t.hash, t.name])) : undefined), [fig, showNames]);

  const closeDebrief = () => {
    setDebrief(false);
    requestAnimationFrame(() => debriefButton.current?.focus());
  };

  if (debrief && fig && scenario) {
    return (
      <main id="main" className="page cohort cohort-debrief" tabIndex={-1}>
        <h1 className="visually-hidden">Group debrief: {scenario.title}</h1>
        <GroupDebrief scenario={scenario} fig={fig} onClose={closeDebrief} />
      </main>
    );
  }

  const options = library.map((s) => ({ id: s.scenario.id, title: s.scenario.title })).sort((a, b) => a.title.localeCompare(b.title));
  return (
    <main id="main" className="page cohort" tabIndex={-1}>
      <p className="eyebrow">Instructors</p>
      <h1>Cohort insight</h1>
      <p className="library-intro">
        Where a group drifts, on the conversation’s own map. Bring in your trainees’ records from files or from your LRS; everything is
        worked out in this browser and nothing is sent anywhere.
      </p>

      <div className="cohort-sources">
        <ImportFiles busy={busy} onFiles={addFiles} />
        <LrsConnect scenarios={options} busy={busy} onStatements={addStatements} />
      </div>

      <div role="status" className="cohort-status">
        {busy && <p>Reading and adding up {plural(sources.length, 'source')}…</p>}
        {!busy && report && (
          <p>
            Read {plural(report.statements, 'statement')} from {plural(sources.length, 'source')}: {plural(report.attempts, 'attempt')}
            {report.duplicates ? `, ${plural(report.duplicates, 'duplicate')} recognised and counted once` : ''}.{' '}
            {plural(report.scenarios.length, 'scenario')} with records.
          </p>
        )}
      </div>
      {failure && (
        <p className="cohort-error" role="alert">
          {failure}
        </p>
      )}
      {sources.length > 0 && (
        <div className="actions cohort-sources-list">
          <p className="muted">Sources: {sources.map((s) => s.name).join(', ')}</p>
          <button type="button" className="button secondary small" onClick={clear}>
            Clear all records
          </button>
        </div>
      )}

      {report && report.skipped.length > 0 && (
        <section className="card cohort-skipped" aria-labelledby="cohort-skipped">
          <h2 id="cohort-skipped">Not counted</h2>
          <ul>
            {report.skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.source}</strong>: {plural(s.count, 'item')} skipped, {s.reason} (first at {s.example}).
              </li>
            ))}
          </ul>
        </section>
      )}

      {report && report.scenarios.length === 0 && !busy && (
        <p>None of the records belong to a scenario this app has. See “Not counted” above.</p>
      )}

      {report && report.scenarios.length > 0 && (
        <div className="field cohort-pick">
          <label htmlFor="cohort-scenario">Scenario</label>
          <select id="cohort-scenario" value={selected ?? ''} onChange={(e) => setSelected(e.target.value)}>
            {report.scenarios.map((f) => (
              <option key={f.scenarioId} value={f.scenarioId}>
                {f.title} ({plural(f.attempts, 'attempt')})
              </option>
            ))}
          </select>
        </div>
      )}

      {fig && scenario && heat && (
        <section className="cohort-scenario" aria-labelledby="cohort-title">
          <h2 id="cohort-title">{fig.title}</h2>
          <p className="cohort-summary">
            {plural(fig.trainees, 'trainee')}, {plural(fig.attempts, 'attempt')} on the map, {fig.finished} finished.{' '}
            {pct(fig.rewoundShare)} of answers were taken back.
          </p>
          {fig.replayed > 0 && (
            <p className="cohort-note">
              {plural(fig.replayed, 'attempt')} {fig.replayed === 1 ? 'was' : 'were'} recorded on an earlier version of this scenario;{' '}
              {fig.replayed === 1 ? 'its path still fits' : 'their paths still fit'} the current map, so{' '}
              {fig.replayed === 1 ? 'it is' : 'they are'} shown on it.
            </p>
          )}
          {fig.apart.length > 0 && (
            <div className="cohort-note cohort-apart">
              <p>
                <strong>{plural(fig.apart.length, 'attempt')} counted apart, not on the map:</strong> recorded on another version of the
                scenario, their paths no longer fit the current map. They are in the attempts CSV.
              </p>
              <ul>
                {fig.apart.slice(0, 5).map((a) => (
                  <li key={a.attemptId}>
                    <code>{a.trainee}</code>: {a.reason}
                  </li>
                ))}
                {fig.apart.length > 5 && <li>…and {n(fig.apart.length - 5)} more.</li>}
              </ul>
            </div>
          )}
          <div className="actions cohort-actions">
            <button ref={debriefButton} type="button" className="button" onClick={() => setDebrief(true)}>
              Group debrief mode
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => downloadText(`${fig.scenarioId}-choices.csv`, choicesCsv(fig, names), 'text/csv')}
            >
              Export choices (CSV)
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => downloadText(`${fig.scenarioId}-attempts.csv`, attemptsCsv(fig, names), 'text/csv')}
            >
              Export attempts (CSV)
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() =>
                downloadText(
                  `${fig.scenarioId}-heat-map.svg`,
                  heatMapSvg(scenario, heat, `${fig.title}: ${plural(fig.attempts, 'attempt')}`),
                  'image/svg+xml',
                )
              }
            >
              Export heat map (SVG)
            </button>
          </div>

          <section className="cohort-section" aria-labelledby="cohort-map">
            <h3 id="cohort-map">Heat map</h3>
            <p className="muted">
              Each response’s line is labelled with how many attempts chose it and the share of those who reached the moment; the thicker
              the line, the larger the share. Boxes show how many reached them.
            </p>
            <div className="cohort-map">
              <BranchMap doc={scenario} heat={heat} readOnly ariaLabel={`Heat map of ${fig.title}`} />
            </div>
          </section>
          <div className="cohort-grid">
            <DriftTable scenario={scenario} fig={fig} />
            <RareList fig={fig} />
          </div>
          <EndingsTable fig={fig} />
          <TraineeTable fig={fig} showNames={showNames} onShowNames={setShowNames} />
        </section>
      )}
    </main>
  );
}
