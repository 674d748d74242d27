import { ClientText } from '../../components/run-client-text';
import { StanceBadge } from '../../components/run-stance-badge';
import { OUTCOME_LABELS } from '../../domain/kinds';
import { applyEffects, describeCondition, initialMeters } from '../../domain/meters';
import type { Scenario } from '../../domain/schema';
import type { PartneringPath } from '../../domain/paths';
import { quoted, type NodeRef } from './facilitator-model';
import { DriftNotes, type Describe } from './facilitator-moments';

type Props = { scenario: Scenario; refs: readonly NodeRef[]; notes: ReadonlyMap<string, string[]>; describe: Describe };

export function RoutesSection({ scenario, refs, notes, describe }: Props) {
  const routes = refs.filter((r) => r.node.kind === 'route');
  return (
    <section className="fac-section fac-routes" aria-labelledby="fac-routes">
      <h2 id="fac-routes">Routes</h2>
      {routes.length === 0 ? (
        <p>This scenario has no routes: every response leads straight to the next moment or ending.</p>
      ) : (
        <>
          <p className="muted">
            A route takes no choice: the first condition that holds for the client’s meters decides where the conversation goes.
          </p>
          {routes.map((r) =>
            r.node.kind !== 'route' ? null : (
              <article key={r.id} className="fac-route" aria-labelledby={`fac-h-${r.id}`}>
                <h3 id={`fac-h-${r.id}`}>
                  {r.label}: {r.id}
                </h3>
                <DriftNotes notes={notes.get(r.id)} />
                <ol>
                  {r.node.routes.map((route, i) => (
                    <li key={i}>
                      {route.when ? `If ${describeCondition(scenario, route.when)}` : 'Otherwise'}: {describe(route.next)}
                    </li>
                  ))}
                </ol>
              </article>
            ),
          )}
        </>
      )}
    </section>
  );
}

export function EndingsSection({ scenario, refs, notes }: Omit<Props, 'describe'>) {
  return (
    <section className="fac-section fac-endings" aria-labelledby="fac-endings">
      <h2 id="fac-endings">Endings</h2>
      {refs.map((r) =>
        r.node.kind !== 'ending' ? null : (
          <article key={r.id} className="fac-ending" aria-labelledby={`fac-h-${r.id}`}>
            <h3 id={`fac-h-${r.id}`}>
              {r.label}: {r.id}
            </h3>
            <p>
              <span className="fac-kicker">Outcome: </span>
              <span className={`fac-outcome fac-outcome-${r.node.outcome}`}>{OUTCOME_LABELS[r.node.outcome]}</span>
            </p>
            <DriftNotes notes={notes.get(r.id)} />
            <div className="fac-client">
              <p className="fac-kicker">{scenario.client.name} says</p>
              <ClientText text={r.node.client} />
            </div>
            <p>
              <span className="fac-kicker">Summary: </span>
              {r.node.summary}
            </p>
          </article>
        ),
      )}
    </section>
  );
}

export function PartneringPathSection({
  scenario,
  path,
  describe,
}: {
  scenario: Scenario;
  path: PartneringPath | undefined;
  describe: Describe;
}) {
  const steps = (path?.choices ?? []).flatMap((pc) => {
    const node = scenario.nodes[pc.nodeId];
    const choice = node?.kind === 'moment' ? node.choices.find((c) => c.id === pc.choiceId) : undefined;
    return choice ? [{ ...pc, choice }] : [];
  });
  const finalMeters = steps.reduce((m, s) => applyEffects(m, s.choice.effects), initialMeters(scenario));
  return (
    <section className="fac-section fac-path" aria-labelledby="fac-path">
      <h2 id="fac-path">The partnering path</h2>
      {!path ? (
        <p>No path from the start reaches an ending, so there is no partnering path to show.</p>
      ) : (
        <>
          <p>
            The conversation with the most partnering responses takes {steps.length} {steps.length === 1 ? 'response' : 'responses'},{' '}
            {path.partnering} of them partnering, and reaches {describe(path.endingId)}. Meters are simulated, so routes go where they would
            in play.
          </p>
          <p>
            <span className="fac-kicker">Meters at the end: </span>
            {Object.entries(scenario.meters)
              .map(([id, m]) => `${m.label} ${m.initial} → ${finalMeters[id] ?? m.initial}`)
              .join(', ')}
          </p>
          <ol className="fac-path-list">
            {steps.map((s) => (
              <li key={`${s.nodeId}/${s.choiceId}`}>
                <span className="fac-path-where">{describe(s.nodeId)}:</span> <StanceBadge stance={s.choice.stance} prefix="Stance:" />{' '}
                <span className="fac-path-text">{quoted(s.choice.text)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
