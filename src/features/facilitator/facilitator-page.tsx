import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../components/not-found';
import { usePageTitle } from '../../components/use-page-title';
import { OUTCOME_LABELS } from '../../domain/kinds';
import type { Scenario } from '../../domain/schema';
import { findPartneringPath } from '../../domain/paths';
import { useScenario } from '../../persistence/use-scenario';
import { FacilitatorMap } from './facilitator-map';
import { driftNotesByNode, nodeRefs } from './facilitator-model';
import { MomentEntry } from './facilitator-moments';
import { EndingsSection, PartneringPathSection, RoutesSection } from './facilitator-outcomes';
import { FacilitatorOverview } from './facilitator-overview';
import './facilitator.css';

/** The facilitator guide for one scenario: everything a trainer needs, on screen and in print. */
export function FacilitatorPage() {
  const loaded = useScenario(useParams().scenarioId ?? '');
  usePageTitle(loaded ? `Facilitator guide: ${loaded.scenario.title}` : 'Scenario not found');
  if (!loaded) return <NotFound what="scenario" />;
  return <Guide scenario={loaded.scenario} />;
}

/* No loading state of its own: the route's Suspense fallback shows, and the layout focuses the heading. */
function Guide({ scenario }: { scenario: Scenario }) {
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
      <h1 tabIndex={-1}>{scenario.title}</h1>
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
          r.node.kind === 'moment' ? (
            <MomentEntry key={r.id} scenario={scenario} refItem={r} moment={r.node} notes={notes.get(r.id)} describe={describe} />
          ) : null,
        )}
        {orphanNotes.length > 0 && (
          <>
            <h3>Other drift notes</h3>
            <ul>
              {orphanNotes.flatMap(([nodeId, list]) =>
                list.map((n, i) => (
                  <li key={`${nodeId}-${i}`}>
                    {nodeId}: {n}
                  </li>
                )),
              )}
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
