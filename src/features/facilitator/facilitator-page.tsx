import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../components/not-found';
import { usePageTitle } from '../../components/use-page-title';
import { OUTCOME_LABELS } from '../../domain/kinds';
import type { Scenario } from '../../domain/schema';
import { findPartneringPath } from '../../domain/paths';
import { loadScenario, type LoadedScenario } from '../../persistence/scenarios';
import { FacilitatorMap } from './facilitator-map';
import { driftNotesByNode, nodeRefs } from './facilitator-model';
import { MomentEntry } from './facilitator-moments';
import { EndingsSection, PartneringPathSection, RoutesSection } from './facilitator-outcomes';
import { FacilitatorOverview } from './facilitator-overview';
import './facilitator.css';

type State = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; loaded: LoadedScenario };

function useScenario(id: string): State {
  const [result, setResult] = useState<{ id: string; loaded?: LoadedScenario }>();
  useEffect(() => {
    let live = true;
    loadScenario(id).then(
      (loaded) => live && setResult({ id, loaded }),
      () => live && setResult({ id }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (result?.id !== id) return { status: 'loading' };
  return result.loaded ? { status: 'ready', loaded: result.loaded } : { status: 'missing' };
}

/** The facilitator guide for one scenario: everything a trainer needs, on screen and in print. */
export function FacilitatorPage() {
  const id = useParams().scenarioId ?? '';
  const state = useScenario(id);
  // If navigation moved focus to the loading heading, move it on to the real one.
  const loadingHadFocus = useRef(false);
  usePageTitle(state.status === 'ready' ? `Facilitator guide: ${state.loaded.scenario.title}` : state.status === 'missing' ? 'Scenario not found' : 'Facilitator guide');
  if (state.status === 'missing') return <NotFound what="scenario" />;
  if (state.status === 'loading')
    return (
      <main id="main" className="page" tabIndex={-1} aria-busy="true">
        <h1 tabIndex={-1} onFocus={() => (loadingHadFocus.current = true)}>
          Loading the facilitator guide…
        </h1>
      </main>
    );
  return <Guide scenario={state.loaded.scenario} loadingHadFocus={loadingHadFocus} />;
}

function Guide({ scenario, loadingHadFocus }: { scenario: Scenario; loadingHadFocus: RefObject<boolean> }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (loadingHadFocus.current) heading.current?.focus();
  }, [loadingHadFocus]);
  const refs = useMemo(() => nodeRefs(scenario), [scenario]);
  const notes = useMemo(() => driftNotesByNode(scenario), [scenario]);
  const path = useMemo(() => findPartneringPath(scenario), [scenario]);
  const describe = (nodeId: string) => {
    const ref = refs.find((r) => r.id === nodeId);
    if (!ref) return `${nodeId} (missing)`;
    if (ref.node.kind === 'ending') return `${ref.label} (${nodeId}), ${OUTCOME_LABELS[ref.node.outcome]}`;
    if (ref.node.kind === 'route') return `${ref.label} (${nodeId}), which branches on the meters`;
    return `${ref.label} (${nodeId})`;
  };
  const orphanNotes = [...notes].filter(([nodeId]) => !Object.hasOwn(scenario.nodes, nodeId));
  const briefing = `/scenarios/${encodeURIComponent(scenario.id)}`;

  return (
    <main id="main" className="page facilitator" tabIndex={-1}>
      <p className="eyebrow">Facilitator guide</p>
      <h1 ref={heading} tabIndex={-1}>
        {scenario.title}
      </h1>
      <p className="fac-summary">{scenario.summary}</p>
      <p className="muted fac-meta">
        About {scenario.estimatedMinutes} minutes · {refs.filter((r) => r.node.kind === 'moment').length} moments · meters:{' '}
        {Object.values(scenario.meters)
          .map((m) => `${m.label} (starts at ${m.initial})`)
          .join(', ')}
      </p>
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <Link className="button secondary" to={briefing}>
          Back to the briefing
        </Link>
        <Link className="button secondary" to="/cohort">
          Cohort insight
        </Link>
      </div>

      <FacilitatorOverview scenario={scenario} />

      <section className="fac-section fac-map" aria-labelledby="fac-map">
        <h2 id="fac-map">Branch map</h2>
        <FacilitatorMap scenario={scenario} refs={refs} />
      </section>

      <section className="fac-section fac-moments" aria-labelledby="fac-moments">
        <h2 id="fac-moments">Moments in play order</h2>
        <p className="muted">Breadth-first from the start. Drift notes sit with the moment they refer to.</p>
        {refs.map((r) =>
          r.node.kind === 'moment' ? <MomentEntry key={r.id} scenario={scenario} refItem={r} moment={r.node} notes={notes.get(r.id)} describe={describe} /> : null,
        )}
        {orphanNotes.length > 0 && (
          <>
            <h3>Other drift notes</h3>
            <ul>
              {orphanNotes.flatMap(([nodeId, list]) => list.map((n, i) => <li key={`${nodeId}-${i}`}>{nodeId}: {n}</li>))}
            </ul>
          </>
        )}
      </section>

      <RoutesSection scenario={scenario} refs={refs} notes={notes} describe={describe} />
      <EndingsSection scenario={scenario} refs={refs} notes={notes} />
      <PartneringPathSection scenario={scenario} path={path} describe={describe} />
    </main>
  );
}
