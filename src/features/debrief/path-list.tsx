import { excerpt } from '../../components/run-client-text';
import { FeedbackBody } from '../../components/run-feedback-body';
import { StanceBadge } from '../../components/run-stance-badge';
import type { Scenario } from '../../domain/schema';
import type { DebriefStep } from '../../engine/debrief';

/** The path taken: each step's client line, the response chosen, its stance and its feedback. */
export function PathList({ scenario, steps, openFeedback }: { scenario: Scenario; steps: readonly DebriefStep[]; openFeedback: boolean }) {
  return (
    <ol className="path-list">
      {steps.map((s, i) => (
        <li key={i} className="path-step">
          <h3 className="path-step-title">
            <span className="path-step-number">Step {i + 1}</span>
            <StanceBadge stance={s.choice.stance} prefix="Stance:" />
          </h3>
          <p className="path-client">
            <span className="path-who">{scenario.client.name}:</span> “{excerpt(s.moment.client)}”
          </p>
          <p className="path-coach">
            <span className="path-who">You:</span> “{s.choice.text}”
          </p>
          <details className="path-feedback" open={openFeedback}>
            <summary>Feedback on this move</summary>
            <FeedbackBody
              move={s.choice}
              headingLevel={4}
              changes={Object.entries(scenario.meters).map(([id, m]) => ({
                id,
                label: m.label,
                delta: (s.metersAfter[id] ?? 0) - (s.metersBefore[id] ?? 0),
              }))}
            />
          </details>
        </li>
      ))}
    </ol>
  );
}
