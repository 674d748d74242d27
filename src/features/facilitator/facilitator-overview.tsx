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
      <GuideList id="fac-objectives" title="Learning objectives" items={guide?.objectives} />
      <GuideList id="fac-discussion" title="Discussion questions" items={guide?.discussion} ordered />
    </div>
  );
}

/** One list from the facilitator guide, or a line saying the scenario has no guide yet. */
function GuideList({ id, title, items, ordered }: { id: string; title: string; items: readonly string[] | undefined; ordered?: boolean }) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <section className="fac-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items ? (
        <List>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </List>
      ) : (
        <p>This scenario has no facilitator guide yet.</p>
      )}
    </section>
  );
}
