import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { NotFound } from '../../components/not-found';
import { usePageTitle } from '../../components/use-page-title';
import { useProgress } from '../../persistence/progress-store';
import { restartRun } from '../../persistence/run-lifecycle';
import type { Attempt } from '../../persistence/progress-schema';
import type { LoadedScenario } from '../../persistence/scenarios';
import { buildDebriefModel } from './debrief-model';
import { EndingCard, InsightsCard, PatternCard, StoredSummary } from './debrief-sections';
import { MeterChart } from './meter-chart';
import { PartneringDemo } from './partnering-demo';
import { PathList } from './path-list';
import { ReflectionNote } from './reflection-note';
import { useScenario } from '../../persistence/use-scenario';
import './debrief.css';

export function DebriefPage() {
  const { attemptId } = useParams();
  const attempt = useProgress((s) => s.attempts.find((a) => a.id === attemptId));
  usePageTitle(attempt ? `Debrief: ${attempt.scenarioTitle}` : 'Debrief');
  if (!attempt) return <NotFound what="attempt" />;
  return <DebriefOf attempt={attempt} />;
}

/** The attempt's scenario, if it still exists: without it the debrief shows what was stored. */
function DebriefOf({ attempt }: { attempt: Attempt }) {
  return <DebriefView attempt={attempt} loaded={useScenario(attempt.scenarioId)} />;
}

function DebriefView({ attempt, loaded }: { attempt: Attempt; loaded: LoadedScenario | undefined }) {
  const scenario = loaded?.scenario;
  // Rebuilt when what the debrief shows changes, not when a note is typed into the attempt.
  const model = useMemo(
    () => buildDebriefModel(attempt, scenario, loaded?.partneringPath),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [attempt.path, attempt.status, attempt.endingId, scenario, loaded?.partneringPath],
  );
  const currentTiming = useProgress((s) => s.settings.feedbackTiming);
  const timing = attempt.feedbackTiming ?? currentTiming;
  const navigate = useNavigate();
  const finished = new Date(attempt.finishedAt);

  const replayScenario = () => {
    if (!loaded) return;
    restartRun(loaded.scenario, loaded.version, 'replayed');
    navigate(`/scenarios/${loaded.scenario.id}/play`);
  };

  return (
    <main id="main" className="page debrief" tabIndex={-1}>
      <header className="debrief-header">
        <p className="eyebrow">Debrief</p>
        <h1>{attempt.scenarioTitle}</h1>
        <p className="muted">
          {scenario ? `With ${scenario.client.name}, ${scenario.client.role}. ` : ''}
          Finished{' '}
          <time dateTime={attempt.finishedAt}>{finished.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>
        </p>
      </header>

      {model.kind === 'full' && scenario ? (
        <>
          <div className="debrief-top">
            <EndingCard debrief={model.debrief} clientName={scenario.client.name} />
            <PatternCard debrief={model.debrief} />
          </div>
          <section className="card" aria-labelledby="meters-heading">
            <h2 id="meters-heading">{scenario.client.name}’s meters over the conversation</h2>
            <MeterChart series={model.debrief.meterSeries} />
          </section>
          <InsightsCard debrief={model.debrief} />
          <section className="card" aria-labelledby="path-heading">
            <h2 id="path-heading">Your path</h2>
            {timing === 'debrief' && <p>You chose to see feedback only in the debrief, so each move’s feedback is open below.</p>}
            <PathList scenario={scenario} steps={model.debrief.steps} openFeedback={timing === 'debrief'} />
          </section>
        </>
      ) : (
        <StoredSummary attempt={attempt} why={model.kind === 'stored' ? model.why : 'changed'} />
      )}

      {scenario && model.partnering && (
        <section className="card" aria-labelledby="demo-heading">
          <h2 id="demo-heading">A partnering path through this conversation</h2>
          <p className="muted">
            One way through that leaves the agenda, the meaning and the decisions with {scenario.client.name}. Step through it at your own
            pace.
          </p>
          <PartneringDemo scenario={scenario} path={model.partnering} />
        </section>
      )}

      <section className="card" aria-labelledby="note-heading">
        <h2 id="note-heading">Reflection</h2>
        <ReflectionNote value={attempt.note} onChange={(note) => useProgress.getState().setNote(attempt.id, note)} />
      </section>

      <div className="actions debrief-actions no-print">
        {loaded && (
          <button type="button" className="button" onClick={replayScenario}>
            Replay
          </button>
        )}
        <Link className="button secondary" to="/">
          Back to library
        </Link>
      </div>
    </main>
  );
}
