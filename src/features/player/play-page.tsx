import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { NotFound } from '../../components/not-found';
import { usePageTitle } from '../../components/use-page-title';
import { compileScenario } from '../../engine/compile';
import { useProgress } from '../../persistence/progress-store';
import { completeRun, restartRun } from '../../persistence/run-lifecycle';
import type { LoadedScenario } from '../../persistence/scenarios';
import { BrokenRun } from './broken-run';
import { PlayView } from './play-view';
import { deriveRunView } from './run-view';
import { useScenario } from '../../persistence/use-scenario';
import './player.css';

export function PlayPage() {
  const loaded = useScenario(useParams().scenarioId ?? '');
  usePageTitle(loaded ? `Conversation: ${loaded.scenario.title}` : 'Scenario not found');
  if (!loaded) return <NotFound what="scenario" />;
  return <PlayRun key={loaded.scenario.id} loaded={loaded} />;
}

function PlayRun({ loaded }: { loaded: LoadedScenario }) {
  const { scenario, version } = loaded;
  const id = scenario.id;
  const navigate = useNavigate();
  const run = useProgress((s) => s.runs[id]);
  const timing = useProgress((s) => s.settings.feedbackTiming);
  const store = useProgress.getState;
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const path = run?.path;
  const awaiting = run?.awaitingContinue ?? false;
  const seed = run?.seed;
  const view = useMemo(
    () => (path && seed !== undefined ? deriveRunView(scenario, machine, path, awaiting, { seed }) : undefined),
    [scenario, machine, path, awaiting, seed],
  );
  const finishing = useRef(false);

  // No run yet for this scenario: start one (asking the store, not this render's closure).
  useEffect(() => {
    if (!finishing.current && !store().runs[id]) store().startRun(id, version);
  }, [run, id, version, store]);

  // Reached an ending and no feedback is waiting: the store closes the run, the debrief opens.
  const ending = view?.kind === 'ok' && !awaiting ? view.ending : undefined;
  useEffect(() => {
    if (!ending || finishing.current) return;
    finishing.current = true;
    const attemptId = completeRun(scenario);
    if (attemptId) navigate(`/attempts/${attemptId}`, { replace: true });
  }, [ending, scenario, navigate, store]);

  const restart = () => {
    if (view?.kind !== 'broken') return;
    restartRun(scenario, version, `The scenario changed after this run began: ${view.reason}.`);
  };

  return (
    <main id="main" className="page play" tabIndex={-1}>
      <header className="play-header">
        <p className="eyebrow">Practice conversation</p>
        <h1>{scenario.title}</h1>
        <p className="play-client">
          With <strong>{scenario.client.name}</strong>, {scenario.client.role}
          <span className="play-header-links">
            {' · '}
            <Link to={`/scenarios/${id}`}>Briefing</Link>
          </span>
        </p>
      </header>
      {!view ? (
        <p role="status" className="muted">
          Starting the conversation…
        </p>
      ) : view.kind === 'broken' ? (
        <BrokenRun reason={view.reason} onRestart={restart} />
      ) : (
        <PlayView
          view={view}
          clientName={scenario.client.name}
          timing={timing}
          onTiming={(t) => store().setFeedbackTiming(t)}
          onChoose={(choiceId) => store().choose(id, choiceId, store().settings.feedbackTiming === 'each')}
          onContinue={() => store().continueRun(id)}
          onRetry={() => store().rewind(id)}
        />
      )}
    </main>
  );
}
