import { ClientText } from '../../components/run-client-text';
import { COMPETENCIES } from '../../domain/reference';
import type { Scenario } from '../../domain/schema';
import { STANCE_DESCRIPTIONS, STANCE_LABELS } from '../../domain/stances';

/** Client, competencies, main pull, objectives and discussion questions. */
export function FacilitatorOverview({ scenario }: { scenario: Scenario }) {
  const competencies = COMPETENCIES.filter((c) => scenario.competencies.includes(c.number));
  const guide = scenario.facilitator;
  return (
    <div className="fac-overview">
      <section className="fac-section" aria-labelledby="fac-client">
        <h2 id="fac-client">The client: {scenario.client.name}</h2>
        <p className="fac-role">{scenario.client.role}</p>
        <ClientText text={scenario.client.background} />
      </section>
      <section className="fac-section" aria-labelledby="fac-competencies">
        <h2 id="fac-competencies">Competencies practised</h2>
        <ul>
          {competencies.map((c) => (
            <li key={c.number}>
              <strong>{c.name}</strong> (ICF competency {c.number})
            </li>
          ))}
        </ul>
      </section>
      <section className="fac-section" aria-labelledby="fac-pull">
        <h2 id="fac-pull">Main pull</h2>
        {scenario.temptation ? (
          <p>
            <strong>{STANCE_LABELS[scenario.temptation]}.</strong> {STANCE_DESCRIPTIONS[scenario.temptation]}
          </p>
        ) : (
          <p>This scenario names no single main pull.</p>
        )}
      </section>
      <section className="fac-section" aria-labelledby="fac-objectives">
        <h2 id="fac-objectives">Learning objectives</h2>
        {guide ? (
          <ul>
            {guide.objectives.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
        ) : (
          <p>This scenario has no facilitator guide yet.</p>
        )}
      </section>
      <section className="fac-section" aria-labelledby="fac-discussion">
        <h2 id="fac-discussion">Discussion questions</h2>
        {guide ? (
          <ol>
            {guide.discussion.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        ) : (
          <p>This scenario has no facilitator guide yet.</p>
        )}
      </section>
    </div>
  );
}
