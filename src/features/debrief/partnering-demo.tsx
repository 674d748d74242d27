import { useState } from 'react';
import { ClientText, Narration } from '../../components/run-client-text';
import { FeedbackBody } from '../../components/run-feedback-body';
import { OUTCOME_LABELS } from '../../domain/kinds';
import type { Scenario } from '../../domain/schema';
import type { PartneringPath } from '../../domain/paths';

/**
 * The partnering path as a worked example the trainee steps through: each moment, the partnering
 * response and its feedback, then the ending it reaches. Focus stays on the buttons (aria-disabled, so it is never dropped at either end); a polite
 * status names the new position, and the content follows the buttons in reading order.
 */
export function PartneringDemo({ scenario, path }: { scenario: Scenario; path: PartneringPath }) {
  const moments = path.choices.flatMap((pc) => {
    const node = scenario.nodes[pc.nodeId];
    const choice = node?.kind === 'moment' ? node.choices.find((c) => c.id === pc.choiceId) : undefined;
    return node?.kind === 'moment' && choice ? [{ moment: node, choice }] : [];
  });
  const ending = scenario.nodes[path.endingId];
  const last = moments.length; // index of the ending screen
  const [i, setI] = useState(0);
  const step = moments[i];
  const position = i < last ? `Moment ${i + 1} of ${moments.length}` : 'Ending reached';
  const name = scenario.client.name;

  return (
    <div className="demo">
      <div className="demo-nav">
        <button type="button" className="button secondary" aria-disabled={i === 0} onClick={() => i > 0 && setI(i - 1)}>
          Previous
        </button>
        <p className="demo-position" role="status">
          {position}
        </p>
        <button type="button" className="button" aria-disabled={i === last} onClick={() => i < last && setI(i + 1)}>
          Next
        </button>
      </div>
      {step ? (
        <div className="demo-body">
          {step.moment.narration && <Narration text={step.moment.narration} />}
          <div className="demo-line demo-client">
            <p className="speaker">{name}</p>
            <ClientText text={step.moment.client} />
          </div>
          <div className="demo-line demo-coach">
            <p className="speaker">Partnering response</p>
            <p>{step.choice.text}</p>
          </div>
          <FeedbackBody move={step.choice} headingLevel={3} />
        </div>
      ) : ending?.kind === 'ending' ? (
        <div className="demo-body">
          <p>
            <span className={`outcome-badge outcome-${ending.outcome}`}>{OUTCOME_LABELS[ending.outcome]}</span>
          </p>
          <div className="demo-line demo-client">
            <p className="speaker">{name}</p>
            <ClientText text={ending.client} />
          </div>
          <p>{ending.summary}</p>
        </div>
      ) : null}
    </div>
  );
}
